import StarlogJournal

/// Human-readable output. Everything here is presentation only.
enum Render {
    /// Prints `value` as the command's one JSON document.
    static func json(_ value: JSONValue) {
        Terminal.jsonLine(value.rendered())
    }

    /// Every field of one story.
    static func story(_ story: Story, names: [String: String]) -> String {
        var lines: [String] = []
        let width = Terminal.width
        /// On a terminal, a long line wraps between words; each piece is styled alone.
        func add(_ text: String, indent: String = "", style: Style? = nil) {
            let pieces = width.map { wrap(Substring(text), width: $0, indent: indent) } ?? [indent + text]
            lines.append(contentsOf: pieces.map { style?.apply($0) ?? $0 })
        }
        add("#\(story.id)  \(oneLine(story.title))", style: .bold)
        var facts: [String] = ["outcome: \(outcomeLabel(story.outcome))"]
        if let when = story.when { facts.append("when: \(when)") }
        if let company = story.company { facts.append("company: \(oneLine(company))") }
        if let role = story.role { facts.append("role: \(oneLine(role))") }
        lines.append(facts.joined(separator: "   "))
        if story.principles.isEmpty {
            lines.append("principles: " + Style.dim.apply("none (add some with `starlog tag \(story.id) PRINCIPLE`)"))
        } else {
            add("principles: " + story.principles.map { oneLine(names[$0] ?? $0) }.joined(separator: ", "))
        }
        add("added \(localTime(story.createdAt)), updated \(localTime(story.updatedAt)) (local time)", style: .dim)
        for (section, text) in story.sections {
            lines.append("")
            lines.append(Style.cyan.apply(section.label))
            if text.isEmpty {
                lines.append(Style.dim.apply("  (empty)"))
            } else {
                for line in splitLines(text) {
                    let line = Shown.escape(line)
                    if let width {
                        lines.append(contentsOf: wrap(Substring(line), width: width, indent: "  "))
                    } else {
                        lines.append("  " + line)
                    }
                }
            }
        }
        return lines.joined(separator: "\n")
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

    static func outcomeLabel(_ outcome: Outcome) -> String {
        switch outcome {
        case .success: return Style.green.apply("success")
        case .failure: return Style.red.apply("failure")
        case .mixed: return Style.yellow.apply("mixed")
        }
    }

    /// Stories as an aligned table: id, when, outcome, title, principles.
    static func storyTable(_ stories: [Story]) -> String {
        let rows = stories.map { story in
            [String(story.id), story.when?.text ?? "-", story.outcome.rawValue,
             oneLine(story.title), oneLine(story.principles.joined(separator: ", "))]
        }
        return table(header: ["ID", "WHEN", "OUTCOME", "TITLE", "PRINCIPLES"], rows: rows, flexible: 3)
    }

    /// An aligned table. On a terminal, column `flexible` is cut to fit its
    /// width; piped output is never cut. `style` colours one cell (after
    /// padding, so colour never shifts the columns).
    static func table(
        header: [String], rows: [[String]], flexible: Int? = nil, rightAligned: [Int] = [0],
        style: ((_ row: Int, _ column: Int) -> Style?)? = nil
    ) -> String {
        let rows = rows.map { $0.map(oneLine) }
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        if let flexible, let width = Terminal.width {
            let others = widths.enumerated().filter { $0.offset != flexible }.map(\.element).reduce(0, +)
            let room = width - others - 2 * (widths.count - 1)
            widths[flexible] = max(12, min(widths[flexible], room))
        }
        func format(_ cells: [String], row: Int?) -> String {
            var parts: [String] = []
            for (index, cell) in cells.enumerated() {
                var text = cell.count > widths[index] ? String(cell.prefix(widths[index] - 1)) + "…" : cell
                let padding = String(repeating: " ", count: max(0, widths[index] - text.count))
                if rightAligned.contains(index) {
                    text = padding + text
                } else if index < cells.count - 1 {
                    text += padding
                }
                if let row, let cellStyle = style?(row, index) { text = cellStyle.apply(text) }
                parts.append(text)
            }
            var line = parts.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            return line
        }
        let lines = [Style.dim.apply(format(header, row: nil))] + rows.indices.map { format(rows[$0], row: $0) }
        return lines.joined(separator: "\n")
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

    /// A search hit: id and title, then the snippet with matches highlighted.
    static func hit(_ hit: SearchHit) -> String {
        let title = Style.bold.apply("#\(hit.story.id)  \(oneLine(hit.story.title))")
        var head = title
        if !hit.story.principles.isEmpty {
            head += "  " + Style.dim.apply("(" + oneLine(hit.story.principles.joined(separator: ", ")) + ")")
        }
        var snippet = ""
        var inMatch = false
        var run = ""
        func flush() {
            // Each run is folded and escaped on its own, so the highlight
            // marks (control characters themselves) are never escaped.
            var text = Shown.escape(run).map { $0.isWhitespace ? " " : $0 }.reduce(into: "") { text, character in
                if character != " " || text.last != " " { text.append(character) }
            }
            if snippet.isEmpty { text = String(text.drop { $0 == " " }) }
            snippet += inMatch ? Style.highlight.apply(text) : text
            run = ""
        }
        for character in hit.snippet {
            if character == SearchHit.highlightStart || character == SearchHit.highlightEnd {
                flush()
                inMatch = character == SearchHit.highlightStart
            } else {
                run.append(character)
            }
        }
        flush()
        return head + "\n    " + snippet
    }

    /// Text folded onto one line (newlines, tabs and runs of spaces become
    /// one space), other control characters shown escaped (see `Shown`).
    static func oneLine(_ text: String) -> String {
        if isPlainLine(text) { return text }
        let text = Shown.escape(text)
        var result = ""
        var lastWasSpace = false
        for character in text {
            if character.isWhitespace {
                if !lastWasSpace { result.append(" ") }
                lastWasSpace = true
            } else {
                result.append(character)
                lastWasSpace = false
            }
        }
        return result.trimmingSpaces()
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
