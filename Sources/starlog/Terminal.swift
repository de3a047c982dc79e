#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

    /// Colour only on a terminal, never with `NO_COLOR` set or `TERM=dumb`.
    static let colorEnabled: Bool = {
        guard stdoutIsTTY else { return false }
        if let value = getenv("NO_COLOR"), value.pointee != 0 { return false }
        if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
        return true
    }()

    /// The terminal's width in columns, or 100 when it is not a terminal.
    static var width: Int {
        var size = winsize()
        if stdoutIsTTY, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 {
            return Int(size.ws_col)
        }
        return 100
    }

    static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// Writes one line to stdout.
    static func line(_ text: String = "") {
        print(text)
    }

    /// Writes `starlog: error: …` to stderr, on one line.
    static func error(_ message: String) {
        let oneLine = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        writeError("starlog: error: \(oneLine)\n")
    }

    /// A note for a person on stderr, only when stderr is a terminal.
    static func note(_ message: String) {
        if stderrIsTTY { writeError(message + "\n") }
    }

    static func writeError(_ text: String) {
        flush()
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(STDERR_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
    }

    static func flush() {
        fflush(nil)
    }

    /// Reads one line from stdin; nil at end of input.
    static func readLine() -> String? {
        Swift.readLine(strippingNewline: true)
    }
}

/// ANSI styles, applied only when colour is on.
enum Style {
    case bold, dim, red, green, yellow, blue, magenta, cyan, highlight

    var code: String {
        switch self {
        case .bold: return "1"
        case .dim: return "2"
        case .red: return "31"
        case .green: return "32"
        case .yellow: return "33"
        case .blue: return "34"
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
