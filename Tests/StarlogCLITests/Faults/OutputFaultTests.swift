import Foundation
import Testing

/// Files a command writes (export --output, backup, the editor's file, a
/// new journal) and stdout: whole or not at all, never over the journal,
/// nothing left behind, every write error reported.
@Suite("Output files and stdout under faults, end to end", .serialized)
struct OutputFaultTests {
    @Test("export and backup never write over the journal or its -wal and -shm")
    func neverOverTheJournal() throws {
        let (cli, before, expected) = try CLIHarness.seededForFault(3)
        let link = cli.directory.appendingPathComponent("alias.db").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: cli.journal)
        let hard = cli.directory.appendingPathComponent("hard.db").path
        try FileManager.default.linkItem(atPath: cli.journal, toPath: hard)
        for target in [cli.journal, cli.journal + "-wal", cli.journal + "-shm", "journal.db", "./journal.db", link, hard] {
            for format in ["json", "csv", "markdown"] {
                let result = try cli.run(["export", "--format", format, "--output", target, "--force", "--db", cli.journal])
                CLIHarness.expectOneLineError(result, code: 64, containing: "journal itself")
                cli.expectUnchanged(before, expected: expected.union(["alias.db", "hard.db"]))
            }
            let backup = try cli.run(["backup", target, "--force", "--db", cli.journal])
            CLIHarness.expectOneLineError(backup, code: 64, containing: "journal itself")
            cli.expectUnchanged(before, expected: expected.union(["alias.db", "hard.db"]))
        }
        try cli.expectHealthy()
        FaultTally.shared.report("neverOverTheJournal")
    }

    @Test("export --output refuses an existing file without --force, and writes a private file with it")
    func exportNeedsForce() throws {
        let cli = try CLIHarness()
        try cli.seed(2)
        let notes = cli.directory.appendingPathComponent("notes.txt").path
        try "precious\n".write(toFile: notes, atomically: true, encoding: .utf8)
        let refused = try cli.run(["export", "--output", notes])
        CLIHarness.expectOneLineError(refused, code: 1, containing: "--force")
        #expect(try String(contentsOfFile: notes, encoding: .utf8) == "precious\n")
        FaultTally.shared.record()
        let forced = try cli.run(["export", "--output", notes, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOfFile: notes, encoding: .utf8).contains("\"format\": \"starlog\""))
        let mode = try FileManager.default.attributesOfItem(atPath: notes)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(cli.files().filter { $0.contains(".starlog-") }.isEmpty)
    }

    @Test("stdout on a full device is exit 74 with one line; the journal is untouched",
          arguments: [["export"], ["export", "--format", "csv"], ["export", "--format", "markdown"],
                      ["list"], ["list", "--json"], ["show", "1"], ["search", "seeded"], ["principles"]])
    func fullStandardOutput(_ arguments: [String]) throws {
        let (cli, before, expected) = try CLIHarness.seededForFault(40)
        let result = try cli.runThroughShell("\"$0\" \"$@\" > /dev/full", arguments)
        CLIHarness.expectOneLineError(result, code: 74, containing: "no space left")
        cli.expectUnchanged(before, expected: expected)
    }

    @Test("a reader that closes the pipe ends the command quietly")
    func closedPipe() throws {
        let cli = try CLIHarness()
        try cli.seed(2000)
        for command in ["export", "export --format csv", "list"] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            // bash sets SIGPIPE to its default in the child: try both that and an ignored SIGPIPE.
            for prefix in ["", "trap '' PIPE; "] {
                process.arguments = ["-c", "\(prefix)\"$0\" \(command) 2>\"$1\" | head -c 100 >/dev/null", CLIHarness.binary.path, cli.directory.appendingPathComponent("err").path]
                process.environment = ["PATH": "/usr/bin:/bin", "STARLOG_DB": cli.journal, "HOME": cli.directory.path]
                let run = Process()
                run.executableURL = process.executableURL
                run.arguments = process.arguments
                run.environment = process.environment
                try run.run()
                run.waitUntilExit()
                let stderr = try String(contentsOfFile: cli.directory.appendingPathComponent("err").path, encoding: .utf8)
                #expect(stderr.isEmpty, "\(prefix)\(command): \(stderr)")
                FaultTally.shared.record()
            }
        }
    }

    @Test("SIGINT, SIGTERM or SIGHUP just before the rename leaves neither the file nor a temporary copy",
          arguments: [SIGINT, SIGTERM, SIGHUP])
    func signalBeforeRename(_ signal: Int32) throws {
        let (cli, before, expected) = try CLIHarness.seededForFault(5, marker: "signalled")
        for arguments in [["export", "--output", "ex.json"], ["export", "--format", "csv", "--output", "ex.csv"], ["backup", "bk.db"]] {
            let point = arguments[0] == "backup" ? "backup-copied" : "output-before-rename"
            let result = try cli.runPaused(arguments, at: point) { process in
                // The temporary file exists at this moment.
                #expect(cli.files().contains { $0.contains(".starlog-") }, "no temporary file to clean up")
                kill(process.processIdentifier, signal)
            }
            #expect(result.status == 128 + signal, "\(arguments): \(result.status) \(result.stderr)")
            cli.expectUnchanged(before, expected: expected)
        }
        try cli.expectHealthy()
        FaultTally.shared.report("signal \(signal)")
    }

    @Test("a full disk: export --output, backup and init write whole files or fail with 74 and leave nothing; reading still works")
    func fullDisk() throws {
        guard let disk = SmallDisk.make(kilobytes: 1024) else { return }
        let cli = try CLIHarness()
        try cli.seed(30, marker: "fulldisk")
        let before = cli.bytes(cli.journal)
        // Writing onto a full or nearly full disk, from a journal elsewhere:
        // either the whole file (when it fits) or exit 74 and nothing at all.
        let complete = try ["json", "csv", "markdown"].map { format in
            (format, try cli.run(["export", "--format", format]).stdout)
        }
        for free in [0, 4096, 12288, 65536] {
            disk.fill(leaving: free)
            for (format, whole) in complete {
                let target = disk.path + "/ex." + format
                let result = try cli.run(["export", "--format", format, "--output", target])
                if result.status == 0 {
                    // The same export, but for the moment it was made.
                    func stable(_ text: String) -> [Substring] { text.split(separator: "\n").filter { !$0.contains("\"exported_at\"") } }
                    #expect(stable(try String(contentsOfFile: target, encoding: .utf8)) == stable(whole), "a complete \(format) file")
                    cli.expectUnchanged(before, folder: disk.path, expected: ["filler", "ex." + format])
                    try FileManager.default.removeItem(atPath: target)
                } else {
                    CLIHarness.expectOneLineError(result, code: 74, containing: "nothing was written")
                    cli.expectUnchanged(before, folder: disk.path, expected: ["filler"])
                }
            }
            let backup = try cli.run(["backup", disk.path + "/bk.db"])
            CLIHarness.expectOneLineError(backup, code: 74, containing: "nothing was written")
            cli.expectUnchanged(before, folder: disk.path, expected: ["filler"])
            try FileManager.default.removeItem(atPath: disk.path + "/filler")
        }
        // A new journal on a nearly full disk: never a half-made journal in place.
        for free in [0, 8192, 65536, 131072, 196608, 262144] {
            disk.fill(leaving: free)
            let result = try cli.run(["init", "--db", disk.path + "/new.db"])
            let left = cli.files(in: disk.path)
            if result.status != 0 {
                CLIHarness.expectOneLineError(result, code: 74)
            }
            if left.contains("new.db") {
                // Moved into place only once complete: it must be a whole journal.
                try cli.expectHealthy(disk.path + "/new.db")
            }
            cli.expectUnchanged(before, folder: disk.path, expected: ["filler", "new.db", "new.db-shm", "new.db-wal"])
            for name in ["new.db", "new.db-wal", "new.db-shm", "filler"] {
                try? FileManager.default.removeItem(atPath: disk.path + "/" + name)
            }
        }
        // A journal on a disk that is 100% full can still be read and exported.
        try FileManager.default.copyItem(atPath: cli.journal, toPath: disk.path + "/j.db")
        disk.fill()
        let onDisk = disk.path + "/j.db"
        let copy = cli.bytes(onDisk)
        #expect(try cli.run(["list", "--db", onDisk]).status == 0)
        let exported = try cli.run(["export", "--db", onDisk])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stdout.contains("fulldisk 30"))
        #expect(try cli.run(["search", "fulldisk", "--db", onDisk]).stdout.contains("Story"))
        #expect(try cli.run(["check", "--db", onDisk]).status == 0)
        cli.expectUnchanged(copy, folder: disk.path, expected: ["filler", "j.db", "j.db-wal", "j.db-shm"], journal: onDisk)
        FaultTally.shared.report("fullDisk")
    }

    @Test("backup into a folder twice in the same second makes two files")
    func backupTwiceIntoAFolder() throws {
        let cli = try CLIHarness()
        try cli.seed(1)
        let folder = cli.directory.appendingPathComponent("bk").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // The names the next two minutes would give are taken already, as
        // by a backup made a moment ago (two minutes, not a few seconds: a
        // loaded machine running the sanitizers can take more than ten
        // seconds to start the process).
        let formatter = DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        for second in 0..<120 {
            let name = "starlog-\(formatter.string(from: Date().addingTimeInterval(Double(second)))).db"
            _ = FileManager.default.createFile(atPath: folder + "/" + name, contents: Data("older".utf8))
        }
        let result = try cli.run(["backup", folder + "/"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("-2.db"), "\(result.stdout)")
        #expect(cli.files(in: folder).count == 121)
    }
}

/// The editor's private file and what happens to the user's text.
@Suite("The editor under faults, end to end", .serialized)
struct EditorFaultTests {
    func script(_ cli: CLIHarness, _ name: String, _ body: String) throws -> String {
        let path = cli.directory.appendingPathComponent(name).path
        try ("#!/bin/sh\n" + body + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: path)
        return path
    }

    @Test("without an editor and without a terminal, add --editor is an error, not a wait for vi")
    func noEditorNoTerminal() throws {
        let cli = try CLIHarness()
        try cli.ok(["add", "--title", "T"])
        let tmp = cli.directory.appendingPathComponent("tmp").path
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        for command in [["add", "--editor"], ["edit", "1", "--editor"]] {
            let result = try cli.run(command, environment: ["EDITOR": "", "VISUAL": "", "TMPDIR": tmp])
            CLIHarness.expectOneLineError(result, code: 64, containing: "VISUAL or EDITOR")
            #expect(cli.files(in: tmp).isEmpty)
        }
    }

    @Test("VISUAL comes before EDITOR")
    func visualFirst() throws {
        let cli = try CLIHarness()
        let visual = try script(cli, "visual.sh", "printf -- '---\\ntitle: from visual\\noutcome: mixed\\n---\\n' > \"$1\"")
        let editor = try script(cli, "editor.sh", "printf -- '---\\ntitle: from editor\\noutcome: mixed\\n---\\n' > \"$1\"")
        #expect(try cli.run(["add", "--editor"], environment: ["VISUAL": visual, "EDITOR": editor]).status == 0)
        #expect(try cli.ok(["list", "--json"]).contains("from visual"))
    }

    @Test("a hang-up while the editor is open removes the private file and its folder",
          arguments: [SIGHUP, SIGTERM])
    func hangUp(_ signal: Int32) throws {
        let cli = try CLIHarness()
        try cli.ok(["add", "--title", "Secret", "--action", "confidential words"])
        let before = cli.bytes(cli.journal)
        let tmp = cli.directory.appendingPathComponent("tmp").path
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        let pidFile = cli.directory.appendingPathComponent("editor.pid").path
        let flag = cli.directory.appendingPathComponent("editor.open").path
        let editor = try script(cli, "slow.sh", "echo $$ > '\(pidFile)'; : > '\(flag)'; sleep 20")
        let (process, _, _) = try cli.start(["edit", "1", "--editor"], environment: ["EDITOR": editor, "TMPDIR": tmp])
        var waited = 0
        while !FileManager.default.fileExists(atPath: flag) && waited < 2_000 { usleep(5_000); waited += 1 }
        #expect(cli.files(in: tmp).count == 1, "the editor's folder exists while it is open")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        if let pid = Int32((try? String(contentsOfFile: pidFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") {
            kill(pid, SIGKILL)
        }
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == signal)
        #expect(cli.files(in: tmp).isEmpty, "left in TMPDIR: \(cli.files(in: tmp))")
        cli.expectUnchanged(before, expected: cli.files())
    }

    @Test("a failed editor keeps changed text as a private draft and removes its folder")
    func failedEditorKeepsADraft() throws {
        let cli = try CLIHarness()
        try cli.ok(["init"])
        let tmp = cli.directory.appendingPathComponent("tmp").path
        let state = cli.directory.appendingPathComponent("state").path
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        let editor = try script(cli, "fails.sh", "echo '**Situation:** half-written words' >> \"$1\"; exit 3")
        let result = try cli.run(["add", "--editor"], environment: ["EDITOR": editor, "TMPDIR": tmp, "XDG_STATE_HOME": state])
        CLIHarness.expectOneLineError(result, code: 1, containing: "status 3")
        #expect(cli.files(in: tmp).isEmpty)
        let drafts = cli.files(in: state + "/starlog/drafts")
        #expect(drafts.count == 1)
        if let draft = drafts.first {
            let path = state + "/starlog/drafts/" + draft
            #expect(try String(contentsOfFile: path, encoding: .utf8).contains("half-written words"))
            #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
            #expect(result.stderr.contains(path))
        }
        // An editor that fails without changing anything keeps nothing.
        let quits = try cli.run(["add", "--editor"], environment: ["EDITOR": "false", "TMPDIR": tmp, "XDG_STATE_HOME": state])
        CLIHarness.expectOneLineError(quits, code: 1)
        #expect(cli.files(in: state + "/starlog/drafts").count == 1)
        #expect(cli.files(in: tmp).isEmpty)
        FaultTally.shared.record()
    }
}
