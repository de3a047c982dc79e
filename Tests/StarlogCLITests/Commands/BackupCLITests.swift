import Foundation
import Testing

/// `starlog backup DEST`.
@Suite struct BackupCLITests {
    @Test func backupIsPrivateOpensAsAJournalAndIsNotOverwrittenWithoutForce() throws {
        let cli = try CLIHarness()
        try cli.ok(["add", "--title", "Worth keeping", "--principle", "earn trust"])
        let destination = cli.directory.appendingPathComponent("backup.db").path
        let output = try cli.ok(["backup", destination])
        #expect(output.hasPrefix("Backed up 1 story to \(destination)"))
        let mode = (try FileManager.default.attributesOfItem(atPath: destination)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)
        #expect(!FileManager.default.fileExists(atPath: destination + "-wal"))
        let listed = try cli.run(["list", "--json", "--db", destination])
        #expect(listed.stdout.contains("Worth keeping"))

        try cli.ok(["add", "--title", "Second"])
        let before = try #require(cli.bytes(destination))
        let refused = try cli.run(["backup", destination])
        CLIHarness.expectOneLineError(refused, code: 1, containing: "--force")
        #expect(cli.bytes(destination) == before)
        let forced = try cli.ok(["backup", "--force", destination])
        #expect(forced.hasPrefix("Backed up 2 stories"))
    }

    @Test func backupIntoAFolderNamesTheFile() throws {
        let cli = try CLIHarness()
        try cli.ok(["init"])
        let folder = cli.directory.appendingPathComponent("backups").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let output = try cli.ok(["backup", folder])
        #expect(output.contains(folder + "/starlog-"))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(files.count == 1)
        #expect(files.first?.hasSuffix(".db") == true)
    }

    @Test func backupOfAMissingJournalFails() throws {
        let cli = try CLIHarness()
        let result = try cli.run(["backup", cli.directory.appendingPathComponent("b.db").path])
        CLIHarness.expectOneLineError(result, code: 1, containing: "starlog init")
        #expect(!FileManager.default.fileExists(atPath: cli.journal))
    }

    @Test func backupWhileAnotherProcessWritesIsConsistent() throws {
        let cli = try CLIHarness()
        try cli.ok(["add", "--title", "Seed story"])
        // Another process adds stories as fast as it can while backups run.
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", "i=0; while [ $i -lt 60 ]; do \"$0\" add --title \"story $i\" --situation \"$(head -c 3000 /dev/zero | tr '\\0' x)\" >/dev/null || exit 1; i=$((i+1)); done", CLIHarness.binary.path]
        writer.environment = ["STARLOG_DB": cli.journal, "STARLOG_BUSY_TIMEOUT_MS": "10000", "PATH": "/usr/bin:/bin", "HOME": cli.directory.path]
        try writer.run()
        var counts: [Int] = []
        var index = 0
        while writer.isRunning || index < 2 {
            let destination = cli.directory.appendingPathComponent("backup-\(index).db").path
            let result = try cli.run(["backup", destination], environment: ["STARLOG_BUSY_TIMEOUT_MS": "10000"])
            #expect(result.status == 0, "backup \(index): \(result.stderr)")
            #expect(try sqlite(destination, "PRAGMA integrity_check") == "ok")
            let stories = Int(try sqlite(destination, "SELECT count(*) FROM story")) ?? -1
            let indexed = Int(try sqlite(destination, "SELECT count(*) FROM story_fts")) ?? -2
            #expect(stories == indexed)
            counts.append(stories)
            index += 1
        }
        writer.waitUntilExit()
        #expect(writer.terminationStatus == 0)
        #expect(counts.count >= 2)
        #expect(counts == counts.sorted(), "each backup is a snapshot no older than the last: \(counts)")
        #expect(counts.allSatisfy { (1...61).contains($0) })
    }
}
