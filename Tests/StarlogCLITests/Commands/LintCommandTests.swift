import Foundation
import StarlogJournal
import Testing

@Suite("Lint command, end to end")
struct LintCommandTests {
    @Test("lint: text per story, --json one array, ids narrow, unknown id exits 1, --rules")
    func lint() throws {
        let cli = try CLIHarness()
        try cli.ok(["add", "--title", "Team rewrite", "--action", "We rewrote it and we shipped it.", "--result", "It went well.", "--outcome", "failure"])
        try cli.ok(["add", "--title", "Second"])
        let text = try cli.ok(["lint"])
        #expect(text.contains("#1 Team rewrite  score "))
        #expect(text.contains("[we-over-i]") && text.contains("[setback-without-learnings]") && text.contains("[result-without-metric]"))
        #expect(text.contains("2 stories checked"))

        let json = try #require(try JSONSerialization.jsonObject(with: Data(try cli.ok(["lint", "1", "--json"]).utf8)) as? [[String: Any]])
        #expect(json.count == 1)
        #expect(Set(json[0].keys) == ["id", "title", "score", "findings"])
        let findings = try #require(json[0]["findings"] as? [[String: Any]])
        #expect(findings.allSatisfy { Set($0.keys) == ["rule", "severity", "field", "message", "suggestion", "penalty"] })
        let we = try #require(findings.first { $0["rule"] as? String == "we-over-i" })
        #expect(we["field"] as? String == "action" && we["severity"] as? String == "warning")
        #expect((json[0]["score"] as? Int).map { (0...100).contains($0) } == true)

        let before = cli.bytes(cli.journal)
        CLIHarness.expectOneLineError(try cli.run(["lint", "9"]), code: 1, containing: "no story with id 9")
        CLIHarness.expectOneLineError(try cli.run(["lint", "zero"]), code: 64)
        #expect(cli.bytes(cli.journal) == before)
        #expect(try cli.ok(["lint", "--rules"]).contains("we-over-i (warning, -10 points)"))
        #expect((try JSONSerialization.jsonObject(with: Data(try cli.ok(["lint", "--rules", "--json"]).utf8)) as? [Any])?.count == LintRules.all.count)
    }

    @Test("lint --strict exits 1 when a story has an error-level finding, and 0 when none has")
    func strict() throws {
        let cli = try CLIHarness()
        try cli.ok(["add", "--title", "Complete", "--situation", "Our checkout failed for one customer in fifty before the sale.",
                    "--task", "I was on call and had to find the cause within two days.",
                    "--action", "I read the raw logs, found a retry loop in the fraud check and added a timeout with its owner.",
                    "--result", "Failures fell from 2% to 0.2% within a day."])
        #expect(try cli.run(["lint", "--strict"]).status == 0, "warnings only")
        try cli.ok(["add", "--title", "No result", "--situation", "s", "--task", "t", "--action", "a"])
        let failed = try cli.run(["lint", "--strict"])
        #expect(failed.status == 1 && failed.stdout.contains("missing-section"))
        #expect(failed.stderr.contains("#2") && failed.stderr.contains("--strict"))
        #expect(try cli.run(["lint", "--strict", "1"]).status == 0, "only the stories asked for")
        #expect(try cli.run(["lint", "2"]).status == 0, "without --strict, findings are not a failure")
    }
}
