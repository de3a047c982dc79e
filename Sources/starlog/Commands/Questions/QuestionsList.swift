import ArgumentParser
import StarlogJournal

extension Starlog.Questions {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the questions, by principle.")

        @OptionGroup var journal: JournalOptions

        @Option(help: ArgumentHelp("Only questions for this principle (slug, name, or number within --framework).", valueName: "principle"), completion: Completions.principles)
        var principle: String?

        @Option(help: ArgumentHelp("The framework whose questions to list (default: the next interview's, else amazon).", valueName: "framework"))
        var framework: String?

        @Flag(help: "The questions of every framework.")
        var all = false

        @OptionGroup var output: OutputOptions

        func validate() throws {
            if all && framework != nil { throw ValidationError("--all and --framework cannot be used together; pick one") }
            if all && principle != nil { throw ValidationError("--all and --principle cannot be used together; pick one") }
        }

        func run() throws {
            let opened = try journal.openForReading()
            // Every question with --all, else those of the principle, else of the framework in scope.
            let scope = all || principle != nil ? framework : try opened.frameworks.scope(framework).slug
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
}
