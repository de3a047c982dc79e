import ArgumentParser
import StarlogJournal

extension Starlog.Interview {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Interviews, soonest first.")

        @OptionGroup var journal: JournalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let opened = try journal.openForReading()
            let interviews = try opened.interviews.list()
            let today = opened.clock.today
            if output.json {
                Render.json(.array(interviews.map { $0.json(today: today) }))
                return
            }
            if interviews.isEmpty {
                Terminal.note("No interviews yet; add one with `starlog interview add --company C --date YYYY-MM-DD`.")
                return
            }
            Terminal.line(InterviewView.table(interviews, today: today))
        }
    }
}
