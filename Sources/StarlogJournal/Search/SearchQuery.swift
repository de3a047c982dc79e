/// A full-text query turned into an FTS5 pattern that SQLite always accepts.
///
/// User text is never spliced into a MATCH pattern. It is read as terms:
/// `"two words"` (balanced quotes) is a phrase, a trailing `*` makes a
/// prefix, and `section:term` limits a term to one STAR section. Every term
/// is then quoted, with inner quotes doubled, so `AND`, `NEAR(`, `-`, `^`,
/// apostrophes and lone quotes are only words. Terms with no letter or digit
/// cannot match anything and are dropped.
public struct SearchQuery: Sendable, Equatable {
    /// One term of a plain query.
    public struct Term: Sendable, Equatable {
        public var text: String
        public var isPrefix: Bool
        public var section: StorySection?
    }

    /// The terms read from the user's text (empty for a raw query).
    public let terms: [Term]
    /// The FTS5 pattern; nil when the text holds nothing to search for.
    public let pattern: String?
    /// True when the text was handed to FTS5 as it is (`--raw`).
    public let isRaw: Bool

    /// Reads `text` as plain words. Every string gives a valid pattern or none.
    public init(_ text: String) {
        let terms = SearchQuery.parse(text)
        self.terms = terms
        self.pattern = terms.isEmpty ? nil : terms.map(SearchQuery.render).joined(separator: " ")
        self.isRaw = false
    }

    /// Hands `pattern` to FTS5 unchanged; SQLite reports any syntax error.
    public init(raw pattern: String) {
        self.terms = []
        self.pattern = pattern.trimmed.isEmpty ? nil : pattern
        self.isRaw = true
    }

    /// True when a term is a prefix or more than one word (a phrase),
    /// which FTS5 sets up at a cost that grows with the journal.
    public var hasPrefixOrPhrase: Bool {
        terms.contains { $0.isPrefix || $0.text.unicodeScalars.contains { !SearchQuery.isTokenCharacter($0) } }
    }

    static func render(_ term: Term) -> String {
        var piece = "\"" + term.text.replacingAll("\"", with: "\"\"") + "\""
        if term.isPrefix { piece += " *" }
        if let section = term.section { piece = "{\(section.rawValue)} : " + piece }
        return piece
    }

    static func parse(_ text: String) -> [Term] {
        // Control characters (NUL among them) separate words like spaces do.
        let scalars = Array(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 })
        var terms: [Term] = []
        var index = 0

        func closingQuote(after start: Int) -> Int? {
            var cursor = start + 1
            while cursor < scalars.count {
                if scalars[cursor] == "\"" { return cursor }
                cursor += 1
            }
            return nil
        }
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isWhitespace }

        while index < scalars.count {
            if isSpace(scalars[index]) { index += 1; continue }
            var section: StorySection?
            // `section:` directly before a word or a quoted phrase.
            if let colon = (index..<scalars.count).first(where: { scalars[$0] == ":" || isSpace(scalars[$0]) || scalars[$0] == "\"" }),
               scalars[colon] == ":",
               let named = StorySection(rawValue: String(String.UnicodeScalarView(scalars[index..<colon])).lowercased()),
               colon + 1 < scalars.count, !isSpace(scalars[colon + 1]) {
                section = named
                index = colon + 1
            }
            var body: String
            if scalars[index] == "\"", let close = closingQuote(after: index) {
                body = String(String.UnicodeScalarView(scalars[(index + 1)..<close]))
                index = close + 1
            } else {
                let start = index
                while index < scalars.count && !isSpace(scalars[index]) { index += 1 }
                body = String(String.UnicodeScalarView(scalars[start..<index]))
            }
            var isPrefix = false
            // A trailing `*` (right after a word or a closing quote) asks for a prefix.
            while index < scalars.count && scalars[index] == "*" { isPrefix = true; index += 1 }
            while body.unicodeScalars.last == "*" { body.unicodeScalars.removeLast(); isPrefix = true }
            guard body.unicodeScalars.contains(where: SearchQuery.isTokenCharacter) else { continue }
            terms.append(Term(text: body, isPrefix: isPrefix, section: section))
        }
        return terms
    }

    /// The characters FTS5's unicode61 tokenizer keeps in a token: letters,
    /// numbers and private-use characters.
    static func isTokenCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .privateUse:
            return true
        default:
            return false
        }
    }
}

extension String {
    /// Every `target` scalar replaced by `replacement`, without Foundation.
    /// Works on Unicode scalars, not characters: a quote followed by a
    /// combining mark is one Character but still a quote to FTS5.
    func replacingAll(_ target: Unicode.Scalar, with replacement: String) -> String {
        guard unicodeScalars.contains(target) else { return self }
        var result = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if scalar == target { result.append(contentsOf: replacement.unicodeScalars) } else { result.append(scalar) }
        }
        return String(result)
    }
}
