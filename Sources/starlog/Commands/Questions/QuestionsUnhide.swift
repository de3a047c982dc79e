import ArgumentParser
import StarlogJournal

extension Starlog.Questions {
    struct Unhide: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "unhide",
            abstract: "Show a hidden built-in question to the drill again.")

        @OptionGroup var journal: JournalOptions

        @OptionGroup var target: QuestionArgument

        func run() throws {
            let question = try journal.openExisting().questions.setHidden(target.id.value, false)
            Terminal.line("Question \(question.id) is back in the drill.")
        }
    }
}
