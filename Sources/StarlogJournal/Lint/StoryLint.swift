#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
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
public struct LintRepository: JournalRepository {
    let context: JournalContext
    var stories: StoryRepository { context.stories }

    /// Today in UTC, `YYYY-MM-DD`.
    var today: String { clock.today.text }

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
    ///
    /// Reads each story's cached penalty (migration 4) and adds the one
    /// rule that depends on today, so a report over thousands of stories
    /// does not check their text again. Stories written since their penalty
    /// was cached (or by another program) are checked now and their penalty
    /// saved for next time; when the journal cannot be written the scores
    /// are still right for this run.
    package func scores(of ids: Set<Int64>? = nil) throws -> [Int64: Int] {
        let unsaved = try refreshPenalties()
        var scorer = scorer
        var scores: [Int64: Int] = [:]
        try database.forEach("SELECT id, lint_penalty, happened FROM story INDEXED BY story_card") { row in
            let id = row.int64(0)
            if let ids, !ids.contains(id) { return }
            scores[id] = scorer.score(penalty: unsaved[id] ?? row.int(1), happened: row.optionalText(2))
        }
        return scores
    }

    /// Checks every story whose cached penalty is missing or older than
    /// its text (written since, or by another program, or by other rules),
    /// and saves the new penalties. Returns them when the journal could not
    /// be written (read-only or busy), so this run's scores are still right;
    /// otherwise the stories' `lint_penalty` column is current. Reads only
    /// ids and two short columns, and checks nothing when all is cached.
    func refreshPenalties() throws -> [Int64: Int] {
        let stale = try database.rows(
            "SELECT id FROM story INDEXED BY story_lint_unchecked WHERE " + Self.uncheckedCondition) { $0.int64(0) }
        guard !stale.isEmpty else { return [:] }
        var fresh: [(id: Int64, penalty: Int, updatedAt: String)] = []
        fresh.reserveCapacity(stale.count)
        // Checked a batch at a time on every core: an import of many
        // stories spends most of its time here.
        var batch: [Story] = []
        func check() {
            for (story, penalty) in zip(batch, Self.penalties(of: batch)) {
                fresh.append((story.id, penalty, story.updatedAt))
            }
            batch.removeAll(keepingCapacity: true)
        }
        for id in stale {
            guard let story = try stories.find(id) else { continue }
            batch.append(story)
            if batch.count == 2048 { check() }
        }
        check()
        do {
            try database.transaction {
                for entry in fresh {
                    try database.cached(
                        "UPDATE story SET lint_penalty = ?, lint_checked = ? WHERE id = ? AND updated_at = ?"
                    ).execute([entry.penalty, Self.cacheVersion + entry.updatedAt, entry.id, entry.updatedAt])
                }
            }
            return [:]
        } catch {
            // Read-only or busy: the cache waits for the next run that can write.
            return Dictionary(fresh.map { ($0.id, $0.penalty) }, uniquingKeysWith: { $1 })
        }
    }

    /// Scores from cached penalties as of today (see `LintScorer`).
    var scorer: LintScorer { LintScorer(today: today) }

    /// Tags a cached penalty with the rules it was computed by; bump it when
    /// a rule or threshold changes so every story is checked again. Stale
    /// penalties are saved again when a migration runs or a story is written;
    /// until then, commands that only read check them in memory, so ship a
    /// bump together with a migration.
    static let cacheVersion = "lint-2 "

    /// A story whose cached penalty is missing or out of date. The partial
    /// index `story_lint_unchecked` (migration 10) holds exactly these
    /// stories and is made with this condition, word for word: SQLite uses
    /// it only for a query with the same condition, and its version tag is
    /// written out (an index cannot hold a bound value). A test holds the
    /// two together.
    static let uncheckedCondition = "lint_penalty IS NULL OR lint_checked IS NOT ('" + cacheVersion + "' || updated_at)"

    /// The rules whose findings do not depend on today.
    static let timeIndependentLinter = StoryLinter(rules: LintRules.all.filter { $0.id != LintRules.staleStory.id })

    /// What the time-independent rules take off `story`'s score.
    static func penalty(of story: Story) -> Int {
        timeIndependentLinter.lint(story, today: "9999-12-31").findings.reduce(0) { $0 + $1.penalty }
    }

    /// The cores that check penalties at once (at least one).
    static let cores = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))

    /// The penalties of `stories`, in order, computed on as many threads as
    /// the machine has cores (each story's check is independent).
    static func penalties(of stories: [Story]) -> [Int] {
        guard stories.count > 1 else { return stories.map(penalty(of:)) }
        let workers = min(stories.count, cores)
        var results = [Int](repeating: 0, count: stories.count)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each worker writes only the slots of its own stride.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var index = worker
                while index < stories.count {
                    slots[index] = penalty(of: stories[index])
                    index += workers
                }
            }
        }
        return results
    }

    /// Caches the penalty of a story just written, in the writer's transaction.
    static func cache(_ story: Story, in database: Database) throws {
        try database.run(
            "UPDATE story SET lint_penalty = ?, lint_checked = ? WHERE id = ?",
            [penalty(of: story), cacheVersion + story.updatedAt, story.id])
    }
}

/// A story's score from its cached penalty and when it happened: the
/// stale-story rule depends on today, so it is applied here. Whether a date
/// is stale is remembered per date, since a report asks for thousands of
/// stories and few distinct dates.
struct LintScorer {
    let today: String
    private var stale: [String: Bool] = [:]

    init(today: String) {
        self.today = today
    }

    /// The first day that is not stale as of `today`: a story whose `when`
    /// (counted as its last day) falls before it loses the stale-story
    /// points, as `LintText.isOlder` decides. `YYYY-MM-DD`, so it compares
    /// with dates as text.
    static func staleBefore(today: String) -> String {
        let parts = today.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return "0000-00-00" }
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(parts[0] - LintThresholds.maximumAgeYears, 4))-\(padded(parts[1], 2))-\(padded(parts[2], 2))"
    }

    mutating func score(penalty: Int, happened: String?) -> Int {
        var penalty = penalty
        if let happened {
            let isStale: Bool
            if let known = stale[happened] {
                isStale = known
            } else {
                isStale = StoryDate(happened).map { LintText.isOlder($0, than: LintThresholds.maximumAgeYears, today: today) } ?? false
                stale[happened] = isStale
            }
            if isStale { penalty += LintRules.staleStory.penalty }
        }
        return max(0, 100 - penalty)
    }
}

extension Journal {
    /// The story checks of `starlog lint`.
    public var lint: LintRepository {
        context.lint
    }
}
