import Foundation
import Testing

/// A system clock outside the times starlog stores (1970 to 9999) stops only
/// the commands that write; the journal can always be read and exported.
@Suite("A system clock out of range, end to end")
struct ClockRangeCLITests {
    /// 10000-01-01T00:00:00Z, one second after the last moment starlog stores.
    static let year10000 = ["STARLOG_NOW": "@253402300800"]
    /// 9999-12-31T23:59:59Z, the last moment starlog stores.
    static let lastMoment = ["STARLOG_NOW": "9999-12-31T23:59:59Z"]

    @Test("reads and exports work, every write refuses in one line and leaves the journal as it was")
    func writesRefuseReadsWork() throws {
        let cli = try CLIHarness()
        try cli.ok(["add", "--title", "Billing export broke", "--situation", "Nightly export failed", "--principle", "ownership"])
        let before = try #require(cli.bytes(cli.journal))
        let notes = cli.directory.appendingPathComponent("notes.md").path
        try "## Another story\n\n**Situation:** s\n**Task:** t\n**Action:** a\n**Result:** r\n".write(toFile: notes, atomically: true, encoding: .utf8)

        let listed = try cli.ok(["list"], environment: Self.year10000)
        #expect(listed.contains("Billing export broke"))
        #expect(try cli.ok(["show", "1"], environment: Self.year10000).contains("Nightly export failed"))
        #expect(try cli.ok(["search", "billing"], environment: Self.year10000).contains("Billing export broke"))
        let dump = try #require(try cli.run(["export"], environment: Self.year10000).json() as? [String: Any])
        #expect((dump["stories"] as? [Any])?.count == 1)
        let markdown = cli.directory.appendingPathComponent("out.md").path
        try cli.ok(["export", "--format", "markdown", "--output", markdown], environment: Self.year10000)
        #expect((try? String(contentsOfFile: markdown, encoding: .utf8))?.contains("Nightly export failed") == true)
        let copy = cli.directory.appendingPathComponent("copy.db").path
        #expect(try cli.ok(["backup", copy], environment: Self.year10000).contains("Backed up 1 story"))
        #expect(try cli.ok(["list"], environment: ["STARLOG_DB": copy]).contains("Billing export broke"))
        for arguments in [["practice", "due"], ["coverage"], ["check"], ["lint"], ["principles"]] {
            try cli.ok(arguments, environment: Self.year10000)
        }

        let writes: [[String]] = [
            ["add", "--title", "New", "--principle", "ownership"],
            ["edit", "1", "--title", "Renamed"],
            ["rm", "1", "--yes"],
            ["import", notes],
            ["practice", "log", "--story", "1", "--question-text", "Tell me about a failure", "--rating", "3"],
        ]
        for arguments in writes {
            let result = try cli.run(arguments, environment: Self.year10000)
            CLIHarness.expectOneLineError(result, code: 1, containing: "system clock")
            #expect(result.stderr.contains("10000-01-01T00:00:00Z"), "stderr: \(result.stderr)")
            #expect(cli.bytes(cli.journal) == before, "starlog \(arguments.joined(separator: " ")) changed the journal")
        }
        // Before 1970 too.
        let early = try cli.run(["add", "--title", "New", "--principle", "ownership"], environment: ["STARLOG_NOW": "@-1"])
        CLIHarness.expectOneLineError(early, code: 1, containing: "system clock")
        #expect(try cli.ok(["list"], environment: ["STARLOG_NOW": "@-1"]).contains("Billing export broke"))
        #expect(cli.bytes(cli.journal) == before)
    }

    @Test("an export made at the last moment starlog stores imports into a fresh journal")
    func lastMomentRoundTrip() throws {
        let cli = try CLIHarness()
        try cli.ok(["add", "--title", "At the end of time", "--situation", "s", "--principle", "dive-deep"], environment: Self.lastMoment)
        try cli.ok(["practice", "log", "--story", "1", "--question-text", "Tell me about a deep dive", "--rating", "4"], environment: Self.lastMoment)
        let path = cli.directory.appendingPathComponent("dump.json").path
        try cli.ok(["export", "--output", path], environment: Self.lastMoment)
        let fresh = cli.directory.appendingPathComponent("fresh.db").path
        try cli.ok(["import", path], environment: Self.lastMoment.merging(["STARLOG_DB": fresh]) { $1 })

        func stories(_ journal: String) throws -> [[String: Any]] {
            let dump = try #require(try cli.run(["export"], environment: ["STARLOG_DB": journal]).json() as? [String: Any])
            return try #require(dump["stories"] as? [[String: Any]])
        }
        let original = try stories(cli.journal), restored = try stories(fresh)
        #expect(restored.count == 1)
        #expect(restored.first?["title"] as? String == "At the end of time")
        #expect(restored.first?["created_at"] as? String == "9999-12-31T23:59:59Z")
        #expect(restored.first?["created_at"] as? String == original.first?["created_at"] as? String)
        let attempts = try #require(try cli.run(["export"], environment: ["STARLOG_DB": fresh]).json() as? [String: Any])["attempts"] as? [[String: Any]]
        #expect(attempts?.count == 1)
    }
}
