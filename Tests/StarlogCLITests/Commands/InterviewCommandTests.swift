import Foundation
import Testing

@Suite("Interview command, end to end")
struct InterviewCommandTests {
    @Test("interview add/list/rm, --json, bad input one line and nothing changed, coverage --interview")
    func interviews() throws {
        let cli = try CLIHarness()
        let added = try cli.ok(["interview", "add", "--company", "Acme", "--date", "2099-03-04", "--role", "SDE II",
                                "--principle", "dive-deep", "--principle", "11"])
        #expect(added.hasPrefix("Added interview 1: Acme (SDE II) on 2099-03-04, in "))
        let list = try #require(try JSONSerialization.jsonObject(with: Data(try cli.ok(["interview", "list", "--json"]).utf8)) as? [[String: Any]])
        #expect(list.count == 1)
        #expect(Set(list[0].keys) == ["id", "company", "role", "date", "framework", "principles", "days_left", "created_at"])
        #expect(list[0]["principles"] as? [String] == ["earn-trust", "dive-deep"])
        #expect(try cli.ok(["interview"]).contains("Acme"))

        let before = cli.bytes(cli.journal)
        CLIHarness.expectOneLineError(try cli.run(["interview", "add", "--company", "X", "--date", "2099-13-01"]), code: 64, containing: "YYYY-MM-DD")
        CLIHarness.expectOneLineError(try cli.run(["interview", "add", "--company", "X", "--date", "2001-01-01"]), code: 64, containing: "in the past")
        CLIHarness.expectOneLineError(try cli.run(["interview", "add", "--company", "X", "--date", "2099-01-01", "--principle", "dive-deeep"]), code: 64, containing: "did you mean")
        CLIHarness.expectOneLineError(try cli.run(["interview", "add", "--date", "2099-01-01"]), code: 64)
        CLIHarness.expectOneLineError(try cli.run(["coverage", "--interview", "7"]), code: 1, containing: "no interview with id 7")
        CLIHarness.expectOneLineError(try cli.run(["interview", "rm", "7"]), code: 1)
        #expect(cli.bytes(cli.journal) == before)

        let coverage = try cli.ok(["coverage", "--interview", "1"])
        #expect(coverage.hasPrefix("Interview 1: Acme (SDE II) on 2099-03-04: "))
        #expect(coverage.contains("days left."))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(try cli.ok(["coverage", "--interview", "1", "--json"]).utf8)) as? [String: Any])
        #expect((object["principles"] as? [[String: Any]])?.map { $0["slug"] as? String } == ["earn-trust", "dive-deep"])
        #expect(((object["interview"] as? [String: Any])?["days_left"] as? Int ?? 0) > 0)
        #expect(try cli.ok(["coverage", "--interview", "1", "--markdown"]).hasPrefix("**Interview 1: Acme"))

        CLIHarness.expectOneLineError(try cli.run(["interview", "rm", "1"]), code: 64, containing: "pass --yes")
        #expect(try cli.ok(["interview", "rm", "1", "--yes"]).hasPrefix("Removed interview 1: Acme on 2099-03-04"))
        #expect(try cli.ok(["interview", "list", "--json"]).trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
    }
}
