import ArgumentParser
import StarlogJournal

extension Starlog.Practice {
    struct Due: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "due",
            abstract: "Story-principle pairs due for rehearsal, most overdue first.",
            discussion: """
                Each story you practise for a principle is scheduled with FSRS-5 (ratings 1-2 \
                count as Again, 3 Hard, 4 Good, 5 Easy). With an upcoming interview, the stories \
                its plan tells come due at least once in the last 3 days before it, and planned \
                stories never practised are due at once. `--all` shows every pair on the \
                schedule, with when it comes up next and the chance of recalling it now.
                """)

        @OptionGroup var journal: JournalOptions

        @Option(
            name: .customLong("principle"),
            help: ArgumentHelp("Only this principle: slug, name or number (repeatable).", valueName: "principle"), completion: Completions.principles)
        var principles: [String] = []

        @Option(help: ArgumentHelp("Only pairs of this framework's principles (default: the next interview's framework, else amazon); with --principle, the framework a bare number is read in.", valueName: "framework"))
        var framework: String?

        @Option(help: "Show at most this many.")
        var limit: Int?

        @Flag(help: "Every pair on the schedule, not only those due: when each comes up next, and its recall now.")
        var all = false

        @OptionGroup var output: OutputOptions

        func validate() throws {
            try validateLimit(limit)
        }

        func run() throws {
            let opened = try journal.openForReading()
            let schedule = opened.schedule
            let scope = try opened.frameworks.principlesInScope(principles, framework: framework).map(\.slug)
            var items = all ? try schedule.all(principles: scope) : try schedule.due(principles: scope, limit: limit)
            if all, let limit { items = Array(items.prefix(limit)) }
            if output.json {
                Render.json(.array(items.map(\.json)))
                return
            }
            if items.isEmpty {
                Terminal.note(all
                    ? "Nothing is on the schedule yet: a story comes onto it when you practise it (`starlog practice`)."
                    : "Nothing is due. Practise with `starlog practice`, see everything with `starlog practice due --all`, or the plan with `starlog plan`.")
                return
            }
            Terminal.line(PracticeView.due(items, clock: opened.clock))
            if let first = items.first {
                Terminal.line(Style.dim.apply("Rehearse the first with `starlog practice` (it offers the most overdue first), or log one told elsewhere with "
                    + "`\(PracticeView.logCommand(storyID: first.storyID, principle: first.principle.slug))` (a rating from 1 to 5)."))
            }
        }
    }
}
