import StarlogJournal

/// The pieces every view is made of: JSON output, local times, wrapping,
/// one-line text and tables. Presentation only.
enum Render {
    /// `0.734` as `73%`.
    static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }

    /// Prints `value` as the command's one JSON document.
    static func json(_ value: JSONValue) {
        Terminal.jsonLine(value.rendered())
    }

    /// The user's clock and time zone, for showing stored UTC timestamps.
    static let clock = JournalOptions.clock

    /// The local calendar day of a stored UTC timestamp: `2026-12-01`.
    static func localDay(_ timestamp: String) -> String {
        Timestamp.parse(timestamp).map { clock.day(of: $0).text } ?? timestamp
    }

    /// The local wall-clock time of a stored UTC timestamp: `2026-12-01 18:05`.
    static func localTime(_ timestamp: String) -> String {
        Timestamp.parse(timestamp).map { clock.localTime($0) } ?? timestamp
    }

    /// `text` broken into lines of at most `width` characters (counting
    /// `indent`) at spaces, never inside a word: a word longer than the line
    /// gets a line of its own. Runs of spaces at a break are dropped.
    static func wrap(_ text: Substring, width: Int, indent: String) -> [String] {
        guard text.count + indent.count > width else { return [indent + text] }
        // A line's own leading spaces (a list's indent) carry onto its continuations.
        let indent = indent + text.prefix { $0 == " " }
        let room = max(20, width - indent.count)
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= room {
                line += " " + word
            } else {
                lines.append(indent + line)
                line = String(word)
            }
        }
        lines.append(indent + line)
        return lines
    }

    /// Text folded onto one line (newlines, tabs and runs of spaces become
    /// one space), other control characters shown escaped (see `Shown`).
    static func oneLine(_ text: String) -> String {
        if isPlainLine(text) { return text }
        return Shown.escape(text).spacesFolded
    }

    /// The lines of `text` as `split(separator: "\n")` gives them (a CR LF
    /// pair is one Character, so it stays inside its line), cut on bytes
    /// when there is no CR: walking Characters cost a third of `show`'s own
    /// instructions.
    static func splitLines(_ text: String) -> [Substring] {
        guard !text.utf8.contains(0x0D) else {
            return text.split(separator: "\n", omittingEmptySubsequences: false)
        }
        return text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// True when `text` is printable ASCII with single spaces between words
    /// and none at the ends: already one line, as most titles are.
    private static func isPlainLine(_ text: String) -> Bool {
        var previous = UInt8(ascii: " ")
        for byte in text.utf8 {
            guard (byte > 0x20 && byte < 0x7F) || (byte == 0x20 && previous != 0x20) else { return false }
            previous = byte
        }
        return previous != 0x20
    }
}
