import Foundation
import Testing

/// `interview edit`, `interview debrief`, `plan --allow-repeat` and
/// `questions edit/hide/unhide`, end to end through the built binary.
@Suite("Interview edit and debrief, questions edit and hide, end to end")
struct InterviewDebriefCLITests {
    static let now = ["STARLOG_NOW": "2026-05-28T12:00:00Z", "TZ": "UTC0"]
    static let full = "I led the work and measured it; latency fell 40% in 3 weeks after I changed the cache."

    @Test("edit, past interviews, duplicates, debrief, and a plan that leaves out what was told there")
    func interviews() throws {
        let cli = try CLIHarness()
        let env = Self.now
        let full = Self.full
        try cli.ok(["add", "--title", "Rebuilt the cache", "--principle", "ownership", "--situation", full, "--task", full, "--action", full, "--result", full], environment: env)
        try cli.ok(["add", "--title", "Chased a flaky metric", "--principle", "ownership", "--principle", "dive-deep", "--situation", full, "--action", full, "--result", full], environment: env)
        try cli.ok(["add", "--title", "Read the logs", "--principle", "dive-deep"], environment: env)
        CLIHarness.expectOneLineError(try cli.run(["interview", "add", "--company", "Acme", "--date", "2026-05-01"], environment: env), code: 64, containing: "add --past")
        #expect(try cli.ok(["interview", "add", "--company", "Acme", "--date", "2026-05-01", "--past"], environment: env).contains("27 days ago"))
        try cli.ok(["interview", "add", "--company", "Acme", "--date", "2026-06-15", "--principle", "ownership", "--principle", "dive-deep"], environment: env)
        let before = cli.bytes(cli.journal)
        CLIHarness.expectOneLineError(try cli.run(["interview", "add", "--company", "acme", "--date", "2026-06-15"], environment: env), code: 1, containing: "interview #2 is already at")
        CLIHarness.expectOneLineError(try cli.run(["interview", "edit", "1", "--date", "2026-06-15"], environment: env), code: 1, containing: "interview #2 is already at")
        CLIHarness.expectOneLineError(try cli.run(["interview", "edit", "1"], environment: env), code: 64, containing: "nothing to change")
        CLIHarness.expectOneLineError(try cli.run(["interview", "edit", "9", "--role", "x"], environment: env), code: 1, containing: "no interview with id 9")
        CLIHarness.expectOneLineError(try cli.run(["interview", "edit", "2", "--framework", "nope"], environment: env), code: 64, containing: "no framework 'nope'")
        CLIHarness.expectOneLineError(try cli.run(["interview", "debrief", "1", "--story", "1"], environment: env), code: 64, containing: "--question")
        CLIHarness.expectOneLineError(try cli.run(["interview", "debrief", "1", "--question", "Q", "--rating", "9"], environment: env), code: 64, containing: "1 to 5")
        CLIHarness.expectOneLineError(try cli.run(["interview", "debrief", "1", "--question", "Q", "--story", "42"], environment: env), code: 1, containing: "no story with id 42")
        CLIHarness.expectOneLineError(try cli.run(["interview", "debrief", "1", "--question", " "], environment: env), code: 64, containing: "needs the question")
        #expect(cli.bytes(cli.journal) == before, "nothing changed")

        #expect(try cli.ok(["interview", "edit", "2", "--role", "SDE II"], environment: env).contains("Acme (SDE II) on 2026-06-15"))
        let plain = try cli.ok(["plan", "--interview", "2"], environment: env)
        #expect(plain.contains("#1 Rebuilt the cache") && !plain.contains("Left out"))

        let recorded = try cli.ok(["interview", "debrief", "1", "--question", "Tell me about owning a problem.", "--story", "1",
                                   "--principle", "ownership", "--rating", "5", "--notes", "they liked the numbers"], environment: env)
        #expect(recorded.hasPrefix("Recorded for interview 1: #1 \"Tell me about owning a problem.\" — story #1 Rebuilt the cache (ownership), 5/5"))
        let listed = try #require(try cli.run(["interview", "debrief", "1", "--json"], environment: env).json() as? [[String: Any]])
        #expect(listed.count == 1 && listed[0]["story_id"] as? Int == 1 && listed[0]["principle"] as? String == "ownership")

        let avoiding = try cli.ok(["plan", "--interview", "2"], environment: env)
        #expect(avoiding.contains("Left out, already told at Acme"), "\(avoiding)")
        #expect(avoiding.contains("#1 Rebuilt the cache: told on 2026-05-01 (interview 1) for \"Tell me about owning a problem.\""))
        let rows = avoiding.split(separator: "\n").map(String.init)
        #expect(rows.contains { $0.hasPrefix("Ownership") && $0.contains("#2 Chased a flaky metric") })
        #expect(rows.contains { $0.hasPrefix("Dive Deep") && $0.contains("#3 Read the logs") })
        let repeated = try cli.ok(["plan", "--interview", "2", "--allow-repeat"], environment: env)
        #expect(repeated.contains("#1 Rebuilt the cache") && !repeated.contains("Left out"))
        let json = try #require(try cli.run(["plan", "--interview", "2", "--json"], environment: env).json() as? [String: Any])
        #expect((json["avoided"] as? [[String: Any]])?.first?["story_id"] as? Int == 1)

        // rm asks; the debrief goes with the interview.
        CLIHarness.expectOneLineError(try cli.run(["interview", "rm", "1"], environment: env), code: 64, containing: "pass --yes")
        try cli.ok(["interview", "rm", "1", "--yes"], environment: env)
        #expect(try sqlite(cli.journal, "SELECT count(*) FROM interview_debrief") == "0")
    }

    @Test("questions edit your own, hide and unhide built-in ones; the drill never asks a hidden one")
    func questions() throws {
        let cli = try CLIHarness()
        let added = try #require(try cli.run(["questions", "add", "--principle", "dive-deep", "What metric did you stop trusting?", "--json"]).json() as? [String: Any])
        let id = try #require(added["id"] as? Int)
        #expect(try cli.ok(["questions", "edit", "\(id)", "Which metric did you stop trusting, and why?"]).hasPrefix("Changed question \(id): Which metric"))
        CLIHarness.expectOneLineError(try cli.run(["questions", "edit", "1", "New words"]), code: 1, containing: "hide it with `starlog questions hide 1`")
        CLIHarness.expectOneLineError(try cli.run(["questions", "hide", "\(id)"]), code: 1, containing: "is one of yours")
        CLIHarness.expectOneLineError(try cli.run(["questions", "edit", "\(id)", " "]), code: 64, containing: "cannot be empty")
        CLIHarness.expectOneLineError(try cli.run(["questions", "hide", "99999"]), code: 1, containing: "no question with id 99999")

        // Hide every built-in question of Frugality: the drill's pool for it is then empty.
        let frugal = try #require(try cli.run(["questions", "--principle", "frugality", "--json"]).json() as? [[String: Any]])
        for question in frugal { try cli.ok(["questions", "hide", "\(question["id"] as? Int ?? 0)"]) }
        #expect(try cli.ok(["questions", "--principle", "frugality"]).contains("(hidden)"))
        #expect(try sqlite(cli.journal, "SELECT count(*) FROM question WHERE hidden = 1") == "\(frugal.count)")
        // The hidden state travels in the full export.
        let dump = try cli.ok(["export"])
        #expect(dump.contains("\"hidden_questions\": ["))
        try cli.ok(["questions", "unhide", "\(frugal[0]["id"] as? Int ?? 0)"])
        #expect(try sqlite(cli.journal, "SELECT count(*) FROM question WHERE hidden = 1") == "\(frugal.count - 1)")
    }
}
