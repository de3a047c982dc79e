import ArgumentParser
import StarlogJournal

extension Starlog {
    struct Coverage: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "coverage",
            abstract: "How ready you are: stories and practice for each principle.",
            discussion: """
                Status per principle: gap (no story), thin (one story), unpractised (two or more \
                stories, none rated 4 or 5 in practice in the last 30 days), ready (two or more \
                stories and an attempt rated 4 or 5 in the last 30 days).
                Scope: --principle (repeatable), --interview ID, or --framework F; with none, \
                the framework of the next upcoming interview, else amazon. --strict exits 1 \
                when a principle in scope is a gap, for use in scripts.
                """)

        @OptionGroup var journal: JournalOptions

        @Option(
            name: .customLong("principle"),
            help: ArgumentHelp("Only this principle: slug, name or number (repeatable).", valueName: "principle"), completion: Completions.principles)
        var principles: [String] = []

        @Option(help: ArgumentHelp("Only this interview's principles, with the days left (see `starlog interview list`).", valueName: "id"), completion: Completions.interviewIDs)
        var interview: Int64?

        @Option(help: ArgumentHelp("Every principle of this framework (default: the next interview's, else amazon); with --principle, the framework a bare number is read in.", valueName: "framework"))
        var framework: String?

        @Flag(help: "Exit with status 1 when any principle in scope is a gap.")
        var strict = false

        @OptionGroup var format: ReportFormatOptions

        func validate() throws {
            try validateInterviewScope(interview: interview, principles: principles, framework: framework)
        }

        func run() throws {
            let opened = try journal.openForReading()
            let report = try interview.map { try opened.coverage.report(interview: $0) }
                ?? opened.coverage.report(principles: principles, framework: framework)
            if format.json {
                Render.json(report.json(wording: AdviceView.warning))
            } else if format.markdown {
                Terminal.line(CoverageView.markdown(report))
            } else {
                Terminal.line(CoverageView.grid(report))
            }
            if strict && !report.gaps.isEmpty {
                let names = report.gaps.map(\.principle.name).joined(separator: ", ")
                let count = report.gaps.count == 1 ? "1 principle in scope has" : "\(report.gaps.count) principles in scope have"
                throw JournalError.failed("\(count) no story (\(names)); add one with `starlog add --principle P` (--strict)")
            }
        }
    }
}
