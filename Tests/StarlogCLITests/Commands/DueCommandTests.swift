import Foundation
import Testing

@Suite("Practice due, end to end")
struct DueCommandTests {
    @Test("practice due: most overdue first, --json keys, nothing due is empty")
    func due() throws {
        let cli = try CLIHarness()
        try cli.ok(["init"])
        let empty = try cli.run(["practice", "due"])
        #expect(empty.status == 0 && empty.stdout.isEmpty, "the note goes to a terminal's stderr only")
        #expect(try cli.ok(["practice", "due", "--json"]).trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
        try cli.ok(["add", "--title", "Old one", "--principle", "ownership"])
        try cli.ok(["add", "--title", "Older one", "--principle", "ownership"])
        try cli.ok(["practice", "log", "--question-text", "Q", "--story", "1", "--rating", "4", "--at", "2025-01-10"])
        try cli.ok(["practice", "log", "--question-text", "Q", "--story", "2", "--rating", "2", "--at", "2025-01-01"])
        let items = try #require(try JSONSerialization.jsonObject(with: Data(try cli.ok(["practice", "due", "--json"]).utf8)) as? [[String: Any]])
        #expect(items.map { $0["story_id"] as? Int } == [2, 1])
        #expect(Set(items[0].keys) == ["story_id", "title", "principle", "due", "fsrs_due", "last_review", "overdue_days",
                                        "retrievability", "stability", "difficulty", "reps", "state", "interview_id", "why"])
        #expect(items[0]["due"] as? String == "2025-01-02T00:00:00Z", "Again: S = 0.40 -> 1 day")
        #expect(items[1]["due"] as? String == "2025-01-13T00:00:00Z", "Good: S = 3.17 -> 3 days")
        #expect(items[0]["principle"] as? String == "ownership" && items[0]["state"] as? String == "review")
        let text = try cli.ok(["practice", "due", "--limit", "1"])
        #expect(text.contains("#2") && !text.contains("#1 "))
        CLIHarness.expectOneLineError(try cli.run(["practice", "due", "--limit", "0"]), code: 64)
    }

    @Test("practice due --all lists pairs not yet due; practice log says when the story comes up next")
    func all() throws {
        let cli = try CLIHarness()
        try cli.ok(["add", "--title", "Recent", "--principle", "ownership"])
        let logged = try cli.ok(["practice", "log", "--question-text", "Q", "--story", "1", "--rating", "5"])
        // Easy first: S = 15.69 -> 16 days.
        #expect(logged.contains("Story #1 comes up next for Ownership on ") && logged.contains("(in 16 days)"))
        #expect(try cli.ok(["practice", "due", "--json"]).trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
        let all = try #require(try JSONSerialization.jsonObject(with: Data(try cli.ok(["practice", "due", "--all", "--json"]).utf8)) as? [[String: Any]])
        #expect(all.count == 1 && all.first?["story_id"] as? Int == 1 && all.first?["fsrs_due"] as? String == all.first?["due"] as? String)
        let text = try cli.ok(["practice", "due", "--all"])
        #expect(text.contains("#1") && text.contains("RECALL") && text.contains("100%"))
    }

    @Test("telling a story for a principle it is not tagged with says how to tag it; a story of two principles needs --principle")
    func untaggedStory() throws {
        let cli = try CLIHarness()
        try cli.ok(["add", "--title", "Trust", "--principle", "earn-trust"])
        try cli.ok(["add", "--title", "Two", "--principle", "earn-trust", "--principle", "ownership"])
        let result = try cli.run(["practice", "log", "--question-text", "Q", "--principle", "ownership", "--story", "1", "--rating", "4"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("Story #1 is not tagged Ownership") && result.stderr.contains("starlog tag 1 ownership"))
        let history = try #require(try JSONSerialization.jsonObject(with: Data(try cli.ok(["practice", "history", "--json", "--principle", "ownership"]).utf8)) as? [[String: Any]])
        #expect(history.count == 1 && history.first?["principle"] as? String == "ownership")
        CLIHarness.expectOneLineError(try cli.run(["practice", "log", "--question-text", "Q", "--story", "2", "--rating", "4"]), code: 64)
    }
}
