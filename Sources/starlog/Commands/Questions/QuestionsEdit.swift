import ArgumentParser
import StarlogJournal

extension Starlog.Questions {
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Reword a question you added.",
            discussion: "Example: starlog questions edit 52 \"Tell me about a metric you stopped trusting, and why.\"")

        @OptionGroup var journal: JournalOptions

        @Argument(help: "The question's id (see `starlog questions`).")
        var id: RecordID

        @Argument(help: "The new text (quote it).")
        var text: [String]

        @OptionGroup var output: OutputOptions

        func run() throws {
            let question = try journal.openExisting().questions.edit(id.value, text: text.joined(separator: " "))
            if output.json {
                Render.json(question.json)
            } else {
                Terminal.line("Changed question \(question.id): \(Render.oneLine(question.text))")
            }
        }
    }

    struct Hide: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hide",
            abstract: "Hide a built-in question: it stays listed, and is never drilled.")

        @OptionGroup var journal: JournalOptions

        @Argument(help: "The question's id (see `starlog questions`).")
        var id: RecordID

        func run() throws {
            let question = try journal.openExisting().questions.setHidden(id.value, true)
            Terminal.line("Hid question \(question.id); `starlog practice` will not ask it. Show it again with `starlog questions unhide \(question.id)`.")
        }
    }

    struct Unhide: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "unhide",
            abstract: "Show a hidden built-in question to the drill again.")

        @OptionGroup var journal: JournalOptions

        @Argument(help: "The question's id (see `starlog questions`).")
        var id: RecordID

        func run() throws {
            let question = try journal.openExisting().questions.setHidden(id.value, false)
            Terminal.line("Question \(question.id) is back in the drill.")
        }
    }
}
