import ArgumentParser
import StarlogJournal

extension Starlog.Framework {
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Rename a framework you added, or change its source or as-of day.",
            discussion: """
                Only the fields given change; an empty --source or --as-of clears it. The slug \\
                stays, so its principles, tags and interviews are untouched. The built-in \\
                frameworks cannot be changed.
                Example: starlog framework edit acme --name "Acme Values 2027" --as-of 2027-01-10
                """)

        @OptionGroup var journal: JournalOptions

        @Argument(help: "The framework's slug (see `starlog framework`).")
        var slug: String

        @Option(help: "A new name.")
        var name: String?

        @Option(help: "Where the values come from (the careers page); an empty one clears it.")
        var source: String?

        @Option(help: ArgumentHelp("The day you copied them: YYYY-MM-DD; an empty one clears it.", valueName: "date"))
        var asOf: String?

        @OptionGroup var output: OutputOptions

        func validate() throws {
            if name == nil && source == nil && asOf == nil {
                throw ValidationError("nothing to change; pass --name, --source or --as-of")
            }
        }

        func run() throws {
            let framework = try journal.openExisting().frameworks.edit(slug, FrameworkPatch(name: name, source: source, asOf: asOf))
            output.print(framework.json, else: "Changed framework \(framework.slug): \(Render.oneLine(framework.name))")
        }
    }
}
