import ArgumentParser
import StarlogJournal

extension Starlog.Questions {
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Reword a question you added.",
            discussion: "Example: starlog questions edit 52 \"Tell me about a metric you stopped trusting, and why.\"")

        @OptionGroup var journal: JournalOptions

        @OptionGroup var target: QuestionArgument

        @Argument(help: "The new text (quote it).")
        var text: [String]

        @OptionGroup var output: OutputOptions

        func run() throws {
            let question = try journal.openExisting().questions.edit(target.id.value, text: text.joined(separator: " "))
            output.print(question.json, else: "Changed question \(question.id): \(Render.oneLine(question.text))")
        }
    }
}
