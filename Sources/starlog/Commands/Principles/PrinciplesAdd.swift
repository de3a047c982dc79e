import ArgumentParser
import StarlogJournal

extension Starlog.Principles {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a principle of your own to a framework.",
            discussion: """
                Example:
                  starlog principles add --framework acme --name "Be Kind" \\
                    --summary "Assume good intent and help first."
                Its number is the next free one unless --number is given; its slug is made \
                from the name unless --slug is given.
                """)

        @OptionGroup var journal: JournalOptions

        @Option(help: ArgumentHelp("The framework it belongs to (see `starlog framework`).", valueName: "framework"))
        var framework: String

        @Option(help: "Its name, as the company writes it.")
        var name: String

        @Option(help: "One line in your own words.")
        var summary: String = ""

        @Option(help: ArgumentHelp("Its number in the framework (default: the next free one).", valueName: "number"))
        var number: Int?

        @Option(help: ArgumentHelp("Its slug (default: made from the name).", valueName: "slug"))
        var slug: String?

        @OptionGroup var output: OutputOptions

        func run() throws {
            let principle = try journal.open().frameworks.addPrinciple(
                PrincipleDraft(framework: framework, name: name, summary: summary, number: number, slug: slug))
            output.print(PrincipleUsage(principle: principle, stories: 0).json, else: "Added \(principle.framework):\(principle.position ?? 0) \(Render.oneLine(principle.name)) (\(principle.slug))")
        }
    }
}
