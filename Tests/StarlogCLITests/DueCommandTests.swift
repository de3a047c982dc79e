import Foundation
import Testing

@Suite("Practice due, end to end")
struct DueCommandTests {
    @Test("practice due: most overdue first, --json keys, nothing due is empty")
    func due() throws {
        let cli = try CLIHarness()
        let empty = try cli.run(["practice", "due"])
        #expect(empty.status == 0 && empty.stdout.isEmpty, "the note goes to a terminal's stderr only")
        #expect(try cli.ok(["practice", "due", "--json"]).trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
        try cli.ok(["add", "--title", "Old one", "--principle", "ownership"])
        try cli.ok(["add", "--title", "Older one", "--principle", "ownership"])
        try cli.ok(["practice", "log", "--question-text", "Q", "--story", "1", "--rating", "4", "--at", "2025-01-10"])
        try cli.ok(["practice", "log", "--question-text", "Q", "--story", "2", "--rating", "2", "--at", "2025-01-01"])
        let items = try #require(try JSONSerialization.jsonObject(with: Data(try cli.ok(["practice", "due", "--json"]).utf8)) as? [[String: Any]])
        #expect(items.map { $0["story_id"] as? Int } == [2, 1])
        #expect(Set(items[0].keys) == ["story_id", "title", "principle", "due", "overdue_days", "retrievability",
                                        "stability", "difficulty", "reps", "state", "interview_id"])
        #expect(items[0]["due"] as? String == "2025-01-02T00:00:00Z", "Again: S = 0.40 -> 1 day")
        #expect(items[1]["due"] as? String == "2025-01-13T00:00:00Z", "Good: S = 3.17 -> 3 days")
        #expect(items[0]["principle"] as? String == "ownership" && items[0]["state"] as? String == "review")
        let text = try cli.ok(["practice", "due", "--limit", "1"])
        #expect(text.contains("#2") && !text.contains("#1 "))
        CLIHarness.expectOneLineError(try cli.run(["practice", "due", "--limit", "0"]), code: 64)
    }
}
