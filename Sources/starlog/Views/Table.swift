extension Render {
    /// An aligned table, each cell folded onto one line. On a terminal,
    /// column `limits[i]` is cut to at most that many characters, then
    /// column `flexible` is cut (to no fewer than `flexibleMinimum`) so the
    /// table fits the width; piped output is never cut. Columns in
    /// `rightAligned` are padded on the left. `style` colours one cell of a
    /// row (after padding, so colour never shifts the columns); the header
    /// is dim.
    static func table(
        header: [String], rows: [[String]], flexible: Int? = nil, flexibleMinimum: Int = 12,
        limits: [Int: Int] = [:], rightAligned: [Int] = [0],
        style: ((_ row: Int, _ column: Int) -> Style?)? = nil
    ) -> String {
        let rows = rows.map { $0.map(oneLine) }
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        if let width = Terminal.width {
            for (column, limit) in limits { widths[column] = min(widths[column], limit) }
            if let flexible {
                let others = widths.enumerated().filter { $0.offset != flexible }.map(\.element).reduce(0, +)
                let room = width - others - 2 * (widths.count - 1)
                widths[flexible] = max(flexibleMinimum, min(widths[flexible], room))
            }
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
}
