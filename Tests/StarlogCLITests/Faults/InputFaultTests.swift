import Foundation
import Testing

/// Inputs that never end, come slowly, carry a byte-order mark or old Mac
/// line ends, or hold no story.
@Suite("Inputs under faults, end to end", .serialized)
struct InputFaultTests {
    @Test("devices are refused at once; a pipe past the limit is refused naming it; the journal is untouched")
    func endlessInputs() throws {
        let (cli, before, expected) = try CLIHarness.seededForFault(2)
        for arguments in [["import", "/dev/zero"], ["add", "--from", "/dev/zero"], ["edit", "1", "--from", "/dev/zero"], ["import", "/dev/null"]] {
            let result = try cli.run(arguments)
            CLIHarness.expectOneLineError(result, code: 65, containing: arguments.last == "/dev/null" ? "not a regular file" : "/dev/zero")
            cli.expectUnchanged(before, expected: expected)
        }
        // stdin from a device, and an endless pipe, through the shell.
        for (command, fragment) in [("\"$0\" import - < /dev/zero", "not a regular file"),
                                    ("head -c 20000000 /dev/zero | \"$0\" add --from -", "limit for one story of 16 MB")] {
            let result = try cli.runThroughShell(command)
            CLIHarness.expectOneLineError(result, code: 65, containing: fragment)
            cli.expectUnchanged(before, expected: expected)
        }
    }

    @Test("an import reads its whole input before it takes the lock: a slow pipe keeps no writer out")
    func slowPipe() throws {
        let cli = try CLIHarness()
        try cli.seed(2)
        let fifo = cli.directory.appendingPathComponent("slow.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let (importer, out, err) = try cli.start(["import", fifo], environment: ["STARLOG_BUSY_TIMEOUT_MS": "20000"])
        // The writer end: half a file now, the rest later.
        let writer = try #require(FileHandle(forWritingAtPath: fifo))
        writer.write(Data(#"{"format": "starlog", "version": 1, "stories": [{"title": "From the "#.utf8))
        usleep(300_000)
        // Meanwhile another writer gets in at once, with a short timeout.
        let meanwhile = try cli.run(["add", "--title", "Meanwhile"], environment: ["STARLOG_BUSY_TIMEOUT_MS": "300"])
        #expect(meanwhile.status == 0, "a writer was locked out by an import still reading: \(meanwhile.stderr)")
        writer.write(Data(#"slow pipe"}]}"#.utf8))
        try writer.close()
        importer.waitUntilExit()
        #expect(importer.terminationStatus == 0, "\((try? String(contentsOf: err, encoding: .utf8)) ?? "")")
        #expect((try? String(contentsOf: out, encoding: .utf8))?.contains("Added 1 story") == true)
        let titles = try cli.ok(["list", "--json"])
        #expect(titles.contains("From the slow pipe") && titles.contains("Meanwhile"))
        try? FileManager.default.removeItem(at: out)
        try? FileManager.default.removeItem(at: err)
        FaultTally.shared.record()
    }

    @Test("a JSON export with a byte-order mark and Markdown with old Mac line ends import")
    func bomAndCarriageReturns() throws {
        let cli = try CLIHarness()
        try cli.ok(["add", "--title", "Marked", "--action", "byte order words", "--principle", "ownership"])
        let export = try cli.ok(["export"])
        let target = try CLIHarness()
        try target.ok(["init"])
        let bom = target.directory.appendingPathComponent("bom.json")
        try (Data([0xEF, 0xBB, 0xBF]) + Data(export.utf8)).write(to: bom)
        let imported = try target.run(["import", bom.path])
        #expect(imported.status == 0 && imported.stdout.contains("Added 1 story"), "\(imported)")
        let mac = target.directory.appendingPathComponent("mac.md")
        try "## Earn Trust\r**Situation:** A release slipped.\r**Action:** I told the customer the same day.\r**Result:** They renewed.\r".write(to: mac, atomically: true, encoding: .utf8)
        let notes = try target.run(["import", mac.path])
        #expect(notes.status == 0 && notes.stdout.contains("Added 1 story"), "\(notes)")
        let stories = try #require(try target.run(["list", "--json"]).json() as? [[String: Any]])
        #expect(stories.count == 2)
        #expect(stories.contains { ($0["action"] as? String) == "I told the customer the same day." && ($0["principles"] as? [String]) == ["earn-trust"] })
        FaultTally.shared.record()
    }

    @Test("a CSV file, plain text and an empty file hold no story: exit 65 and nothing added",
          arguments: ["csv", "text", "empty"])
    func noStory(_ kind: String) throws {
        let cli = try CLIHarness()
        try cli.ok(["add", "--title", "Exists"])
        let file = cli.directory.appendingPathComponent("in.\(kind)").path
        switch kind {
        case "csv": try cli.ok(["export", "--format", "csv", "--output", file])
        case "text": try "just some text\nand a bit more\n".write(toFile: file, atomically: true, encoding: .utf8)
        default: _ = FileManager.default.createFile(atPath: file, contents: Data())
        }
        let before = cli.bytes(cli.journal)
        for dry in [false, true] {
            let result = try cli.run(["import", file] + (dry ? ["--dry-run"] : []))
            CLIHarness.expectOneLineError(result, code: 65, containing: kind == "csv" ? "CSV" : "holds no story")
            cli.expectUnchanged(before, expected: cli.files())
        }
    }
}
