import Foundation
import StarlogJournal
import StarlogStorage
import Testing

@Suite("Stories")
struct StoryRepositoryTests {
    @Test("add, read, list, edit and delete a story with every field")
    func crud() throws {
        let test = try TestJournal()
        let stories = test.journal.stories
        var draft = StoryDraft(title: "  Cut latency  ")
        draft.situation = "Slow checkout"
        draft.task = "Fix it"
        draft.action = "I profiled"
        draft.result = "p99 -40%"
        draft.learnings = "Measure first"
        draft.outcome = .mixed
        draft.company = "Acme"
        draft.role = "SRE"
        draft.when = StoryDate("2024-03")
        draft.principles = ["14", "Dive Deep", "deliver-results"]
        let added = try stories.add(draft)
        #expect(added.title == "Cut latency")
        #expect(added.principles == ["dive-deep", "deliver-results"], "framework order, repeats dropped")
        #expect(added.createdAt == Timestamp.format(1_780_000_000))
        #expect(try stories.require(added.id) == added)

        var patch = StoryPatch()
        patch.result = "p99 -45%"
        patch.company = ""
        patch.when = "2024-03-05"
        patch.principles = ["earn-trust"]
        let edited = try stories.update(added.id, patch)
        #expect(edited.result == "p99 -45%")
        #expect(edited.company == nil)
        #expect(edited.role == "SRE")
        #expect(edited.when?.text == "2024-03-05")
        #expect(edited.principles == ["earn-trust"])

        #expect(try stories.list().map(\.id) == [added.id])
        try stories.delete(added.id)
        #expect(try stories.find(added.id) == nil)
        #expect(throws: JournalError.self) { try stories.delete(added.id) }
    }

    @Test("a blank title, a bad date, an unknown principle or outcome is refused and writes nothing")
    func validation() throws {
        let test = try TestJournal()
        #expect(throws: JournalError.self) { try test.add("   ") }
        #expect(throws: JournalError.self) { try test.add("T", principles: ["earn trusts please"]) }
        #expect(throws: JournalError.self) { _ = try StoryDate.parse("2024-13") }
        #expect(throws: JournalError.self) { _ = try StoryDate.parse("2023-02-29") }
        #expect(StoryDate("2024-02-29") != nil)
        #expect(StoryDate("24-02") == nil)
        #expect(throws: JournalError.self) { _ = try Outcome.parse("win") }
        #expect(try test.journal.stories.count() == 0)
        let story = try test.add("Fine")
        var patch = StoryPatch()
        patch.title = " "
        #expect(throws: JournalError.self) { try test.journal.stories.update(story.id, patch) }
        #expect(try test.journal.stories.require(story.id).title == "Fine")
    }

    @Test("list is newest first and filters by principle, outcome, company and limit")
    func listFilters() throws {
        let clockBox = ClockBox()
        let test = try TestJournal(clock: JournalClock { clockBox.value })
        clockBox.value = 100
        let a = try test.add("A", principles: ["earn-trust"]) { $0.company = "Acme" }
        clockBox.value = 200
        let b = try test.add("B", principles: ["ownership"]) { $0.outcome = .failure }
        clockBox.value = 300
        let c = try test.add("C", principles: ["earn-trust", "ownership"]) { $0.company = "acme" }
        let stories = test.journal.stories
        #expect(try stories.list().map(\.id) == [c.id, b.id, a.id])
        #expect(try stories.list(StoryFilter(principle: "Earn Trust")).map(\.id) == [c.id, a.id])
        #expect(try stories.list(StoryFilter(outcome: .failure)).map(\.id) == [b.id])
        #expect(try stories.list(StoryFilter(company: "ACME")).map(\.id) == [c.id, a.id])
        #expect(try stories.list(StoryFilter(limit: 1)).map(\.id) == [c.id])
    }

    @Test("tag and untag; deleting a story removes its links but not the principle")
    func tagsCascade() throws {
        let test = try TestJournal()
        let story = try test.add("Story")
        let stories = test.journal.stories
        #expect(try stories.tag(story.id, with: ["11", "ownership"]).principles == ["ownership", "earn-trust"])
        #expect(try stories.tag(story.id, with: ["earn-trust"]).principles == ["ownership", "earn-trust"])
        #expect(try stories.untag(story.id, from: ["ownership", "frugality"]).principles == ["earn-trust"])
        try stories.delete(story.id)
        let db = test.journal.database
        #expect(try db.integer("SELECT count(*) FROM story_principle") == 0)
        #expect(try db.integer("SELECT count(*) FROM principle") == 16 + 11, "amazon's sixteen and common's eleven themes")
        #expect(throws: JournalError.self) { try stories.tag(999, with: ["earn-trust"]) }
    }
}

/// A mutable time source for tests.
final class ClockBox: @unchecked Sendable {
    var value: Int64 = 0
}

@Suite("Principles")
struct PrincipleTests {
    @Test("sixteen built in, found by slug, name in any case or number")
    func lookup() throws {
        let test = try TestJournal()
        let principles = test.journal.principles
        let all = try principles.all(in: "amazon")
        #expect(all.count == 16)
        #expect(all.map(\.position) == Array(1...16))
        #expect(Set(all.map(\.slug)).count == 16)
        #expect(all.allSatisfy { !$0.summary.isEmpty && $0.framework == "amazon" })
        #expect(try principles.resolve("earn-trust").name == "Earn Trust")
        #expect(try principles.resolve("EARN TRUST").slug == "earn-trust")
        #expect(try principles.resolve("11").slug == "earn-trust")
        #expect(try principles.resolve("have backbone; disagree and commit").position == 13)
        #expect(try principles.resolve("Strive to be Earth’s Best Employer").position == 15)
    }

    @Test("an unknown principle suggests the closest one")
    func suggestion() throws {
        let test = try TestJournal()
        let principles = test.journal.principles
        func message(_ text: String) -> String {
            do {
                _ = try principles.resolve(text)
                return ""
            } catch let error as JournalError {
                return error.message
            } catch {
                return "\(error)"
            }
        }
        #expect(message("earn-trsut").contains("did you mean 'earn-trust'"))
        #expect(message("backbone").contains("have-backbone-disagree-and-commit"))
        #expect(message("customer obsesion").contains("customer-obsession"))
        #expect(message("17").contains("1 to 16"))
        #expect(message("zzzzzzzzzzzz") == "unknown principle 'zzzzzzzzzzzz'", "nothing near: the command line adds where to see them")
        #expect(throws: JournalError.principle(.unknown("zzzzzzzzzzzz", suggestion: nil))) { try principles.resolve("zzzzzzzzzzzz") }
    }
}
