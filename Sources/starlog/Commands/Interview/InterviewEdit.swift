import ArgumentParser
import StarlogJournal

extension Starlog.Interview {
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Change an interview's company, date, role, framework or principles.",
            discussion: """
                Only the fields given change. --principle (repeatable) replaces its principles; \\
                --all-principles makes it probe its whole framework. Changing --framework keeps \\
                the principles that belong to the new framework.
                Example: starlog interview edit 2 --date 2026-07-21 --framework acme
                """)

        @OptionGroup var journal: JournalOptions
        @Argument(help: "The interview's id (see `starlog interview list`).") var id: InterviewID

        @Option(help: "A new company.")
        var company: String?

        @Option(help: ArgumentHelp("A new day: YYYY-MM-DD.", valueName: "date"))
        var date: String?

        @Option(help: "A new role (an empty one clears it).")
        var role: String?

        @Option(help: ArgumentHelp("The framework it tests (see `starlog framework`).", valueName: "framework"))
        var framework: String?

        @Option(
            name: .customLong("principle"),
            help: ArgumentHelp("A principle it will probe, replacing the ones it has (repeatable).", valueName: "principle"), completion: Completions.principles)
        var principles: [String] = []

        @Flag(help: "Probe every principle of its framework.")
        var allPrinciples = false

        @Flag(help: "Allow a day that has passed (to record a past interview).")
        var past = false

        @OptionGroup var output: OutputOptions

        func validate() throws {
            if allPrinciples && !principles.isEmpty {
                throw ValidationError("give either --principle or --all-principles, not both")
            }
        }

        func run() throws {
            let opened = try journal.openExisting()
            let patch = InterviewPatch(company: company, date: date, role: role, framework: framework,
                                       principles: allPrinciples ? [] : (principles.isEmpty ? nil : principles), past: past)
            let interview = try opened.interviews.edit(id.value, patch)
            let today = opened.clock.today
            output.print(interview.json(today: today), else: "Changed interview \(interview.id): " + InterviewView.summary(interview, today: today))
        }
    }
}
