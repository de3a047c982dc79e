import Foundation
import Testing

/// Starts `starlog` without waiting for it.
func launch(_ cli: CLIHarness, _ arguments: [String], environment: [String: String] = [:]) throws -> Process {
    let process = Process()
    process.executableURL = CLIHarness.binary
    process.arguments = arguments
    var env = ["PATH": "/usr/bin:/bin", "HOME": cli.directory.path, "STARLOG_DB": cli.journal, "STARLOG_BUSY_TIMEOUT_MS": "20000"]
    for (key, value) in environment { env[key] = value }
    process.environment = env
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
}

/// Bytes of the journal and its WAL, to look for text that should be gone.
func rawBytes(_ path: String) -> Data {
    var data = FileManager.default.contents(atPath: path) ?? Data()
    data.append(FileManager.default.contents(atPath: path + "-wal") ?? Data())
    return data
}

@Suite("Reliability, end to end", .serialized)
struct ReliabilityTests {
    @Test("writers in parallel processes lose nothing and fail nothing")
    func concurrentWriters() throws {
        let cli = try CLIHarness()
        try cli.ok(["init"])
        let writers = 4, operations = 15
        // Each writer is a shell loop: add a story, edit it, tag it.
        let script = """
            set -e
            for i in $(seq 1 \(operations)); do
              id=$("$0" add --title "writer $1 story $i" --action "parallel writer $1")
              "$0" edit "$id" --result "edited by $1" >/dev/null
              "$0" tag "$id" earn-trust ownership >/dev/null
            done
            """
        var processes: [Process] = []
        for writer in 1...writers {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", script, CLIHarness.binary.path, String(writer)]
            process.environment = ["PATH": "/usr/bin:/bin", "STARLOG_DB": cli.journal, "STARLOG_BUSY_TIMEOUT_MS": "20000"]
            try process.run()
            processes.append(process)
        }
        for process in processes {
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "a writer failed")
        }
        let list = try #require(try JSONSerialization.jsonObject(with: Data(try cli.ok(["list", "--json"]).utf8)) as? [[String: Any]])
        #expect(list.count == writers * operations, "\(writers) writers x \(operations) stories")
        #expect(list.allSatisfy { ($0["result"] as? String)?.hasPrefix("edited by") == true })
        #expect(list.allSatisfy { ($0["principles"] as? [String]) == ["ownership", "earn-trust"] })
        #expect(try cli.run(["check"]).status == 0)
    }

    @Test("a process killed at random moments never leaves a damaged or half-written journal")
    func killedAtRandom() throws {
        let cli = try CLIHarness()
        try cli.ok(["init"])
        let big = String(repeating: "a long action with many words to index ", count: 3_000)
        var generator = SystemRandomNumberGenerator()
        var survived = 0
        for round in 0..<25 {
            let before = try #require(try JSONSerialization.jsonObject(with: Data(try cli.ok(["list", "--json"]).utf8)) as? [[String: Any]]).count
            let process = try launch(cli, ["add", "--title", "round \(round)", "--action", big, "--principle", "11"])
            usleep(UInt32.random(in: 2_000...60_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let check = try cli.run(["check"])
            #expect(check.status == 0, "round \(round): \(check.stdout) \(check.stderr)")
            let stories = try #require(try JSONSerialization.jsonObject(with: Data(try cli.ok(["list", "--json"]).utf8)) as? [[String: Any]])
            #expect(stories.count == before || stories.count == before + 1)
            if stories.count == before + 1 {
                // All of the story or none of it: text and tag together.
                #expect(stories[0]["action"] as? String == big)
                #expect(stories[0]["principles"] as? [String] == ["earn-trust"])
            }
            survived += 1
        }
        #expect(survived == 25)
    }

    @Test("an import of thousands of stories killed at random moments adds all of them or none")
    func importKilledAtRandom() throws {
        let cli = try CLIHarness()
        let source = cli.directory.appendingPathComponent("source.db").path
        try cli.ok(["init", "--db", source])
        try sqlite(source, """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)
            INSERT INTO story (title, situation, action, result, created_at, updated_at)
            SELECT 'Imported ' || i, 'situation words ' || i, 'I acted ' || i, 'result ' || i,
                   '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z' FROM n;
            INSERT INTO story_principle SELECT id, 11 FROM story;
            """)
        let dump = cli.directory.appendingPathComponent("dump.json").path
        try cli.ok(["export", "--db", source, "--format", "json", "--output", dump])
        // Each round imports into a journal of its own that holds one story.
        func journal(_ name: String) throws -> String {
            let path = cli.directory.appendingPathComponent(name).path
            try cli.ok(["add", "--db", path, "--title", "Mine before the import"])
            return path
        }
        func stories(_ path: String, _ round: String) throws -> Int? {
            let check = try cli.run(["check", "--json", "--db", path])
            #expect(check.status == 0, "\(round): \(check.stdout) \(check.stderr)")
            let count = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])["stories"] as? Int
            #expect(count == 1 || count == 10_001, "\(round): \(count ?? -1) stories")
            return count
        }
        // How long a whole import takes on this machine now, so that the
        // kills below land inside it however fast or loaded the machine is.
        let timed = try journal("timed.db")
        let started = Date()
        try cli.ok(["import", dump, "--db", timed])
        let whole = Date().timeIntervalSince(started)
        #expect(try stories(timed, "uninterrupted") == 10_001)

        // One kill at a known moment: inside the transaction, after the
        // import has lifted its triggers.
        let paused = try journal("paused.db")
        let triggers = "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' ORDER BY name)"
        let triggersBefore = try sqlite(paused, triggers)
        let flag = cli.directory.appendingPathComponent("pause-flag").path
        let held = try launch(cli, ["import", dump, "--db", paused], environment: ["STARLOG_TEST_PAUSE": "import-in-transaction:\(flag)"])
        var waited = 0
        while !FileManager.default.fileExists(atPath: flag) && waited < 3_000 { usleep(10_000); waited += 1 }
        #expect(FileManager.default.fileExists(atPath: flag), "the import must reach its transaction")
        kill(held.processIdentifier, SIGKILL)
        held.waitUntilExit()
        #expect(held.terminationReason == .uncaughtSignal)
        #expect(try stories(paused, "paused") == 1)
        // The triggers it lifted come back with the rollback.
        #expect(try sqlite(paused, triggers) == triggersBefore)
        #expect(triggersBefore.contains("story_fts_after_insert"))

        // Then kills at random moments within the first 60% of a whole import.
        var generator = SystemRandomNumberGenerator()
        var kills = 0
        for round in 0..<6 {
            let path = try journal("round-\(round).db")
            let process = try launch(cli, ["import", dump, "--db", path])
            usleep(UInt32(whole * 1_000_000 * Double.random(in: 0.02...0.6, using: &generator)))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { kills += 1 }
            _ = try stories(path, "round \(round)")
        }
        print("import kills: \(kills) of 6 rounds killed part way; a whole import took \(whole) s")
        #expect(kills > 0, "at least one import must have been killed part way")
    }

    @Test("a migration killed at random moments leaves the old schema or the new one, never a mix")
    func migrationKilledAtRandom() throws {
        let cli = try CLIHarness()
        for index in 0..<120 {
            try cli.ok(["add", "--title", "Story \(index)", "--action", String(repeating: "words to index \(index) ", count: 40)])
        }
        // Turn the journal back into schema 1, as an older starlog left it:
        // undo what migrations 11 down to 2 added.
        let template = cli.directory.appendingPathComponent("v1.db").path
        try FileManager.default.copyItem(atPath: cli.journal, toPath: template)
        try sqlite(template, """
            DROP TRIGGER story_principle_totals_after_insert; DROP TRIGGER story_principle_totals_after_delete;
            DROP TRIGGER story_principle_totals_after_update; DROP TRIGGER story_totals_after_update;
            DROP TRIGGER practice_attempt_totals_after_insert; DROP TRIGGER practice_attempt_totals_after_delete;
            DROP TRIGGER practice_attempt_totals_after_update;
            DROP TABLE story_principle_fit; DROP VIEW story_fit_facts;
            ALTER TABLE principle DROP COLUMN story_count; ALTER TABLE principle DROP COLUMN attempt_count;
            ALTER TABLE principle DROP COLUMN rating_sum; ALTER TABLE principle DROP COLUMN last_practiced;
            ALTER TABLE principle DROP COLUMN last_good;
            DROP TABLE interview_debrief; DROP TABLE framework; DROP INDEX principle_by_framework;
            DROP TRIGGER principle_framework_after_insert; DROP TRIGGER principle_framework_after_update;
            DELETE FROM principle WHERE framework = 'common';
            DROP TABLE review_state; DROP TABLE interview_principle; DROP TABLE interview;
            DROP TABLE practice_attempt; DROP TABLE practice_session; DROP TABLE question;
            DROP INDEX story_created_by_id; DROP INDEX story_lint_unchecked; DROP INDEX story_card; DROP INDEX story_without_result;
            ALTER TABLE story DROP COLUMN lint_penalty; ALTER TABLE story DROP COLUMN lint_checked;
            PRAGMA user_version = 1;
            """)
        var generator = SystemRandomNumberGenerator()
        var outcomes: [Int: Int] = [:]
        for round in 0..<12 {
            let path = cli.directory.appendingPathComponent("m\(round).db").path
            try FileManager.default.copyItem(atPath: template, toPath: path)
            let process = try launch(cli, ["list", "--db", path])
            usleep(UInt32.random(in: 5_000...120_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let version = try sqlite(path, "PRAGMA user_version")
            let tables = try sqlite(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'question'")
            #expect((version == "1" && tables == "0") || (version != "1" && tables == "1"), "round \(round): version \(version), question table \(tables)")
            outcomes[version == "1" ? 1 : 0, default: 0] += 1
            // Either way the next run finishes the upgrade and the journal is whole.
            #expect(try cli.run(["check", "--db", path]).status == 0)
            #expect(try sqlite(path, "SELECT count(*) FROM story") == "120")
        }
        print("migration kills: \(outcomes[1] ?? 0) left at schema 1, \(outcomes[0] ?? 0) fully upgraded")
        #expect(outcomes.values.reduce(0, +) == 12)
    }

    @Test("a journal killed while being created is either absent or whole")
    func killedDuringCreation() throws {
        let cli = try CLIHarness()
        for round in 0..<15 {
            let path = cli.directory.appendingPathComponent("new-\(round).db").path
            let process = try launch(cli, ["init", "--db", path])
            usleep(UInt32(round) * 1_500)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if FileManager.default.fileExists(atPath: path) {
                #expect(try cli.run(["check", "--db", path]).status == 0)
            } else {
                #expect(try cli.run(["init", "--db", path]).status == 0)
            }
        }
    }

    @Test("leftovers of a creation that was killed are cleared by the next one, and only those")
    func abandonedCreationsAreCleared() throws {
        let cli = try CLIHarness()
        let folder = cli.directory.appendingPathComponent("nest").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // A process id nobody is using now, and one that is running (this test).
        var gone: Int32 = 999_999
        while kill(gone, 0) == 0 || errno != ESRCH { gone -= 1 }
        let alive = getpid()
        let leftovers = ["j.db.new-\(gone)", "j.db.new-\(gone)-wal", "j.db.new-\(gone)-shm"]
        let kept = ["j.db.new-\(alive)", "other.db.new-\(gone)", "j.db.new-notapid", "j.db.backup"]
        for name in leftovers + kept {
            #expect(FileManager.default.createFile(atPath: folder + "/" + name, contents: Data("half".utf8)))
        }
        _ = try cli.ok(["init", "--db", folder + "/j.db"])
        let present = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
        #expect(present.isDisjoint(with: leftovers), "\(present)")
        #expect(Set(kept).isSubset(of: present), "\(present)")
        #expect(present.contains("j.db"))
        #expect(try cli.run(["check", "--db", folder + "/j.db"]).status == 0)
    }

    @Test("after rm and edit the old words are nowhere in the journal file or its WAL")
    func deletedMeansGone() throws {
        let cli = try CLIHarness()
        try cli.ok(["add", "--title", "Keeper", "--action", "ordinary words"])
        for index in 0..<30 {
            try cli.ok(["add", "--title", "Filler \(index)", "--action", "filler text number \(index) about deployments"])
        }
        try cli.ok(["add", "--title", "Secret zqxwvplonk", "--action", "the codeword is zqxwvplonk", "--principle", "11"])
        try cli.ok(["add", "--title", "Edited", "--result", "old result mentions vbnmqwertz"])
        #expect(rawBytes(cli.journal).range(of: Data("zqxwvplonk".utf8)) != nil, "the word is there before")
        try cli.ok(["rm", "32", "--yes"])
        try cli.ok(["edit", "33", "--result", "new result"])
        let bytes = rawBytes(cli.journal)
        #expect(bytes.range(of: Data("zqxwvplonk".utf8)) == nil, "a deleted story's word must not survive")
        #expect(bytes.range(of: Data("vbnmqwertz".utf8)) == nil, "replaced text must not survive")
        #expect(bytes.range(of: Data("Keeper".utf8)) != nil)
        #expect(try cli.ok(["search", "deployments", "--json"]).contains("Filler 29"))
        #expect(try cli.run(["check"]).status == 0)
    }
}
