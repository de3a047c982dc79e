import Foundation
import Testing

@Suite("Errors and exit codes, end to end")
struct ErrorPathTests {
    /// Most usage errors are checked in-process (UsageErrorTests); these
    /// run the binary, for the exit code and the shape of stderr. `add` and
    /// `edit` without fields depend on stdin not being a terminal.
    @Test("usage errors exit 64 with one line and write nothing", arguments: [
        ["add"],
        ["add", "--title", "T", "--bogus"],
        ["edit", "1"],
        ["nosuchcommand"],
    ])
    func usageErrors(_ arguments: [String]) throws {
        let cli = try CLIHarness()
        try cli.ok(["add", "--title", "Existing", "--principle", "ownership"])
        let before = cli.bytes(cli.journal)
        let result = try cli.run(arguments)
        CLIHarness.expectOneLineError(result, code: 64)
        #expect(result.stdout.isEmpty)
        #expect(cli.bytes(cli.journal) == before, "a failed command must leave the journal byte-identical")
    }

    @Test("an unknown principle names the closest match")
    func suggestion() throws {
        let cli = try CLIHarness()
        let result = try cli.run(["add", "--title", "T", "--principle", "earn-trsut"])
        CLIHarness.expectOneLineError(result, code: 64, containing: "did you mean 'earn-trust'")
    }

    @Test("runtime failures exit 1", arguments: [["show", "42"], ["edit", "42", "--title", "x"], ["rm", "42", "--yes"], ["tag", "42", "11"]])
    func missingStory(_ arguments: [String]) throws {
        let cli = try CLIHarness()
        try cli.ok(["init"])
        let before = cli.bytes(cli.journal)
        CLIHarness.expectOneLineError(try cli.run(arguments), code: 1, containing: "no story with id 42")
        #expect(cli.bytes(cli.journal) == before)
    }

    @Test("rm without a terminal and without --yes refuses and deletes nothing")
    func rmNeedsConfirmation() throws {
        let cli = try CLIHarness()
        try cli.ok(["add", "--title", "Keep me"])
        let result = try cli.run(["rm", "1"], input: "y\n")
        CLIHarness.expectOneLineError(result, code: 64, containing: "--yes")
        #expect(try cli.ok(["show", "1"]).contains("Keep me"))
    }

    @Test("an invalid --raw query exits 65")
    func rawSyntax() throws {
        let cli = try CLIHarness()
        try cli.ok(["add", "--title", "T"])
        CLIHarness.expectOneLineError(try cli.run(["search", "--raw", "alpha AND"]), code: 65, containing: "invalid search query")
        CLIHarness.expectOneLineError(try cli.run(["search", "--raw", "\"open"]), code: 65)
        #expect(try cli.run(["search", "--raw", "t OR x"]).status == 0)
    }

    @Test("a journal from a newer starlog is refused and left byte-identical")
    func newerJournal() throws {
        let cli = try CLIHarness()
        try cli.ok(["add", "--title", "T"])
        try sqlite(cli.journal, "PRAGMA user_version = 999;")
        let before = try #require(cli.bytes(cli.journal))
        let result = try cli.run(["list"])
        CLIHarness.expectOneLineError(result, code: 1, containing: "newer starlog")
        #expect(cli.bytes(cli.journal) == before)
        #expect(!FileManager.default.fileExists(atPath: cli.journal + "-wal") || (cli.bytes(cli.journal + "-wal")?.isEmpty ?? true))
    }

    @Test("files that are not journals are refused untouched", arguments: ["text", "empty", "folder", "otherdb", "truncated"])
    func foreignFiles(_ kind: String) throws {
        let cli = try CLIHarness()
        let path = cli.directory.appendingPathComponent("target").path
        switch kind {
        case "text":
            try "Dear diary, not a database.\n".write(toFile: path, atomically: true, encoding: .utf8)
        case "empty":
            _ = FileManager.default.createFile(atPath: path, contents: Data())
        case "folder":
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        case "otherdb":
            try sqlite(path, "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine');")
        default:
            let journal = cli.directory.appendingPathComponent("full.db").path
            for index in 0..<20 {
                try cli.ok(["add", "--db", journal, "--title", "Story \(index)", "--action", String(repeating: "long text \(index) ", count: 300)])
            }
            let bytes = try #require(cli.bytes(journal))
            _ = FileManager.default.createFile(atPath: path, contents: bytes.prefix(bytes.count / 2 + 100))
        }
        let before = cli.bytes(path)
        let result = try cli.run(["list", "--db", path])
        #expect(result.status == 1, "\(kind): \(result.stderr)")
        CLIHarness.expectOneLineError(result, code: 1)
        #expect(cli.bytes(path) == before, "\(kind) must be left as it was")
    }

    @Test("a lock held past the busy timeout exits 75 and writes nothing")
    func locked() throws {
        let cli = try CLIHarness()
        try cli.ok(["add", "--title", "Before"])
        // Another program holds the write lock until its stdin closes.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        holder.arguments = [cli.journal]
        let input = Pipe(), output = Pipe()
        holder.standardInput = input
        holder.standardOutput = output
        try holder.run()
        input.fileHandleForWriting.write(Data("BEGIN IMMEDIATE;\nSELECT 'locked';\n".utf8))
        // Wait until the holder has the lock.
        _ = output.fileHandleForReading.availableData
        let result = try cli.run(["add", "--title", "During"])
        try input.fileHandleForWriting.close()
        holder.waitUntilExit()
        CLIHarness.expectOneLineError(result, code: 75, containing: "locked by another process")
        let titles = try cli.ok(["list", "--json"])
        #expect(titles.contains("Before"))
        #expect(!titles.contains("During"))
    }

    @Test("a damaged search index is found by check and rebuilt by check --repair")
    func checkAndRepair() throws {
        let cli = try CLIHarness()
        try cli.ok(["add", "--title", "Zebra crossing", "--action", "I painted it"])
        #expect(try cli.ok(["check"]).contains("ok"))
        try sqlite(cli.journal, "INSERT INTO story_fts (story_fts) VALUES ('delete-all');")
        let broken = try cli.run(["check"])
        #expect(broken.status == 1)
        #expect(broken.stdout == "problem in the search index: the search index does not match the stories. To fix: run `starlog check --repair` to rebuild it from the stories.\n")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try cli.run(["check", "--json"]).stdout.utf8)) as? [String: Any])
        #expect(json["problems"] as? [[String: String]] == [[
            "area": "search index", "detail": "the search index does not match the stories",
            "remedy": "run `starlog check --repair` to rebuild it from the stories",
        ]])
        let repaired = try cli.run(["check", "--repair"])
        #expect(repaired.status == 0, "\(repaired.stdout) \(repaired.stderr)")
        #expect(repaired.stdout.hasPrefix("Repaired: rebuilt the search index from the 1 story"), "\(repaired.stdout)")
        #expect(try cli.ok(["search", "zebra", "--json"]).contains("Zebra crossing"))
        // On a healthy journal --repair says there was nothing to do.
        let again = try cli.run(["check", "--repair"])
        #expect(again.status == 0 && again.stdout.hasPrefix("Nothing to repair"), "\(again.stdout)")
        #expect(try cli.ok(["check", "--repair", "--json"]).contains(#""repaired" : false"#) || cli.ok(["check", "--repair", "--json"]).contains(#""repaired": false"#))
    }
}

@Suite("Where the journal lives, end to end")
struct JournalLocationTests {
    func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? Int ?? 0) & 0o777
    }

    @Test("--db wins over STARLOG_DB, which wins over XDG_DATA_HOME, which wins over HOME")
    func precedence() throws {
        let cli = try CLIHarness()
        let root = cli.directory.path
        let flag = root + "/flag/j.db", env = root + "/env/j.db", xdg = root + "/xdg", home = root + "/home"
        #expect(try cli.run(["init", "--db", flag], environment: ["STARLOG_DB": env]).stdout.contains(flag))
        #expect(try cli.run(["init"], environment: ["STARLOG_DB": env]).stdout.contains(env))
        #expect(try cli.run(["--db", flag, "list", "--json"], environment: ["STARLOG_DB": env]).stdout.contains("[]"), "--db may come first")
        #expect(try cli.run(["--db=\(flag)", "init"], environment: ["STARLOG_DB": env]).stdout.contains(flag))
        #expect(try cli.run(["init"], environment: ["STARLOG_DB": "", "XDG_DATA_HOME": xdg]).stdout.contains(xdg + "/starlog/starlog.db"))
        #expect(try cli.run(["init"], environment: ["STARLOG_DB": "", "HOME": home]).stdout.contains(home + "/.local/share/starlog/starlog.db"))
        for path in [flag, env, xdg + "/starlog/starlog.db", home + "/.local/share/starlog/starlog.db"] {
            #expect(FileManager.default.fileExists(atPath: path), "\(path)")
        }
    }

    @Test("a new journal's folder is 0700, its file and WAL files 0600, whatever the umask")
    func modes() throws {
        let cli = try CLIHarness()
        let folder = cli.directory.appendingPathComponent("private/nested").path
        let path = folder + "/j.db"
        // Run under a permissive umask: the modes must not depend on it.
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "umask 000; \"$0\" add --db \"$1\" --title T && \"$0\" add --db \"$1\" --title U", CLIHarness.binary.path, path]
        try shell.run()
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 0)
        #expect(try mode(folder) == 0o700)
        #expect(try mode(cli.directory.appendingPathComponent("private").path) == 0o700)
        #expect(try mode(path) == 0o600)
        // While a reader holds the journal open, its -wal and -shm exist: check them too.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        holder.arguments = [path]
        let input = Pipe(), output = Pipe()
        holder.standardInput = input
        holder.standardOutput = output
        try holder.run()
        input.fileHandleForWriting.write(Data("BEGIN; SELECT count(*) FROM story;\n".utf8))
        _ = output.fileHandleForReading.availableData
        #expect(try mode(path + "-wal") == 0o600)
        #expect(try mode(path + "-shm") == 0o600)
        try input.fileHandleForWriting.close()
        holder.waitUntilExit()
    }

    @Test("an existing file's mode is left alone")
    func existingMode() throws {
        let cli = try CLIHarness()
        try cli.ok(["init"])
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: cli.journal)
        try cli.ok(["add", "--title", "T"])
        #expect(try mode(cli.journal) == 0o640)
    }

    @Test("a journal in a folder that cannot be created is a one-line error")
    func unwritableFolder() throws {
        let cli = try CLIHarness()
        let blocker = cli.directory.appendingPathComponent("file").path
        _ = FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8))
        let result = try cli.run(["init", "--db", blocker + "/sub/j.db"])
        CLIHarness.expectOneLineError(result, code: 1, containing: "cannot")
    }
}
