import StarlogStorage

/// The checks of one story: its findings and a score.
public struct StoryLintReport: Sendable, Equatable {
    public let storyID: Int64
    public let title: String
    /// 100 minus the penalties of the findings, never below 0.
    public let score: Int
    /// Most severe first, then in rule order.
    public let findings: [LintFinding]

    /// `id`, `title`, `score`, `findings` (each `rule`, `severity`, `field`,
    /// `message`, `suggestion`, `penalty`).
    public var json: JSONValue {
        .object([
            .init("id", .int(storyID)),
            .init("title", .string(title)),
            .init("score", .int(score)),
            .init("findings", .array(findings.map(\.json))),
        ])
    }
}

/// Runs the rules of `LintRules` over stories. Pure: no database.
public struct StoryLinter: Sendable {
    public let rules: [LintRule]

    public init(rules: [LintRule] = LintRules.all) {
        self.rules = rules
    }

    /// The score for these findings.
    public static func score(_ findings: [LintFinding]) -> Int {
        max(0, 100 - findings.reduce(0) { $0 + $1.penalty })
    }

    /// Checks `story` as of `today` (`YYYY-MM-DD`).
    public func lint(_ story: Story, today: String) -> StoryLintReport {
        let context = LintContext(story: story, today: today)
        var findings: [(index: Int, finding: LintFinding)] = []
        for rule in rules {
            for finding in rule.check(context, rule) {
                findings.append((findings.count, finding))
            }
        }
        let ordered = findings.sorted {
            $0.finding.severity != $1.finding.severity ? $0.finding.severity > $1.finding.severity : $0.index < $1.index
        }.map(\.finding)
        return StoryLintReport(storyID: story.id, title: story.title, score: Self.score(ordered), findings: ordered)
    }
}

/// Lints stories of the journal.
public struct LintRepository {
    let database: Database
    let stories: StoryRepository
    let clock: JournalClock

    /// Today in UTC, `YYYY-MM-DD`.
    var today: String { String(Timestamp.format(clock.now()).prefix(10)) }

    /// Reports for the stories with `ids` in that order (an unknown id is an
    /// error), or for every story, oldest id first, when `ids` is empty.
    public func report(ids: [Int64] = []) throws -> [StoryLintReport] {
        let linter = StoryLinter()
        let today = today
        if ids.isEmpty {
            return try database.rows("SELECT \(StoryRepository.columns) FROM story s ORDER BY s.id") {
                linter.lint(Story(row: $0), today: today)
            }
        }
        var seen = Set<Int64>()
        return try ids.filter { seen.insert($0).inserted }.map { try linter.lint(stories.require($0), today: today) }
    }

    /// The score of each story in `ids` (every story when nil).
    public func scores(of ids: Set<Int64>? = nil) throws -> [Int64: Int] {
        let linter = StoryLinter()
        let today = today
        var scores: [Int64: Int] = [:]
        _ = try database.rows("SELECT \(StoryRepository.columns) FROM story s ORDER BY s.id") { row -> Void in
            let id = row.int64(0)
            if let ids, !ids.contains(id) { return }
            scores[id] = linter.lint(Story(row: row), today: today).score
        }
        return scores
    }
}

extension Journal {
    /// The story checks of `starlog lint`.
    public var lint: LintRepository {
        LintRepository(database: database, stories: stories, clock: clock)
    }
}
