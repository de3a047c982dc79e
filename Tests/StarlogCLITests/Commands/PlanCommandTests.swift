import Foundation
import Testing

@Suite("Plan command, end to end")
struct PlanCommandTests {
    @Test("plan --interview: distinct stories, a gap named with what to write, --backup 1, --json, --markdown")
    func plan() throws {
        let cli = try CLIHarness()
        let text = "I owned the fix and measured it: errors fell 40% in 3 weeks once I changed the retry logic."
        try cli.ok(["add", "--title", "Shared", "--situation", text, "--task", text, "--action", text, "--result", text,
                    "--principle", "ownership", "--principle", "dive-deep"])
        try cli.ok(["add", "--title", "Ownership only", "--situation", text, "--task", text, "--action", text, "--result", text,
                    "--principle", "ownership"])
        try cli.ok(["interview", "add", "--company", "Acme", "--date", "2099-03-04",
                    "--principle", "ownership", "--principle", "dive-deep", "--principle", "frugality"])
        let plain = try cli.ok(["plan", "--interview", "1"])
        #expect(plain.contains("2 of 3 principles with a distinct story"))
        #expect(plain.contains("Frugality: No story is tagged Frugality"))

        let object = try #require(try JSONSerialization.jsonObject(with: Data(try cli.ok(["plan", "--interview", "1", "--backup", "1", "--json"]).utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["interview", "principles", "total_fit", "unassigned", "avoided"])
        let lines = try #require(object["principles"] as? [[String: Any]])
        let story = { (slug: String) in (lines.first { $0["slug"] as? String == slug }?["story"] as? [String: Any])?["id"] as? Int }
        #expect(story("ownership") == 2 && story("dive-deep") == 1, "the exact plan: Shared is the only Dive Deep story")
        #expect(lines.allSatisfy { Set($0.keys) == ["slug", "name", "story", "backup", "advice"] })
        #expect(object["unassigned"] as? [String] == ["frugality"])
        // The advice as the command line words it, in JSON as on the terminal.
        let advice = { (slug: String) in lines.first { $0["slug"] as? String == slug }?["advice"] as? String ?? "" }
        #expect(advice("frugality").hasPrefix("No story is tagged Frugality. Write a story that shows it — for example one that answers \""))
        #expect(advice("frugality").hasSuffix("\", then tag it with `--principle frugality`."))
        #expect(advice("dive-deep").hasPrefix("No other story tagged Dive Deep is free (#1 is its main story). Write a second story that shows Dive Deep — for example one that answers \""))
        #expect(advice("dive-deep").hasSuffix("\", and tag it with `--principle dive-deep`."))
        #expect(advice("ownership").hasPrefix("No other story tagged Ownership is free (#"))
        #expect(advice("ownership").contains("#1 goes to Dive Deep") && advice("ownership").contains("#2 is its main story"))
        #expect(plain.contains("Frugality: " + advice("frugality")))

        #expect(try cli.ok(["plan", "--principle", "ownership", "--markdown"]).contains("| Ownership | #"))
        let before = cli.bytes(cli.journal)
        // With no scope: the framework of the next upcoming interview (amazon here).
        #expect(try cli.ok(["plan"]).contains("of 16 principles with a distinct story"))
        CLIHarness.expectOneLineError(try cli.run(["plan", "--allow-repeat"]), code: 64, containing: "--interview")
        CLIHarness.expectOneLineError(try cli.run(["plan", "--interview", "5"]), code: 1, containing: "no interview with id 5")
        CLIHarness.expectOneLineError(try cli.run(["plan", "--principle", "ownership", "--backup", "2"]), code: 64)
        CLIHarness.expectOneLineError(try cli.run(["plan", "--principle", "ownership", "--json", "--markdown"]), code: 64)
        #expect(cli.bytes(cli.journal) == before)
    }
}
