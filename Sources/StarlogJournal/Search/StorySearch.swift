import StarlogStorage

/// One story found by a search.
public struct SearchHit: Sendable, Equatable {
    public let story: Story
    /// Place in the results, from 1.
    public let rank: Int
    /// FTS5's bm25 score, negated: higher is a better match.
    public let score: Double
    /// The best-matching fragment, matched words between `SearchHit.highlightStart`
    /// and `SearchHit.highlightEnd`.
    public let snippet: String

    /// Marks the start of a matched word in `snippet`.
    public static let highlightStart: Character = "\u{1}"
    /// Marks the end of a matched word in `snippet`.
    public static let highlightEnd: Character = "\u{2}"

    /// The snippet with its highlight marks removed.
    public var plainSnippet: String {
        snippet.filter { $0 != SearchHit.highlightStart && $0 != SearchHit.highlightEnd }
    }
}

/// Full-text search over stories, ranked by bm25 with the title weighted
/// above the STAR sections; ties go to the newer story.
public struct StorySearch: JournalRepository {
    let context: JournalContext

    /// How much more a title match counts than a match in the body.
    public static let titleWeight = 10.0

    /// Stories matching `query`, best first. `principle` narrows to one
    /// principle's stories; `limit` caps the count.
    ///
    /// Ranking reads only the index and the story keys; the stories and
    /// their snippets are then read for the hits that are shown, so a
    /// common word over a large journal costs no more than the page asked for.
    public func search(_ query: SearchQuery, principle: String? = nil, limit: Int? = nil) throws -> [SearchHit] {
        let principleID = try principle.map { try principles.resolve($0).id }
        guard let pattern = query.pattern else { return [] }
        let ranked = try ranking(query, principleID: principleID, limit: limit)
        // A prefix or a phrase costs FTS5 more to set up than a snippet:
        // their snippets are read in batches, a word's one story at a time.
        let snippets = query.hasPrefixOrPhrase ? try snippets(for: ranked.map(\.id), pattern: pattern) : nil
        let stories = context.stories
        var hits: [SearchHit] = []
        for (offset, match) in ranked.enumerated() {
            guard let story = try stories.find(match.id) else { continue }
            hits.append(SearchHit(
                story: story, rank: offset + 1, score: match.score,
                snippet: try snippets.map { $0[match.id].map(Self.chosen) ?? "" } ?? snippet(for: match.id, pattern: pattern)))
        }
        return hits
    }

    /// The stories matching `query`, best first, as ids and bm25 scores
    /// (negated: higher is better), reading only the full-text index and the
    /// stories' ids and creation times; only those of principle
    /// `principleID` when it is given.
    func ranking(_ query: SearchQuery, principleID: Int64?, limit: Int?) throws -> [(id: Int64, score: Double)] {
        guard let pattern = query.pattern else { return [] }
        var sql = """
            SELECT s.id, bm25(story_fts, \(Self.titleWeight), 1.0, 1.0, 1.0, 1.0, 1.0) AS score
            FROM story_fts JOIN story s INDEXED BY story_created_by_id ON s.id = story_fts.rowid
            WHERE story_fts MATCH ?
            """
        var values: [any SQLBindable] = [pattern]
        if let principleID {
            // Checked on the index's rowid before the story is joined, so only
            // the principle's matches are looked up (a third of the time at
            // 100,000 stories). The `+` keeps the list out of FTS5's hands,
            // which would run the whole query once per listed story.
            sql += " AND +story_fts.rowid IN (SELECT story_id FROM story_principle WHERE principle_id = ?)"
            values.append(principleID)
        }
        sql += " ORDER BY score, s.created_at DESC, s.id DESC LIMIT ?"
        values.append(limit ?? -1)
        do {
            return try database.rows(sql, values) { ($0.int64(0), -$0.double(1)) }
        } catch let error as SQLiteError where query.isRaw && error.resultCode == .SQLITE_ERROR {
            throw JournalError.searchQuery(error.message)
        }
    }

    /// A snippet of each body section (columns 1 to 5), then of the title.
    static let snippetColumns = (1...5).map { "snippet(story_fts, \($0), char(1), char(2), '…', 16)" }.joined(separator: ", ")
        + ", snippet(story_fts, 0, char(1), char(2), '…', 16)"

    /// Built once, the same text for every hit (the statement cache's key).
    static let snippetSQL = "SELECT " + snippetColumns + " FROM story_fts WHERE story_fts MATCH ? AND rowid = ?"

    /// The body section with the most matched words, else the title.
    func snippet(for id: Int64, pattern: String) throws -> String {
        let candidates = try database.first(Self.snippetSQL, [pattern, id]) { row in
            (0..<6).map { row.text(Int32($0)) }
        } ?? []
        return Self.chosen(candidates)
    }

    /// How many stories one snippet statement reads (well under SQLite's
    /// limit on bound values).
    static let snippetBatch = 100

    /// The snippet candidates of the stories `ids` that match `pattern`, as
    /// `snippet(for:)` reads them, by id. Every statement with a MATCH sets
    /// the pattern up afresh, which for a prefix (merging the doclists of
    /// every word it covers) or a phrase over a large journal costs more
    /// than the snippets themselves; so the ids are read in batches of
    /// neighbours, each in one statement that walks the matches between its
    /// lowest and highest id (the `+` keeps the list out of the index's
    /// hands, which would run the MATCH once per id). A single word is
    /// cheaper one story at a time: the walk would visit all its matches.
    func snippets(for ids: [Int64], pattern: String) throws -> [Int64: [String]] {
        var result: [Int64: [String]] = [:]
        let sorted = ids.sorted()
        var start = 0
        while start < sorted.count {
            let batch = sorted[start..<min(start + Self.snippetBatch, sorted.count)]
            start = batch.endIndex
            guard let first = batch.first, let last = batch.last else { break }
            // Placeholders only: every id is bound.
            let marks = Array(repeating: "?", count: batch.count).joined(separator: ", ")
            let sql = "SELECT rowid, " + Self.snippetColumns
                + " FROM story_fts WHERE story_fts MATCH ? AND rowid BETWEEN ? AND ? AND +rowid IN (\(marks))"
            let values: [any SQLBindable] = [pattern, first, last] + batch.map { $0 as any SQLBindable }
            try database.forEach(sql, values) { row in
                result[row.int64(0)] = (1...6).map { row.text(Int32($0)) }
            }
        }
        return result
    }

    /// Of the candidates a snippet statement gives (the five body sections,
    /// then the title), the body section with the most matched words, else
    /// the title.
    static func chosen(_ candidates: [String]) -> String {
        let marked = candidates.prefix(5).map { text in (text, text.reduce(0) { $0 + ($1 == SearchHit.highlightStart ? 1 : 0) }) }
        if let best = marked.max(by: { $0.1 < $1.1 }), best.1 > 0 { return best.0 }
        return candidates.last ?? ""
    }
}

extension SearchHit {
    /// A story object plus `rank`, `score` and a plain-text `snippet`.
    public var json: JSONValue {
        .object(story.jsonMembers + [
            .init("rank", .int(rank)),
            .init("score", .rounded(score, places: 3)),
            .init("snippet", .string(plainSnippet)),
        ])
    }
}
