import StarlogStorage

/// A principle a story can show: one of a built-in framework's, or one a user added.
public struct Principle: Sendable, Equatable, Identifiable {
    public let id: Int64
    /// `earn-trust`.
    public let slug: String
    /// `Earn Trust`.
    public let name: String
    /// One line, in starlog's own words.
    public let summary: String
    /// The slug of its framework: `amazon` for the built-in sixteen.
    public let framework: String
    /// Its number within the framework, when it has one (`11` for Earn Trust).
    public let position: Int?
    public let builtin: Bool

    static let columns = "p.id, p.slug, p.name, p.summary, p.framework, p.position, p.builtin"

    /// Framework order, the one order of every list of principles (SQL,
    /// with `p` the principle table): built-in principles first, then by
    /// framework, by number with unnumbered ones last, then by slug, which
    /// is unique, so two principles with the same number always come in
    /// the same order.
    static let order = "p.builtin DESC, p.framework, p.position IS NULL, p.position, p.slug"

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

    public init(principle: Principle, stories: Int) {
        self.principle = principle
        self.stories = stories
    }
}

/// Reads principles and turns what a user types into one.
public struct PrincipleRepository {
    let database: Database

    /// Every principle, built-in frameworks first, in their order.
    public func all() throws -> [Principle] {
        try database.rows("""
            SELECT \(Principle.columns) FROM principle p
            ORDER BY \(Principle.order)
            """) { Principle(row: $0) }
    }

    /// Every principle with its story count.
    public func usage() throws -> [PrincipleUsage] {
        try database.rows("""
            SELECT \(Principle.columns),
                   (SELECT count(*) FROM story_principle sp WHERE sp.principle_id = p.id)
            FROM principle p
            ORDER BY \(Principle.order)
            """) { PrincipleUsage(principle: Principle(row: $0), stories: $0.int(7)) }
    }

    /// Every principle of the framework `slug`, in its order.
    public func all(in framework: String) throws -> [Principle] {
        try database.rows("""
            SELECT \(Principle.columns) FROM principle p WHERE p.framework = ?
            ORDER BY \(Principle.order)
            """, [framework]) { Principle(row: $0) }
    }

    /// The lookup over every principle and framework of the journal.
    public func lookup() throws -> PrincipleIndex {
        let frameworks = try database.rows("SELECT f.slug FROM framework f ORDER BY \(Framework.order)") { $0.text(0) }
        return PrincipleIndex(principles: try all(), frameworks: frameworks)
    }

    /// The principle a user means by `text`: its slug, its name in any case,
    /// its number in `framework` (else `amazon`), or `FRAMEWORK:NUMBER`.
    /// Throws with the closest match, or the candidates of a shared name.
    public func resolve(_ text: String, in framework: String? = nil) throws -> Principle {
        try resolve(text, in: framework, using: lookup())
    }

    func resolve(_ text: String, in framework: String?, using lookup: PrincipleIndex) throws -> Principle {
        switch lookup.find(text, scope: framework) {
        case .success(let principle): return principle
        case .failure(let failure): throw JournalError.principle(failure)
        }
    }

    /// Resolves several at once, dropping repeats and keeping their order.
    public func resolve(all texts: [String], in framework: String? = nil) throws -> [Principle] {
        guard !texts.isEmpty else { return [] }
        let lookup = try lookup()
        // A handful of names: a linear check, not a Set (whose first use
        // costs a third of a million instructions in a short command).
        var principles: [Principle] = []
        for text in texts {
            let principle = try resolve(text, in: framework, using: lookup)
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

    /// The optimal string alignment distance between `a` and `b`: the
    /// fewest insertions, deletions, substitutions and swaps of two
    /// neighbouring characters (`lgo` → `log` is one), each character
    /// edited once. It decides how near a mistyped name is.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    best = min(best, beforePrevious[j - 2] + 1)
                }
                current[j] = best
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}

extension PrincipleUsage {
    /// `slug`, `name`, `number`, `framework`, `summary`, `stories`.
    public var json: JSONValue {
        .object([
            .init("slug", .string(principle.slug)),
            .init("name", .string(principle.name)),
            .init("number", .int(principle.position)),
            .init("framework", .string(principle.framework)),
            .init("summary", .string(principle.summary)),
            .init("stories", .int(stories)),
        ])
    }
}
