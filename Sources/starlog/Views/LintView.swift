import StarlogJournal

/// Lint reports as text: presentation only.
enum LintView {
    static func style(_ severity: LintSeverity) -> Style {
        switch severity {
        case .error: return .red
        case .warning: return .yellow
        case .info: return .cyan
        }
    }

    static func scoreStyle(_ score: Int) -> Style {
        score >= 80 ? .green : score >= 50 ? .yellow : .red
    }

    static func text(_ reports: [StoryLintReport]) -> String {
        var lines: [String] = []
        for report in reports {
            if !lines.isEmpty { lines.append("") }
            let score = scoreStyle(report.score).apply("\(report.score)/100")
            lines.append(Style.bold.apply("#\(report.storyID) \(Render.oneLine(report.title))") + "  score " + score)
            if report.findings.isEmpty {
                lines.append("  " + Style.green.apply("no findings"))
            }
            for finding in report.findings {
                let label = style(finding.severity).apply(finding.severity.rawValue)
                lines.append("  \(label) \(finding.field.rawValue): \(finding.message) [\(finding.rule)]")
                lines.append("    → " + finding.suggestion)
            }
        }
        if reports.count > 1 {
            let mean = reports.reduce(0) { $0 + $1.score } / reports.count
            let clean = reports.filter { $0.findings.isEmpty }.count
            lines.append("")
            lines.append("\(reports.count) stories checked, mean score \(mean), \(clean) without findings.")
        }
        return lines.joined(separator: "\n")
    }
}
