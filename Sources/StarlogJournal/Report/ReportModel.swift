import StarlogStorage

/// What the visual report shows, computed here from the journal's own
/// reports (coverage, the loop planner, the practice schedule, lint) so the
/// rules stay where they are defined; rendering it is the front's job.
public struct ReportModel: Sendable {
    /// One row of the story-by-principle matrix.
    public struct MatrixRow: Sendable, Equatable {
        public let storyID: Int64
        public let title: String
        /// The story's lint score, 0 to 100.
        public let score: Int
        /// The ids of the principles in scope it is tagged with.
        public let principleIDs: Set<Int64>
        /// All its principles, in scope or not.
        public let tags: Int
    }

    /// One week of practice (local days, Monday first).
    public struct PracticeWeek: Sendable, Equatable {
        public let start: LocalDay
        public let attempts: Int
        /// The mean rating of the week's attempts; nil when there were none.
        public let meanRating: Double?
    }

    /// A story as the plan and the sheet show it.
    public struct PlannedStory: Sendable, Equatable {
        public let principle: Principle
        public let storyID: Int64
        public let title: String
        public let score: Int
        /// The first sentence of the Situation: the answer's opening line.
        public let hook: String
        /// Up to three facts from the Result, those with figures first.
        public let facts: [String]
        /// The most recent practice note on the story, if any.
        public let lastNote: String?
    }

    /// The interview the report looks ahead to.
    public struct UpcomingInterview: Sendable, Equatable {
        public let interview: Interview
        /// Days from today (0 on the day).
        public let daysLeft: Int
        /// The plan: a distinct story per principle.
        public let plan: [PlannedStory]
        /// Principles the plan could not give a story, and why.
        public let unplanned: [PlanAdvice]
    }

    /// One story's lint line.
    public struct LintLine: Sendable, Equatable {
        public let storyID: Int64
        public let title: String
        public let score: Int
        public let topFinding: LintFinding?
    }

    public let generatedAt: String
    public let today: LocalDay
    public let stories: Int
    public let attempts: Int
    /// Readiness of every principle in scope, with the coach's warnings.
    public let coverage: CoverageReport
    /// The most-tagged stories first, at most `matrixLimit`.
    public let matrix: [MatrixRow]
    /// Stories tagged with a principle in scope (the matrix may show fewer).
    public let matrixTotal: Int
    /// The last `weeks` weeks, oldest first; the last holds today.
    public let practice: [PracticeWeek]
    public let interview: UpcomingInterview?
    /// Reviews due by the interview's day (without one: by the end of today), soonest first.
    public let due: [DueItem]
    /// The day `due` runs up to (exclusive).
    public let dueBefore: LocalDay
    /// Lowest scores first, at most `lintLimit`.
    public let lint: [LintLine]
    /// What the cheat sheet shows: the interview's plan, else the best
    /// story of each principle in scope.
    public let sheet: [PlannedStory]

    /// Fewer stories than this (and no practice) is a journal just begun:
    /// the report then says what to do first instead of drawing empty charts.
    public static let startingStories = 3
    public static let weeks = 12
    public static let matrixLimit = 40
    public static let lintLimit = 25
    public static let dueLimit = 20
    /// The cheat sheet holds one page; more principles than this are named, not shown.
    public static let sheetLimit = 16

    /// True for an empty or tiny journal.
    public var isStarting: Bool { stories < Self.startingStories && attempts == 0 }
}

/// Builds the report model in a handful of queries.
public struct ReportBuilder {
    let journal: Journal

    public init(journal: Journal) {
        self.journal = journal
    }

    /// The report for `principles` (as a user types them, read in
    /// `framework` when given), every principle of `framework`, or interview
    /// `id`; with none, coverage's own default scope. Without principles it
    /// looks ahead to the next upcoming interview (of `framework`, when given).
    public func build(interview id: Int64? = nil, principles scope: [String] = [], framework: String? = nil) throws -> ReportModel {
        let clock = journal.clock
        let now = clock.now()
        let today = clock.day(of: now)
        let coverage = try id.map { try journal.coverage.report(interview: $0) }
            ?? journal.coverage.report(principles: scope, framework: framework)
        let counts = try journal.database.first(
            "SELECT (SELECT count(*) FROM story), (SELECT count(*) FROM practice_attempt)") {
            (stories: $0.int(0), attempts: $0.int(1))
        } ?? (stories: 0, attempts: 0)

        let scores = try journal.lint.scores()
        let principleIDs = Set(coverage.principles.map(\.principle.id))
        let (matrix, matrixTotal) = try self.matrix(principleIDs: principleIDs, scores: scores)
        let practice = try weeks(today: today)

        // The interview: the one asked for, else (unless narrowed to
        // principles) the next upcoming one.
        var interview: Interview?
        if let id {
            interview = try journal.interviews.require(id)
        } else if scope.isEmpty {
            let shown = framework == nil ? nil : coverage.framework?.slug
            interview = try journal.interviews.upcoming().first { shown == nil || $0.framework == shown }
        }
        var upcoming: ReportModel.UpcomingInterview?
        if let interview {
            let plan = try journal.planner.plan(interview: interview.id)
            let stories = try planned(plan.principles.compactMap { line in line.story.map { (line.principle, $0) } })
            upcoming = ReportModel.UpcomingInterview(
                interview: interview, daysLeft: interview.daysLeft(from: today), plan: stories,
                unplanned: plan.principles.compactMap { line in line.story == nil ? line.advice : nil })
        }

        let dueBefore = interview.map { max($0.day, today + 1) } ?? today + 1
        let limit = clock.start(of: dueBefore)
        let due = try journal.schedule.coming(
            before: limit, principles: coverage.principles.map(\.principle.slug), limit: ReportModel.dueLimit)
        let lint = try lintLines(scores: scores)

        let sheet: [ReportModel.PlannedStory]
        if let upcoming {
            sheet = upcoming.plan
        } else {
            let byID = Dictionary(coverage.principles.map { ($0.principle.id, $0.principle) }, uniquingKeysWith: { a, _ in a })
            sheet = try planned(coverage.principles.compactMap { line in
                line.bestStory.map { (line.principle, StoryFit(storyID: $0.id, title: $0.title, principleID: line.principle.id,
                                                               score: scores[$0.id] ?? 0, tags: 0)) }
            }.filter { byID[$0.0.id] != nil })
        }

        return ReportModel(
            generatedAt: Timestamp.format(now), today: today, stories: counts.stories, attempts: counts.attempts,
            coverage: coverage, matrix: matrix, matrixTotal: matrixTotal, practice: practice, interview: upcoming,
            due: due, dueBefore: dueBefore, lint: lint, sheet: sheet)
    }

    /// Stories tagged with a principle in scope, most-tagged first, then
    /// lowest score (the ones that carry too much, and weakly, come first).
    func matrix(principleIDs: Set<Int64>, scores: [Int64: Int]) throws -> ([ReportModel.MatrixRow], Int) {
        var tagged: [Int64: (title: String, ids: Set<Int64>, tags: Int)] = [:]
        try journal.database.forEach("""
            SELECT s.id, s.title, sp.principle_id FROM story_principle sp JOIN story s INDEXED BY story_card ON s.id = sp.story_id
            """) { row in
            let id = row.int64(0)
            var entry = tagged[id] ?? (row.text(1), [], 0)
            entry.tags += 1
            let principle = row.int64(2)
            if principleIDs.contains(principle) { entry.ids.insert(principle) }
            tagged[id] = entry
        }
        let rows = tagged.filter { !$0.value.ids.isEmpty }.map { id, entry in
            ReportModel.MatrixRow(storyID: id, title: entry.title, score: scores[id] ?? 0, principleIDs: entry.ids, tags: entry.tags)
        }.sorted {
            if $0.principleIDs.count != $1.principleIDs.count { return $0.principleIDs.count > $1.principleIDs.count }
            if $0.score != $1.score { return $0.score < $1.score }
            return $0.storyID < $1.storyID
        }
        return (Array(rows.prefix(ReportModel.matrixLimit)), rows.count)
    }

    /// Attempts and mean rating per week, for the last `weeks` weeks
    /// (Monday to Sunday, local days), oldest first.
    func weeks(today: LocalDay) throws -> [ReportModel.PracticeWeek] {
        let clock = journal.clock
        // LocalDay 4 (1970-01-05) was a Monday; the remainder is kept non-negative.
        let monday = today - Int(((today.number - 4) % 7 + 7) % 7)
        let first = monday - 7 * (ReportModel.weeks - 1)
        var attempts = Array(repeating: 0, count: ReportModel.weeks)
        var ratings = Array(repeating: 0, count: ReportModel.weeks)
        try journal.database.forEach(
            "SELECT practiced_at, rating FROM practice_attempt WHERE practiced_at >= ?",
            [Timestamp.format(clock.start(of: first))]) { row in
            guard let moment = Timestamp.parse(row.text(0)) else { return }
            let week = (clock.day(of: moment) - first) / 7
            guard (0..<ReportModel.weeks).contains(week) else { return }
            attempts[week] += 1
            ratings[week] += row.int(1)
        }
        return (0..<ReportModel.weeks).map { week in
            ReportModel.PracticeWeek(
                start: first + 7 * week, attempts: attempts[week],
                meanRating: attempts[week] == 0 ? nil : Double(ratings[week]) / Double(attempts[week]))
        }
    }

    /// The lowest-scoring stories with their most severe finding.
    func lintLines(scores: [Int64: Int]) throws -> [ReportModel.LintLine] {
        let worst = scores.sorted { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key }
            .prefix(ReportModel.lintLimit).map(\.key)
        return try journal.lint.report(ids: Array(worst)).map {
            ReportModel.LintLine(storyID: $0.storyID, title: $0.title, score: $0.score, topFinding: $0.findings.first)
        }
    }

    /// Each planned pair with the story's opening line, facts and last note.
    func planned(_ pairs: [(Principle, StoryFit)]) throws -> [ReportModel.PlannedStory] {
        try pairs.compactMap { principle, fit in
            guard let story = try journal.stories.find(fit.storyID) else { return nil }
            let note = try journal.practice.lastNotes(storyID: fit.storyID)?.notes
            return ReportModel.PlannedStory(
                principle: principle, storyID: story.id, title: story.title, score: fit.score,
                hook: StoryMarkdown.title(from: story.situation), facts: Self.facts(from: story.result),
                lastNote: note.map { StoryMarkdown.firstLine($0) })
        }
    }

    /// Up to three facts from a Result: its clauses (split at sentence
    /// ends and semicolons), those that measure something (lint's own test
    /// of a figure) first, in their order.
    public static func facts(from result: String, limit: Int = 3) -> [String] {
        var clauses: [String] = []
        var current = ""
        let characters = Array(result)
        for (index, character) in characters.enumerated() {
            let next = index + 1 < characters.count ? characters[index + 1] : " "
            if character.isNewline || character == ";" || (".!?".contains(character) && next == " "
                && (character != "." || StoryMarkdown.endsSentence(characters, period: index))) {
                if ".!?".contains(character) { current.append(character) }
                clauses.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        clauses.append(current)
        let trimmed = clauses.map { $0.trimmed }.filter { !$0.isEmpty }
        let measured = trimmed.filter { LintText.hasMeasure($0) }
        let others = trimmed.filter { !LintText.hasMeasure($0) }
        return Array((measured + others).prefix(limit))
    }
}

extension Journal {
    /// The visual report's model.
    public var report: ReportBuilder { ReportBuilder(journal: self) }
}
