extension Render {
    /// Text for a Markdown table cell: folded onto one line, `|` escaped.
    static func markdownCell(_ text: String) -> String {
        var result = ""
        for character in oneLine(text) {
            if character == "|" { result += "\\|" } else { result.append(character) }
        }
        return result
    }

    /// A Markdown table, one line each for the header, the rule and every
    /// row; the cells are used as given (see `markdownCell`). Columns in
    /// `rightAligned` are marked `---:`.
    static func markdownTable(header: [String], rows: [[String]], rightAligned: Set<Int> = []) -> [String] {
        func line(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }
        let rule = header.indices.map { rightAligned.contains($0) ? "---:" : "---" }
        return [line(header), line(rule)] + rows.map(line)
    }
}
