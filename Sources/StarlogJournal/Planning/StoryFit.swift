import StarlogStorage

/// What the planner, coverage and the drill know about telling one story
/// for one principle.
public struct StoryFit: Sendable, Equatable {
    public let storyID: Int64
    public let title: String
    public let principleID: Int64
    /// The story's lint score, 0 to 100.
    public let score: Int
    /// How many principles the story is tagged with (1 = it is about this one).
    public let tags: Int
    /// Attempts with the story for this principle, their best and mean
    /// rating, and the last of them (UTC, ISO 8601).
    public let attempts: Int
    public let bestRating: Int?
    public let meanRating: Double?
    public let lastPracticed: String?
    public let outcome: Outcome
    public let updatedAt: String

    public init(storyID: Int64, title: String, principleID: Int64, score: Int, tags: Int, attempts: Int = 0,
                bestRating: Int? = nil, meanRating: Double? = nil, lastPracticed: String? = nil,
                outcome: Outcome = .success, updatedAt: String = "") {
        self.storyID = storyID
        self.title = title
        self.principleID = principleID
        self.score = score
        self.tags = tags
        self.attempts = attempts
        self.bestRating = bestRating
        self.meanRating = meanRating
        self.lastPracticed = lastPracticed
        self.outcome = outcome
        self.updatedAt = updatedAt
    }

    /// How well the story answers for the principle, 0 to 100:
    /// 60% its lint score, 20% how focused its tagging is (1 / number of
    /// principles), 20% its practice for the principle (mean rating mapped
    /// 1→0, 5→1; 0 when never practised). In hundredths, so the assignment
    /// is exact in integers.
    public var fit: Int {
        let lint = 60 * 100 * score / 100
        let focus = 20 * 100 / max(1, tags)
        let practice = meanRating.map { Int(((($0 - 1) / 4) * 20 * 100).rounded()) } ?? 0
        return lint + focus + max(0, practice)
    }

    /// The one definition of a principle's **best story**, used by
    /// coverage, the drill, `plan` and the report: the highest lint score,
    /// then the best mean rating for that principle, then the most recently
    /// practised for it. A story never practised for the principle ranks
    /// below one that was. Remaining ties go to the most recently updated
    /// story, then the newest, so the choice is stable.
    public static func isBetter(_ a: StoryFit, than b: StoryFit) -> Bool {
        if a.score != b.score { return a.score > b.score }
        if a.meanRating != b.meanRating { return (a.meanRating ?? -1) > (b.meanRating ?? -1) }
        if a.lastPracticed != b.lastPracticed { return (a.lastPracticed ?? "") > (b.lastPracticed ?? "") }
        if a.updatedAt != b.updatedAt { return a.updatedAt > b.updatedAt }
        return a.storyID > b.storyID
    }
}

/// Reads the story–principle pairs the planner, coverage and the drill weigh.
struct StoryFitReader {
    let database: Database
    let lint: LintRepository

    /// Every tagged pair whose principle is in `principleIDs` (all when nil).
    func fits(principleIDs: Set<Int64>?) throws -> [StoryFit] {
        var fits: [StoryFit] = []
        try forEachFit(principleIDs: principleIDs) { fits.append($0) }
        return fits
    }

    /// The stories of one principle, best first (`StoryFit.isBetter`).
    func ranked(principleID: Int64) throws -> [StoryFit] {
        try fits(principleIDs: [principleID]).sorted(by: StoryFit.isBetter)
    }

    /// The ids of the stories of one principle, best first
    /// (`StoryFit.isBetter`), ordered by SQLite from the pairs' totals the
    /// journal keeps on write (`story_principle_fit`): one principle's rows,
    /// without reading its stories or aggregating its attempts. The score
    /// is `LintScorer.score`'s, from the cached penalty (capped at 100,
    /// where the score is 0 either way) and the stale-story points for a
    /// `when` that ends before `LintScorer.staleBefore`. When a penalty is
    /// known only to this run (the journal cannot be written) or missing,
    /// the pairs are ranked one by one in Swift instead.
    func rankedIDs(principleID: Int64) throws -> [Int64] {
        let unsaved = try lint.refreshPenalties()
        let complete = try unsaved.isEmpty && database.first(
            "SELECT 1 FROM story_principle_fit WHERE principle_id = ? AND penalty IS NULL LIMIT 1", [principleID]) { _ in true } == nil
        guard complete else { return try ranked(principleID: principleID).map(\.storyID) }
        return try database.rows("""
            SELECT story_id FROM story_principle_fit WHERE principle_id = ?1
            ORDER BY max(0, 100 - penalty - CASE WHEN happened_end < ?2 THEN ?3 ELSE 0 END) DESC,
                     coalesce(mean_rating, -1) DESC, coalesce(last_practiced, '') DESC, updated_at DESC, story_id DESC
            """, [principleID, LintScorer.staleBefore(today: lint.today), Int64(LintRules.staleStory.penalty)]) { $0.int64(0) }
    }

    /// The pairs of principle `principleID` with the stories `storyIDs`
    /// (those tagged with it), by story id: one story's row and its attempts
    /// for the principle each, as `forEachFit` reads them.
    func fits(principleID: Int64, storyIDs: [Int64]) throws -> [Int64: StoryFit] {
        let unsaved = try lint.refreshPenalties()
        var scorer = lint.scorer
        var fits: [Int64: StoryFit] = [:]
        for storyID in storyIDs {
            fits[storyID] = try database.first("""
                SELECT ?1, s.id, s.title,
                       (SELECT count(*) FROM story_principle t WHERE t.story_id = s.id),
                       b.attempts, b.best, b.mean, b.last, s.outcome,
                       s.updated_at, s.lint_penalty, s.happened
                FROM story s INDEXED BY story_card,
                     (SELECT count(*) AS attempts, max(rating) AS best, avg(rating) AS mean, max(practiced_at) AS last
                      FROM practice_attempt WHERE principle_id = ?1 AND story_id = ?2) b
                WHERE s.id = ?2 AND EXISTS (SELECT 1 FROM story_principle WHERE story_id = ?2 AND principle_id = ?1)
                """, [principleID, storyID]) { Self.fit($0, unsaved: unsaved, scorer: &scorer) }
        }
        return fits
    }

    /// The best story of each principle in `principleIDs`, by `StoryFit.isBetter`.
    /// Streams the pairs, so only one story per principle is held in memory.
    func bestStories(principleIDs: Set<Int64>?) throws -> [Int64: StoryFit] {
        var best: [Int64: StoryFit] = [:]
        try forEachFit(principleIDs: principleIDs) { fit in
            if let current = best[fit.principleID], !StoryFit.isBetter(fit, than: current) { return }
            best[fit.principleID] = fit
        }
        return best
    }

    /// The best story of each principle in `principleIDs`, by
    /// `StoryFit.isBetter`, read from the pairs' totals the journal keeps
    /// on write (`story_principle_fit`, migration 9): a few index lookups
    /// per principle, whatever the number of stories.
    ///
    /// The index orders a principle's pairs by cached penalty, then mean
    /// rating, last practice, update time and id: `isBetter`'s order for
    /// stories that are not stale. The best of those is the first such row;
    /// a stale story (5 points more off) can only beat it with a penalty at
    /// least 5 lower, and the first stale row in that range is the best
    /// stale one. Where scores reach 0 the penalty no longer orders them, so
    /// that principle is ranked pair by pair, as when the journal cannot be
    /// written and some penalties are known only to this run.
    func bestStoryReferences(principleIDs: Set<Int64>) throws -> [Int64: StoryReference] {
        let unsaved = try lint.refreshPenalties()
        guard unsaved.isEmpty else { return try referencesFromPairs(principleIDs) }
        let staleBefore = LintScorer.staleBefore(today: lint.today)
        var best: [Int64: StoryReference] = [:]
        var rankPairByPair: Set<Int64> = []
        for principle in principleIDs.sorted() {
            let fresh = try firstPair(principle, stale: false, staleBefore: staleBefore, maximumPenalty: 100)
            var winner = fresh
            if fresh.map({ $0.score > 0 }) ?? false {
                // Only a stale story 5 or more points lower in penalty can win.
                if let fresh, let stale = try firstPair(principle, stale: true, staleBefore: staleBefore,
                                                         maximumPenalty: fresh.penalty - LintRules.staleStory.penalty),
                   StoryFit.isBetter(stale.fit, than: fresh.fit) {
                    winner = stale
                }
            } else {
                let stale = try firstPair(principle, stale: true, staleBefore: staleBefore, maximumPenalty: 100)
                if let stale, stale.score == 0 {
                    rankPairByPair.insert(principle)
                    continue
                }
                if let stale, fresh.map({ StoryFit.isBetter(stale.fit, than: $0.fit) }) ?? true { winner = stale }
            }
            if let winner {
                let title = try database.first("SELECT title FROM story WHERE id = ?", [winner.fit.storyID]) { $0.text(0) }
                best[principle] = StoryReference(id: winner.fit.storyID, title: title ?? winner.fit.title)
            }
        }
        if !rankPairByPair.isEmpty {
            try best.merge(referencesFromPairs(rankPairByPair)) { $1 }
        }
        return best
    }

    private func referencesFromPairs(_ principleIDs: Set<Int64>) throws -> [Int64: StoryReference] {
        try bestStories(principleIDs: principleIDs).mapValues { StoryReference(id: $0.storyID, title: $0.title) }
    }

    /// The first pair of `principle` in the ranking index, among its stale
    /// or its other stories, with a cached penalty up to `maximumPenalty`.
    private func firstPair(_ principle: Int64, stale: Bool, staleBefore: String,
                           maximumPenalty: Int) throws -> (fit: StoryFit, penalty: Int, score: Int)? {
        let when = stale ? "f.happened_end < ?2" : "(f.happened_end IS NULL OR f.happened_end >= ?2)"
        return try database.first("""
            SELECT f.story_id, f.penalty, f.mean_rating, f.last_practiced, f.updated_at, f.attempts
            FROM story_principle_fit f INDEXED BY story_principle_fit_best
            WHERE f.principle_id = ?1 AND f.penalty IS NOT NULL AND f.penalty <= ?3 AND \(when)
            ORDER BY f.penalty, f.mean_rating DESC, f.last_practiced DESC, f.updated_at DESC, f.story_id DESC
            LIMIT 1
            """, [principle, staleBefore, Int64(maximumPenalty)]) { row in
            let penalty = row.int(1)
            let score = max(0, 100 - penalty - (stale ? LintRules.staleStory.penalty : 0))
            let fit = StoryFit(storyID: row.int64(0), title: "", principleID: principle, score: score, tags: 1,
                               attempts: row.int(5), meanRating: row.optionalDouble(2),
                               lastPracticed: row.optionalText(3), updatedAt: row.text(4))
            return (fit, penalty, score)
        }
    }

    /// Calls `body` with each tagged pair in scope, in principle then story order.
    private func forEachFit(principleIDs: Set<Int64>?, _ body: (StoryFit) throws -> Void) throws {
        // Scores come with each row from the cached penalties (brought up
        // to date first), so no map of every story's score is held: 35 MB
        // of peak memory at 100,000 stories before, under 30 now.
        let unsaved = try lint.refreshPenalties()
        var scorer = lint.scorer
        // One principle: only its rows are read.
        let only = principleIDs?.count == 1 ? principleIDs?.first : nil
        try database.forEach("""
            SELECT sp.principle_id, s.id, s.title,
                   (SELECT count(*) FROM story_principle t WHERE t.story_id = s.id),
                   coalesce(b.attempts, 0), b.best, b.mean, b.last, s.outcome,
                   s.updated_at, s.lint_penalty, s.happened
            FROM story_principle sp
            JOIN story s INDEXED BY story_card ON s.id = sp.story_id
            LEFT JOIN (
                SELECT story_id, principle_id, count(*) AS attempts, max(rating) AS best, avg(rating) AS mean,
                       max(practiced_at) AS last
                FROM practice_attempt WHERE story_id IS NOT NULL AND principle_id IS NOT NULL
                  AND (?1 IS NULL OR principle_id = ?1)
                GROUP BY story_id, principle_id
            ) b ON b.story_id = s.id AND b.principle_id = sp.principle_id
            WHERE ?1 IS NULL OR sp.principle_id = ?1
            ORDER BY sp.principle_id, s.id
            """, [only]) { row in
            if let principleIDs, !principleIDs.contains(row.int64(0)) { return }
            try body(Self.fit(row, unsaved: unsaved, scorer: &scorer))
        }
    }

    /// A pair from a row of principle id, story id, title, tag count,
    /// attempts, best and mean rating, last practice, outcome, update time,
    /// cached penalty and `when`; scored from the penalty this run found
    /// when it has one, else the cached one.
    private static func fit(_ row: Statement, unsaved: [Int64: Int], scorer: inout LintScorer) -> StoryFit {
        let story = row.int64(1)
        return StoryFit(
            storyID: story, title: row.text(2), principleID: row.int64(0),
            score: scorer.score(penalty: unsaved[story] ?? row.int(10), happened: row.optionalText(11)),
            tags: row.int(3), attempts: row.int(4), bestRating: row.optionalInt64(5).map(Int.init),
            meanRating: row.optionalDouble(6), lastPracticed: row.optionalText(7),
            outcome: Outcome(rawValue: row.text(8)) ?? .success, updatedAt: row.text(9))
    }
}
