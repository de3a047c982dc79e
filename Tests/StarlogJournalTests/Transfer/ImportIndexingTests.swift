import Foundation
import StarlogJournal
import StarlogStorage
import StarlogTestSupport
import Testing

/// An import indexes its stories in one statement at the end (it lifts the
/// story table's full-text insert trigger for its transaction): the index
/// must match the stories afterwards, and the trigger must be back whatever
/// way the import ended.
@Suite struct ImportIndexingTests {
    static let triggerSQL = "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'story_fts_after_insert'"

    func write(_ text: String, _ name: String, in test: TestJournal) throws -> String {
        let path = test.directory.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func trigger(_ test: TestJournal) throws -> String? {
        try test.journal.database.first(Self.triggerSQL) { $0.text(0) }
    }

    func titles(_ test: TestJournal, matching words: String) throws -> [String] {
        try test.journal.search.search(SearchQuery(words)).map(\.story.title).sorted()
    }

    @Test func importedStoriesAreSearchableAndTheTriggerIsBack() throws {
        let test = try TestJournal()
        try test.add("Already here", principles: ["ownership"]) { $0.action = "kept the pager quiet" }
        let before = try #require(try trigger(test))
        let json = """
            {"format": "starlog", "version": 1, "stories": [
              {"id": 1, "title": "Zeppelin budget", "action": "I cut the hangar cost", "principles": ["frugality"]},
              {"id": 7, "title": "Pager fatigue", "result": "the pager went quiet", "principles": ["earn-trust"]},
              {"title": "Zeppelin budget", "action": "I cut the hangar cost"}
            ]}
            """
        let report = try test.journal.importStories(from: try write(json, "dump.json", in: test))
        #expect(report.added == 2 && report.duplicates == 1)
        #expect(try trigger(test) == before)
        #expect(try titles(test, matching: "zeppelin") == ["Zeppelin budget"])
        #expect(try titles(test, matching: "pager") == ["Already here", "Pager fatigue"])
        #expect(try titles(test, matching: "hangar") == ["Zeppelin budget"])
        #expect(try test.journal.health.run().isHealthy)
        // A story added after the import is indexed by the trigger again.
        try test.add("Lighthouse rota") { $0.task = "staff the lighthouse" }
        #expect(try titles(test, matching: "lighthouse") == ["Lighthouse rota"])
        #expect(try test.journal.health.run().isHealthy)
    }

    @Test func aFailedOrDryImportLeavesTheTriggerAndTheIndexAsTheyWere() throws {
        let test = try TestJournal()
        try test.add("Keep me") { $0.action = "steady work" }
        let before = try #require(try trigger(test))
        let bad = """
            {"format": "starlog", "version": 1, "stories": [
              {"title": "Zeppelin one"},
              {"title": "Zeppelin two", "outcome": "great"}
            ]}
            """
        #expect(throws: JournalError.self) {
            _ = try test.journal.importStories(from: try write(bad, "bad.json", in: test))
        }
        #expect(try trigger(test) == before)
        let good = #"{"format": "starlog", "version": 1, "stories": [{"title": "Zeppelin three"}]}"#
        let dry = try test.journal.importStories(from: try write(good, "good.json", in: test), dryRun: true)
        #expect(dry.added == 1)
        #expect(try trigger(test) == before)
        #expect(try test.journal.stories.list().map(\.title) == ["Keep me"])
        #expect(try titles(test, matching: "zeppelin").isEmpty)
        #expect(try test.journal.health.run().isHealthy)
        try test.add("Zeppelin four")
        #expect(try titles(test, matching: "zeppelin") == ["Zeppelin four"])
    }

    @Test func markdownImportsAreIndexedToo() throws {
        let test = try TestJournal()
        let notes = """
            ## 11. Earn Trust
            **Situation:** The zeppelin crew stopped trusting the forecasts.
            **Action:** I published every miss.

            ## Dive Deep
            **Situation:** Hangar costs rose without a reason.
            """
        let report = try test.journal.importStories(from: try write(notes, "notes.md", in: test))
        #expect(report.added == 2)
        #expect(try titles(test, matching: "zeppelin").count == 1)
        #expect(try titles(test, matching: "hangar").count == 1)
        #expect(try trigger(test) != nil)
        #expect(try test.journal.health.run().isHealthy)
    }

    /// The reader copies runs of plain bytes at once from its 64 KB buffer:
    /// long strings that cross the buffer's end, with escapes and
    /// multi-byte characters on both sides of it, must come back whole.
    @Test func longStringsAcrossTheReadBufferComeBackExactly() throws {
        let source = try TestJournal()
        let piece = "é🚀 \"quoted\" \\ back\tslash\nline "
        var long = ""
        while long.utf8.count < 200_000 { long += piece + String(long.utf8.count) }
        for offset in [0, 1, 2, 3, 5] {
            _ = try source.add("Long \(offset)") {
                $0.situation = String(repeating: "x", count: 65_536 - 60 - offset) + long
                $0.result = long
            }
        }
        let path = source.directory.appendingPathComponent("long.json").path
        let sink = try ExportSink.file(at: path)
        try source.journal.export(.json, to: sink)
        try sink.commit()
        let target = try TestJournal()
        #expect(try target.journal.importStories(from: path).added == 5)
        let left = try source.journal.stories.list().sorted { $0.id < $1.id }
        let right = try target.journal.stories.list().sorted { $0.id < $1.id }
        #expect(left == right)
        // A raw line break inside a string is still refused, on its line.
        let broken = "{\"format\": \"starlog\", \"version\": 1, \"stories\": [\n{\"title\": \"" + String(repeating: "y", count: 70_000) + "\nz\"}]}"
        #expect {
            _ = try target.journal.importStories(from: try write(broken, "broken.json", in: target))
        } throws: { error in
            guard let error = error as? JournalError, error.category == .data else { return false }
            let message = error.message
            return message.contains("line 3") && message.contains("raw control character")
        }
    }
}

/// Practice history restored by an import drives the spaced-repetition
/// schedule as if the attempts had been logged here.
@Suite struct ImportScheduleTests {
    func reviewState(_ test: TestJournal) throws -> [String] {
        try test.journal.database.rows("""
            SELECT story_id, principle_id, round(stability, 6), round(difficulty, 6), reps, lapses, last_review, due
            FROM review_state ORDER BY story_id, principle_id
            """) { row in (0..<8).map { row.text(Int32($0)) }.joined(separator: "|") }
    }

    @Test func importedAttemptsRebuildTheSchedule() throws {
        let source = try TestJournal()
        let pager = try source.add("Pager fatigue", principles: ["earn-trust"])
        let budget = try source.add("Budget cut", principles: ["frugality", "ownership"])
        let practice = source.journal.practice
        try practice.record(AttemptDraft(questionText: "Trust?", storyID: pager.id, rating: 3, practicedAt: "2026-01-02T09:00:00Z"))
        try practice.record(AttemptDraft(questionText: "Trust?", storyID: pager.id, rating: 4, practicedAt: "2026-01-09T09:00:00Z"))
        try practice.record(AttemptDraft(questionText: "Less?", principle: "frugality", storyID: budget.id, rating: 2, practicedAt: "2026-01-03T09:00:00Z"))
        try practice.record(AttemptDraft(questionText: "Owner?", principle: "ownership", storyID: budget.id, rating: 5, practicedAt: "2026-01-04T09:00:00Z"))
        try practice.record(AttemptDraft(questionText: "Less?", principle: "frugality", storyID: budget.id, rating: 1, practicedAt: "2026-01-20T09:00:00Z"))
        let expected = try reviewState(source)
        #expect(expected.count == 3)

        let path = source.directory.appendingPathComponent("dump.json").path
        let sink = try ExportSink.file(at: path)
        try source.journal.export(.json, to: sink)
        try sink.commit()
        let target = try TestJournal()
        let report = try target.journal.importStories(from: path)
        #expect(report.attemptsAdded == 5)
        #expect(try reviewState(target) == expected)
        #expect(try target.journal.schedule.due().map(\.storyID).sorted() == (try source.journal.schedule.due().map(\.storyID).sorted()))
        // Importing the same file again adds nothing and changes nothing.
        #expect(try target.journal.importStories(from: path).attemptsAdded == 0)
        #expect(try reviewState(target) == expected)
    }
}
