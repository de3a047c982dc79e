import Foundation
import Testing

@Suite("Story commands, end to end")
struct StoryCommandTests {
    @Test("add prints the id; show, list, edit, tag, untag and rm work on it")
    func lifecycle() throws {
        let cli = try CLIHarness()
        let id = try cli.ok([
            "add", "--title", "Cut checkout latency", "--situation", "Checkout was slow",
            "--action", "I profiled it", "--result", "p99 fell 40%", "--outcome", "mixed",
            "--company", "Acme", "--role", "SRE", "--when", "2024-03",
            "--principle", "deliver-results", "--principle", "Dive Deep",
        ]).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(id == "1")

        let shown = try cli.ok(["show", "1"])
        #expect(shown.contains("Cut checkout latency"))
        #expect(shown.contains("I profiled it"))
        #expect(shown.contains("Dive Deep"))
        #expect(!shown.contains("\u{1B}["), "no colour when stdout is not a terminal")

        let listed = try cli.ok(["list"])
        #expect(listed.contains("ID"))
        #expect(listed.contains("Cut checkout latency"))

        let edited = try cli.ok(["edit", "1", "--result", "p99 fell 45%", "--company", "", "--json"])
        let story = try #require(try JSONSerialization.jsonObject(with: Data(edited.utf8)) as? [String: Any])
        #expect(story["result"] as? String == "p99 fell 45%")
        #expect(story["company"] is NSNull)
        #expect(story["role"] as? String == "SRE")

        #expect(try cli.ok(["tag", "1", "11", "ownership"]).contains("ownership, earn-trust, dive-deep, deliver-results"))
        #expect(try cli.ok(["untag", "1", "earn trust"]).contains("ownership, dive-deep, deliver-results"))

        let removed = try cli.ok(["rm", "1", "--yes"])
        #expect(removed.contains("Deleted story 1"))
        let gone = try cli.run(["show", "1"])
        CLIHarness.expectOneLineError(gone, code: 1, containing: "no story with id 1")
    }

    @Test("--json prints the documented shapes")
    func jsonShapes() throws {
        let cli = try CLIHarness()
        let added = try cli.ok(["add", "--title", "T", "--principle", "11", "--json"])
        let story = try #require(try JSONSerialization.jsonObject(with: Data(added.utf8)) as? [String: Any])
        let storyKeys: Set<String> = [
            "id", "title", "situation", "task", "action", "result", "learnings", "outcome", "company", "role",
            "when", "created_at", "updated_at", "principles",
        ]
        #expect(Set(story.keys) == storyKeys)
        #expect(story["principles"] as? [String] == ["earn-trust"])
        #expect(story["outcome"] as? String == "success")
        #expect((story["created_at"] as? String)?.hasSuffix("Z") == true)

        let shown = try #require(try JSONSerialization.jsonObject(with: Data(try cli.ok(["show", "1", "--json"]).utf8)) as? [String: Any])
        #expect(Set(shown.keys) == storyKeys)

        let list = try #require(try JSONSerialization.jsonObject(with: Data(try cli.ok(["list", "--json"]).utf8)) as? [[String: Any]])
        #expect(list.count == 1)

        try cli.ok(["edit", "1", "--action", "I listened to the team"])
        let hits = try #require(try JSONSerialization.jsonObject(with: Data(try cli.ok(["search", "listen", "--json"]).utf8)) as? [[String: Any]])
        #expect(hits.count == 1)
        #expect(Set(hits[0].keys).isSuperset(of: storyKeys.union(["rank", "snippet"])))
        #expect(hits[0]["rank"] as? Int == 1)
        #expect((hits[0]["snippet"] as? String)?.contains("listened") == true)

        let principles = try #require(try JSONSerialization.jsonObject(with: Data(try cli.ok(["principles", "--json"]).utf8)) as? [[String: Any]])
        #expect(principles.count == 16)
        #expect(Set(principles[0].keys) == ["slug", "name", "number", "framework", "summary", "stories"])
        let trust = try #require(principles.first { $0["slug"] as? String == "earn-trust" })
        #expect(trust["number"] as? Int == 11)
        #expect(trust["stories"] as? Int == 1)

        let emptySearch = try cli.run(["search", "nothinglikethis", "--json"])
        #expect(emptySearch.status == 0)
        #expect(emptySearch.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
    }

    @Test("list filters and search options")
    func filters() throws {
        let cli = try CLIHarness()
        try cli.ok(["add", "--title", "Alpha launch", "--principle", "ownership", "--outcome", "failure", "--company", "Acme"])
        try cli.ok(["add", "--title", "Beta launch", "--principle", "earn-trust"])
        func ids(_ args: [String]) throws -> [Int] {
            let out = try cli.ok(args + ["--json"])
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
            return rows.compactMap { $0["id"] as? Int }
        }
        #expect(try ids(["list"]) == [2, 1])
        #expect(try ids(["list", "--principle", "Ownership"]) == [1])
        #expect(try ids(["list", "--outcome", "failure"]) == [1])
        #expect(try ids(["list", "--company", "acme"]) == [1])
        #expect(try ids(["list", "--limit", "1"]) == [2])
        #expect(try ids(["search", "launch", "--principle", "earn-trust"]) == [2])
        #expect(try ids(["search", "launch", "--limit", "1"]).count == 1)
        #expect(try ids(["search", "title:alpha"]) == [1])
        #expect(try ids(["search", "AND", "OR", "\"", "it's"]) == [])
    }

    @Test("principles lists all sixteen with their story counts")
    func principles() throws {
        let cli = try CLIHarness()
        try cli.ok(["add", "--title", "T", "--principle", "frugality"])
        let out = try cli.ok(["principles"])
        #expect(out.contains("Customer Obsession"))
        #expect(out.contains("Success and Scale Bring Broad Responsibility"))
        let frugality = try #require(out.split(separator: "\n").first { $0.contains("frugality") })
        #expect(frugality.split(separator: " ", omittingEmptySubsequences: true).prefix(4) == ["10", "Frugality", "frugality", "1"])
    }

    @Test("help teaches and version prints")
    func helpAndVersion() throws {
        let cli = try CLIHarness()
        let help = try cli.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("SUBCOMMANDS"))
        #expect(help.stdout.contains("search"))
        let searchHelp = try cli.run(["search", "--help"])
        #expect(searchHelp.stdout.contains("result:latency"))
        let version = try cli.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.contains("0."))
    }

    @Test("demo writes a sample journal to a temporary folder, never to the user's")
    func demo() throws {
        let cli = try CLIHarness()
        let tmp = cli.directory.appendingPathComponent("tmp").path
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        let result = try cli.run(["demo"], environment: ["TMPDIR": tmp])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("$ starlog search"))
        #expect(result.stdout.contains("Cut checkout latency"))
        #expect(!FileManager.default.fileExists(atPath: cli.journal), "the demo must not create the real journal")
        let made = try FileManager.default.contentsOfDirectory(atPath: tmp)
        #expect(made.isEmpty, "the temporary journal is deleted at the end without --keep")
        let kept = try cli.run(["demo", "--keep"], environment: ["TMPDIR": tmp])
        #expect(kept.status == 0, "\(kept.stderr)")
        let folders = try FileManager.default.contentsOfDirectory(atPath: tmp)
        #expect(folders.count == 1 && folders[0].hasPrefix("starlog-demo-"))
    }
}
