import ArgumentParser
import StarlogJournal

extension Starlog.Questions {
    struct Hide: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hide",
            abstract: "Hide a built-in question: it stays listed, and is never drilled.")

        @OptionGroup var journal: JournalOptions

        @OptionGroup var target: QuestionArgument

        func run() throws {
            let question = try journal.openExisting().questions.setHidden(target.id.value, true)
            Terminal.line("Hid question \(question.id); `starlog practice` will not ask it. Show it again with `starlog questions unhide \(question.id)`.")
        }
    }
}
