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
public struct StorySearch {
    let database: Database
    let principles: PrincipleRepository

    /// How much more a title match counts than a match in the body.
    public static let titleWeight = 10.0

    /// Stories matching `query`, best first. `principle` narrows to one
    /// principle's stories; `limit` caps the count.
    public func search(_ query: SearchQuery, principle: String? = nil, limit: Int? = nil) throws -> [SearchHit] {
        let principleID = try principle.map { try principles.resolve($0).id }
        guard let pattern = query.pattern else { return [] }
        var sql = """
            SELECT \(StoryRepository.columns),
                   bm25(story_fts, \(Self.titleWeight), 1.0, 1.0, 1.0, 1.0, 1.0) AS score,
                   snippet(story_fts, -1, char(1), char(2), '…', 14)
            FROM story_fts JOIN story s ON s.id = story_fts.rowid
            WHERE story_fts MATCH ?
            """
        var values: [any SQLBindable] = [pattern]
        if let principleID {
            sql += " AND s.id IN (SELECT story_id FROM story_principle WHERE principle_id = ?)"
            values.append(principleID)
        }
        sql += " ORDER BY score, s.created_at DESC, s.id DESC LIMIT ?"
        values.append(limit ?? -1)
        do {
            var rank = 0
            return try database.rows(sql, values) { row in
                rank += 1
                return SearchHit(
                    story: Story(row: row), rank: rank,
                    score: -row.double(StoryRepository.columnCount),
                    snippet: row.text(StoryRepository.columnCount + 1))
            }
        } catch let error as SQLiteError where query.isRaw && error.primaryCode == 1 {
            throw JournalError.badData("invalid search query: \(error.message); drop --raw to search for the words as typed")
        }
    }
}
