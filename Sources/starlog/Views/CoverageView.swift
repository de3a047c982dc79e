import StarlogJournal

/// The coverage report as text: presentation only.
enum CoverageView {
    static func statusStyle(_ status: CoverageStatus) -> Style {
        switch status {
        case .gap: return .red
        case .thin: return .yellow
        case .unpractised: return .magenta
        case .ready: return .green
        }
    }

    static func mean(_ value: Double?) -> String {
        value.map { OneDecimal.text($0) } ?? "-"
    }

    static func number(_ principle: Principle) -> String {
        principle.position.map(String.init) ?? "-"
    }

    /// `Interview 2: Acme (SDE II) on 2026-07-14 — 12 days left.`
    static func interviewLine(_ report: CoverageReport) -> String? {
        guard let interview = report.interview, let days = report.daysLeft else { return nil }
        var text = "Interview \(interview.id): \(Render.oneLine(interview.company))"
        if let role = interview.role { text += " (\(Render.oneLine(role)))" }
        let left: String
        switch days {
        case 0: left = "it is today"
        case 1: left = "1 day left"
        case ..<0: left = "it was \(-days) \(days == -1 ? "day" : "days") ago"
        default: left = "\(days) days left"
        }
        return text + " on \(interview.date): \(left)."
    }

    /// ` (amazon)`: the framework the report shows, when it shows one.
    static func scope(_ report: CoverageReport) -> String {
        report.framework.map { " (\(Render.oneLine($0.slug)))" } ?? ""
    }

    /// "3 of 16 principles ready" and the counts of the other statuses.
    static func summary(_ report: CoverageReport) -> String {
        let total = report.principles.count
        var parts = ["\(report.ready.count) of \(total) \(total == 1 ? "principle" : "principles") ready"]
        for status in [CoverageStatus.unpractised, .thin, .gap] {
            let count = report.principles.filter { $0.status == status }.count
            if count > 0 { parts.append("\(count) \(status.rawValue)") }
        }
        return parts.joined(separator: ", ")
    }

    /// The terminal view: summary, one compact row per principle with its
    /// status in colour (on a terminal), then the coach's warnings.
    static func grid(_ report: CoverageReport) -> String {
        var lines: [String] = []
        if let line = interviewLine(report) { lines.append(Style.bold.apply(line)) }
        lines.append(Style.bold.apply("Coverage\(scope(report)): " + summary(report)))
        if report.gaps.isEmpty {
            lines.append("Gaps: none")
        } else {
            lines.append("Gaps: " + Style.red.apply(report.gaps.map(\.principle.name).joined(separator: ", ")))
        }
        lines.append(Style.dim.apply("Ready means two or more stories and an answer rated 4 or 5 since \(report.firstDay.text)."))
        lines.append("")

        let header = ["#", "PRINCIPLE", "STATUS", "STORIES", "TRIES", "MEAN", "LAST", "BEST STORY"]
        let rows = report.principles.map { line -> [String] in
            [number(line.principle), Render.oneLine(line.principle.name), line.status.rawValue, String(line.stories),
             String(line.attempts), mean(line.meanRating), line.lastPracticed.map(Render.localDay) ?? "-",
             line.bestStory.map { "#\($0.id) " + Render.oneLine($0.title) } ?? "-"]
        }
        // On a terminal, long principle names are cut so the best story keeps
        // some room; piped output is never cut.
        lines.append(Render.table(
            header: header, rows: rows, flexible: header.count - 1, flexibleMinimum: 10, limits: [1: 32],
            rightAligned: [0, 3, 4, 5],
            style: { row, column in column == 2 ? statusStyle(report.principles[row].status) : nil }))
        if !report.warnings.isEmpty {
            lines.append("")
            lines.append(Style.bold.apply("Warnings"))
            for warning in report.warnings {
                lines.append(Style.yellow.apply("  ! ") + AdviceView.warning(warning))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A Markdown section: summary, table, warnings.
    static func markdown(_ report: CoverageReport) -> String {
        let cell = Render.markdownCell
        var lines: [String] = []
        if let line = interviewLine(report) {
            lines.append("**" + cell(line) + "**")
            lines.append("")
        }
        lines.append("**Coverage" + (report.framework.map { " (\(cell($0.slug)))" } ?? "") + ":** " + summary(report) + ".")
        lines.append("")
        lines.append("**Gaps:** " + (report.gaps.isEmpty ? "none" : report.gaps.map { cell($0.principle.name) }.joined(separator: ", ")))
        lines.append("")
        let rows = report.principles.map { line -> [String] in
            [number(line.principle), cell(line.principle.name), line.status.rawValue, String(line.stories),
             line.bestStory.map { "#\($0.id) " + cell($0.title) } ?? "-", String(line.attempts), mean(line.meanRating),
             line.lastPracticed.map(Render.localDay) ?? "-"]
        }
        lines.append(contentsOf: Render.markdownTable(
            header: ["#", "Principle", "Status", "Stories", "Best story", "Attempts", "Mean rating", "Last practised"],
            rows: rows, rightAligned: [0, 3, 5, 6]))
        if !report.warnings.isEmpty {
            lines.append("")
            lines.append("**Warnings**")
            lines.append("")
            for warning in report.warnings {
                lines.append("- " + AdviceView.warning(warning))
            }
        }
        return lines.joined(separator: "\n")
    }
}
