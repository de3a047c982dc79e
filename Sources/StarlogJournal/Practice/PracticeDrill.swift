import StarlogStorage

/// One question the drill asks, with what the user needs to answer it.
public struct DrillQuestion: Sendable, Equatable {
    public let question: Question
    /// How the question's principle stands.
    public let coverage: PrincipleCoverage
    /// Stories tagged with the principle, best first; the due story first when there is one.
    public let candidates: [StoryCandidate]
    /// The story–principle pair this question rehearses because it is due
    /// (the most overdue in scope not yet offered in this sitting).
    public var due: DueItem? = nil
}

/// Chooses the drill's questions: principles with the fewest stories and the
/// oldest or weakest practice come up most often, and within a principle the
/// question asked least.
public struct PracticeDrill {
    let journal: Journal
    let scope: [Principle]
    var generator: SeededGenerator
    /// Questions already asked in this sitting; not asked again while others remain.
    public private(set) var asked: Set<Int64> = []
    /// Due pairs (story, principle) already offered in this sitting.
    var offeredDue: Set<[Int64]> = []

    /// A drill over `principles` (as a user types them, a bare number within
    /// `framework`); when empty, over every principle of `framework`, else
    /// of the default scope (the next interview's framework, else `amazon`).
    /// The same `seed` on the same journal gives the same questions.
    public init(journal: Journal, principles: [String] = [], framework: String? = nil, seed: UInt64) throws {
        self.journal = journal
        self.scope = try journal.frameworks.principlesInScope(principles, framework: framework)
        self.generator = SeededGenerator(seed: seed)
        if try pool().isEmpty { throw JournalError.noQuestions(scope) }
    }

    /// The weight of a principle: higher for fewer stories and for practice
    /// that is missing, old or poorly rated.
    public static func weight(of line: PrincipleCoverage, now: Int64) -> Double {
        let storyFactor: Double
        switch line.stories {
        case 0: storyFactor = 4
        case 1: storyFactor = 3
        default: storyFactor = 1
        }
        var practiceFactor = 4.0
        if let last = line.lastPracticed.flatMap(Timestamp.parse) {
            let days = Double(max(0, now - last)) / 86_400
            practiceFactor = 1 + min(days, 60) / 20 + max(0, 4 - (line.meanRating ?? 0))
        }
        let readiness = line.status == .ready ? 0.5 : 1
        return storyFactor * practiceFactor * readiness
    }

    /// Bank questions in scope with how often each was practised:
    /// (question, times asked, last asked). Hidden questions are never drilled.
    func pool() throws -> [(question: Question, times: Int, last: String?)] {
        let all = try journal.database.rows("""
            SELECT \(Question.columns), count(a.id), max(a.practiced_at)
            FROM \(Question.from) LEFT JOIN practice_attempt a ON a.question_id = q.id
            WHERE q.hidden = 0
            GROUP BY q.id
            ORDER BY \(Question.order)
            """) { row in (question: Question(row: row), times: row.int(7), last: row.optionalText(8)) }
        guard !scope.isEmpty else { return all }
        let ids = Set(scope.map(\.id))
        return all.filter { ids.contains($0.question.principleID) }
    }

    /// The least-practised of `questions` (not empty), the longest ago
    /// asked among those; ties broken at random.
    mutating func leastAsked(_ questions: [(question: Question, times: Int, last: String?)]) -> Question {
        let fewest = questions.map(\.times).min() ?? 0
        let least = questions.filter { $0.times == fewest }
        let oldest = least.map { $0.last ?? "" }.min() ?? ""
        let finalists = least.filter { ($0.last ?? "") == oldest }
        return finalists[Int(generator.next() % UInt64(finalists.count))].question
    }

    /// The next question, or nil when every question in scope was asked in
    /// this sitting. While story–principle pairs are due (FSRS), the most
    /// overdue comes first, with its story offered first.
    public mutating func next() throws -> DrillQuestion? {
        let pool = try pool().filter { !asked.contains($0.question.id) }
        guard !pool.isEmpty else { return nil }
        let report = try journal.coverage.report(principles: scope.map(\.slug))
        let coverage = Dictionary(uniqueKeysWithValues: report.principles.map { ($0.principle.id, $0) })
        let now = journal.clock.now()

        // The most overdue pair first (FSRS schedule), while any is due.
        let poolPrinciples = Set(pool.map(\.question.principleID))
        for item in try journal.schedule.due(principles: scope.map(\.slug))
        where poolPrinciples.contains(item.principle.id) && !offeredDue.contains([item.storyID, item.principle.id]) {
            offeredDue.insert([item.storyID, item.principle.id])
            let pick = leastAsked(pool.filter { $0.question.principleID == item.principle.id })
            asked.insert(pick.id)
            guard let line = coverage[item.principle.id] else { continue }
            var candidates = try candidates(for: pick, principleID: item.principle.id)
            if let index = candidates.firstIndex(where: { $0.id == item.storyID }) {
                candidates.insert(candidates.remove(at: index), at: 0)
            } else if let story = try journal.stories.find(item.storyID) {
                candidates.insert(StoryCandidate(id: story.id, title: story.title, outcome: story.outcome,
                                                 attempts: item.reps, bestRating: nil, lastPracticed: nil), at: 0)
            }
            return DrillQuestion(question: pick, coverage: line, candidates: candidates, due: item)
        }

        // A principle, weighted.
        var principleIDs: [Int64] = []
        for entry in pool where principleIDs.last != entry.question.principleID && !principleIDs.contains(entry.question.principleID) {
            principleIDs.append(entry.question.principleID)
        }
        let weights = principleIDs.map { coverage[$0].map { Self.weight(of: $0, now: now) } ?? 1 }
        let total = weights.reduce(0, +)
        var target = generator.unit() * total
        var chosen = principleIDs[principleIDs.count - 1]
        for (index, weight) in weights.enumerated() {
            if target < weight { chosen = principleIDs[index]; break }
            target -= weight
        }

        // Its least-practised question; ties broken at random.
        let pick = leastAsked(pool.filter { $0.question.principleID == chosen })
        asked.insert(pick.id)

        guard let line = coverage[chosen] else {
            throw JournalError.damaged(.principleVanished("\(chosen)"))
        }
        return DrillQuestion(
            question: pick, coverage: line,
            candidates: try candidates(for: pick, principleID: chosen))
    }

    /// The principle's stories for `question`, most relevant first, by the
    /// ranking `answer` uses (`StoryRanking`).
    public func candidates(for question: Question, principleID: Int64) throws -> [StoryCandidate] {
        guard let principle = try journal.principles.all().first(where: { $0.id == principleID }) else { return [] }
        return try journal.drillCandidates(for: question.text, principle: principle)
    }
}
