import Foundation
import Testing

/// `starlog answer`, run as a user would.
@Suite struct AnswerCommandTests {
    @Test func namesPrinciplesWithEvidenceThenTheStoriesThatFit() throws {
        let cli = try CLIHarness()
        try cli.ok(["add", "--title", "Won back the billing team", "--principle", "earn-trust",
                    "--situation", "We missed a launch date and the billing team stopped trusting our estimates.",
                    "--action", "I owned the miss in their weekly meeting and sent a candid status note every Friday.",
                    "--result", "They renewed the partnership; estimates were within 5% for three quarters."])
        try cli.ok(["add", "--title", "Cut cloud spend", "--principle", "frugality", "--result", "Saved 30%."])
        let before = cli.bytes(cli.journal)
        let text = try cli.ok(["answer", "How", "did", "you", "regain", "the", "trust", "of", "a", "team", "after", "a", "miss?"])
        #expect(text.hasPrefix("Likely principles\n  1. "))
        #expect(text.contains("Earn Trust"))
        #expect(text.contains("near "), "evidence: the texts it is nearest to")
        #expect(text.contains("shares: trust"))
        #expect(text.contains("#1  Won back the billing team"))
        #expect(text.contains("tagged Earn Trust · lint "))
        #expect(text.contains("not practised for it"))
        #expect(!text.contains("Cut cloud spend"))
        #expect(cli.bytes(cli.journal) == before, "answering never changes the journal")

        let json = try #require(try cli.run(["answer", "--json", "How did you regain the trust of a team after a miss?"]).json() as? [String: Any])
        #expect(Set(json.keys) == ["question", "principles", "stories", "excluded", "write"])
        let principles = try #require(json["principles"] as? [[String: Any]])
        #expect(principles.count <= 3 && !principles.isEmpty)
        let confidences = principles.compactMap { $0["confidence"] as? Double }
        #expect(confidences == confidences.sorted(by: >) && confidences.allSatisfy { $0 > 0 && $0 <= 1 })
        let evidence = try #require(principles.first?["evidence"] as? [[String: Any]])
        #expect(Set(evidence.first?.keys.map { $0 } ?? []) == ["text", "source", "similarity", "words"])
        let stories = try #require(json["stories"] as? [[String: Any]])
        #expect(stories.first?["id"] as? Int == 1)
        #expect(stories.first?["principle"] as? String == "earn-trust")
        #expect((stories.first?["shared_words"] as? [String])?.contains("trusting") == true)
        #expect((stories.first?["snippet"] as? String)?.contains("\u{1}") == false)
        #expect(json["write"] is NSNull)
    }

    @Test func forAnInterviewItLeavesOutStoriesAlreadyToldAtThatCompany() throws {
        let cli = try CLIHarness()
        let env = ["STARLOG_NOW": "2026-05-28T12:00:00Z", "TZ": "UTC0"]
        try cli.ok(["add", "--title", "Won back the billing team", "--principle", "earn-trust",
                    "--situation", "The billing team stopped trusting our estimates after a missed launch."], environment: env)
        try cli.ok(["add", "--title", "Rebuilt trust with support", "--principle", "earn-trust",
                    "--situation", "Support stopped trusting our release notes, so I rewrote them with them."], environment: env)
        try cli.ok(["interview", "add", "--company", "Acme", "--date", "2026-05-01", "--past"], environment: env)
        try cli.ok(["interview", "add", "--company", "Acme", "--date", "2026-06-15"], environment: env)
        try cli.ok(["interview", "add", "--company", "Globex", "--date", "2026-06-20"], environment: env)
        try cli.ok(["interview", "debrief", "1", "--question", "Tell me about trust.", "--story", "1"], environment: env)
        let question = "How did you regain the trust of a team that stopped trusting you?"

        let atAcme = try cli.ok(["answer", question, "--interview", "2"], environment: env)
        #expect(atAcme.contains("Left out, told already at this company: #1 Won back the billing team (Acme on 2026-05-01)"), "\(atAcme)")
        #expect(!atAcme.contains("#1  Won back the billing team"))
        #expect(atAcme.contains("#2  Rebuilt trust with support"))
        let json = try #require(try cli.run(["answer", "--json", question, "--interview", "2"], environment: env).json() as? [String: Any])
        let excluded = try #require(json["excluded"] as? [[String: Any]])
        #expect(excluded.count == 1 && excluded.first?["id"] as? Int == 1)
        #expect((json["stories"] as? [[String: Any]])?.contains { $0["id"] as? Int == 1 } == false)

        let elsewhere = try cli.ok(["answer", question, "--interview", "3"], environment: env)
        #expect(!elsewhere.contains("Left out"), "another company's interview leaves nothing out")
        #expect(elsewhere.contains("#1  Won back the billing team"))
    }

    @Test func anEmptyJournalNamesAPrincipleAndAQuestionToWriteFor() throws {
        let cli = try CLIHarness()
        try cli.ok(["init"])
        let text = try cli.ok(["answer", "Tell me about a hiring decision you regret"])
        #expect(text.contains("Hire and Develop the Best"))
        #expect(text.contains("No story fits yet. Write one for Hire and Develop the Best, for example to answer \""))
        #expect(text.contains("starlog add --principle hire-and-develop-the-best"))
        let json = try #require(try cli.run(["answer", "--json", "Tell me about a hiring decision you regret"]).json() as? [String: Any])
        let write = try #require(json["write"] as? [String: Any])
        #expect(write["principle"] as? String == "hire-and-develop-the-best")
        #expect((write["question"] as? [String: Any])?["principle"] as? String == "hire-and-develop-the-best")
    }

    @Test func withoutAJournalItCreatesNone() throws {
        let cli = try CLIHarness()
        CLIHarness.expectOneLineError(try cli.run(["answer", "Why us?"]), code: 1, containing: "no journal")
        #expect(!FileManager.default.fileExists(atPath: cli.journal))
    }

    @Test func anyTextIsAQuestion() throws {
        let cli = try CLIHarness()
        try cli.ok(["add", "--title", "A story", "--principle", "ownership"])
        let before = cli.bytes(cli.journal)
        for question in ["'; DROP TABLE story; --", "\"", "NEAR(a b)", "a AND OR NOT", "-", "\u{1b}[31mred\u{202e}",
                         "日本語の質問", String(repeating: "ownership ", count: 5000), "*", "title:migration"] {
            let result = try cli.run(["answer", "--", question])
            #expect(result.status == 0, "\(question.prefix(40).debugDescription): \(result.stderr)")
            #expect(result.stderr.isEmpty)
            #expect(!result.stdout.contains("\u{1b}"), "terminal control is shown escaped")
            let json = try cli.run(["answer", "--json", "--", question])
            #expect(json.status == 0 && (try? json.json()) != nil)
        }
        let nothing = try cli.ok(["answer", "qwertyuiop zxcvbnm"])
        #expect(nothing.hasPrefix("No principle stands out"))
        #expect(nothing.contains("Write one for "))
        #expect(cli.bytes(cli.journal) == before)
    }

    @Test func badUsageIsOneLineWithExit64() throws {
        let cli = try CLIHarness()
        try cli.ok(["init"])
        let before = cli.bytes(cli.journal)
        CLIHarness.expectOneLineError(try cli.run(["answer"]), code: 64, containing: "nothing to answer")
        CLIHarness.expectOneLineError(try cli.run(["answer", "  "]), code: 64, containing: "nothing to answer")
        CLIHarness.expectOneLineError(try cli.run(["answer", "x", "--limit", "0"]), code: 64, containing: "--limit")
        CLIHarness.expectOneLineError(try cli.run(["answer", "x", "--interview", "1", "--framework", "amazon"]), code: 64, containing: "not both")
        CLIHarness.expectOneLineError(try cli.run(["answer", "x", "--framework", "acme"]), code: 64, containing: "there is no framework 'acme'")
        CLIHarness.expectOneLineError(try cli.run(["answer", "x", "--interview", "9"]), code: 1, containing: "interview")
        #expect(cli.bytes(cli.journal) == before)
    }

    @Test func theInterviewsPrinciplesAreTheScope() throws {
        let cli = try CLIHarness()
        try cli.ok(["interview", "add", "--company", "Acme", "--date", "2099-03-04", "--principle", "frugality", "--principle", "dive-deep"])
        let json = try #require(try cli.run(["answer", "--json", "--interview", "1", "How did you earn the trust of a client?"]).json() as? [String: Any])
        let slugs = (json["principles"] as? [[String: Any]] ?? []).compactMap { $0["slug"] as? String }
        #expect(Set(slugs).isSubset(of: ["frugality", "dive-deep"]))
        #expect(["frugality", "dive-deep"].contains((json["write"] as? [String: Any])?["principle"] as? String ?? ""))
    }

    @Test func aReadOnlyJournalIsEnough() throws {
        let cli = try CLIHarness()
        try cli.ok(["add", "--title", "Owned the outage review", "--principle", "ownership"])
        chmod(cli.journal, 0o444)
        defer { chmod(cli.journal, 0o600) }
        let text = try cli.ok(["answer", "Tell me about a problem outside your job that you fixed"])
        #expect(text.contains("Owned the outage review"))
    }
}
