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
    /// Slugs of the file that this journal gives to another principle: the
    /// file's principle took the slug beside it here.
    private var renamed: [String: String] = [:]

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

    /// From now on, the file's `slug` names the principle `newSlug` here.
    func rename(_ slug: String, to newSlug: String) {
        renamed[slug] = newSlug
        resolved[slug] = nil
    }

    /// The principle `text` names (slug, name or number), or an error with a suggestion.
    func resolve(_ text: String) throws -> Principle {
        if let principle = resolved[text] { return principle }
        let principle: Principle
        do {
            principle = try repository.resolve(renamed[text] ?? text)
        } catch {
            // A journal that held a principle of the user's with a theme's
            // slug when the themes arrived gave the theme `common-` + its
            // slug; here the theme has its own.
            guard text.hasPrefix("common-"),
                  let theme = principles().first(where: { $0.builtin && $0.framework == "common" && "common-" + $0.slug == text })
            else { throw error }
            principle = theme
        }
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
