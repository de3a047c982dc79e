import Foundation
import Testing

/// What one run of the built `starlog` binary did.
struct CLIResult {
    let status: Int32
    let stdout: String
    let stderr: String

    /// stdout parsed as JSON.
    func json() throws -> Any {
        try JSONSerialization.jsonObject(with: Data(stdout.utf8), options: [.fragmentsAllowed])
    }
}

/// Runs the `starlog` executable built beside the test bundle, as a user
/// would, each test in a fresh temporary folder.
struct CLIHarness {
    /// A fresh folder for this test's journal and files.
    let directory: URL
    /// The journal path passed as STARLOG_DB (tests may also pass --db).
    var journal: String { directory.appendingPathComponent("journal.db").path }

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("starlog-cli-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// The built binary: next to the test bundle in the build folder.
    static let binary: URL = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("starlog")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        // swift test runs the bundle from the build folder; fall back to the package layout.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/starlog")
    }()

    /// LeakSanitizer's list of leaks that are not starlog's, for the
    /// sanitizer runs (ignored elsewhere). swift-argument-parser 1.8.2 loses
    /// 48 bytes of an input key when an option of an option group gets a
    /// value it rejects (`--color sometimes`); every other leak still fails.
    static let leakSuppressions: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("starlog-lsan-\(getpid()).supp").path
        _ = FileManager.default.createFile(atPath: path, contents: Data("leak:ArgumentParser8InputKeyV8fullPath\n".utf8))
        return path
    }()

    /// What a program a test starts sees: a private HOME, this journal, a
    /// short busy timeout, UTF-8 and the leak suppressions. `overrides` adds
    /// to them or, with "", removes one.
    func childEnvironment(_ overrides: [String: String] = [:]) -> [String: String] {
        var env: [String: String] = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": directory.appendingPathComponent("home").path,
            "STARLOG_DB": journal,
            "STARLOG_BUSY_TIMEOUT_MS": "200",
            "LANG": "C.UTF-8",
            "LSAN_OPTIONS": "suppressions=\(CLIHarness.leakSuppressions):print_suppressions=0",
        ]
        for (key, value) in overrides { env[key] = value }
        return env.filter { !$0.value.isEmpty }
    }

    /// `starlog ARGS` as one shell command line, each argument quoted.
    static func shellCommand(_ arguments: [String]) -> String {
        ([binary.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
    }

    /// Runs `starlog ARGS` with STARLOG_DB pointing at this test's journal
    /// (unless `environment` overrides it), no colour, and `input` on stdin.
    @discardableResult
    func run(_ arguments: [String], input: String? = nil, environment: [String: String] = [:]) throws -> CLIResult {
        let process = Process()
        process.executableURL = CLIHarness.binary
        process.arguments = arguments
        process.environment = childEnvironment(environment)
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe(), inp = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inp
        try process.run()
        if let input { inp.fileHandleForWriting.write(Data(input.utf8)) }
        try inp.fileHandleForWriting.close()
        // Read both pipes fully before waiting, so a large output cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        group.enter()
        DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.wait()
        process.waitUntilExit()
        return CLIResult(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs a command that must succeed, and returns its stdout.
    @discardableResult
    func ok(_ arguments: [String], input: String? = nil, environment: [String: String] = [:],
            sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try run(arguments, input: input, environment: environment)
        #expect(result.status == 0, "starlog \(arguments.joined(separator: " ")) failed: \(result.stderr)", sourceLocation: sourceLocation)
        return result.stdout
    }

    /// The bytes of a file, to prove a failed command left it untouched.
    func bytes(_ path: String) -> Data? {
        FileManager.default.contents(atPath: path)
    }

    /// Checks that a failed run printed exactly one `starlog: error:` line and no stack trace.
    static func expectOneLineError(_ result: CLIResult, code: Int32, containing fragment: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == code, "exit \(result.status), stderr: \(result.stderr)", sourceLocation: sourceLocation)
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: true)
        #expect(lines.count == 1, "stderr should be one line: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.hasPrefix("starlog: error: "), "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(!result.stderr.contains("SQLITE_"), sourceLocation: sourceLocation)
        #expect(!result.stderr.contains("Fatal error"), sourceLocation: sourceLocation)
        if let fragment {
            #expect(result.stderr.lowercased().contains(fragment.lowercased()), "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        }
    }
}

/// Runs SQL through the sqlite3 shell, as another program would, and returns
/// what it printed, trimmed; throws when the shell fails.
@discardableResult
func sqlite(_ path: String, _ sql: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    process.arguments = [path, sql]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw CocoaError(.fileWriteUnknown)
    }
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
}
