import StarlogStorage

/// One principle's place in a plan.
public struct PlannedPrinciple: Sendable, Equatable {
    public let principle: Principle
    /// The story to tell, when one could be given.
    public let story: StoryFit?
    /// A second distinct story, with `--backup 1`.
    public let backup: StoryFit?
    /// Why no story (or no backup) could be given; nil when fully planned.
    public let advice: PlanAdvice?
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
            .init("mean_rating", .rounded(fit.meanRating, places: 2)),
        ])
    }

    /// `interview` (or null), `principles` (each `slug`, `name`, `story`,
    /// `backup`, `advice` as `wording` words it), `total_fit`, `unassigned` (slugs).
    public func json(wording: (PlanAdvice) -> String) -> JSONValue {
        var members: [JSONValue.Member] = [
            .init("interview", interview.map { $0.json(today: today) } ?? .null),
            .init("principles", .array(principles.map { line in
                var fields: [JSONValue.Member] = [
                    .init("slug", .string(line.principle.slug)),
                    .init("name", .string(line.principle.name)),
                    .init("story", Self.storyJSON(line.story)),
                ]
                if backups > 0 { fields.append(.init("backup", Self.storyJSON(line.backup))) }
                fields.append(.init("advice", .string(line.advice.map(wording))))
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
        try plan(scope: context.frameworks.principlesInScope(texts, framework: framework), interview: nil, backups: backups)
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
            var advice: PlanAdvice?
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

    /// Why the plan could not serve `principle`: its candidates and where
    /// the plan told them.
    func advice(for principle: Principle, candidates: [StoryFit], primary: [StoryFit?], scope: [Principle], backup: Bool) throws -> PlanAdvice {
        let prompt = try database.first(
            "SELECT q.text FROM question q WHERE q.principle_id = ? AND q.hidden = 0 ORDER BY \(Question.bankOrder) LIMIT 1", [principle.id]) { $0.text(0) }
        var told: [PlanAdvice.Told] = []
        for fit in candidates {
            if let index = primary.firstIndex(where: { $0?.storyID == fit.storyID }) {
                told.append(PlanAdvice.Told(storyID: fit.storyID, principle: scope[index]))
            }
        }
        return PlanAdvice(principle: principle, backup: backup, tagged: !candidates.isEmpty, told: told, example: prompt)
    }
}

extension Journal {
    /// The panel planner of `starlog plan`.
    public var planner: LoopPlanner { context.planner }
}
