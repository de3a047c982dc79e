import Foundation
import Testing

/// `starlog add` and `starlog edit` in `$EDITOR`, with a scripted editor.
@Suite struct EditorCLITests {
    /// Writes an executable shell script into the test's folder.
    func script(_ cli: CLIHarness, _ name: String, _ body: String) throws -> String {
        let path = cli.directory.appendingPathComponent(name).path
        try ("#!/bin/sh\n" + body + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: path)
        return path
    }

    func mode(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
    }

    static let story = """
        ---
        title: Shipped the shim
        principles: [bias for action, 12]
        outcome: mixed
        company: Acme
        when: 2024-05
        ---

        **Situation:** A vendor deprecated our payments API with two weeks' notice.
        **Task:** Keep checkout working.
        **Action:** I wrote a shim in three days,
        and fed it shadow traffic.
        **Result:** No customer noticed the switch.
        """

    @Test func addInTheEditorSavesTheStoryAndRemovesThePrivateFile() throws {
        let cli = try CLIHarness()
        let source = cli.directory.appendingPathComponent("story-source.md").path
        try Self.story.write(toFile: source, atomically: true, encoding: .utf8)
        let log = cli.directory.appendingPathComponent("editor.log").path
        // The editor records the file it was given, its mode and its folder's, then writes the story.
        let editor = try script(cli, "fill.sh", """
            echo "$1" > "\(log)"
            stat -c '%a' "$1" >> "\(log)"
            stat -c '%a' "$(dirname "$1")" >> "\(log)"
            grep -q '^title:' "$1" || exit 3
            cat "\(source)" > "$1"
            """)
        let result = try cli.run(["add", "--editor"], environment: ["EDITOR": editor])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "1\n")
        let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[1] == "600")
        #expect(lines[2] == "700")
        #expect(!FileManager.default.fileExists(atPath: lines[0]), "the temporary file is removed")
        #expect(!FileManager.default.fileExists(atPath: (lines[0] as NSString).deletingLastPathComponent))
        let shown = try #require(try cli.run(["show", "1", "--json"]).json() as? [String: Any])
        #expect(shown["title"] as? String == "Shipped the shim")
        #expect(shown["outcome"] as? String == "mixed")
        #expect(shown["company"] as? String == "Acme")
        #expect(shown["when"] as? String == "2024-05")
        #expect(shown["action"] as? String == "I wrote a shim in three days,\nand fed it shadow traffic.")
        #expect(shown["principles"] as? [String] == ["bias-for-action", "dive-deep"])
    }

    @Test func visualIsUsedWhenEditorIsUnset() throws {
        let cli = try CLIHarness()
        let source = cli.directory.appendingPathComponent("s.md").path
        try Self.story.write(toFile: source, atomically: true, encoding: .utf8)
        let visual = try script(cli, "visual.sh", "cat \"\(source)\" > \"$1\"")
        let result = try cli.run(["add", "--editor"], environment: ["EDITOR": "", "VISUAL": visual])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "1\n")
    }

    @Test func anUnchangedTemplateOrEmptyFileAddsNothing() throws {
        let cli = try CLIHarness()
        try cli.ok(["init"])
        let unchanged = try cli.run(["add", "--editor"], environment: ["EDITOR": "true"])
        #expect(unchanged.status == 0)
        #expect(unchanged.stdout.isEmpty)
        #expect(unchanged.stderr.contains("Nothing added"))
        let emptied = try script(cli, "empty.sh", ": > \"$1\"")
        let empty = try cli.run(["add", "--editor"], environment: ["EDITOR": emptied])
        #expect(empty.status == 0)
        #expect(empty.stderr.contains("Nothing added"))
        #expect(try cli.ok(["list", "--json"]).contains("[]"))
    }

    @Test func textThatDoesNotParseIsKeptAndItsPathPrinted() throws {
        let cli = try CLIHarness()
        try cli.ok(["init"])
        let before = try #require(cli.bytes(cli.journal))
        let broken = try script(cli, "broken.sh", "printf -- '---\\ntitle: \"unclosed\\n---\\n**Situation:** my precious words\\n' > \"$1\"")
        let state = cli.directory.appendingPathComponent("state").path
        let tmp = cli.directory.appendingPathComponent("tmp").path
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        let result = try cli.run(["add", "--editor"], environment: ["EDITOR": broken, "XDG_STATE_HOME": state, "TMPDIR": tmp])
        CLIHarness.expectOneLineError(result, code: 65, containing: "kept in")
        let kept = try #require(result.stderr.range(of: #"/[^ ]*story-[0-9-]+\.md"#, options: .regularExpression).map { String(result.stderr[$0]) })
        #expect(kept.hasPrefix(state + "/starlog/drafts/"), "the draft is kept under XDG_STATE_HOME: \(kept)")
        #expect(try String(contentsOfFile: kept, encoding: .utf8).contains("my precious words"))
        #expect(mode(kept) == 0o600)
        #expect(mode((kept as NSString).deletingLastPathComponent) == 0o700)
        #expect(cli.bytes(cli.journal) == before)
        // An unknown principle is kept the same way, with a suggestion.
        let typo = try script(cli, "typo.sh", "printf -- '---\\ntitle: x\\nprinciples: [dive depp]\\n---\\n' > \"$1\"")
        let unknown = try cli.run(["add", "--editor"], environment: ["EDITOR": typo, "XDG_STATE_HOME": state, "TMPDIR": tmp])
        CLIHarness.expectOneLineError(unknown, code: 64, containing: "dive-deep")
        #expect(unknown.stderr.contains("kept in"))
        // No temporary folder is left behind in either case.
        let temporary = try FileManager.default.contentsOfDirectory(atPath: tmp)
        #expect(temporary.isEmpty, "left in TMPDIR: \(temporary)")
        // Once fixed, `add --from` the draft adds the story and removes the draft.
        try "---\ntitle: fixed\noutcome: mixed\n---\n**Situation:** my precious words\n".write(toFile: kept, atomically: false, encoding: .utf8)
        #expect(try cli.run(["add", "--from", kept], environment: ["XDG_STATE_HOME": state]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: kept))
    }

    @Test func editOpensTheStoryAndSavesChanges() throws {
        let cli = try CLIHarness()
        try cli.ok(["add", "--title", "Old title", "--situation", "Before.", "--principle", "ownership", "--company", "Acme"])
        let sed = try script(cli, "sed.sh", "sed -i -e 's/^title: Old title/title: New title/' -e 's/Before\\./After./' -e 's/^- ownership/- ownership\\n- frugality/' \"$1\"")
        let result = try cli.run(["edit", "1", "--editor", "--json"], environment: ["EDITOR": sed])
        #expect(result.status == 0, "\(result.stderr)")
        let story = try #require(try result.json() as? [String: Any])
        #expect(story["title"] as? String == "New title")
        #expect(story["situation"] as? String == "After.")
        #expect(story["company"] as? String == "Acme")
        #expect(story["principles"] as? [String] == ["ownership", "frugality"])
        let untouched = try cli.run(["edit", "1", "--editor"], environment: ["EDITOR": "true"])
        #expect(untouched.status == 0)
        #expect(untouched.stderr.contains("No changes"))
    }

    @Test func addFromAFileAndFromStdin() throws {
        let cli = try CLIHarness()
        let path = cli.directory.appendingPathComponent("story.md").path
        try Self.story.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try cli.ok(["add", "--from", path]) == "1\n")
        let piped = try cli.run(["add", "--from", "-"], input: "## Frugality\n**Situation:** Cloud bill doubled. We had no budget.\n")
        #expect(piped.status == 0, "\(piped.stderr)")
        let second = try #require(try cli.run(["show", "2", "--json"]).json() as? [String: Any])
        #expect(second["title"] as? String == "Cloud bill doubled")
        #expect(second["principles"] as? [String] == ["frugality"])
        let nothing = try cli.run(["add", "--from", "-"], input: "just prose\n")
        CLIHarness.expectOneLineError(nothing, code: 65, containing: "no story")
        let mixed = try cli.run(["add", "--from", path, "--title", "x"])
        CLIHarness.expectOneLineError(mixed, code: 64)
    }

    @Test func withoutATerminalOrFlagsAddIsAUsageError() throws {
        let cli = try CLIHarness()
        let result = try cli.run(["add"], environment: ["EDITOR": "true"])
        CLIHarness.expectOneLineError(result, code: 64, containing: "--title")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"),
                   "needs script(1) from util-linux to give starlog a terminal"))
    func onATerminalAddWithNoFlagsOpensTheEditor() throws {
        let cli = try CLIHarness()
        let source = cli.directory.appendingPathComponent("s.md").path
        try Self.story.write(toFile: source, atomically: true, encoding: .utf8)
        let editor = try script(cli, "fill.sh", "cat \"\(source)\" > \"$1\"")
        // `script` runs starlog on a pseudo-terminal, as a person would.
        let command = "'\(CLIHarness.binary.path)' add"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, "/dev/null"]
        process.environment = [
            "PATH": "/usr/bin:/bin", "HOME": cli.directory.path, "STARLOG_DB": cli.journal,
            "EDITOR": editor, "TERM": "dumb", "LANG": "C.UTF-8",
        ]
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let transcript = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(transcript)")
        #expect(transcript.contains("1"))
        let list = try cli.ok(["list", "--json"])
        #expect(list.contains("Shipped the shim"))
    }
}
