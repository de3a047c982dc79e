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
            let principle = row.int64(0)
            if let principleIDs, !principleIDs.contains(principle) { return }
            let story = row.int64(1)
            try body(StoryFit(
                storyID: story, title: row.text(2), principleID: principle,
                score: scorer.score(penalty: unsaved[story] ?? row.int(10), happened: row.optionalText(11)),
                tags: row.int(3), attempts: row.int(4), bestRating: row.optionalInt64(5).map(Int.init),
                meanRating: row.optionalDouble(6), lastPracticed: row.optionalText(7),
                outcome: Outcome(rawValue: row.text(8)) ?? .success, updatedAt: row.text(9)))
        }
    }
}

/// An exact solver for the assignment problem: the Hungarian algorithm
/// (Kuhn–Munkres with row and column potentials, O(n²m)), minimising the
/// total cost of giving each row a distinct column.
public enum Hungarian {
    /// For a cost matrix of `rows` ≤ `columns`, the column chosen for each
    /// row so that the sum of costs is the least possible.
    public static func solve(_ cost: [[Int64]]) -> [Int] {
        let n = cost.count
        guard n > 0 else { return [] }
        let m = cost[0].count
        precondition(m >= n, "the assignment needs at least as many columns as rows")
        let infinity = Int64.max / 4
        // 1-based, as in the classic formulation; column 0 is a sentinel.
        var u = [Int64](repeating: 0, count: n + 1)
        var v = [Int64](repeating: 0, count: m + 1)
        var owner = [Int](repeating: 0, count: m + 1) // row assigned to each column
        var way = [Int](repeating: 0, count: m + 1)
        for row in 1...n {
            owner[0] = row
            var column0 = 0
            var minimum = [Int64](repeating: infinity, count: m + 1)
            var used = [Bool](repeating: false, count: m + 1)
            repeat {
                used[column0] = true
                let row0 = owner[column0]
                var delta = infinity
                var column1 = 0
                for column in 1...m where !used[column] {
                    let reduced = cost[row0 - 1][column - 1] - u[row0] - v[column]
                    if reduced < minimum[column] {
                        minimum[column] = reduced
                        way[column] = column0
                    }
                    if minimum[column] < delta {
                        delta = minimum[column]
                        column1 = column
                    }
                }
                for column in 0...m {
                    if used[column] {
                        u[owner[column]] += delta
                        v[column] -= delta
                    } else {
                        minimum[column] -= delta
                    }
                }
                column0 = column1
            } while owner[column0] != 0
            repeat {
                let column1 = way[column0]
                owner[column0] = owner[column1]
                column0 = column1
            } while column0 != 0
        }
        var assignment = [Int](repeating: -1, count: n)
        for column in 1...m where owner[column] != 0 {
            assignment[owner[column] - 1] = column - 1
        }
        return assignment
    }
}

/// One principle's place in a plan.
public struct PlannedPrinciple: Sendable, Equatable {
    public let principle: Principle
    /// The story to tell, when one could be given.
    public let story: StoryFit?
    /// A second distinct story, with `--backup 1`.
    public let backup: StoryFit?
    /// Why no story (or no backup) could be given, and what to write; nil when fully planned.
    public let advice: String?
}

/// A story a plan left out because it was already told at the same company.
public struct AvoidedStory: Sendable, Equatable {
    public let storyID: Int64
    public let title: String
    /// Where it was told: that interview's id and day, and the question.
    public let interviewID: Int64
    public let date: String
    public let question: String

    public init(storyID: Int64, title: String, interviewID: Int64, date: String, question: String) {
        self.storyID = storyID
        self.title = title
        self.interviewID = interviewID
        self.date = date
        self.question = question
    }

    /// `story_id`, `title`, `interview_id`, `date`, `question`.
    public var json: JSONValue {
        .object([
            .init("story_id", .int(storyID)),
            .init("title", .string(title)),
            .init("interview_id", .int(interviewID)),
            .init("date", .string(date)),
            .init("question", .string(question)),
        ])
    }
}

/// A plan for one interview loop: a distinct story per principle.
public struct LoopPlan: Sendable, Equatable {
    public let interview: Interview?
    public let principles: [PlannedPrinciple]
    /// Stories in scope left out because they were told at an earlier
    /// interview at the same company (none with `allowRepeat`).
    public var avoided: [AvoidedStory] = []
    public let backups: Int
    public let generatedAt: Int64
    /// The local day the plan was made on.
    public let today: LocalDay

    /// The sum of the fits of the stories told (not the backups), in hundredths.
    public var totalFit: Int { principles.compactMap(\.story?.fit).reduce(0, +) }
    /// Principles left without a story.
    public var unassigned: [PlannedPrinciple] { principles.filter { $0.story == nil } }

    static func storyJSON(_ fit: StoryFit?) -> JSONValue {
        guard let fit else { return .null }
        return .object([
            .init("id", .int(fit.storyID)),
            .init("title", .string(fit.title)),
            .init("fit", .double(Double(fit.fit) / 100)),
            .init("score", .int(fit.score)),
            .init("tags", .int(fit.tags)),
            .init("mean_rating", fit.meanRating.map { .double(($0 * 100).rounded() / 100) } ?? .null),
        ])
    }

    /// `interview` (or null), `principles` (each `slug`, `name`, `story`,
    /// `backup`, `advice`), `total_fit`, `unassigned` (slugs).
    public var json: JSONValue {
        var members: [JSONValue.Member] = [
            .init("interview", interview.map { $0.json(today: today) } ?? .null),
            .init("principles", .array(principles.map { line in
                var fields: [JSONValue.Member] = [
                    .init("slug", .string(line.principle.slug)),
                    .init("name", .string(line.principle.name)),
                    .init("story", Self.storyJSON(line.story)),
                ]
                if backups > 0 { fields.append(.init("backup", Self.storyJSON(line.backup))) }
                fields.append(.init("advice", .string(line.advice)))
                return .object(fields)
            })),
        ]
        members.append(.init("total_fit", .double(Double(totalFit) / 100)))
        members.append(.init("unassigned", .array(unassigned.map { .string($0.principle.slug) })))
        members.append(.init("avoided", .array(avoided.map(\.json))))
        return .object(members)
    }
}

/// Assigns a different story to each principle of a loop, maximising the
/// total fit exactly (Hungarian algorithm), so no story is told twice.
public struct LoopPlanner: JournalRepository {
    let context: JournalContext

    init(context: JournalContext) {
        self.context = context
    }

    public init(journal: Journal) {
        self.init(context: journal.context)
    }

    var interviews: InterviewRepository { context.interviews }

    /// The plan for an interview's principles. Stories already told at an
    /// interview at the same company are left out (and listed in
    /// `avoided`) unless `allowRepeat`.
    public func plan(interview id: Int64, backups: Int = 0, allowRepeat: Bool = false) throws -> LoopPlan {
        let interview = try interviews.require(id)
        let told = allowRepeat ? [] : try interviews.toldStories(at: interview.company, except: interview.id)
        return try plan(scope: interviews.scope(of: interview), interview: interview, backups: backups, told: told)
    }

    /// The plan for principles as a user types them (a bare number within
    /// `framework`); with none, for every principle of `framework`, else of
    /// the default scope (the next interview's framework, else `amazon`).
    public func plan(principles texts: [String], framework: String? = nil, backups: Int = 0) throws -> LoopPlan {
        let frameworks = context.frameworks
        if texts.isEmpty {
            return try plan(scope: principles.all(in: frameworks.scope(framework).slug), interview: nil, backups: backups)
        }
        let given = try framework.map { try frameworks.require($0).slug }
        return try plan(scope: principles.resolve(all: texts, in: given), interview: nil, backups: backups)
    }

    func plan(scope: [Principle], interview: Interview?, backups: Int, told: [ToldStory] = []) throws -> LoopPlan {
        try InputRules.checkBackups(backups)
        let ids = Set(scope.map(\.id))
        let fits = try context.fits.fits(principleIDs: ids)
        var byPrinciple: [Int64: [StoryFit]] = [:]
        let toldIDs = Set(told.map(\.storyID))
        var avoided: [AvoidedStory] = []
        for fit in fits {
            if toldIDs.contains(fit.storyID) {
                if !avoided.contains(where: { $0.storyID == fit.storyID }), let where_ = told.first(where: { $0.storyID == fit.storyID }) {
                    avoided.append(AvoidedStory(storyID: fit.storyID, title: fit.title, interviewID: where_.interviewID,
                                                date: where_.date, question: where_.question))
                }
                continue
            }
            byPrinciple[fit.principleID, default: []].append(fit)
        }
        avoided.sort { $0.storyID < $1.storyID }
        let tables = scope.map { byPrinciple[$0.id] ?? [] }

        let primary = Self.assign(tables, excluding: [])
        let told = Set(primary.compactMap { $0?.storyID })
        let second = backups > 0 ? Self.assign(tables, excluding: told) : Array(repeating: nil, count: scope.count)

        var lines: [PlannedPrinciple] = []
        for (index, principle) in scope.enumerated() {
            let story = primary[index], backup = second[index]
            var advice: String?
            if story == nil {
                advice = try self.advice(for: principle, candidates: tables[index], primary: primary, scope: scope, backup: false)
            } else if backups > 0 && backup == nil {
                advice = try self.advice(for: principle, candidates: tables[index], primary: primary, scope: scope, backup: true)
            }
            lines.append(PlannedPrinciple(principle: principle, story: story, backup: backup, advice: advice))
        }
        var plan = LoopPlan(interview: interview, principles: lines, backups: backups, generatedAt: clock.now(), today: clock.today)
        plan.avoided = avoided
        return plan
    }

    /// The exact assignment of distinct stories (not in `excluding`) to the
    /// principles whose candidates are `tables`: the most principles served,
    /// and among those plans the greatest total fit.
    public static func assign(_ tables: [[StoryFit]], excluding: Set<Int64>) -> [StoryFit?] {
        let rows = tables.count
        guard rows > 0 else { return [] }
        var stories: [Int64] = []
        var column: [Int64: Int] = [:]
        for table in tables {
            for fit in table where !excluding.contains(fit.storyID) && column[fit.storyID] == nil {
                column[fit.storyID] = stories.count
                stories.append(fit.storyID)
            }
        }
        // One dummy column per principle, so every principle can be "left
        // without a story". Forbidden and dummy cells cost more than any
        // total fit can make up, so the solver first serves as many
        // principles as it can, then maximises the fit.
        //
        // Between plans of equal total fit, the one definition of best story
        // (`StoryFit.isBetter`) decides: each fit is scaled by `scale` and a
        // cell gains a small bonus for its story's rank within its principle.
        // The bonuses of a whole plan add up to less than `scale`, so they
        // never outweigh a single hundredth of fit.
        let longest = tables.map(\.count).max() ?? 0
        let scale = Int64(rows) * Int64(longest + 1)
        let maxFit = tables.joined().map(\.fit).max() ?? 0
        let forbidden = (Int64(maxFit + 1) * scale + scale) * Int64(rows + 1)
        let width = stories.count + rows
        var cost = Array(repeating: Array(repeating: forbidden, count: width), count: rows)
        for (row, table) in tables.enumerated() {
            let ranked = table.sorted(by: StoryFit.isBetter)
            for (rank, fit) in ranked.enumerated() {
                guard let index = column[fit.storyID] else { continue }
                cost[row][index] = -(Int64(fit.fit) * scale + Int64(ranked.count - rank))
            }
        }
        let chosen = Hungarian.solve(cost)
        return chosen.enumerated().map { row, index in
            guard index < stories.count, cost[row][index] < forbidden else { return nil }
            return tables[row].first { $0.storyID == stories[index] }
        }
    }

    /// The greedy plan (best remaining pair first), kept for comparison in tests.
    package static func greedy(_ tables: [[StoryFit]]) -> [StoryFit?] {
        var pairs: [(row: Int, fit: StoryFit)] = []
        for (row, table) in tables.enumerated() { for fit in table { pairs.append((row, fit)) } }
        pairs.sort { $0.fit.fit > $1.fit.fit }
        var result = [StoryFit?](repeating: nil, count: tables.count)
        var used = Set<Int64>()
        for pair in pairs where result[pair.row] == nil && !used.contains(pair.fit.storyID) {
            result[pair.row] = pair.fit
            used.insert(pair.fit.storyID)
        }
        return result
    }

    /// What to write for a principle the plan could not serve.
    func advice(for principle: Principle, candidates: [StoryFit], primary: [StoryFit?], scope: [Principle], backup: Bool) throws -> String {
        let prompt = try database.first(
            "SELECT text FROM question WHERE principle_id = ? ORDER BY builtin DESC, id LIMIT 1", [principle.id]) { $0.text(0) }
        let ask = prompt.map { " — for example one that answers \"\($0)\"" } ?? ""
        let what = backup ? "a second story" : "a story"
        if candidates.isEmpty {
            return "No story is tagged \(principle.name). Write \(what) that shows it\(ask), then tag it with `--principle \(principle.slug)`."
        }
        var owners: [String] = []
        for fit in candidates {
            if let index = primary.firstIndex(where: { $0?.storyID == fit.storyID }) {
                owners.append(scope[index].id == principle.id
                    ? "#\(fit.storyID) is its main story"
                    : "#\(fit.storyID) goes to \(scope[index].name)")
            }
        }
        let taken = owners.isEmpty ? "" : " (\(owners.joined(separator: "; ")))"
        let lead = backup
            ? "No other story tagged \(principle.name) is free\(taken)."
            : "Every story tagged \(principle.name) is already told for another principle\(taken)."
        return "\(lead) Write \(what) that shows \(principle.name)\(ask), and tag it with `--principle \(principle.slug)`."
    }
}

extension Journal {
    /// The panel planner of `starlog plan`.
    public var planner: LoopPlanner { context.planner }
}
