import ArgumentParser
import StarlogJournal

extension Starlog.Questions {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add your own question to the bank.",
            discussion: "Example: starlog questions add --principle dive-deep \"Tell me about a metric you stopped trusting.\"")

        @OptionGroup var journal: JournalOptions

        @Option(help: ArgumentHelp("The principle it asks about (slug, name or number).", valueName: "principle"), completion: Completions.principles)
        var principle: String

        @Argument(help: "The question's text (quote it).")
        var text: [String]

        @OptionGroup var output: OutputOptions

        func run() throws {
            let question = try journal.open().questions.add(principle: principle, text: text.joined(separator: " "))
            output.print(question.json, else: "Added question \(question.id) to \(question.principleName): \(question.text)")
        }
    }
}
