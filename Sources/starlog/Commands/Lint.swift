import ArgumentParser
import StarlogJournal

extension Starlog {
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lint",
            abstract: "Check stories the way an interview coach would, and score them 0-100.",
            discussion: """
                Checks every story (or the ids given): empty or one-fragment STAR sections, \
                "we" outweighing "I" in the Action, a Result without a number, an answer far \
                from two to three minutes, a story older than five years, a failure or mixed \
                story without learnings, and filler or hedging words. Each finding has a \
                severity, the field it concerns and a one-line suggestion; each finding takes \
                points off a score of 100. `starlog lint --rules` lists the rules and thresholds. \
                --strict exits 1 when a story has an error-level finding, for use in scripts.
                """)

        @OptionGroup var journal: JournalOptions

        @Argument(help: "Only these stories (ids).")
        var ids: [StoryID] = []

        @Flag(help: "List the rules, their severities, penalties and thresholds.")
        var rules = false

        @Flag(help: "Exit 1 when a story has an error-level finding.")
        var strict = false

        @OptionGroup var output: OutputOptions

        func run() throws {
            if rules {
                if output.json {
                    Render.json(.array(LintRules.all.map(\.json)))
                } else {
                    for rule in LintRules.all {
                        Terminal.line(Style.bold.apply(rule.id) + " (\(rule.severity.rawValue), -\(rule.penalty) points)")
                        Terminal.line("  " + rule.summary)
                    }
                }
                return
            }
            let reports = try journal.openForReading().lint.report(ids: ids.map(\.value))
            if output.json {
                Render.json(.array(reports.map(\.json)))
            } else if reports.isEmpty {
                Terminal.note("No stories to check yet; add one with `starlog add`.")
            } else {
                Terminal.line(LintView.text(reports))
            }
            let failing = reports.filter { $0.findings.contains { $0.severity == .error } }
            if strict && !failing.isEmpty {
                let ids = failing.prefix(5).map { "#\($0.storyID)" }.joined(separator: ", ") + (failing.count > 5 ? ", ..." : "")
                let count = failing.count == 1 ? "1 story has" : "\(failing.count) stories have"
                throw JournalError.failed("\(count) an error-level finding (\(ids)); fix them and run `starlog lint` again (--strict)")
            }
        }
    }
}
