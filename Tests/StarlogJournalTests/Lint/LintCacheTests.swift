import Foundation
import StarlogJournal
import StarlogStorage
import Testing

@Suite("Lint score cache")
struct LintCacheTests {
    func fullScore(_ test: TestJournal, _ id: Int64) throws -> Int {
        try #require(try test.journal.lint.report(ids: [id]).first).score
    }

    @Test("cached scores equal a full check, follow edits, and include the dated rule")
    func cacheAgreesWithFullCheck() throws {
        let test = try TestJournal(clock: .fixed(Timestamp.parse("2026-11-22T00:00:00Z")!))
        let weak = try test.add("Weak") { $0.result = "it went well" }
        let strong = try test.add("Strong") {
            $0.situation = "Our checkout service failed every evening under load and customers waited for minutes."
            $0.task = "I had to restore reliability within six weeks without stopping feature work."
            $0.action = "I profiled the hot path, split the queue into shards, and wrote the runbooks myself."
            $0.result = "Errors fell 90 percent and latency dropped to 300 ms within a month of the rollout."
            $0.when = StoryDate("2018")
        }
        let cached = try test.journal.lint.scores()
        #expect(cached[weak.id] == (try fullScore(test, weak.id)))
        #expect(cached[strong.id] == (try fullScore(test, strong.id)), "the stale-story rule applies to cached scores too")
        #expect((try test.journal.lint.report(ids: [strong.id]).first?.findings.map(\.rule))?.contains("stale-story") == true)

        var patch = StoryPatch()
        patch.situation = "A much fuller situation with plenty of words so that it is not a fragment any more."
        try test.journal.stories.update(weak.id, patch)
        #expect(try test.journal.lint.scores()[weak.id] == (try fullScore(test, weak.id)))
        // The penalty is stored with the story, tagged with its updated_at.
        let stored = try test.journal.database.first("SELECT lint_penalty, lint_checked FROM story WHERE id = ?", [weak.id]) {
            ($0.optionalInt64(0), $0.optionalText(1))
        }
        #expect(stored?.0 != nil)
        #expect(stored?.1?.hasSuffix(try test.journal.stories.require(weak.id).updatedAt) == true)
    }

    @Test("a story written by another program is checked and cached on the next read")
    func foreignWrites() throws {
        let test = try TestJournal()
        let story = try test.add("Mine") { $0.result = "nothing measurable" }
        try test.journal.database.execute("""
            INSERT INTO story (title, situation, created_at, updated_at)
            VALUES ('From elsewhere', 'typed in the sqlite3 shell', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
            UPDATE story SET result = 'changed behind our back by 40%', updated_at = '2026-01-02T00:00:00Z' WHERE id = \(story.id);
            """)
        let scores = try test.journal.lint.scores()
        #expect(scores.count == 2)
        for id in [story.id, 2] {
            #expect(scores[id] == (try fullScore(test, id)), "story \(id)")
        }
        #expect(try test.journal.database.integer("SELECT count(*) FROM story WHERE lint_penalty IS NULL") == 0)
    }

    @Test("an import caches the lint penalties of the stories it adds, as later reads cannot save them")
    func importCaches() throws {
        let test = try TestJournal()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lint-cache-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try #"{"format": "starlog", "version": 1, "stories": [{"title": "One", "result": "it went well"}, {"title": "Two", "situation": "A fuller situation"}]}"#
            .write(to: file, atomically: true, encoding: .utf8)
        let report = try test.journal.importStories(from: file.path)
        #expect(report.added == 2)
        #expect(try test.journal.database.integer("SELECT count(*) FROM story WHERE lint_penalty IS NULL") == 0)
        let scores = try test.journal.lint.scores()
        for id: Int64 in [1, 2] {
            #expect(scores[id] == (try fullScore(test, id)), "story \(id)")
        }
    }

    @Test("opening a journal from an earlier release saves penalties made by the current rules")
    func upgradeRefreshes() throws {
        let old = try OldJournal(schema: 5)
        let path = old.path
        do {
            let database = try old.database()
            try database.run("""
                INSERT INTO story (id, title, result, created_at, updated_at, lint_penalty, lint_checked)
                VALUES (1, 'Old', 'it went well', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 0, 'lint-1 2026-01-01T00:00:00Z')
                """)
        }
        let journal = try Journal.open(at: path)
        let saved = try journal.database.first("SELECT lint_penalty, lint_checked FROM story WHERE id = 1") {
            ($0.optionalInt64(0), $0.optionalText(1))
        }
        let story = try journal.stories.require(1)
        #expect(saved?.1?.hasPrefix("lint-1 ") == false, "still the old rules' mark: \(String(describing: saved?.1))")
        #expect(saved?.1?.hasSuffix(story.updatedAt) == true)
        // A result with no measure costs points, so the old 0 was replaced.
        #expect((saved?.0 ?? 0) > 0)
        #expect(try journal.lint.scores()[1] == (try journal.lint.report(ids: [1]).first?.score))
    }
}
