import ArgumentParser
import StarlogJournal

extension Starlog.Interview {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add an upcoming interview.",
            discussion: """
                Example:
                  starlog interview add --company Acme --date 2026-07-14 \\
                    --role "Senior engineer" --principle ownership \\
                    --principle dive-deep --principle earn-trust
                """)

        @OptionGroup var journal: JournalOptions

        @Option(help: "The company.")
        var company: String

        @Option(help: ArgumentHelp("The interview's day: YYYY-MM-DD.", valueName: "date"))
        var date: String

        @Option(help: "The role you are interviewing for.")
        var role: String?

        @Option(help: ArgumentHelp("The framework it tests (see `starlog framework`); by default the one its principles belong to, else amazon.", valueName: "framework"))
        var framework: String?

        @Option(
            name: .customLong("principle"),
            help: ArgumentHelp("A principle it will probe: slug, name or number within --framework (repeatable; none means all of the framework).", valueName: "principle"), completion: Completions.principles)
        var principles: [String] = []

        @Flag(help: "Record an interview that has already happened, to write its debrief.")
        var past = false

        @OptionGroup var output: OutputOptions

        func run() throws {
            let opened = try journal.open()
            let interview = try opened.interviews.add(InterviewDraft(
                company: company, date: date, role: role, framework: framework, principles: principles, past: past))
            let today = opened.clock.today
            if output.json {
                Render.json(interview.json(today: today))
                return
            }
            Terminal.line("Added interview \(interview.id): " + InterviewView.summary(interview, today: today))
            Terminal.line(Style.dim.apply("Next: `starlog plan --interview \(interview.id)` and `starlog coverage --interview \(interview.id)`."))
        }
    }
}
