import ArgumentParser
import StarlogJournal

extension Starlog.Framework {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add an empty framework; then add its principles with `starlog principles add`.",
            discussion: """
                Example:
                  starlog framework add acme --name "Acme Values" \\
                    --source https://acme.example/careers/values --as-of 2026-03-01
                """)

        @OptionGroup var journal: JournalOptions

        @Argument(help: "Its slug: lower-case letters, digits and hyphens (acme).")
        var slug: String

        @Option(help: "Its name (Acme Values).")
        var name: String

        @Option(help: "Where the values come from (the careers page).")
        var source: String?

        @Option(help: ArgumentHelp("The day you copied them: YYYY-MM-DD.", valueName: "date"))
        var asOf: String?

        @OptionGroup var output: OutputOptions

        func run() throws {
            let framework = try journal.open().frameworks.add(FrameworkDraft(slug: slug, name: name, source: source, asOf: asOf))
            if output.json {
                Render.json(framework.json)
            } else {
                Terminal.line("Added framework \(framework.slug): \(Render.oneLine(framework.name))")
                Terminal.line(Style.dim.apply("Next: `starlog principles add --framework \(framework.slug) --name NAME --summary \"...\"`."))
            }
        }
    }
}
