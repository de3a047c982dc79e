import Foundation
import Testing

/// Readers, writers and locks across real processes: reading never waits
/// or writes, a writer gives up after one busy timeout, deleted words leave
/// the file (or the user is told when they will), and a command running
/// while an import commits waits its turn.
@Suite("Readers, writers and locks, end to end", .serialized)
struct ReaderLockTests {
    @Test("rm while another process reads: waits for the reader, or says the words go when it closes; the purge then happens")
    func deletedMeansGoneWithAReader() throws {
        let cli = try CLIHarness()
        try cli.seed(3)
        try cli.ok(["add", "--title", "Canary", "--action", "quetzalcoatl canary words"])
        try cli.ok(["add", "--title", "Second canary", "--action", "axolotl canary words"])
        #expect(rawBytes(cli.journal).range(of: Data("quetzalcoatl".utf8)) != nil)

        // A reader that stays past the busy timeout: rm succeeds and says when the words go.
        let reader = try SQLiteHolder(cli.journal, "BEGIN; SELECT count(*) FROM story;", readOnly: true)
        let result = try cli.run(["rm", "4", "--yes"], environment: ["STARLOG_BUSY_TIMEOUT_MS": "300"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Deleted story 4"))
        #expect(result.stderr.contains("stay in its file until that program closes it"), "\(result.stderr)")
        #expect(!(try cli.ok(["search", "quetzalcoatl"]).contains("Canary")))
        // The reader ends without closing anything (as a crash would): the
        // next starlog command, a mere read, purges the words.
        reader.kill()
        try cli.ok(["list"])
        #expect(rawBytes(cli.journal).range(of: Data("quetzalcoatl".utf8)) == nil, "the deleted words are gone from the file and its WAL")

        // A reader that finishes within the busy timeout: rm waits, then the words are gone at once.
        let brief = try SQLiteHolder(cli.journal, "BEGIN; SELECT count(*) FROM story;", readOnly: true)
        let closer = Thread { usleep(700_000); brief.kill() }
        closer.start()
        let waited = try cli.run(["rm", "5", "--yes"], environment: ["STARLOG_BUSY_TIMEOUT_MS": "20000"])
        #expect(waited.status == 0, "\(waited.stderr)")
        #expect(!waited.stderr.contains("stay in its file"), "\(waited.stderr)")
        #expect(rawBytes(cli.journal).range(of: Data("axolotl".utf8)) == nil, "purged before rm reported success")
        try cli.expectHealthy()
        FaultTally.shared.record()
    }

    @Test("reading while another process holds the writer lock does not wait; a writer gives up after one timeout with one clear line")
    func readersDoNotWait() throws {
        let cli = try CLIHarness()
        try cli.seed(5)
        let before = cli.bytes(cli.journal)
        // A starlog import paused inside its write transaction holds both
        // starlog's writer lock and SQLite's write lock.
        let file = cli.directory.appendingPathComponent("one.json").path
        try #"{"format": "starlog", "version": 1, "stories": [{"title": "Paused import"}]}"#.write(toFile: file, atomically: true, encoding: .utf8)
        var readers: [CLIResult] = []
        var writer = CLIResult(status: 0, stdout: "", stderr: "")
        var elapsed = 0.0
        let imported = try cli.runPaused(["import", file], at: "import-in-transaction") { _ in
            // With an hour's timeout, a reader that waited would never come back in time.
            for arguments in [["list"], ["show", "1"], ["search", "seeded"], ["export"], ["check"], ["coverage"], ["principles"]] {
                readers.append(try runWithDeadline(cli, arguments, environment: ["STARLOG_BUSY_TIMEOUT_MS": "3600000"], seconds: 20))
            }
            let start = Date()
            writer = try cli.run(["add", "--title", "Blocked"], environment: ["STARLOG_BUSY_TIMEOUT_MS": "4000"])
            elapsed = Date().timeIntervalSince(start)
        }
        for result in readers {
            #expect(result.status == 0, "a reader failed or waited: \(result.stderr)")
        }
        CLIHarness.expectOneLineError(writer, code: 75, containing: "is locked by another process")
        #expect(!writer.stderr.contains("the journal the journal"))
        // One busy timeout (4 s), not two (8 s): closing must not wait for the lock again.
        // The margin leaves room for a process start under the sanitizers.
        #expect(elapsed < 7.5, "the writer took \(elapsed) s to give up")
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(before != cli.bytes(cli.journal))
        #expect(try cli.ok(["list", "--json"]).contains("Paused import"))
        #expect(!(try cli.ok(["list", "--json"]).contains("Blocked")))
        try cli.expectHealthy()
        FaultTally.shared.record()
    }

    @Test("a command that starts while an import is writing waits its turn and succeeds")
    func importRace() throws {
        let cli = try CLIHarness()
        try cli.seed(4)
        let file = cli.directory.appendingPathComponent("more.json").path
        try #"{"format": "starlog", "version": 1, "stories": [{"title": "Imported meanwhile", "action": "new words"}]}"#.write(toFile: file, atomically: true, encoding: .utf8)
        var waiting: [(Process, URL, URL)] = []
        let imported = try cli.runPaused(["import", file], at: "import-in-transaction") { _ in
            // Each of these reads the schema now, then waits for the writer lock.
            for arguments in [["rm", "2", "--yes"], ["edit", "3", "--title", "Renamed"], ["tag", "1", "earn-trust"], ["add", "--title", "Added meanwhile"]] {
                waiting.append(try cli.start(arguments, environment: ["STARLOG_BUSY_TIMEOUT_MS": "30000"]))
            }
            usleep(400_000)
        }
        #expect(imported.status == 0, "\(imported.stderr)")
        for (process, _, err) in waiting {
            process.waitUntilExit()
            let stderr = (try? String(contentsOf: err, encoding: .utf8)) ?? ""
            #expect(process.terminationStatus == 0, "\(process.arguments ?? []): \(stderr)")
            #expect(!stderr.contains("no such table"))
        }
        let titles = try cli.ok(["list", "--json"])
        for title in ["Imported meanwhile", "Renamed", "Added meanwhile"] { #expect(titles.contains(title)) }
        #expect(!titles.contains("\"Story 2\""))
        try cli.expectHealthy()
        FaultTally.shared.record()
    }

    @Test("read commands work on a read-only journal, folder and mount, and change nothing")
    func readOnly() throws {
        let cli = try CLIHarness()
        try cli.seed(6, marker: "readonly")
        let folder = cli.directory.appendingPathComponent("ro").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try cli.ok(["backup", folder + "/j.db"])
        let journal = folder + "/j.db"
        let before = cli.bytes(journal)
        var modes: [String] = []
        if getuid() == 0 {
            // Root ignores file modes: make the folder a read-only mount instead.
            if shell("mount --bind '\(folder)' '\(folder)' && mount -o remount,ro,bind '\(folder)'") == 0 {
                modes.append("read-only mount")
            } else {
                print("skipped the read-only mount: mount failed")
            }
        } else {
            try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: journal)
            try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: folder)
            modes.append("0400 file in a 0500 folder")
        }
        defer {
            if getuid() == 0 { _ = shell("umount '\(folder)'") }
            try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder)
        }
        for mode in modes {
            for arguments in [["list"], ["show", "2"], ["search", "readonly"], ["export"], ["export", "--format", "csv"],
                              ["check"], ["coverage"], ["principles"], ["questions"], ["practice", "history"], ["lint"]] {
                let result = try cli.run(arguments + ["--db", journal])
                #expect(result.status == 0, "\(mode): \(arguments): \(result.stderr)")
                FaultTally.shared.record()
            }
            #expect(try cli.run(["export", "--db", journal]).stdout.contains("readonly 6"))
            let backup = try cli.run(["backup", cli.directory.appendingPathComponent("copy.db").path, "--db", journal])
            #expect(backup.status == 0, "\(mode): backup: \(backup.stderr)")
            let write = try cli.run(["add", "--title", "x", "--db", journal])
            CLIHarness.expectOneLineError(write, code: 1)
            #expect(cli.bytes(journal) == before, "\(mode): the journal changed")
            #expect(cli.files(in: folder) == ["j.db"], "\(mode): \(cli.files(in: folder))")
        }
    }

    @Test("reading never creates a journal; a dry run creates nothing; a dangling link is named")
    func readsNeverCreate() throws {
        let cli = try CLIHarness()
        for arguments in [["list"], ["show", "1"], ["search", "x"], ["export"], ["check"], ["coverage"], ["principles"],
                          ["questions"], ["practice", "history"], ["practice", "due"], ["interview", "list"], ["lint"], ["backup", "b.db"]] {
            let result = try cli.run(arguments)
            CLIHarness.expectOneLineError(result, code: 1, containing: "no journal at \(cli.journal)")
            #expect(result.stderr.contains("starlog init"), "\(arguments): \(result.stderr)")
            #expect(cli.files().isEmpty, "\(arguments) made \(cli.files())")
            FaultTally.shared.record(leftovers: cli.files().count)
        }
        // Commands that change a record that must already exist have nothing
        // to change in a new journal, so they do not create one either.
        for arguments in [["rm", "1", "--yes"], ["edit", "1", "--title", "x"], ["tag", "1", "dive-deep"],
                          ["untag", "1", "dive-deep"], ["questions", "rm", "1"], ["interview", "rm", "1"]] {
            let result = try cli.run(arguments)
            CLIHarness.expectOneLineError(result, code: 1, containing: "no journal at \(cli.journal)")
            #expect(cli.files().isEmpty, "\(arguments) made \(cli.files())")
        }
        let file = cli.directory.appendingPathComponent("s.json").path
        try #"{"format": "starlog", "version": 1, "stories": [{"title": "T"}]}"#.write(toFile: file, atomically: true, encoding: .utf8)
        let dry = try cli.run(["import", "--dry-run", file])
        #expect(dry.status == 0 && dry.stdout.contains("Would add 1 story"), "\(dry)")
        #expect(cli.files() == ["s.json"])
        let link = cli.directory.appendingPathComponent("link.db").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: cli.directory.appendingPathComponent("gone/j.db").path)
        for arguments in [["list"], ["add", "--title", "T"], ["init"]] {
            let result = try cli.run(arguments + ["--db", link])
            CLIHarness.expectOneLineError(result, code: 1, containing: "symbolic link")
            #expect(!result.stderr.contains("permission denied"))
        }
        #expect(cli.files() == ["s.json", "link.db"])
    }

    @Test("STARLOG_BUSY_TIMEOUT_MS that is not a number of milliseconds is a usage error naming it",
          arguments: ["abc", "99999999999", "-5", "1.5", ""])
    func badBusyTimeout(_ value: String) throws {
        let cli = try CLIHarness()
        try cli.ok(["init"])
        let result = try cli.run(["list"], environment: ["STARLOG_BUSY_TIMEOUT_MS": value.isEmpty ? " " : value])
        CLIHarness.expectOneLineError(result, code: 64, containing: "STARLOG_BUSY_TIMEOUT_MS")
    }
}

/// Runs `starlog ARGS`, killing it when it is not done after `seconds`
/// (a hang, reported as status -1).
func runWithDeadline(_ cli: CLIHarness, _ arguments: [String], environment: [String: String], seconds: Double) throws -> CLIResult {
    let (process, out, err) = try cli.start(arguments, environment: environment)
    let deadline = Date().addingTimeInterval(seconds)
    while process.isRunning && Date() < deadline { usleep(10_000) }
    let hung = process.isRunning
    if hung { process.terminate() }
    process.waitUntilExit()
    defer {
        try? FileManager.default.removeItem(at: out)
        try? FileManager.default.removeItem(at: err)
    }
    return CLIResult(status: hung ? -1 : process.terminationStatus,
                     stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                     stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
}
