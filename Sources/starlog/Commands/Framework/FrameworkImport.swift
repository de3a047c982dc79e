import ArgumentParser
import StarlogJournal

extension Starlog.Framework {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Add a framework from a YAML file (or Markdown with YAML front matter).",
            discussion: """
                The file gives name, slug, source, as_of and principles, each with number, name, \\
                optional slug, summary and optional questions (see the README). All or nothing: \\
                a file with a mistake adds nothing (exit 65), and a slug the journal has is refused.
                """)

        @OptionGroup var journal: JournalOptions

        @Argument(help: "The file to read (- for stdin).", completion: .file())
        var file: String

        @OptionGroup var output: OutputOptions

        func run() throws {
            let text = try TextFile.read(file)
            let parsed = try FrameworkFile.parse(text)
            let result = try journal.open().frameworks.importFile(parsed)
            if output.json {
                Render.json(result.framework.json)
                return
            }
            let count = result.principles.count
            Terminal.line("Added framework \(result.framework.slug) (\(Render.oneLine(result.framework.name))) with \(count) \(count == 1 ? "principle" : "principles") and \(result.questions) \(result.questions == 1 ? "question" : "questions").")
            Terminal.line(Style.dim.apply("Next: tag stories with `starlog tag ID \(result.framework.slug):1`, then `starlog coverage --framework \(result.framework.slug)`."))
        }
    }
}
