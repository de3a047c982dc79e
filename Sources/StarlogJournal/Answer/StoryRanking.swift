/// A story offered for a question under one principle, with why.
public struct RankedStory: Sendable, Equatable {
    /// Its tag, lint score and practice for the principle.
    public let fit: StoryFit
    /// The fragment of the story that shares the most of the question's
    /// words, those words between `SearchHit.highlightStart` and
    /// `SearchHit.highlightEnd`; nil when it shares none.
    public let snippet: String?
    /// The words of the snippet that matched the question, each once.
    public let sharedWords: [String]
}

/// The one ranking of stories for a question under a principle, used by
/// `answer` and the drill: the principle's stories (tagged with it) that
/// share words with the question come first, ordered by the sum of their
/// places in the word-match order (bm25, as `search` ranks) and the
/// best-story order (`StoryFit.isBetter`), word match breaking ties; the
/// others follow in best-story order.
public struct StoryRanking: JournalRepository {
    let context: JournalContext

    /// The stories of `principle` for `question`, best first, without those
    /// in `excluding`; at most `limit` when given.
    public func rank(question: String, principle: Principle, excluding: Set<Int64> = [], limit: Int? = nil) throws -> [RankedStory] {
        let fits = context.fits
        // Without a limit every pair is shown, so all are read in one pass
        // and ordered in Swift; with one, SQLite orders the kept pairs and
        // only the shown stories are read.
        let all = limit == nil ? try fits.ranked(principleID: principle.id) : nil
        let best = try (all?.map(\.storyID) ?? fits.rankedIDs(principleID: principle.id)).filter { !excluding.contains($0) }
        guard !best.isEmpty else { return [] }
        var relevant: [Int64] = []
        var pattern: String?
        if let raw = Self.searchPattern(question) {
            let query = SearchQuery(raw: raw)
            pattern = query.pattern
            relevant = try context.search.ranking(query, principleID: principle.id, limit: nil).map(\.id)
        }
        let matching = Set(relevant)
        let order = Self.combine(best: best, relevant: relevant)
        let shown = limit.map { Array(order.prefix(max(0, $0))) } ?? order
        // Snippets only for the stories shown: each is a query of its own.
        let byID = try all.map { Dictionary($0.map { ($0.storyID, $0) }, uniquingKeysWith: { first, _ in first }) }
            ?? fits.fits(principleID: principle.id, storyIDs: shown)
        return try shown.compactMap { id in
            guard let fit = byID[id] else { return nil }
            let snippet = matching.contains(id) ? try pattern.map { try context.search.snippet(for: id, pattern: $0) } : nil
            return RankedStory(fit: fit, snippet: snippet, sharedWords: snippet.map(Self.marked) ?? [])
        }
    }

    /// Stories that match the question come first, ordered by the sum of
    /// their places in the relevance and best-story orders (relevance breaks
    /// ties); the others follow in best-story order. Stories in `relevant`
    /// but not in `best` are left out.
    public static func combine(best: [Int64], relevant: [Int64]) -> [Int64] {
        let bestPlace = Dictionary(best.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let matching = relevant.enumerated().compactMap { place, id in bestPlace[id].map { (id: id, relevance: place, best: $0) } }
        let sorted = matching.sorted { ($0.relevance + $0.best, $0.relevance) < ($1.relevance + $1.best, $1.relevance) }
        let first = Set(sorted.map(\.id))
        return sorted.map(\.id) + best.filter { !first.contains($0) }
    }

    /// The highlighted words of a snippet, lower-cased, each once.
    static func marked(_ snippet: String) -> [String] {
        var words: [String] = []
        var current: String?
        for character in snippet {
            if character == SearchHit.highlightStart {
                current = ""
            } else if character == SearchHit.highlightEnd {
                if let word = current?.lowercased(), !word.isEmpty, !words.contains(word) { words.append(word) }
                current = nil
            } else {
                current?.append(character)
            }
        }
        return words
    }

    /// Words of a question that say nothing about its subject.
    static let questionStopWords: Set<String> = [
        "a", "about", "after", "all", "an", "and", "any", "are", "as", "at", "be", "been", "before", "but", "by", "can",
        "could", "describe", "did", "do", "does", "example", "for", "from", "give", "had", "has", "have", "how", "if",
        "in", "into", "is", "it", "its", "me", "more", "most", "of", "on", "once", "one", "or", "other", "out", "own",
        "so", "some", "such", "talk", "tell", "than", "that", "the", "their", "them", "then", "there", "they", "this",
        "through", "time", "to", "up", "very", "walk", "was", "were", "what", "when", "where", "which", "while", "who",
        "why", "will", "with", "would", "you", "your", "yourself", "said", "say", "says", "another", "thing", "things",
    ]

    /// An FTS5 pattern that matches any of the question's own words, each
    /// quoted (letters only, so nothing in it is FTS syntax); nil when the
    /// question has none.
    static func searchPattern(_ question: String) -> String? {
        var seen = Set<String>()
        var terms: [String] = []
        for piece in question.lowercased().split(whereSeparator: { !$0.isLetter }) {
            let word = String(piece)
            guard word.count >= 3, !questionStopWords.contains(word), seen.insert(word).inserted else { continue }
            terms.append("\"" + word + "\"")
        }
        return terms.isEmpty ? nil : terms.joined(separator: " OR ")
    }
}

extension Journal {
    /// Stories for a question under a principle, best first.
    public var storyRanking: StoryRanking {
        StoryRanking(context: context)
    }
}
