import StarlogStorage

/// A principle a story can show: one of Amazon's sixteen, or one a user added.
public struct Principle: Sendable, Equatable, Identifiable {
    public let id: Int64
    /// `earn-trust`.
    public let slug: String
    /// `Earn Trust`.
    public let name: String
    /// One line, in starlog's own words.
    public let summary: String
    /// `amazon` for the built-in sixteen.
    public let framework: String
    /// Its number within the framework, when it has one (`11` for Earn Trust).
    public let position: Int?
    public let builtin: Bool

    static let columns = "p.id, p.slug, p.name, p.summary, p.framework, p.position, p.builtin"

    init(row: Statement, offset: Int32 = 0) {
        id = row.int64(offset)
        slug = row.text(offset + 1)
        name = row.text(offset + 2)
        summary = row.text(offset + 3)
        framework = row.text(offset + 4)
        position = row.optionalInt64(offset + 5).map(Int.init)
        builtin = row.int64(offset + 6) != 0
    }
}

/// A principle with the number of stories tagged with it.
public struct PrincipleUsage: Sendable, Equatable {
    public let principle: Principle
    public let stories: Int
}

/// Reads principles and turns what a user types into one.
public struct PrincipleRepository {
    let database: Database

    /// Every principle, built-in frameworks first, in their order.
    public func all() throws -> [Principle] {
        try database.rows("""
            SELECT \(Principle.columns) FROM principle p
            ORDER BY p.builtin DESC, p.framework, p.position IS NULL, p.position, p.name
            """) { Principle(row: $0) }
    }

    /// Every principle with its story count.
    public func usage() throws -> [PrincipleUsage] {
        try database.rows("""
            SELECT \(Principle.columns),
                   (SELECT count(*) FROM story_principle sp WHERE sp.principle_id = p.id)
            FROM principle p
            ORDER BY p.builtin DESC, p.framework, p.position IS NULL, p.position, p.name
            """) { PrincipleUsage(principle: Principle(row: $0), stories: $0.int(7)) }
    }

    /// The principle a user means by `text`: its slug, its name in any case,
    /// or its built-in number. Throws with the closest match otherwise.
    public func resolve(_ text: String) throws -> Principle {
        let wanted = text.trimmed
        guard !wanted.isEmpty else {
            throw JournalError.invalidInput("a principle cannot be empty; run `starlog principles` to see them")
        }
        let principles = try all()
        if wanted.allSatisfy(\.isASCIIDigit), let number = Int(wanted) {
            if let match = principles.first(where: { $0.builtin && $0.position == number }) { return match }
            let count = principles.filter(\.builtin).count
            throw JournalError.invalidInput("there is no principle number \(wanted); the built-in ones are numbered 1 to \(count)")
        }
        if let match = principles.first(where: { $0.slug == wanted }) { return match }
        let lower = wanted.lowercased()
        let key = PrincipleRepository.normalize(wanted)
        if let match = principles.first(where: { $0.slug == lower })
            ?? principles.first(where: { $0.name.lowercased() == lower })
            ?? principles.first(where: { PrincipleRepository.normalize($0.name) == key || $0.slug == key }) {
            return match
        }
        var message = "unknown principle \(Excerpt.quoted(wanted))"
        if let suggestion = PrincipleRepository.closest(to: key, in: principles) {
            message += "; did you mean '\(suggestion.slug)' (\(suggestion.name))?"
        } else {
            message += "; run `starlog principles` to see them"
        }
        throw JournalError.invalidInput(message)
    }

    /// Resolves several at once, dropping repeats and keeping their order.
    public func resolve(all texts: [String]) throws -> [Principle] {
        // A handful of names: a linear check, not a Set (whose first use
        // costs a third of a million instructions in a short command).
        var principles: [Principle] = []
        for text in texts {
            let principle = try resolve(text)
            if !principles.contains(where: { $0.id == principle.id }) { principles.append(principle) }
        }
        return principles
    }

    /// A name reduced to a slug: lower case, words joined by hyphens.
    public static func normalize(_ text: String) -> String {
        var slug = ""
        var pendingHyphen = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar == "'" || scalar == "\u{2019}" { continue }
            if scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) {
                if pendingHyphen && !slug.isEmpty { slug += "-" }
                slug.unicodeScalars.append(scalar)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
        }
        return slug
    }

    /// The principle whose slug or name is nearest to `key`, when one is near enough.
    static func closest(to key: String, in principles: [Principle]) -> Principle? {
        guard !key.isEmpty else { return nil }
        if let containing = principles.first(where: { $0.slug.contains(key) || (key.count >= 4 && key.contains($0.slug)) }) {
            return containing
        }
        var best: (principle: Principle, distance: Int)?
        for principle in principles {
            let distance = min(editDistance(key, principle.slug), editDistance(key, normalize(principle.name)))
            if distance < (best?.distance ?? Int.max) { best = (principle, distance) }
        }
        guard let best, best.distance <= max(2, key.count / 3) else { return nil }
        return best.principle
    }

    /// Levenshtein distance over characters (also used to suggest command names).
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
