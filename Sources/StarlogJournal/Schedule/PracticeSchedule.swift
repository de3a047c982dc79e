import StarlogStorage

/// One story–principle pair on the rehearsal schedule.
public struct DueItem: Sendable, Equatable {
    public let storyID: Int64
    public let title: String
    public let principle: Principle
    /// When it comes up next (UTC, ISO 8601), interview caps applied; for a
    /// planned pair never practised, now.
    public let due: String
    /// When FSRS alone would bring it up; nil when never practised.
    public let modelDue: String?
    /// The last rehearsal (UTC, ISO 8601); nil when never practised.
    public let lastReview: String?
    /// Local calendar days past due (0 when due today, not yet due, or new).
    public let overdueDays: Int
    /// The chance of recalling it now by the model; nil when never practised.
    public let retrievability: Double?
    public let stability: Double?
    public let difficulty: Double?
    /// Rehearsals so far.
    public let reps: Int
    /// The interview that brought it forward, or that plans it when it was never practised.
    public let interview: Interview?
    /// True when it is due by the end of today (local).
    public let isDue: Bool

    public var isNew: Bool { reps == 0 }

    /// Why it comes up when it does, in words; nil when FSRS alone decides.
    public var why: String? {
        guard let interview else { return nil }
        if isNew { return "planned for \(interview.company) on \(interview.date), never practised" }
        return "brought forward to the last \(PracticeSchedule.finalWindowDays) days before \(interview.company) on \(interview.date)"
    }

    /// `story_id`, `title`, `principle` (slug), `due`, `fsrs_due`,
    /// `last_review`, `overdue_days`, `retrievability`, `stability`,
    /// `difficulty`, `reps`, `state` (`new` or `review`), `interview_id`, `why`.
    public var json: JSONValue {
        .object([
            .init("story_id", .int(storyID)),
            .init("title", .string(title)),
            .init("principle", .string(principle.slug)),
            .init("due", .string(due)),
            .init("fsrs_due", .string(modelDue)),
            .init("last_review", .string(lastReview)),
            .init("overdue_days", .int(overdueDays)),
            .init("retrievability", .rounded(retrievability, places: 3)),
            .init("stability", .rounded(stability, places: 2)),
            .init("difficulty", .rounded(difficulty, places: 2)),
            .init("reps", .int(reps)),
            .init("state", .string(isNew ? "new" : "review")),
            .init("interview_id", interview.map { .int($0.id) } ?? .null),
            .init("why", .string(why)),
        ])
    }
}

/// The FSRS schedule of story–principle pairs.
///
/// `review_state` holds only what FSRS derives from a pair's attempts: its
/// memory state and the date FSRS gives. Every practice attempt with a story
/// updates its pair: the pair's state is replayed from all its attempts in
/// time order (so an attempt logged late with `--at` lands in its place). An
/// attempt belongs to exactly one principle (see `PracticeRepository`), so to
/// exactly one pair.
///
/// Interview cap, applied whenever the schedule is read, so that it follows
/// interviews and plans as they change: for every upcoming interview, the
/// stories its plan tells (`LoopPlanner`) must come due at least once in the
/// last `finalWindowDays` days before it. A planned pair not rehearsed since
/// that window opened, whose next due date falls on or after the interview's
/// day, is brought forward to the window's first day. A planned pair never
/// practised is due at once.
public struct PracticeSchedule: JournalRepository {
    let context: JournalContext
    let model = FSRS()

    init(context: JournalContext) {
        self.context = context
    }

    var interviews: InterviewRepository { context.interviews }
    var planner: LoopPlanner { context.planner }

    /// The last days before an interview in which each planned story must come due.
    public static let finalWindowDays: Int64 = 3
    static let day: Int64 = 86_400

    /// The due date of a pair after the interview cap: `due` unless the pair
    /// was last reviewed before the final window of an interview starting at
    /// `interviewStart` and would otherwise not come due before it; then the
    /// window's first day.
    public static func capped(due: Int64, lastReview: Int64, interviewStart: Int64) -> Int64 {
        let windowStart = interviewStart - finalWindowDays * day
        guard lastReview < windowStart, due >= interviewStart else { return due }
        return windowStart
    }

    /// The FSRS state after each of `reviews` (rating 1–5, time in seconds),
    /// in the order given, with the date FSRS brings the pair up next. Elapsed
    /// time between reviews counts in whole 24-hour days, as FSRS does.
    public func replay(_ reviews: [(rating: Int, at: Int64)]) -> [(state: FSRS.State, due: Int64)] {
        var state: FSRS.State?
        var previous: Int64?
        var out: [(state: FSRS.State, due: Int64)] = []
        for review in reviews {
            let days = previous.map { Int(($0 <= review.at ? review.at - $0 : 0) / Self.day) }
            let next = model.next(state, grade: FSRS.Grade(rating: review.rating), days: days)
            out.append((next, review.at + Int64(model.interval(stability: next.stability)) * Self.day))
            state = next
            previous = review.at
        }
        return out
    }

    /// Recomputes the state of the pair of an attempt just recorded. Call
    /// inside the transaction that recorded it.
    func update(storyID: Int64?, principleID: Int64?) throws {
        guard let storyID, let principleID else { return }
        // Cached: a rebuild runs these once per pair.
        let reviews = try database.cached("""
            SELECT rating, practiced_at FROM practice_attempt
            WHERE story_id = ? AND principle_id = ?
            ORDER BY practiced_at, id
            """).rows([storyID, principleID]) {
            (rating: $0.int(0), at: Timestamp.parse($0.text(1)) ?? 0)
        }
        guard let last = reviews.last, let result = replay(reviews).last else {
            try database.cached("DELETE FROM review_state WHERE story_id = ? AND principle_id = ?").execute([storyID, principleID])
            return
        }
        var lapses = 0
        for (index, review) in reviews.enumerated() where index > 0 && FSRS.Grade(rating: review.rating) == .again {
            lapses += 1
        }
        try database.cached("""
            INSERT INTO review_state (story_id, principle_id, stability, difficulty, reps, lapses, last_review, due)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (story_id, principle_id) DO UPDATE SET
                stability = excluded.stability, difficulty = excluded.difficulty, reps = excluded.reps,
                lapses = excluded.lapses, last_review = excluded.last_review, due = excluded.due
            """).execute([storyID, principleID, result.state.stability, result.state.difficulty, Int64(reviews.count), Int64(lapses),
                  Timestamp.format(last.at), Timestamp.format(result.due)])
    }

    /// Recomputes every pair that has an attempt with an id above
    /// `attemptID` (all of them for 0): an import restores attempts straight
    /// into their table, and their pairs' schedule is derived from them.
    /// Returns the pairs updated.
    @discardableResult
    func rebuild(afterAttempt attemptID: Int64) throws -> Int {
        // Attempts from an older export may lack a principle: the rule of
        // `PracticeRepository.record` gives them one where it can.
        try database.run("""
            UPDATE practice_attempt
            SET principle_id = coalesce(
                (SELECT q.principle_id FROM question q WHERE q.id = practice_attempt.question_id),
                (SELECT CASE WHEN count(*) = 1 THEN max(sp.principle_id) END
                 FROM story_principle sp WHERE sp.story_id = practice_attempt.story_id))
            WHERE id > ? AND principle_id IS NULL
            """, [attemptID])
        let pairs = try database.rows("""
            SELECT DISTINCT story_id, principle_id FROM practice_attempt
            WHERE id > ? AND story_id IS NOT NULL AND principle_id IS NOT NULL
            """, [attemptID]) { ($0.int64(0), $0.int64(1)) }
        for pair in pairs {
            try update(storyID: pair.0, principleID: pair.1)
        }
        return pairs.count
    }

    /// Recomputes the whole schedule from the attempts, in one transaction:
    /// pairs without attempts go, every other pair is replayed.
    public func rebuildAll() throws {
        try database.transaction {
            try database.run("DELETE FROM review_state")
            try rebuild(afterAttempt: 0)
        }
    }

    /// Rebuilds the schedule when it is empty although attempts give it
    /// pairs: a migration that changed how the schedule is derived empties
    /// it, and the first open after replays it. One cheap query otherwise.
    func rebuildIfEmptied() throws {
        let stale = try database.integer("""
            SELECT NOT EXISTS (SELECT 1 FROM review_state)
               AND EXISTS (SELECT 1 FROM practice_attempt WHERE story_id IS NOT NULL AND principle_id IS NOT NULL)
            """) ?? 0
        if stale != 0 { try rebuildAll() }
    }

    /// Local midnight at the start of an interview's day.
    func start(of interview: Interview) -> Int64 {
        LocalDay(interview.date).map(clock.start(of:)) ?? interview.start
    }

    /// Upcoming interviews with the pairs their plans tell.
    func plannedPairs() throws -> [(interview: Interview, pairs: Set<Pair>)] {
        let planner = self.planner
        return try interviews.upcoming().map { interview in
            let plan = try planner.plan(interview: interview.id)
            let pairs = Set(plan.principles.compactMap { line in line.story.map { Pair(story: $0.storyID, principle: line.principle.id) } })
            return (interview, pairs)
        }
    }

    struct Pair: Hashable {
        let story: Int64
        let principle: Int64
    }

    /// Pairs due by the end of today (local), most overdue first; with `principles`,
    /// only pairs of those principles; with `limit`, only the first `limit`.
    /// Planned pairs of upcoming interviews that were never practised are
    /// due at once.
    public func due(principles scope: [String] = [], limit: Int? = nil) throws -> [DueItem] {
        try InputRules.checkLimit(limit)
        let endOfToday = clock.start(of: clock.day(of: clock.now()) + 1)
        return try items(wanted: Set(try principles.resolve(all: scope).map(\.id)), before: endOfToday, limit: limit)
    }

    /// Pairs that come up before the moment `before` (seconds), soonest
    /// first, in the order of `all`; with `principles`, only pairs of those
    /// principles; with `limit`, only the first `limit`.
    public func coming(before: Int64, principles scope: [String] = [], limit: Int? = nil) throws -> [DueItem] {
        try items(wanted: Set(try principles.resolve(all: scope).map(\.id)), before: before, limit: limit)
    }

    /// The state of one pair, interview caps applied; nil when it was never
    /// practised and no plan tells it.
    public func item(storyID: Int64, principleID: Int64) throws -> DueItem? {
        try items(onlyPair: Pair(story: storyID, principle: principleID)).first
    }

    /// Every pair on the schedule, soonest first: each pair practised at
    /// least once, and each planned pair never practised; with `principles`,
    /// only pairs of those principles.
    public func all(principles scope: [String] = []) throws -> [DueItem] {
        try items(wanted: Set(try principles.resolve(all: scope).map(\.id)))
    }

    /// A row of `review_state` with its story's title.
    private struct Row {
        let story: Int64, title: String, principle: Int64, stability: Double, difficulty: Double, reps: Int, last: Int64, due: Int64
        var pair: Pair { Pair(story: story, principle: principle) }
    }

    private static let rowColumns = """
        SELECT r.story_id, s.title, r.principle_id, r.stability, r.difficulty, r.reps, r.last_review, r.due
        FROM review_state r JOIN story s INDEXED BY story_card ON s.id = r.story_id
        """

    private static func row(_ statement: Statement) -> Row {
        Row(story: statement.int64(0), title: statement.text(1), principle: statement.int64(2), stability: statement.double(3),
            difficulty: statement.double(4), reps: statement.int(5), last: Timestamp.parse(statement.text(6)) ?? 0,
            due: Timestamp.parse(statement.text(7)) ?? 0)
    }

    /// The pairs on the schedule, soonest first (ties: lowest recall first,
    /// then story and principle), interview caps applied; only those of the
    /// principles `wanted` (all when empty) or only `onlyPair`; only those
    /// coming up before `before`; at most `limit`.
    ///
    /// A cap only brings a planned pair forward, so every other pair keeps
    /// its stored date and the database hands them over in order: only the
    /// rows that can make the first `limit` are read. Planned pairs (a few
    /// per interview) are read one by one.
    private func items(wanted: Set<Int64> = [], onlyPair: Pair? = nil, before: Int64? = nil, limit: Int? = nil) throws -> [DueItem] {
        let now = clock.now()
        let today = clock.day(of: now)
        let endOfToday = clock.start(of: today + 1)
        let byID = Dictionary(uniqueKeysWithValues: try principles.all().map { ($0.id, $0) })
        let planned = try plannedPairs()
        func keep(_ pair: Pair) -> Bool {
            if let onlyPair { return pair == onlyPair }
            return wanted.isEmpty || wanted.contains(pair.principle)
        }
        let plannedSet = Set(planned.flatMap { $0.pairs }).filter(keep)

        // The rows: planned pairs one by one, then the others in stored order.
        var rows: [Row] = []
        for pair in plannedSet {
            if let row = try database.first(Self.rowColumns + " WHERE r.story_id = ? AND r.principle_id = ?",
                                            [pair.story, pair.principle], Self.row) {
                rows.append(row)
            }
        }
        if let onlyPair {
            if !plannedSet.contains(onlyPair),
               let row = try database.first(Self.rowColumns + " WHERE r.story_id = ? AND r.principle_id = ?",
                                            [onlyPair.story, onlyPair.principle], Self.row) {
                rows.append(row)
            }
        } else {
            var conditions: [String] = []
            var values: [any SQLBindable] = []
            if let before {
                conditions.append("r.due <= ?")
                values.append(Timestamp.format(before))
            }
            if !wanted.isEmpty {
                conditions.append("r.principle_id IN (" + Array(repeating: "?", count: wanted.count).joined(separator: ", ") + ")")
                values += wanted.sorted().map { $0 as any SQLBindable }
            }
            var filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
            if let limit {
                // The stored date of the last row that can make the first
                // `limit` (planned pairs may sit among them, and are dropped
                // below); rows on that date are all read, for the recall order.
                let cutoff = try database.first(
                    "SELECT r.due FROM review_state r\(filter) ORDER BY r.due LIMIT 1 OFFSET ?",
                    values + [Int64(limit + plannedSet.count - 1)]) { $0.text(0) }
                if let cutoff {
                    filter += (conditions.isEmpty ? " WHERE " : " AND ") + "r.due <= ?"
                    values.append(cutoff)
                }
            }
            try rows += database.rows(Self.rowColumns + filter + " ORDER BY r.due, r.story_id, r.principle_id", values, Self.row)
                .filter { !plannedSet.contains($0.pair) }
        }
        rows.sort { ($0.due, $0.story, $0.principle) < ($1.due, $1.story, $1.principle) }

        var items: [(due: Int64, r: Double, item: DueItem)] = []
        var seen = Set<Pair>()
        for row in rows {
            let pair = row.pair
            seen.insert(pair)
            guard let principle = byID[row.principle] else { continue }
            var due = row.due
            var reason: Interview?
            for entry in planned where entry.pairs.contains(pair) {
                let capped = Self.capped(due: due, lastReview: row.last, interviewStart: start(of: entry.interview))
                if capped < due { due = capped; reason = entry.interview }
            }
            if let before, due >= before { continue }
            let days = Int(max(0, now - row.last) / Self.day)
            let r = model.retrievability(days: Double(days), stability: row.stability)
            items.append((due, r, DueItem(
                storyID: row.story, title: row.title, principle: principle, due: Timestamp.format(due),
                modelDue: Timestamp.format(row.due), lastReview: Timestamp.format(row.last),
                overdueDays: max(0, today - clock.day(of: due)), retrievability: r, stability: row.stability,
                difficulty: row.difficulty, reps: row.reps, interview: reason, isDue: due < endOfToday)))
        }
        // Planned pairs never practised: due now.
        var titles: [Int64: String] = [:]
        for entry in planned {
            for pair in entry.pairs.sorted(by: { ($0.principle, $0.story) < ($1.principle, $1.story) })
            where !seen.contains(pair) && keep(pair) {
                seen.insert(pair)
                guard let principle = byID[pair.principle], before.map({ now < $0 }) ?? true else { continue }
                if titles[pair.story] == nil {
                    titles[pair.story] = try database.first("SELECT title FROM story INDEXED BY story_card WHERE id = ?", [pair.story]) { $0.text(0) } ?? ""
                }
                items.append((now, 1, DueItem(
                    storyID: pair.story, title: titles[pair.story] ?? "", principle: principle, due: Timestamp.format(now),
                    modelDue: nil, lastReview: nil, overdueDays: 0, retrievability: nil, stability: nil, difficulty: nil,
                    reps: 0, interview: entry.interview, isDue: true)))
            }
        }
        // Stable: equal dates and recall keep the order above.
        items.sort { $0.due != $1.due ? $0.due < $1.due : $0.r < $1.r }
        return limit.map { Array(items.prefix($0).map(\.item)) } ?? items.map(\.item)
    }
}

extension Journal {
    /// The spaced-repetition schedule of practice.
    public var schedule: PracticeSchedule { context.schedule }

    /// When the story of `attempt` comes up next for its principle; nil when
    /// the attempt has no story or principle.
    public func comesUpNext(after attempt: PracticeAttempt) throws -> DueItem? {
        guard let story = attempt.storyID, let slug = attempt.principle,
              let principle = try? principles.resolve(slug)
        else { return nil }
        return try schedule.item(storyID: story, principleID: principle.id)
    }
}
