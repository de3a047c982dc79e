import Foundation
import Testing

/// Counts over every fault case the suites below try, printed at the end of
/// each so a run shows how many cases ran, how many files were left behind
/// and how many bytes of a journal were lost (both must be zero).
final class FaultTally: @unchecked Sendable {
    static let shared = FaultTally()
    private let lock = NSLock()
    private(set) var cases = 0
    private(set) var leftovers = 0
    private(set) var bytesLost = 0

    func record(leftovers: Int = 0, bytesLost: Int = 0) {
        lock.lock()
        cases += 1
        self.leftovers += leftovers
        self.bytesLost += bytesLost
        lock.unlock()
    }

    func report(_ suite: String) {
        lock.lock()
        print("fault tally after \(suite): \(cases) cases, \(leftovers) files left behind, \(bytesLost) bytes lost")
        lock.unlock()
    }
}

extension CLIHarness {
    /// The names in the test folder (or `folder`), without the ones listed.
    func files(in folder: String? = nil, except: Set<String> = []) -> Set<String> {
        let path = folder ?? directory.path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return Set(names).subtracting(except)
    }

    /// Checks the journal with SQLite's integrity_check and with `starlog check`.
    func expectHealthy(_ journal: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let path = journal ?? self.journal
        #expect(try sqlite(path, "PRAGMA integrity_check;") == "ok", sourceLocation: sourceLocation)
        let check = try run(["check", "--db", path])
        #expect(check.status == 0, "starlog check: \(check.stdout) \(check.stderr)", sourceLocation: sourceLocation)
    }

    /// Runs one fault case: the journal's bytes must be as they were, and
    /// the folder must hold exactly `expected` afterwards.
    func expectUnchanged(_ before: Data?, folder: String? = nil, expected: Set<String>, journal: String? = nil,
                         sourceLocation: SourceLocation = #_sourceLocation) {
        let path = journal ?? self.journal
        let after = bytes(path)
        var lost = 0
        if after != before {
            lost = max(1, abs((before?.count ?? 0) - (after?.count ?? 0)))
            Issue.record("the journal changed", sourceLocation: sourceLocation)
        }
        // SQLite's own companions of the journal (the WAL and its index)
        // come and go with connections; they are not left-over copies.
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let found = files(in: folder).subtracting([name + "-wal", name + "-shm"])
        let extra = found.subtracting(expected)
        #expect(extra.isEmpty, "left behind: \(extra.sorted())", sourceLocation: sourceLocation)
        FaultTally.shared.record(leftovers: extra.count, bytesLost: lost)
    }

    /// Starts `starlog ARGS` without waiting; stdout and stderr go to files.
    func start(_ arguments: [String], environment: [String: String] = [:], stdin: FileHandle? = nil) throws -> (Process, URL, URL) {
        let process = Process()
        (process.executableURL, process.arguments) = withDefaultSignals(arguments)
        process.environment = childEnvironment(environment)
        process.currentDirectoryURL = directory
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("starlog-out-\(UUID().uuidString)")
        let err = FileManager.default.temporaryDirectory.appendingPathComponent("starlog-err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = stdin ?? FileHandle.nullDevice
        try process.run()
        return (process, out, err)
    }

    /// Runs `starlog ARGS` paused at the test pause point `point`; calls
    /// `whilePaused` once it is there, then lets it go on (unless it was
    /// killed meanwhile) and returns its result.
    func runPaused(_ arguments: [String], at point: String, environment: [String: String] = [:],
                   whilePaused: (Process) throws -> Void) throws -> CLIResult {
        let flag = FileManager.default.temporaryDirectory.appendingPathComponent("starlog-pause-\(UUID().uuidString)").path
        var env = environment
        env["STARLOG_TEST_PAUSE"] = "\(point):\(flag)"
        let (process, out, err) = try start(arguments, environment: env)
        var waited = 0
        while !FileManager.default.fileExists(atPath: flag) && process.isRunning && waited < 2_000 {
            usleep(5_000)
            waited += 1
        }
        #expect(FileManager.default.fileExists(atPath: flag), "starlog never reached \(point)")
        try whilePaused(process)
        try? FileManager.default.removeItem(atPath: flag)
        process.waitUntilExit()
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        return CLIResult(
            status: process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus,
            stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    /// Runs `sh -c command` on this journal, with `$0` the built starlog
    /// and `$@` the `arguments`; its exit status and standard error.
    func runThroughShell(_ command: String, _ arguments: [String] = []) throws -> CLIResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command, CLIHarness.binary.path] + arguments
        process.environment = ["PATH": "/usr/bin:/bin", "STARLOG_DB": journal, "HOME": directory.path]
        let err = Pipe()
        process.standardError = err
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return CLIResult(status: process.terminationStatus, stdout: "", stderr: stderr)
    }

    /// A fault case's starting point: a new journal seeded with `count`
    /// stories (see `seed`), its bytes, and the names in its folder.
    static func seededForFault(_ count: Int, marker: String = "seeded") throws -> (cli: CLIHarness, before: Data?, expected: Set<String>) {
        let cli = try CLIHarness()
        try cli.seed(count, marker: marker)
        return (cli, cli.bytes(cli.journal), cli.files())
    }

    /// A journal with `count` stories, each holding `marker` in its action,
    /// made by one import.
    func seed(_ count: Int, marker: String = "seeded") throws {
        var stories: [[String: Any]] = []
        for index in 1...count {
            stories.append(["title": "Story \(index)", "situation": "Situation \(index) " + String(repeating: "words ", count: 40),
                            "action": "\(marker) \(index)", "principles": ["ownership"]])
        }
        let file = directory.appendingPathComponent("seed.json")
        // "format" must come first: written by hand around the story list.
        let list = String(decoding: try JSONSerialization.data(withJSONObject: stories), as: UTF8.self)
        try ("{\"format\": \"starlog\", \"version\": 1, \"stories\": " + list + "}").write(to: file, atomically: true, encoding: .utf8)
        try ok(["import", file.path])
        try FileManager.default.removeItem(at: file)
    }
}

/// Runs `starlog ARGS` under the default action of SIGINT, SIGTERM and
/// SIGHUP: the test runner may start children with them ignored, and a
/// process that starts with a signal ignored rightly keeps ignoring it.
func withDefaultSignals(_ arguments: [String]) -> (URL, [String]) {
    (URL(fileURLWithPath: "/usr/bin/env"), ["--default-signal=HUP,INT,TERM", CLIHarness.binary.path] + arguments)
}

/// A small tmpfs mounted for one test: a real full disk. Only root can
/// mount; elsewhere `make` returns nil and the test says why it skipped.
final class SmallDisk {
    let path: String

    private init(path: String) {
        self.path = path
    }

    static func make(kilobytes: Int) -> SmallDisk? {
        guard getuid() == 0 else {
            print("skipped: a real full disk needs a tmpfs, which only root can mount")
            return nil
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("starlog-disk-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        guard shell("mount -t tmpfs -o size=\(kilobytes)k,mode=0755 tmpfs '\(path)'") == 0 else {
            print("skipped: mounting a tmpfs failed (no mount permission in this container)")
            return nil
        }
        return SmallDisk(path: path)
    }

    /// Fills the disk until `free` bytes (rounded to 4 KB pages) are left.
    func fill(leaving free: Int = 0) {
        _ = shell("dd if=/dev/zero of='\(path)/filler' bs=4096 2>/dev/null; true")
        if free > 0 {
            _ = shell("truncate -s -\(free) '\(path)/filler'")
        }
    }

    /// Makes the mount read-only (or writable again).
    func remount(readOnly: Bool) -> Bool {
        shell("mount -o remount,\(readOnly ? "ro" : "rw") '\(path)'") == 0
    }

    deinit {
        _ = shell("umount '\(path)'")
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Runs a shell command and returns its exit status.
@discardableResult
func shell(_ command: String) -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    try? process.run()
    process.waitUntilExit()
    return process.terminationStatus
}

/// An `sqlite3` shell that keeps a transaction open (`BEGIN; SELECT …` for a
/// reader, `BEGIN IMMEDIATE` for a writer) until `close` or `kill`.
final class SQLiteHolder: @unchecked Sendable {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()

    init(_ path: String, _ sql: String, readOnly: Bool = false) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = (readOnly ? ["-readonly"] : []) + [path]
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data((sql + "\nSELECT 'holding';\n").utf8))
        // Wait until the shell has answered: the transaction is open.
        _ = output.fileHandleForReading.availableData
    }

    /// Ends the transaction the normal way: the shell commits nothing and exits.
    func close() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    /// Ends the shell at once, as a crash would: it closes nothing.
    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
