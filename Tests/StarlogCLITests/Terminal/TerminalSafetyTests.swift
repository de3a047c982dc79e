import Foundation
import Testing

/// Text from a journal or an imported file is data: run every command that
/// prints for a person on a journal whose every text field and imported
/// principle holds terminal control sequences, under a real pseudo-terminal,
/// and check that none of them reaches the terminal.
@Suite("Hostile text never steers the terminal", .serialized)
struct TerminalSafetyTests {
    /// Window title (OSC 0), screen clear, hidden hyperlink (OSC 8),
    /// clipboard write (OSC 52), a DCS string, a cursor-position request
    /// (the terminal would type a reply), C1 CSI/OSC/ST, a concealing SGR,
    /// bold (one of starlog's own codes), backspace, DEL, a lone CR, and
    /// bidirectional overrides and isolates.
    static let hostile = "\u{1B}]0;pwned\u{07}" + "\u{1B}[2J" + "\u{1B}]8;;https://evil.example\u{1B}\\link\u{1B}]8;;\u{1B}\\"
        + "\u{1B}]52;c;cHduZWQ=\u{07}" + "\u{1B}P1$qm\u{1B}\\" + "\u{1B}[6n" + "\u{9B}31m" + "\u{9D}0;c1\u{9C}"
        + "\u{1B}[8m" + "\u{1B}[1m" + "x\u{08}\u{7F}" + "\r" + "\u{202E}drow\u{202C}" + "\u{2066}iso\u{2069}" + "\u{202A}\u{202B}\u{202D}\u{2067}\u{2068}"

    static func hostile(_ word: String) -> String { "\(word) " + hostile + " \(word)" }

    /// Writes `value` as a JSON string literal.
    static func json(_ value: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: [value], options: [])
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }

    /// A journal built by importing a file whose every text holds `hostile`.
    static func journal() throws -> CLIHarness {
        let cli = try CLIHarness()
        let h = { json(hostile($0)) }
        let file = """
            {"format": "starlog", "version": 1, "exported_at": "2026-11-01T00:00:00Z",
             "frameworks": [{"slug": "hostile-frame", "name": \(h("Frame")), "source": \(h("source"))}],
             "principles": [{"slug": "hostile-one", "name": \(h("Evil")), "summary": \(h("summary")), "framework": "hostile-frame", "number": 1}],
             "stories": [
              {"id": 1, "title": \(h("Kafka title")), "situation": \(h("situation kafka")), "task": \(h("task")), "action": \(h("action")),
               "result": \(h("result cut 40%")), "learnings": \(h("learnings")), "outcome": "mixed", "company": \(h("company")), "role": \(h("role")),
               "when": "2025-03", "created_at": "2026-11-01T00:00:00Z", "updated_at": "2026-11-01T00:00:00Z", "principles": ["hostile-one", "ownership"]},
              {"id": 2, "title": \(h("Second kafka")), "situation": "", "task": "", "action": "", "result": \(h("r")), "learnings": "",
               "outcome": "success", "company": null, "role": null, "when": null, "created_at": "2026-11-01T00:00:00Z",
               "updated_at": "2026-11-01T00:00:00Z", "principles": ["hostile-one"]}],
             "questions": [{"id": 900, "principle": "hostile-one", "text": \(h("Question")), "builtin": 0, "created_at": "2026-11-01T00:00:00Z"}],
             "sessions": [{"id": 1, "started_at": "2026-11-02T00:00:00Z", "ended_at": "2026-11-02T00:10:00Z"}],
             "attempts": [{"id": 1, "session_id": 1, "question_id": null, "question": \(h("Asked")), "principle": "hostile-one",
               "story_id": 1, "duration": 90, "rating": 2, "notes": \(h("notes")), "practiced_at": "2026-11-02T00:05:00Z"}]}
            """
        let path = cli.directory.appendingPathComponent("hostile.json").path
        try Data(file.utf8).write(to: URL(fileURLWithPath: path))
        try cli.ok(["import", path])
        try cli.ok(["interview", "add", "--company", hostile("Acme"), "--role", hostile("Role"), "--date", "2099-01-01",
                    "--principle", "hostile-one", "--principle", "ownership"])
        return cli
    }

    /// Runs `starlog ARGS` under `script`, so stdout and stderr are a real
    /// terminal; returns the bytes the terminal received.
    static func underTerminal(_ cli: CLIHarness, _ arguments: [String], colour: Bool, input: String = "") throws -> Data {
        let command = CLIHarness.shellCommand(arguments)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-q", "-e", "-c", command, "/dev/null"]
        process.environment = cli.childEnvironment([
            "STARLOG_NOW": "2026-12-01T12:00:00Z", "TERM": "xterm", "EDITOR": "true", "VISUAL": "true",
            "NO_COLOR": colour ? "" : "1",
        ])
        process.currentDirectoryURL = cli.directory
        let output = Pipe(), stdin = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = stdin
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        let data = output.fileHandleForReading.readDataToEndOfFile()
        try? stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        return data
    }

    /// starlog's own colour codes: the only escape sequences allowed through.
    static let ownCodes = ["0", "1", "2", "31", "32", "33", "34", "35", "36", "1;33"].map { "\u{1B}[\($0)m" }

    /// starlog's own line control: back to the line's start and clear it
    /// (the drill's running clock redraws itself with it).
    static let ownLineControl = "\r\u{1B}[K"

    /// What is wrong with what the terminal received, or nil.
    static func problems(in data: Data, colour: Bool, lineControl: Bool = false) -> String? {
        var text = String(decoding: data, as: UTF8.self)
        if colour { for code in ownCodes { text = text.replacingOccurrences(of: code, with: "") } }
        if lineControl { text = text.replacingOccurrences(of: ownLineControl, with: "") }
        var found: [String] = []
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x1B: found.append("ESC")
            case 0x80...0x9F: found.append("C1 \(String(scalar.value, radix: 16))")
            case 0x202A...0x202E, 0x2066...0x2069: found.append("bidi \(String(scalar.value, radix: 16))")
            case 0x07, 0x08, 0x7F: found.append("control \(String(scalar.value, radix: 16))")
            case 0xFFFD: found.append("invalid UTF-8")
            default: break
            }
        }
        return found.isEmpty ? nil : Set(found).sorted().joined(separator: ", ")
    }

    struct Run: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        var input = ""
        /// Text that must show (escaped), so the check is not passed by printing nothing.
        var shows = "\\x1b]0;pwned"
        var testDescription: String { "starlog " + arguments.joined(separator: " ") }
    }

    static let runs: [Run] = [
        Run(arguments: ["show", "1"]),
        Run(arguments: ["list"]),
        Run(arguments: ["list", "--principle", "hostile-one"]),
        Run(arguments: ["search", "kafka"]),
        Run(arguments: ["lint"]),
        Run(arguments: ["lint", "1"]),
        Run(arguments: ["principles"]),
        Run(arguments: ["coverage"]),
        Run(arguments: ["coverage", "--interview", "1"]),
        Run(arguments: ["coverage", "--markdown"]),
        Run(arguments: ["plan", "--interview", "1"]),
        Run(arguments: ["plan", "--interview", "1", "--markdown"]),
        Run(arguments: ["practice", "due"]),
        Run(arguments: ["practice", "history"]),
        Run(arguments: ["questions", "--principle", "hostile-one"]),
        Run(arguments: ["interview", "list"]),
        Run(arguments: ["answer", "Tell me about kafka"]),
        Run(arguments: ["questions", "--all"]),
        Run(arguments: ["framework"]),
        Run(arguments: ["tag", "1", "dive-deep"], shows: "Story 1"),
        Run(arguments: ["edit", "1", "--company", "Plain"]),
        Run(arguments: ["practice", "--principle", "hostile-one", "--seed", "1"], input: "q\n"),
        Run(arguments: ["rm", "2"], input: "n\n"),
        // File formats and JSON written to a terminal.
        Run(arguments: ["export"], shows: "\\u001b]0;pwned"),
        Run(arguments: ["export", "--format", "markdown"]),
        Run(arguments: ["export", "--format", "csv"]),
        Run(arguments: ["framework", "export", "hostile-frame"], shows: "pwned"),
        Run(arguments: ["show", "1", "--json"], shows: "\\u001b]0;pwned"),
        Run(arguments: ["list", "--json"], shows: "\\u001b]0;pwned"),
        Run(arguments: ["coverage", "--json"], shows: "\\u001b]0;pwned"),
        // Errors that echo a bad value.
        Run(arguments: ["list", "--principle", hostile("nope")]),
        Run(arguments: ["add", "--title", "t", "--when", hostile("2020")]),
        Run(arguments: ["interview", "add", "--company", "X", "--date", hostile("2099")]),
        Run(arguments: ["practice", "log", "--question-text", "Q", "--principle", "ownership", "--rating", "3", "--at", hostile("2026")]),
        Run(arguments: ["search", "--raw", hostile("kafka") + "\""], shows: "\\x1b"),
    ]

    @Test("every human-output command, colour off (NO_COLOR): no escape sequence at all", arguments: runs)
    func withoutColour(_ run: Run) throws {
        let cli = try Self.journal()
        let data = try Self.underTerminal(cli, run.arguments, colour: false, input: run.input)
        let text = String(decoding: data, as: UTF8.self)
        #expect(Self.problems(in: data, colour: false) == nil, "\(Self.problems(in: data, colour: false) ?? ""): \(text.debugDescription)")
        #expect(text.contains(run.shows), "\(text.debugDescription)")
    }

    @Test("every human-output command, colour on: only starlog's own colour codes", arguments: runs)
    func withColour(_ run: Run) throws {
        let cli = try Self.journal()
        let data = try Self.underTerminal(cli, run.arguments, colour: true, input: run.input)
        let text = String(decoding: data, as: UTF8.self)
        #expect(Self.problems(in: data, colour: true) == nil, "\(Self.problems(in: data, colour: true) ?? ""): \(text.debugDescription)")
        #expect(text.contains(run.shows), "\(text.debugDescription)")
    }

    /// The drill played through by a user at a real pseudo-terminal, on
    /// hostile stories, principle and question: the story choice, the
    /// running clock, the save, the rating and the notes prompts, and the
    /// summary at the end.
    @Test("the whole drill, colour on and off: only starlog's own colour and line-control codes", arguments: [false, true])
    func drill(colour: Bool) throws {
        let cli = try Self.journal()
        let term = try TerminalSession(cli, ["practice", "--principle", "hostile-one", "--seed", "1"],
                                       environment: ["NO_COLOR": colour ? "" : "1", "STARLOG_NOW": "2026-12-01T12:00:00Z"])
        try term.expect("Story to tell [")
        // Control sequences typed at the prompts are refused, and not echoed raw.
        term.type("\u{1B}[2J\u{1B}]0;typed\n")
        try term.expect("Story to tell [")
        term.type("1\n")
        try term.expect("Press Enter to start the clock")
        term.type("\n")
        try term.expect("0:00")
        try term.expect("0:01", timeout: 5)
        term.type("\n")
        try term.expect("Save it? [y/N] ")
        term.type("y\n")
        try term.expect("Rating, 1 (poor) to 5 (interview-ready): ")
        term.type("\u{1B}[2J\n")
        try term.expect("Type a whole number from 1 to 5.")
        term.type("3\n")
        try term.expect("Notes")
        term.type("plain notes\n")
        try term.expect("Saved attempt")
        try term.expect("Next question?")
        term.type("q\n")
        let status = term.finish()
        let data = Data(term.transcript.utf8)
        #expect(status == 0, "\(term.transcript.debugDescription)")
        #expect(Self.problems(in: data, colour: colour, lineControl: true) == nil,
                "\(Self.problems(in: data, colour: colour, lineControl: true) ?? ""): \(term.transcript.debugDescription)")
        // The hostile text was shown, escaped: the story titles and the question.
        #expect(term.transcript.contains("Kafka title \\x1b]0;pwned"), "\(term.transcript.debugDescription)")
        // The drill wraps the question between words at the terminal's width:
        // rejoin its lines, without starlog's own colour codes.
        let rejoined = term.transcript.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
            .replacingOccurrences(of: "\r\n  ", with: " ")
        #expect(rejoined.contains("Question \\x1b]0;pwned"), "\(term.transcript.debugDescription)")
        #expect(term.transcript.contains(Self.ownLineControl), "the running clock was never redrawn: \(term.transcript.debugDescription)")
        #expect(!colour || term.transcript.contains("\u{1B}[32m"), "no colour: \(term.transcript.debugDescription)")
    }

    @Test("an import error quoting a bad value escapes it and quotes a short excerpt only")
    func importError() throws {
        let cli = try CLIHarness()
        let huge = String(repeating: "9", count: 5_000_000)
        let file = cli.directory.appendingPathComponent("bad.json")
        try Data(#"{"format": "starlog", "version": 1, "stories": [{"title": "t", "when": "20\u001b]0;pwn\u0007", "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"}]}"#.utf8).write(to: file)
        let data = try Self.underTerminal(cli, ["import", file.path], colour: false)
        let text = String(decoding: data, as: UTF8.self)
        #expect(Self.problems(in: data, colour: false) == nil, "\(text.debugDescription)")
        #expect(text.contains("\\x1b]0;pwn\\x07"), "\(text.debugDescription)")
        let big = cli.directory.appendingPathComponent("big.json")
        try Data((#"{"format": "starlog", "version": 1, "stories": [{"title": "t", "id": "# + huge + "}]}").utf8).write(to: big)
        let result = try cli.run(["import", big.path])
        #expect(result.status == 65)
        #expect(result.stderr.utf8.count < 400, "\(result.stderr.prefix(500))")
        #expect(result.stderr.contains("(5000000 characters)"), "\(result.stderr.prefix(500))")
    }
}
