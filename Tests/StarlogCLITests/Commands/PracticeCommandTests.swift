import Foundation
import StarlogJournal
import StarlogStorage
import Testing

@Suite("Questions and practice commands, end to end")
struct PracticeCommandTests {
    func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func array(_ text: String) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    }

    /// (attempts, sessions) in the journal.
    func counts(_ cli: CLIHarness) throws -> (Int, Int) {
        let journal = try Journal.open(at: cli.journal, create: false)
        let sessions = try journal.database.integer("SELECT count(*) FROM practice_session") ?? -1
        return (try journal.practice.count(), Int(sessions))
    }

    static let attemptKeys: Set<String> = [
        "id", "session_id", "question_id", "question", "principle", "story_id", "duration", "rating", "notes", "practiced_at",
    ]

    @Test("questions lists the bank by principle; --json gives id, principle, text, builtin")
    func questions() throws {
        let cli = try CLIHarness()
        try cli.ok(["init"])
        let text = try cli.ok(["questions", "--principle", "earn trust"])
        #expect(text.hasPrefix("Earn Trust  earn-trust\n"))
        #expect(text.split(separator: "\n").count >= 4)
        #expect(!text.contains("Dive Deep"))

        let all = try array(try cli.ok(["questions", "--json"]))
        #expect(all.count >= 48)
        for question in all {
            #expect(Set(question.keys) == ["id", "principle", "text", "builtin"])
        }
        #expect(Set(all.compactMap { $0["principle"] as? String }).count == 16)
        #expect(all.allSatisfy { $0["builtin"] as? Bool == true })

        let listed = try array(try cli.ok(["questions", "list", "--principle", "12", "--json"]))
        #expect(listed.allSatisfy { $0["principle"] as? String == "dive-deep" })
    }

    @Test("questions add marks the question as the user's; errors are one line and change nothing")
    func questionsAdd() throws {
        let cli = try CLIHarness()
        let added = try object(try cli.ok(["questions", "add", "--principle", "dive-deep", "Which metric did you stop trusting?", "--json"]))
        #expect(added["principle"] as? String == "dive-deep")
        #expect(added["builtin"] as? Bool == false)
        let id = try #require(added["id"] as? Int)
        let text = try cli.ok(["questions", "--principle", "dive-deep"])
        #expect(text.contains("\(id)  Which metric did you stop trusting?  (yours)"))

        CLIHarness.expectOneLineError(
            try cli.run(["questions", "add", "--principle", "dive-deep", "Which metric did you stop trusting?"]),
            code: 1, containing: "already in the bank as #\(id)")
        CLIHarness.expectOneLineError(
            try cli.run(["questions", "add", "--principle", "divedeep", "Another?"]), code: 64, containing: "did you mean 'dive-deep'")
        CLIHarness.expectOneLineError(try cli.run(["questions", "add", "--principle", "12", "  "]), code: 64, containing: "cannot be empty")
        CLIHarness.expectOneLineError(try cli.run(["questions", "add", "Missing principle?"]), code: 64)
        CLIHarness.expectOneLineError(try cli.run(["questions", "rm", "1"]), code: 1, containing: "built in")
        CLIHarness.expectOneLineError(try cli.run(["questions", "rm", "9999"]), code: 1, containing: "no question with id 9999")
        let after = try array(try cli.ok(["questions", "--principle", "dive-deep", "--json"]))
        #expect(after.filter { $0["builtin"] as? Bool == false }.count == 1)

        #expect(try cli.ok(["questions", "rm", String(id)]).contains("Removed question \(id)"))
        #expect(try array(try cli.ok(["questions", "--json"])).allSatisfy { $0["builtin"] as? Bool == true })
    }

    @Test("practice log records an attempt and prints it; --json prints the attempt object")
    func log() throws {
        let cli = try CLIHarness()
        try cli.ok(["add", "--title", "Told the VP the launch would slip", "--principle", "earn-trust"])
        let question = try #require(try array(try cli.ok(["questions", "--principle", "11", "--json"])).first)
        let questionID = try #require(question["id"] as? Int)

        let text = try cli.ok(["practice", "log", "--question", String(questionID), "--story", "1",
                               "--duration", "2:30", "--rating", "4", "--notes", "shorter situation"])
        #expect(text.hasPrefix("Recorded attempt 1 (session 1): rated 4/5, 2:30, story #1 \"Told the VP the launch would slip\"\n"))

        let json = try cli.ok(["practice", "log", "--question-text", "Why this company?", "--principle", "1",
                               "--rating", "3", "--duration", "95", "--at", "2026-01-02", "--json"])
        let attempt = try object(json)
        #expect(Set(attempt.keys) == Self.attemptKeys)
        #expect(attempt["id"] as? Int == 2)
        #expect(attempt["session_id"] as? Int == 2)
        #expect(attempt["question_id"] is NSNull)
        #expect(attempt["question"] as? String == "Why this company?")
        #expect(attempt["story_id"] is NSNull)
        #expect(attempt["duration"] as? Int == 95)
        #expect(attempt["rating"] as? Int == 3)
        #expect(attempt["notes"] as? String == "")
        #expect(attempt["practiced_at"] as? String == "2026-01-02T00:00:00Z")

        let joined = try object(try cli.ok(["practice", "log", "--question", String(questionID), "--rating", "5",
                                            "--duration", "1m5s", "--session", "1", "--json"]))
        #expect(joined["session_id"] as? Int == 1)
        #expect(joined["duration"] as? Int == 65)
        #expect(try counts(cli) == (3, 2))
    }

    @Test("practice log refuses bad input with one line and the documented code, and writes nothing")
    func logErrors() throws {
        let cli = try CLIHarness()
        try cli.ok(["add", "--title", "A story", "--principle", "ownership"])
        let cases: [([String], Int32, String)] = [
            (["--question", "1", "--rating", "6"], 64, "from 1 to 5"),
            (["--question", "1", "--rating", "0"], 64, "from 1 to 5"),
            (["--question", "1", "--rating", "four"], 64, "rating"),
            (["--question", "1", "--rating", "3", "--duration", "-5"], 64, "0 or more"),
            (["--question", "1", "--rating", "3", "--duration", "soon"], 64, "not a duration"),
            (["--rating", "3"], 64, "needs a question"),
            (["--question", "1"], 64, "--rating"),
            (["--question", "1", "--question-text", "Also this", "--rating", "3"], 64, "not both"),
            (["--question", "1", "--rating", "3", "--at", "2999-01-01"], 64, "in the future"),
            (["--question", "9999", "--rating", "3"], 1, "no question with id 9999"),
            (["--question", "1", "--story", "42", "--rating", "3"], 1, "no story with id 42"),
            (["--question", "1", "--rating", "3", "--session", "7"], 1, "no practice session with id 7"),
        ]
        for (arguments, code, fragment) in cases {
            let result = try cli.run(["practice", "log"] + arguments)
            CLIHarness.expectOneLineError(result, code: code, containing: fragment)
            #expect(result.stdout.isEmpty)
        }
        #expect(try counts(cli) == (0, 0))
    }

    @Test("practice history: newest first, --principle, --limit, --json; deleting a story keeps the attempt")
    func history() throws {
        let cli = try CLIHarness()
        try cli.ok(["init"])
        #expect(try cli.ok(["practice", "history"]).isEmpty)
        #expect(try array(try cli.ok(["practice", "history", "--json"])).isEmpty)

        try cli.ok(["add", "--title", "Trust story", "--principle", "earn-trust"])
        try cli.ok(["practice", "log", "--question-text", "First", "--principle", "11", "--rating", "2", "--at", "2026-01-01"])
        try cli.ok(["practice", "log", "--question-text", "Second", "--story", "1", "--rating", "4", "--at", "2026-02-01", "--duration", "61"])
        try cli.ok(["practice", "log", "--question-text", "Third", "--principle", "ownership", "--rating", "5", "--at", "2026-03-01"])

        let all = try array(try cli.ok(["practice", "history", "--json"]))
        #expect(all.map { $0["question"] as? String } == ["Third", "Second", "First"])
        #expect(all.allSatisfy { Set($0.keys) == Self.attemptKeys })
        let trust = try array(try cli.ok(["practice", "history", "--principle", "Earn Trust", "--json"]))
        #expect(trust.map { $0["question"] as? String } == ["Second", "First"])
        let limited = try array(try cli.ok(["practice", "history", "--limit", "1", "--json"]))
        #expect(limited.count == 1)

        let table = try cli.ok(["practice", "history"])
        let lines = table.split(separator: "\n")
        #expect(lines.first?.hasPrefix("ID  LOCAL TIME") == true)
        #expect(lines[2].contains("2026-02-01 00:00") && lines[2].contains("4/5") && lines[2].contains("1:01") && lines[2].contains("#1"))

        CLIHarness.expectOneLineError(try cli.run(["practice", "history", "--limit", "0"]), code: 64)
        CLIHarness.expectOneLineError(try cli.run(["practice", "history", "--principle", "nope"]), code: 64, containing: "unknown principle")

        try cli.ok(["rm", "1", "--yes"])
        let after = try array(try cli.ok(["practice", "history", "--json"]))
        #expect(after.count == 3)
        let second = try #require(after.first { $0["question"] as? String == "Second" })
        #expect(second["story_id"] is NSNull)
        #expect(second["rating"] as? Int == 4 && second["duration"] as? Int == 61)
    }

    @Test("practice without a terminal says to use practice log, exit 64, and records nothing")
    func drillNeedsTerminal() throws {
        let cli = try CLIHarness()
        for arguments in [["practice"], ["practice", "--seed", "3"], ["practice", "drill", "--principle", "11"]] {
            let result = try cli.run(arguments, input: "1\n\n\n4\n\nq\n")
            CLIHarness.expectOneLineError(result, code: 64, containing: "practice log")
            #expect(result.stdout.isEmpty)
        }
        CLIHarness.expectOneLineError(try cli.run(["practice", "--principle", "nope"], input: ""), code: 64)
    }
}
