import ArgumentParser
import StarlogJournal

extension Starlog.Interview {
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm",
            abstract: "Remove an interview and its debrief (stories and practice are kept).",
            discussion: """
                Asks first on a terminal; --yes skips the question, and is required when \
                starlog is not run from a terminal. Answering no removes nothing.
                """)

        @OptionGroup var journal: JournalOptions
        @Argument(help: "The interview's id (see `starlog interview list`).") var id: InterviewID
        @Flag(name: [.short, .long], help: "Remove without asking.") var yes = false
        @OptionGroup var output: OutputOptions

        func run() throws {
            let opened = try journal.openExisting()
            let found = try opened.interviews.require(id.value)
            let debriefs = try opened.interviews.debriefs(of: found.id).count
            let with = debriefs == 0 ? "" : " and its debrief (\(debriefs) \(debriefs == 1 ? "entry" : "entries"))"
            guard try Confirm.ask("Remove interview \(found.id) at \(Render.oneLine(found.company)) on \(found.date)\(with)?", yes: yes,
                                  refusal: "not removing interview \(found.id) without confirmation; pass --yes to remove it") else { return }
            let interview = try opened.interviews.remove(found.id)
            output.print(interview.json(today: opened.clock.today), else: "Removed interview \(interview.id): \(Render.oneLine(interview.company)) on \(interview.date)")
        }
    }
}
