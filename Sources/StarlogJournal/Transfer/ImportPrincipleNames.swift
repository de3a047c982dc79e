#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StarlogStorage

/// Principles by every name a user may give them, loaded once per import.
final class PrincipleLookup {
    let repository: PrincipleRepository
    private var resolved: [String: Principle] = [:]
    private var all: [Principle]?

    init(repository: PrincipleRepository) {
        self.repository = repository
    }

    private func principles() -> [Principle] {
        if let all { return all }
        let loaded = (try? repository.all()) ?? []
        all = loaded
        return loaded
    }

    func reload() {
        all = nil
        resolved = [:]
    }

    /// The principle `text` names (slug, name or number), or an error with a suggestion.
    func resolve(_ text: String) throws -> Principle {
        if let principle = resolved[text] { return principle }
        let principle = try repository.resolve(text)
        resolved[text] = principle
        return principle
    }

    /// The slug of the principle a heading names: `11. Earn Trust`,
    /// `9.Bias for Action`, `earn trust`, `Earn Trust:` or `11`; nil for
    /// any other heading.
    func heading(_ text: String) -> String? {
        var rest = Substring(text.trimmed)
        var number: Int?
        let digits = rest.prefix { $0.isASCIIDigit }
        if !digits.isEmpty {
            number = Int(digits)
            rest = rest.dropFirst(digits.count)
            while let first = rest.first, first == "." || first == ")" || first == ":" || first == "-" || first == " " {
                rest.removeFirst()
            }
        }
        while let last = rest.last, last == ":" || last == " " { rest.removeLast() }
        let all = principles()
        if rest.isEmpty {
            guard let number else { return nil }
            return all.first { $0.builtin && $0.position == number }?.slug
        }
        let key = PrincipleRepository.normalize(String(rest))
        return all.first { $0.slug == key || PrincipleRepository.normalize($0.name) == key }?.slug
    }
}
