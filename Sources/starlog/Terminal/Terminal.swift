#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import StarlogJournal

/// Ends the process after flushing output.
func Foundation_exit(_ code: Int32) -> Never {
    Terminal.flush()
    exit(code)
}

/// What the program knows about where its output goes.
enum Terminal {
    static let stdoutIsTTY = isatty(STDOUT_FILENO) != 0
    static let stdinIsTTY = isatty(STDIN_FILENO) != 0
    static let stderrIsTTY = isatty(STDERR_FILENO) != 0

    /// `--color` from the command line (the last one before `--`), else
    /// `STARLOG_COLOR`, else `auto`. The parser checks the flag's value; an
    /// unknown value here counts as no choice.
    static let colorChoice: ColorChoice = {
        var choice: ColorChoice?
        var arguments = CommandLine.arguments.dropFirst()[...]
        while let argument = arguments.popFirst(), argument != "--" {
            if argument == "--color", let value = arguments.first {
                choice = ColorChoice(rawValue: value) ?? choice
            } else if argument.hasPrefix("--color=") {
                choice = ColorChoice(rawValue: String(argument.dropFirst("--color=".count))) ?? choice
            }
        }
        return choice ?? environment("STARLOG_COLOR").flatMap(ColorChoice.init(rawValue:)) ?? .auto
    }()

    /// A `STARLOG_COLOR` that is set to something other than auto, always or never.
    static var invalidColorVariable: String? {
        guard let value = environment("STARLOG_COLOR"), !value.isEmpty, ColorChoice(rawValue: value) == nil else { return nil }
        return value
    }

    /// `always` colours even into a pipe and `never` never colours; `auto`
    /// colours only on a terminal, never with `NO_COLOR` set or `TERM=dumb`.
    static let colorEnabled: Bool = {
        switch colorChoice {
        case .always: return true
        case .never: return false
        case .auto:
            guard stdoutIsTTY else { return false }
            if let value = getenv("NO_COLOR"), value.pointee != 0 { return false }
            if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
            return true
        }
    }()

    /// The width output must fit: the terminal's columns (else `COLUMNS`,
    /// else 80) when stdout is a terminal, and nil when it is not, since
    /// piped output is never cut.
    static var width: Int? {
        guard stdoutIsTTY else { return nil }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return max(20, Int(size.ws_col))
        }
        if let columns = environment("COLUMNS").flatMap(Int.init), columns > 0 { return max(20, columns) }
        return 80
    }

    static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// Writes one line of human output to stdout, made safe by `Shown`.
    static func line(_ text: String = "") {
        print(Shown.output(text))
    }

    /// Writes human output to stdout without a newline, made safe by `Shown`.
    static func text(_ text: String) {
        print(Shown.output(text), terminator: "")
    }

    /// Writes one JSON document as rendered (it escapes its own C0 control
    /// characters). On a terminal, C1 controls and bidirectional overrides
    /// are escaped too, as `\u202e`: the same JSON to a reader, and no
    /// steering of the terminal.
    static func jsonLine(_ text: String) {
        print(stdoutIsTTY ? Shown.escape(text) : text)
        if ferror(stdout) != 0 { failedOutput(errno) }
    }

    /// A write to stdout failed: a reader that closed the pipe ends the
    /// command quietly; anything else (a full disk, an I/O error) is exit 74.
    static func failedOutput(_ reason: Int32) -> Never {
        endQuietlyOnClosedPipe(reason)
        let message = "starlog: error: cannot write the output: \(String(cString: strerror(reason))); free some space or write elsewhere, and try again\n"
        _ = message.withCString { write(STDERR_FILENO, $0, strlen($0)) }
        // Ends at once: the output is lost, nothing buffered can be written,
        // and the values the caller was printing are not leaks to report.
        _exit(JournalError.outputFailed("").exitCode)
    }

    /// Writes one of starlog's own terminal control sequences (such as
    /// `\r ESC [ K`, which clears the line), and nothing from the user.
    static func control(_ sequence: StaticString) {
        print(sequence, terminator: "")
    }

    /// The longest message an error line carries; past it, the line is cut.
    static let maximumErrorLength = 2_000

    /// Writes `starlog: error: …` to stderr, on one line.
    static func error(_ message: String) {
        writeError(errorLine(message))
    }

    /// `starlog: error: …` and a newline: `message` on one line, cut past
    /// `maximumErrorLength`.
    static func errorLine(_ message: String) -> String {
        var oneLine = message.lineBreaksFolded
        if oneLine.count > maximumErrorLength {
            oneLine = String(oneLine.prefix(maximumErrorLength)) + "… (message cut)"
        }
        return "starlog: error: \(oneLine)\n"
    }

    /// Deleted means gone: when another process was reading an older copy
    /// of the journal past the busy timeout, the deleted words are still in
    /// the file; say so, and when they will go.
    static func notePendingPurge(_ journal: Journal, _ what: String) {
        guard journal.deletedTextMayRemain else { return }
        writeError("starlog: note: another program is reading the journal, so \(what) stay in its file until that program closes it; the next starlog command after that removes them.\n")
    }

    /// A note for a person on stderr, only when stderr is a terminal.
    static func note(_ message: String) {
        if stderrIsTTY { writeError(message + "\n") }
    }

    /// Writes human output to stderr, made safe by `Shown`.
    static func writeError(_ text: String) {
        flush()
        var text = Shown.output(text)
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(STDERR_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
    }

    /// Writes out what stdout holds; a failure ends the command (see `failedOutput`).
    static func flush() {
        if fflush(stdout) != 0 { failedOutput(errno) }
        if ferror(stdout) != 0 { failedOutput(EIO) }
        fflush(nil)
    }

    /// Reads one line from stdin; nil at end of input.
    static func readLine() -> String? {
        Swift.readLine(strippingNewline: true)
    }
}

/// ANSI styles, applied only when colour is on.
enum Style: CaseIterable {
    case bold, dim, red, green, yellow, magenta, cyan, highlight

    var code: String {
        switch self {
        case .bold: return "1"
        case .dim: return "2"
        case .red: return "31"
        case .green: return "32"
        case .yellow: return "33"
        case .magenta: return "35"
        case .cyan: return "36"
        case .highlight: return "1;33"
        }
    }

    func apply(_ text: String) -> String {
        guard Terminal.colorEnabled, !text.isEmpty else { return text }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}
