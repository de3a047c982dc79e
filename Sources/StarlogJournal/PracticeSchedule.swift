import StarlogStorage

/// One story–principle pair that is due for rehearsal.
public struct DueItem: Sendable, Equatable {
    public let storyID: Int64
    public let title: String
    public let principle: Principle
    /// When it is due (UTC, ISO 8601); for a pair never practised, now.
    public let due: String
    /// Whole days past due (0 when due today or new).
    public let overdueDays: Int
    /// The chance of recalling it now by the model; nil when never practised.
    public let retrievability: Double?
    public let stability: Double?
    public let difficulty: Double?
    /// Rehearsals so far.
    public let reps: Int
    /// The interview this pair is planned for, when the interview caps brought it forward or it is new.
    public let interview: Interview?

    public var isNew: Bool { reps == 0 }

    /// `story_id`, `title`, `principle` (slug), `due`, `overdue_days`,
    /// `retrievability`, `stability`, `difficulty`, `reps`, `state`
    /// (`new` or `review`), `interview_id`.
    public var json: JSONValue {
        func rounded(_ value: Double?, _ places: Double) -> JSONValue {
            value.map { .double(($0 * places).rounded() / places) } ?? .null
        }
        return .object([
            .init("story_id", .int(storyID)),
            .init("title", .string(title)),
            .init("principle", .string(principle.slug)),
            .init("due", .string(due)),
            .init("overdue_days", .int(overdueDays)),
            .init("retrievability", rounded(retrievability, 1000)),
            .init("stability", rounded(stability, 100)),
            .init("difficulty", rounded(difficulty, 100)),
            .init("reps", .int(reps)),
            .init("state", .string(isNew ? "new" : "review")),
            .init("interview_id", interview.map { .int($0.id) } ?? .null),
        ])
    }
}

/// The FSRS schedule of story–principle pairs, kept in `review_state`.
///
/// Every practice attempt with a story updates its pair: the pair's state
/// is replayed from all its attempts in time order (so an attempt logged
/// late with `--at` lands in its place). The pair's principle is the
/// attempt's (the question's); for an attempt without one, the story's only
/// principle when it has exactly one.
///
/// Interview cap: for every upcoming interview, the stories its plan tells
/// (`LoopPlanner`) must come due at least once in the last
/// `finalWindowDays` days before it. A planned pair not rehearsed since that
/// window opened, whose next due date falls on or after the interview's day,
/// is brought forward to the window's first day. A planned pair never
/// practised is due at once.
public struct PracticeSchedule {
    let database: Database
    let principles: PrincipleRepository
    let clock: JournalClock
    let model = FSRS()

    init(database: Database, principles: PrincipleRepository, clock: JournalClock) {
        self.database = database
        self.principles = principles
        self.clock = clock
    }

    var interviews: InterviewRepository { InterviewRepository(database: database, principles: principles, clock: clock) }
    var planner: LoopPlanner { LoopPlanner(database: database, principles: principles, clock: clock) }

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

    /// The SQL that picks the attempts of pair (?1 story, ?2 principle).
    static let pairAttempts = """
        SELECT a.rating, a.practiced_at FROM practice_attempt a
        WHERE a.story_id = ?1
          AND (a.principle_id = ?2
               OR (a.principle_id IS NULL
                   AND (SELECT count(*) FROM story_principle sp WHERE sp.story_id = ?1) = 1
                   AND EXISTS (SELECT 1 FROM story_principle sp WHERE sp.story_id = ?1 AND sp.principle_id = ?2)))
        ORDER BY a.practiced_at, a.id
        """

    /// The pair an attempt belongs to, or nil when it has no story or no principle can be told.
    func pair(storyID: Int64?, principleID: Int64?) throws -> (story: Int64, principle: Int64)? {
        guard let storyID else { return nil }
        if let principleID { return (storyID, principleID) }
        let tags = try database.rows("SELECT principle_id FROM story_principle WHERE story_id = ? LIMIT 2", [storyID]) { $0.int64(0) }
        return tags.count == 1 ? (storyID, tags[0]) : nil
    }

    /// Recomputes the state of the pair of an attempt just recorded. Call
    /// inside the transaction that recorded it.
    func update(storyID: Int64?, principleID: Int64?) throws {
        try update(storyID: storyID, principleID: principleID, planned: nil)
    }

    /// Recomputes every pair that has an attempt with an id above
    /// `attemptID`: an import restores attempts straight into their table,
    /// and their pairs' schedule is derived from them. The interview plans
    /// are worked out once for all the pairs. Returns the pairs updated.
    @discardableResult
    func rebuild(afterAttempt attemptID: Int64) throws -> Int {
        let planned = try plannedPairs()
        let statement = try database.prepare("""
            SELECT DISTINCT story_id, principle_id FROM practice_attempt
            WHERE id > ? AND story_id IS NOT NULL
            """)
        try statement.bind([attemptID])
        defer { statement.reset() }
        var count = 0
        while try statement.step() {
            try update(storyID: statement.int64(0), principleID: statement.optionalInt64(1), planned: planned)
            count += 1
        }
        return count
    }

    private func update(storyID: Int64?, principleID: Int64?,
                        planned: [(interview: Interview, pairs: Set<Pair>)]?) throws {
        guard let pair = try pair(storyID: storyID, principleID: principleID) else { return }
        let reviews = try database.rows(Self.pairAttempts, [pair.story, pair.principle]) {
            (rating: $0.int(0), at: Timestamp.parse($0.text(1)) ?? 0)
        }
        guard let last = reviews.last else {
            try database.run("DELETE FROM review_state WHERE story_id = ? AND principle_id = ?", [pair.story, pair.principle])
            return
        }
        var state: FSRS.State?
        var previous: Int64?
        var lapses = 0
        for review in reviews {
            let grade = FSRS.Grade(rating: review.rating)
            if grade == .again && state != nil { lapses += 1 }
            let days = previous.map { Int((review.at - $0) / Self.day) }
            state = model.next(state, grade: grade, days: days)
            previous = review.at
        }
        guard let state else { return }
        var due = last.at + Int64(model.interval(stability: state.stability)) * Self.day
        let key = Pair(story: pair.story, principle: pair.principle)
        for start in try (planned ?? plannedPairs()).filter({ $0.pairs.contains(key) }).map(\.interview.start) {
            due = Self.capped(due: due, lastReview: last.at, interviewStart: start)
        }
        try database.run("""
            INSERT INTO review_state (story_id, principle_id, stability, difficulty, reps, lapses, last_review, due)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (story_id, principle_id) DO UPDATE SET
                stability = excluded.stability, difficulty = excluded.difficulty, reps = excluded.reps,
                lapses = excluded.lapses, last_review = excluded.last_review, due = excluded.due
            """, [pair.story, pair.principle, state.stability, state.difficulty, Int64(reviews.count), Int64(lapses),
                  Timestamp.format(last.at), Timestamp.format(due)])
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

    /// Pairs due by the end of today (UTC), most overdue first; with
    /// `principles`, only pairs of those principles. Planned pairs of
    /// upcoming interviews that were never practised are due at once.
    public func due(principles scope: [String] = [], limit: Int? = nil) throws -> [DueItem] {
        if let limit, limit < 1 { throw JournalError.invalidInput("--limit must be 1 or more") }
        let wanted = Set(try principles.resolve(all: scope).map(\.id))
        let now = clock.now()
        let endOfToday = (now / Self.day + 1) * Self.day
        let byID = Dictionary(uniqueKeysWithValues: try principles.all().map { ($0.id, $0) })
        let planned = try plannedPairs()

        struct Row { let story: Int64; let title: String; let principle: Int64; let stability: Double; let difficulty: Double; let reps: Int; let last: Int64; let due: Int64 }
        let rows = try database.rows("""
            SELECT r.story_id, s.title, r.principle_id, r.stability, r.difficulty, r.reps, r.last_review, r.due
            FROM review_state r JOIN story s ON s.id = r.story_id
            ORDER BY r.due, r.story_id, r.principle_id
            """) {
            Row(story: $0.int64(0), title: $0.text(1), principle: $0.int64(2), stability: $0.double(3), difficulty: $0.double(4),
                reps: $0.int(5), last: Timestamp.parse($0.text(6)) ?? 0, due: Timestamp.parse($0.text(7)) ?? 0)
        }
        var items: [(due: Int64, r: Double, item: DueItem)] = []
        var seen = Set<Pair>()
        for row in rows {
            let pair = Pair(story: row.story, principle: row.principle)
            seen.insert(pair)
            guard wanted.isEmpty || wanted.contains(row.principle), let principle = byID[row.principle] else { continue }
            var due = row.due
            var reason: Interview?
            for entry in planned where entry.pairs.contains(pair) {
                let capped = Self.capped(due: due, lastReview: row.last, interviewStart: entry.interview.start)
                if capped < due { due = capped; reason = entry.interview }
            }
            guard due < endOfToday else { continue }
            let days = Int(max(0, now - row.last) / Self.day)
            let r = model.retrievability(days: Double(days), stability: row.stability)
            items.append((due, r, DueItem(
                storyID: row.story, title: row.title, principle: principle, due: Timestamp.format(due),
                overdueDays: Int(max(0, now - due) / Self.day), retrievability: r, stability: row.stability,
                difficulty: row.difficulty, reps: row.reps, interview: reason)))
        }
        // Planned pairs never practised.
        var titles: [Int64: String] = [:]
        for entry in planned {
            for pair in entry.pairs.sorted(by: { ($0.principle, $0.story) < ($1.principle, $1.story) })
            where !seen.contains(pair) && (wanted.isEmpty || wanted.contains(pair.principle)) {
                seen.insert(pair)
                guard let principle = byID[pair.principle] else { continue }
                if titles[pair.story] == nil {
                    titles[pair.story] = try database.first("SELECT title FROM story WHERE id = ?", [pair.story]) { $0.text(0) } ?? ""
                }
                items.append((now, 1, DueItem(
                    storyID: pair.story, title: titles[pair.story] ?? "", principle: principle, due: Timestamp.format(now),
                    overdueDays: 0, retrievability: nil, stability: nil, difficulty: nil, reps: 0, interview: entry.interview)))
            }
        }
        items.sort { $0.due != $1.due ? $0.due < $1.due : $0.r < $1.r }
        let ordered = items.map(\.item)
        return limit.map { Array(ordered.prefix($0)) } ?? ordered
    }
}

extension Journal {
    /// The spaced-repetition schedule of practice.
    public var schedule: PracticeSchedule { PracticeSchedule(database: database, principles: principles, clock: clock) }
}
