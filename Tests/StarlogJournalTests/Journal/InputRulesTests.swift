import StarlogJournal
import Testing

@Suite("Input rules")
struct InputRulesTests {
    @Test("limits, backups and titles are refused by one rule each, wherever they come in")
    func rules() throws {
        #expect(throws: Never.self) { try InputRules.checkLimit(nil) }
        #expect(throws: Never.self) { try InputRules.checkLimit(1) }
        #expect(throws: JournalError.invalid(.limit(0))) { try InputRules.checkLimit(0) }
        #expect(throws: Never.self) { try InputRules.checkBackups(0) }
        #expect(throws: Never.self) { try InputRules.checkBackups(1) }
        #expect(throws: JournalError.invalid(.backups(2))) { try InputRules.checkBackups(2) }
        #expect(throws: JournalError.invalid(.backups(-1))) { try InputRules.checkBackups(-1) }
        #expect(try InputRules.storyTitle("  Cut costs \n") == "Cut costs")
        #expect(throws: JournalError.invalid(.untitledStory)) { try InputRules.storyTitle(" \t\n") }
        #expect(JournalError.invalid(.limit(0)).category == .usage)

        let test = try TestJournal()
        #expect(throws: JournalError.invalid(.limit(0))) { try test.journal.practice.history(limit: 0) }
        #expect(throws: JournalError.invalid(.limit(-3))) { try test.journal.schedule.due(limit: -3) }
        #expect(throws: JournalError.invalid(.backups(3))) { try test.journal.planner.plan(principles: ["ownership"], backups: 3) }
        #expect(throws: JournalError.invalid(.untitledStory)) { try test.journal.stories.add(StoryDraft(title: "   ")) }
        #expect(try test.journal.stories.list(StoryFilter()).isEmpty, "nothing was written")
    }
}
