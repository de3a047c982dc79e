import FoundationEssentials
print("hi")
