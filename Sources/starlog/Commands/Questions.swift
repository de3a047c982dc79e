import ArgumentParser
import StarlogJournal

extension Starlog {
    struct Questions: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "questions",
            abstract: "The question bank: behavioural questions for each principle.",
            discussion: """
                starlog ships at least three questions for each built-in principle; add your own \
                with `starlog questions add --principle P "..."`. Yours are marked as yours and \
                are never changed by an upgrade.
                """,
            subcommands: [QuestionList.self, QuestionAdd.self, QuestionRemove.self, Edit.self, Hide.self, Unhide.self],
            defaultSubcommand: QuestionList.self)
    }

    struct QuestionList: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the questions, by principle.")

        @OptionGroup var journal: JournalOptions

        @Option(help: ArgumentHelp("Only questions for this principle (slug, name, or number within --framework).", valueName: "principle"), completion: Completions.principles)
        var principle: String?

        @Option(help: ArgumentHelp("The framework whose questions to list (default: the next interview's, else amazon).", valueName: "framework"))
        var framework: String?

        @OptionGroup var output: OutputOptions

        func run() throws {
            let opened = try journal.openForReading()
            let scope = principle == nil ? try opened.frameworks.scope(framework).slug : framework
            let questions = try opened.questions.list(principle: principle, framework: scope)
            if output.json {
                Render.json(.array(questions.map(\.json)))
                return
            }
            if questions.isEmpty {
                Terminal.note("No questions for that principle yet. Add one with `starlog questions add --principle P \"...\"`.")
                return
            }
            var lastPrinciple: Int64?
            for question in questions {
                if question.principleID != lastPrinciple {
                    if lastPrinciple != nil { Terminal.line() }
                    Terminal.line(Style.bold.apply(question.principleName) + "  " + Style.dim.apply(question.principle))
                    lastPrinciple = question.principleID
                }
                let id = String(question.id)
                let padded = String(repeating: " ", count: max(0, 4 - id.count)) + id
                let mine = question.builtin ? (question.hidden ? "  " + Style.dim.apply("(hidden)") : "") : "  " + Style.cyan.apply("(yours)")
                Terminal.line("\(padded)  \(Render.oneLine(question.text))\(mine)")
            }
        }
    }

    struct QuestionAdd: ParsableCommand {
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
            if output.json {
                Render.json(question.json)
            } else {
                Terminal.line("Added question \(question.id) to \(question.principleName): \(question.text)")
            }
        }
    }

    struct QuestionRemove: ParsableCommand {
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
