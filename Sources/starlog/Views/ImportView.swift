import StarlogJournal

/// What an import did, as lines of text.
enum ImportView {
    /// What was added, skipped and left out; with a dry run, what would be.
    static func summary(_ report: ImportReport) -> [String] {
        func count(_ number: Int, _ one: String, _ many: String) -> String {
            "\(number) \(number == 1 ? one : many)"
        }
        var lines: [String] = []
        let verb = report.dryRun ? "Would add" : "Added"
        lines.append("\(verb) \(count(report.added, "story", "stories")); skipped \(count(report.duplicates, "duplicate", "duplicates")) and \(count(report.empty, "empty section", "empty sections")).")
        if report.principlesAdded + report.questionsAdded + report.attemptsAdded > 0 {
            lines.append("\(verb) \(count(report.principlesAdded, "principle", "principles")), \(count(report.questionsAdded, "question", "questions")) and \(count(report.attemptsAdded, "practice attempt", "practice attempts")).")
        }
        if report.frameworksAdded > 0 {
            lines.append("\(verb) \(count(report.frameworksAdded, "framework", "frameworks")).")
        }
        if report.interviewsAdded > 0 {
            lines.append("\(verb) \(count(report.interviewsAdded, "interview", "interviews"))"
                + (report.debriefsAdded > 0 ? " and \(count(report.debriefsAdded, "debrief entry", "debrief entries"))." : "."))
        } else if report.debriefsAdded > 0 {
            lines.append("\(verb) \(count(report.debriefsAdded, "debrief entry", "debrief entries")).")
        }
        if !report.strayFieldLines.isEmpty {
            let where_ = report.strayFieldLines.prefix(6).map(String.init).joined(separator: ", ")
            lines.append("Left out STAR fields under no principle heading (\(report.strayFieldLines.count == 1 ? "line" : "lines") \(where_)\(report.strayFieldLines.count > 6 ? ", …" : "")); put them under a heading such as `## Earn Trust` to import them.")
        }
        if !report.leftOutLines.isEmpty {
            let where_ = report.leftOutLines.prefix(6).map(String.init).joined(separator: ", ")
            lines.append("Left out text that no STAR field held (\(report.leftOutLines.count == 1 ? "line" : "lines") \(where_)\(report.leftOutLines.count > 6 ? ", …" : "")); start it with a field such as **Action:** to import it.")
        }
        if report.dryRun { lines.append("Dry run: nothing was written.") }
        return lines
    }
}
