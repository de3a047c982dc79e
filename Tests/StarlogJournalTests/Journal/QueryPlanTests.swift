import Foundation
import StarlogJournal
import StarlogStorage
import Testing

/// The commands people run many times a day must never read every story:
/// each query they run is checked with EXPLAIN QUERY PLAN, and a plain
/// `SCAN` of the story table (no index, no rowid lookup) fails the test.
@Suite("Query plans")
struct QueryPlanTests {
    /// A journal with enough stories that the planner has real choices.
    static func seeded() throws -> TestJournal {
        let test = try TestJournal()
        let slugs = ["deliver-results", "ownership", "dive-deep", "earn-trust"]
        for index in 0..<60 {
            try test.add("Story \(index) about latency and the team", principles: [slugs[index % slugs.count]]) {
                $0.situation = "The checkout service was slow in quarter \(index)."
                $0.action = "I profiled the payment call and found the root cause."
                $0.result = "p99 fell by \(index)%."
                $0.company = index % 2 == 0 ? "Acme" : "Globex"
                $0.outcome = index % 5 == 0 ? .failure : .success
            }
        }
        return test
    }

    /// Every statement `body` prepares on a fresh connection to `test`'s file.
    static func statements(_ test: TestJournal, _ body: (Journal) throws -> Void) throws -> [String] {
        // A class, so the observer and this function see the same list.
        final class Seen { var statements: [String] = [] }
        let seen = Seen()
        let journal = try Journal.open(at: test.path, create: false, busyTimeout: 200,
                                       prepareObserver: { seen.statements.append($0) })
        let before = seen.statements.count
        try body(journal)
        return Array(seen.statements[before...])
    }

    /// The plan's lines for `sql`.
    static func plan(_ journal: Journal, _ sql: String) throws -> [String] {
        // Parameters left NULL: the plan does not depend on their values.
        let statement = try journal.database.prepare("EXPLAIN QUERY PLAN " + sql)
        let nulls: [any SQLBindable] = Array(repeating: SQLValue.null, count: statement.parameterCount)
        return try statement.rows(nulls) { $0.text(3) }
    }

    /// True for a plan line that reads the whole story table row by row.
    static func isFullScanOfStories(_ detail: String) -> Bool {
        let words = detail.split(separator: " ")
        guard words.count >= 2, words[0] == "SCAN" else { return false }
        let table = words[1]
        guard table == "story" || table == "s" else { return false }
        // "SCAN s USING INDEX story_by_created" walks the index in order and
        // stops at the LIMIT; "SCAN s" / "SCAN story" reads every row.
        return !words.contains("USING")
    }

    static func check(_ name: String, _ body: (Journal) throws -> Void) throws {
        let test = try seeded()
        let queries = try statements(test, body)
        #expect(!queries.isEmpty, "\(name) ran no query")
        let journal = try Journal.open(at: test.path, create: false, busyTimeout: 200)
        for sql in queries where !sql.hasPrefix("EXPLAIN") {
            let lines = try plan(journal, sql)
            let scans = lines.filter(isFullScanOfStories)
            #expect(scans.isEmpty, "\(name) plans a full scan of stories: \(lines.joined(separator: " | ")) for \(sql)")
        }
    }

    @Test("the full-scan detector recognises SQLite's plan lines")
    func detector() {
        #expect(Self.isFullScanOfStories("SCAN s"))
        #expect(Self.isFullScanOfStories("SCAN story"))
        #expect(!Self.isFullScanOfStories("SCAN s USING INDEX story_by_created"))
        #expect(!Self.isFullScanOfStories("SEARCH s USING INTEGER PRIMARY KEY (rowid=?)"))
        #expect(!Self.isFullScanOfStories("SCAN story_fts VIRTUAL TABLE INDEX 0:M1"))
        #expect(!Self.isFullScanOfStories("SCAN p"))
    }

    @Test("a real full scan is caught")
    func catchesScan() throws {
        let test = try Self.seeded()
        let lines = try Self.plan(test.journal, "SELECT id FROM story s WHERE s.situation LIKE ?")
        #expect(lines.contains(where: Self.isFullScanOfStories))
    }

    @Test("show: find one story and the principle names")
    func show() throws {
        try Self.check("show") { journal in
            _ = try journal.stories.require(30)
            _ = try journal.principles.all()
        }
    }

    @Test("list: newest first, by principle, outcome and company, with a limit")
    func list() throws {
        try Self.check("list") { journal in
            _ = try journal.stories.list(StoryFilter(limit: 20))
            _ = try journal.stories.list(StoryFilter(principle: "deliver-results", limit: 20))
            _ = try journal.stories.list(StoryFilter(principle: "ownership", outcome: .failure, company: "acme", limit: 20))
        }
    }

    @Test("search: a word, a phrase, a prefix, narrowed by principle")
    func search() throws {
        try Self.check("search") { journal in
            _ = try journal.search.search(SearchQuery("latency"), limit: 20)
            _ = try journal.search.search(SearchQuery("\"root cause\""), limit: 20)
            _ = try journal.search.search(SearchQuery("profil*"), principle: "dive-deep", limit: 20)
        }
    }

    @Test("add, tag and untag")
    func writes() throws {
        try Self.check("add") { journal in
            var draft = StoryDraft(title: "New story")
            draft.principles = ["ownership", "dive-deep"]
            let story = try journal.stories.add(draft)
            _ = try journal.stories.tag(story.id, with: ["earn-trust"])
            _ = try journal.stories.untag(story.id, from: ["ownership"])
        }
    }

    /// True when `lines` (one statement's plan) read a story's row for every
    /// row of another table scanned whole, or scan the story table's rows:
    /// the whole journal's text, when the statement needs only short columns.
    static func readsEveryStoryRow(_ lines: [String]) -> Bool {
        let scansStories = lines.contains { line in
            let words = line.split(separator: " ")
            guard words.count >= 2, words[0] == "SCAN", words[1] == "s" || words[1] == "story" else { return false }
            return !line.contains("COVERING INDEX") && !line.contains("story_by_created") && !line.contains("story_without_result")
                && !line.contains("story_lint_unchecked")
        }
        // A table scanned whole (not a subquery's few rows).
        let scansOther = lines.contains {
            $0.hasPrefix("SCAN ") && !$0.hasPrefix("SCAN (") && !$0.hasPrefix("SCAN s ") && !$0.hasPrefix("SCAN story ")
        }
        let rowPerPair = lines.contains { $0.hasPrefix("SEARCH s USING INTEGER PRIMARY KEY") || $0.hasPrefix("SEARCH story USING INTEGER PRIMARY KEY") }
        return scansStories || (scansOther && rowPerPair)
    }

    @Test("coverage, plan, practice due and the report read stories' short columns from story_card, not every story's row")
    func summariesReadTheCard() throws {
        #expect(Self.readsEveryStoryRow(["SCAN sp USING COVERING INDEX story_principle_by_principle", "SEARCH s USING INTEGER PRIMARY KEY (rowid=?)"]))
        #expect(Self.readsEveryStoryRow(["SCAN story"]))
        #expect(!Self.readsEveryStoryRow(["SCAN sp USING COVERING INDEX story_principle_by_principle", "SEARCH s USING COVERING INDEX story_card (id=?)"]))
        let test = try Self.seeded()
        let story = try test.journal.stories.find(1)!
        try test.journal.practice.record(AttemptDraft(questionText: "Q", principle: "deliver-results", storyID: story.id, rating: 4))
        try test.journal.interviews.add(InterviewDraft(company: "Acme", date: "2099-01-01", principles: ["deliver-results", "ownership"]))
        let queries = try Self.statements(test) { journal in
            _ = try journal.coverage.report(principles: [])
            _ = try journal.planner.plan(principles: ["deliver-results", "ownership", "dive-deep"])
            _ = try journal.schedule.due(limit: 20)
            _ = try journal.report.build()
        }
        let journal = try Journal.open(at: test.path, create: false, busyTimeout: 200)
        for sql in queries where !sql.hasPrefix("EXPLAIN") {
            let lines = try Self.plan(journal, sql)
            #expect(!Self.readsEveryStoryRow(lines), "\(lines.joined(separator: " | ")) for \(sql)")
        }
    }
}

extension QueryPlanTests {
    @Test("answer and search read no story's row per match, and answer reads the practised questions by seeks, not every attempt")
    func rankingReadsIndexes() throws {
        let test = try Self.seeded()
        let story = try test.journal.stories.find(1)!
        try test.journal.practice.record(AttemptDraft(questionText: "How did you find the root cause?", principle: "dive-deep", storyID: story.id, rating: 4))
        let queries = try Self.statements(test) { journal in
            let answerer = journal.answerer
            _ = try answerer.answer("Tell me about the root cause of a slow service", scope: try answerer.scope())
            _ = try journal.search.search(SearchQuery("latency"), limit: 20)
            _ = try journal.search.search(SearchQuery("profil*"), principle: "dive-deep", limit: 20)
        }
        let journal = try Journal.open(at: test.path, create: false, busyTimeout: 200)
        var planned: [String] = []
        for sql in queries where !sql.hasPrefix("EXPLAIN") {
            let lines = try Self.plan(journal, sql)
            planned += lines
            #expect(!Self.readsEveryStoryRow(lines), "\(lines.joined(separator: " | ")) for \(sql)")
            // A scan, or a range such as `(principle_id>?)` for IS NOT NULL,
            // walks every attempt; a seek has an equality.
            let walksAttempts = lines.contains { line in
                let words = line.split(separator: " ")
                guard words.count >= 2, words[0] == "SCAN" || words[0] == "SEARCH",
                      words[1] == "practice_attempt" || words[1] == "a" else { return false }
                return words[0] == "SCAN" || !line.contains("=?")
            }
            #expect(!walksAttempts, "\(lines.joined(separator: " | ")) for \(sql)")
        }
        #expect(planned.contains { $0.contains("story_created_by_id") }, "the ranking joins the stories' creation times by id")
        #expect(planned.contains { $0.contains("practice_attempt_by_principle_question") }, "the practised questions are read by seeks")
    }
}
