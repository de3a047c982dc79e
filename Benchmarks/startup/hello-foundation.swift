import Foundation
_ = Date()
print("hi")
