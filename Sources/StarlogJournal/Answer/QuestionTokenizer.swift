import StarlogStorage

/// Splits text into the terms story search indexes: SQLite's FTS5 with the
/// tokenizer of the story index (Porter stems over unicode61, case and
/// accents folded), run in a private in-memory database, so `leading` and
/// `leads` both become `lead` here exactly as they do in `starlog search`.
final class QuestionTokenizer {
    /// The tokenizer of the story index (`story_fts` in the first migration);
    /// a test checks the two stay the same.
    static let tokenize = "porter unicode61 remove_diacritics 2"

    /// One term of a text: its stem and its place among the text's tokens.
    struct Token: Equatable {
        let term: String
        let position: Int
    }

    private let database: Database

    init() throws {
        database = try Database(path: ":memory:")
        try database.execute("""
            CREATE VIRTUAL TABLE text_fts USING fts5 (body, tokenize = '\(Self.tokenize)');
            CREATE VIRTUAL TABLE text_terms USING fts5vocab (text_fts, instance);
            """)
    }

    /// The tokens of each text, in order.
    func tokens(of texts: [String]) throws -> [[Token]] {
        guard !texts.isEmpty else { return [] }
        // In one transaction FTS5 gathers every text's terms in memory and
        // writes one segment; one statement at a time, it wrote a segment per
        // text and merged them as it went, most of a classifier's building.
        try database.transaction {
            try database.execute("DELETE FROM text_fts")
            let insert = try database.cached("INSERT INTO text_fts (rowid, body) VALUES (?, ?)")
            for (index, text) in texts.enumerated() {
                try insert.execute([Int64(index + 1), text])
            }
        }
        var result = [[Token]](repeating: [], count: texts.count)
        try database.forEach("SELECT doc, term, offset FROM text_terms ORDER BY doc, offset") { row in
            let index = Int(row.int64(0)) - 1
            guard result.indices.contains(index) else { return }
            result[index].append(Token(term: row.text(1), position: row.int(2)))
        }
        return result
    }

    /// The words of `text` as a user wrote them, in the order FTS5 counts
    /// its tokens: runs of letters, digits and private-use characters.
    static func words(of text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if SearchQuery.isTokenCharacter(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }
}
