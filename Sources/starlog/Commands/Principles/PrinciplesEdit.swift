import ArgumentParser
import StarlogJournal

extension Starlog.Principles {
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Change the name, summary or number of a principle you added.",
            discussion: "Example: starlog principles edit acme:2 --summary \"Small steps, shipped often.\"")

        @OptionGroup var journal: JournalOptions

        @Argument(help: ArgumentHelp("The principle: slug, name, FRAMEWORK:NUMBER, or a number within --framework.", valueName: "principle"))
        var principle: String

        @Option(help: ArgumentHelp("The framework a bare number is read in.", valueName: "framework"))
        var framework: String?

        @Option(help: "A new name.")
        var name: String?

        @Option(help: "A new one-line summary.")
        var summary: String?

        @Option(help: ArgumentHelp("A new number in its framework.", valueName: "number"))
        var number: Int?

        @OptionGroup var output: OutputOptions

        func run() throws {
            let opened = try journal.openExisting()
            let saved = try opened.frameworks.editPrinciple(principle, in: framework, PrinciplePatch(name: name, summary: summary, number: number))
            if output.json {
                let stories = try opened.principles.usage().first { $0.principle.id == saved.id }?.stories ?? 0
                Render.json(PrincipleUsage(principle: saved, stories: stories).json)
            } else {
                Terminal.line("Changed \(saved.framework):\(saved.position ?? 0) \(Render.oneLine(saved.name)) (\(saved.slug))")
            }
        }
    }
}
