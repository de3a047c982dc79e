import ArgumentParser
import StarlogJournal

extension Starlog.Practice {
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "history",
            abstract: "Past practice attempts, newest first.")

        @OptionGroup var journal: JournalOptions

        @Option(help: ArgumentHelp("Only the attempts made for this principle (each attempt is for one).", valueName: "principle"), completion: Completions.principles)
        var principle: String?

        @Option(help: "Show at most this many attempts.")
        var limit: Int?

        @OptionGroup var output: OutputOptions

        func validate() throws {
            try validateLimit(limit)
        }

        func run() throws {
            let opened = try journal.openForReading()
            let attempts = try opened.practice.history(principle: principle, limit: limit)
            if output.json {
                Render.json(.array(attempts.map(\.json)))
                return
            }
            if attempts.isEmpty {
                Terminal.note(principle == nil
                    ? "No practice yet. Run `starlog practice` on a terminal, or record one with `starlog practice log`."
                    : "No practice for that principle yet.")
                return
            }
            Terminal.line(PracticeView.history(attempts, clock: opened.clock))
        }
    }
}
