import ArgumentParser
import StarlogJournal

extension Starlog.Questions {
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm",
            abstract: "Remove a question you added (practice history keeps its text).")

        @OptionGroup var journal: JournalOptions

        @Argument(help: "The question's id.")
        var id: RecordID

        func run() throws {
            let questions = try journal.openExisting().questions
            let question = try questions.require(id.value)
            try questions.delete(question.id)
            Terminal.line("Removed question \(question.id): \(question.text)")
        }
    }
}
