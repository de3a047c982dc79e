import Foundation
import StarlogTestSupport
import Testing

/// `starlog import` and `starlog export` as a user runs them.
@Suite struct ImportExportCLITests {
    static var seed: String { SeedNote.path }

    func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test(.enabled(if: SeedNote.isPresent, "needs shared/seeds beside the repository"))
    func importingTheSeedNoteAddsNoStories() throws {
        let cli = try CLIHarness()
        try cli.ok(["init"])
        let output = try cli.ok(["import", Self.seed])
        #expect(output.contains("Added 0 stories; skipped 0 duplicates and 16 empty sections."))
        #expect(output.contains("Left out STAR fields under no principle heading"))
        let list = try cli.ok(["list", "--json"])
        #expect(list.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
    }

    @Test func notesImportOnceThenDuplicatesWithJSONReport() throws {
        let cli = try CLIHarness()
        let notes = cli.directory.appendingPathComponent("notes.md").path
        try "## 11. Earn Trust\n**Situation:** I shipped a double-charge bug.\n**Action:** I wrote the post-mortem.\n\n## think big\n**Situation:**\n**Task:**\n".write(toFile: notes, atomically: true, encoding: .utf8)
        let dry = try cli.ok(["import", "--dry-run", notes])
        #expect(dry.contains("Would add 1 story; skipped 0 duplicates and 1 empty section."))
        #expect(dry.contains("Dry run: nothing was written."))
        #expect(!FileManager.default.fileExists(atPath: cli.journal), "a dry run creates no journal")
        let first = try #require(try cli.run(["import", "--json", notes]).json() as? [String: Any])
        #expect(first["added"] as? Int == 1)
        #expect(first["empty"] as? Int == 1)
        let second = try #require(try cli.run(["import", "--json", notes]).json() as? [String: Any])
        #expect(second["added"] as? Int == 0)
        #expect(second["duplicates"] as? Int == 1)
        let shown = try #require(try cli.run(["show", "1", "--json"]).json() as? [String: Any])
        #expect(shown["title"] as? String == "I shipped a double-charge bug")
        #expect(shown["principles"] as? [String] == ["earn-trust"])
    }

    @Test func exportToAFileIsPrivateAndImportsIntoANewJournal() throws {
        let cli = try CLIHarness()
        try cli.ok(["add", "--title", "Comma, \"quote\"", "--situation", "line one\n## not a heading\n---", "--principle", "12", "--when", "2023"])
        try cli.ok(["add", "--title", "Second", "--result", "  spaced  ", "--company", "Acme"])
        for format in ["json", "markdown", "csv"] {
            let path = cli.directory.appendingPathComponent("out.\(format)").path
            let output = try cli.ok(["export", "--format", format, "--output", path])
            #expect(output.contains("Exported 2 stories as \(format) to \(path)."))
            #expect(try mode(path) == 0o600)
        }
        let original = try cli.ok(["list", "--json"])
        for format in ["json", "markdown"] {
            let other = cli.directory.appendingPathComponent("restored-\(format).db").path
            let path = cli.directory.appendingPathComponent("out.\(format)").path
            let result = try cli.run(["import", path], environment: ["STARLOG_DB": other])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("Added 2 stories"))
            let restored = try cli.run(["list", "--json"], environment: ["STARLOG_DB": other])
            #expect(restored.stdout == original)
        }
        // stdout, by default JSON.
        let dump = try #require(try cli.run(["export"]).json() as? [String: Any])
        #expect(dump["format"] as? String == "starlog")
        #expect(dump["version"] as? Int == 1)
        #expect((dump["stories"] as? [Any])?.count == 2)
    }

    @Test func malformedImportsExit65AndLeaveTheJournalByteIdentical() throws {
        let cli = try CLIHarness()
        try cli.ok(["add", "--title", "Keep me", "--principle", "1"])
        let before = try #require(cli.bytes(cli.journal))
        let files: [(String, String, String)] = [
            ("truncated.json", "{\"format\": \"starlog\", \"version\": 1, \"stories\": [{\"title\": \"a\"},\n{\"title\": \"b\"", "line 2"),
            ("principle.json", "{\"format\": \"starlog\", \"version\": 1, \"stories\": [{\"title\": \"a\"},\n{\"title\": \"b\", \"principles\": [\"dive depp\"]}]}", "stories[1] (line 2)"),
            ("type.json", "{\"format\": \"starlog\", \"version\": 1, \"stories\": [{\"title\": [\"a\"]}]}", "stories[0]"),
            ("yaml.md", "---\ntitle: fine\n---\n**Situation:** ok\n\n---\ntitle: 'unclosed\nprinciples: [1]\n---\n", "line 6"),
            ("principle.md", "---\ntitle: x\nprinciples: [nope-not-one]\n---\n", "line 3"),
        ]
        for (name, text, place) in files {
            let path = cli.directory.appendingPathComponent(name).path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let result = try cli.run(["import", path])
            CLIHarness.expectOneLineError(result, code: 65, containing: place)
            #expect(cli.bytes(cli.journal) == before, "\(name) changed the journal")
        }
        let missing = try cli.run(["import", cli.directory.appendingPathComponent("nope.json").path])
        CLIHarness.expectOneLineError(missing, code: 65, containing: "cannot read")
        #expect(cli.bytes(cli.journal) == before)
    }

    @Test("the import report counts the frameworks and debrief entries a dump adds, in a dry run too; a second import adds none")
    func importCountsFrameworksAndDebriefs() throws {
        let cli = try CLIHarness()
        let acme = cli.directory.appendingPathComponent("acme.yaml").path
        try "name: Acme Values\nslug: acme\nprinciples:\n  - name: Customers First\n".write(toFile: acme, atomically: true, encoding: .utf8)
        try cli.ok(["framework", "import", acme])
        try cli.ok(["add", "--title", "Kept a customer", "--principle", "acme:1"])
        try cli.ok(["interview", "add", "--company", "Acme", "--date", "2020-05-01", "--framework", "acme", "--past"])
        try cli.ok(["interview", "debrief", "1", "--question", "A customer you kept?", "--story", "1"])
        try cli.ok(["interview", "debrief", "1", "--question", "A plan you changed?"])
        try cli.ok(["practice", "log", "--story", "1", "--principle", "acme:1", "--question-text", "A customer you kept?", "--rating", "4"])
        let dump = cli.directory.appendingPathComponent("dump.json").path
        try cli.ok(["export", "--output", dump])

        let other = cli.directory.appendingPathComponent("other.db").path
        let env = ["STARLOG_DB": other]
        func report(_ arguments: [String]) throws -> [String: Any] {
            try #require(try cli.run(["import", "--json"] + arguments + [dump], environment: env).json() as? [String: Any])
        }
        let dry = try report(["--dry-run"])
        #expect(dry["frameworks_added"] as? Int == 1 && dry["debriefs_added"] as? Int == 2 && dry["interviews_added"] as? Int == 1)
        #expect(!FileManager.default.fileExists(atPath: other), "a dry run writes nothing")
        let first = try report([])
        #expect(first["frameworks_added"] as? Int == 1 && first["debriefs_added"] as? Int == 2 && first["added"] as? Int == 1)
        #expect(first["attempts_added"] as? Int == 1 && first["attempts_duplicate"] as? Int == 0)
        let second = try report([])
        #expect(second["frameworks_added"] as? Int == 0 && second["debriefs_added"] as? Int == 0 && second["duplicates"] as? Int == 1)
        #expect(second["attempts_added"] as? Int == 0 && second["attempts_duplicate"] as? Int == 1, "the attempt already there is counted, not added again")
        let text = try cli.run(["import", "--dry-run", dump], environment: ["STARLOG_DB": cli.directory.appendingPathComponent("third.db").path])
        #expect(text.stdout.contains("Would add 1 framework.\nWould add 1 interview and 2 debrief entries.\n"))

        let before = try #require(cli.bytes(other))
        let truncated = cli.directory.appendingPathComponent("truncated.json").path
        try String(String(decoding: try #require(cli.bytes(dump)), as: UTF8.self).dropLast(40)).write(toFile: truncated, atomically: true, encoding: .utf8)
        let failed = try cli.run(["import", "--json", truncated], environment: env)
        CLIHarness.expectOneLineError(failed, code: 65)
        #expect(failed.stdout.isEmpty && cli.bytes(other) == before, "a bad file prints no report and changes nothing")
    }

    @Test func importReadsStdin() throws {
        let cli = try CLIHarness()
        let result = try cli.run(["import", "-"], input: "## Frugality\n**Result:** Saved $40k a year.\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Added 1 story"))
    }

    @Test func csvExportToStdoutQuotesHostileText() throws {
        let cli = try CLIHarness()
        let title = "He said \"ship it\", then, well,\nwe did"
        try cli.ok(["add", "--title", title, "--situation", "a,b\r\nc", "--principle", "bias for action"])
        let csv = try cli.ok(["export", "--format", "csv"])
        let rows = CSVTestReader.parse(csv)
        #expect(rows.count == 2)
        #expect(rows[1][1] == title)
        #expect(rows[1][2] == "a,b\r\nc")
        #expect(rows[1][11] == "bias-for-action")
    }
}
