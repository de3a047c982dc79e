import ArgumentParser
import StarlogJournal

extension ImportFormat: ExpressibleByArgument {}

extension Starlog {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Bring in stories from a JSON export or Markdown notes.",
            discussion: """
                Reads a `starlog export` JSON dump, starlog's Markdown story form, or notes in the \
                STAR-template style: a heading naming a principle (`## 11. Earn Trust`, \
                `## earn trust`), then **Situation:**, **Task:**, **Action:**, **Result:** fields. \
                Each filled section becomes a story tagged with that principle and titled by the \
                first sentence of its situation; sections whose fields are all empty are skipped \
                and counted.

                All or nothing: a file with a problem changes nothing and names the line. \
                Importing the same file again adds nothing (stories match on title and text). \
                The format is detected from the content unless --format is given.

                Examples:
                  starlog import --dry-run ~/notes/amazon-lps.md
                  starlog import ~/notes/amazon-lps.md
                  starlog import starlog.json
                """)

        @OptionGroup var journal: JournalOptions

        @Argument(help: ArgumentHelp("The file to read, or - for stdin.", valueName: "file"), completion: .file())
        var file: String

        @Option(help: ArgumentHelp("json or markdown (default: detected).", valueName: "format"))
        var format: ImportFormat?

        @Flag(help: "Report what would be imported, and write nothing.")
        var dryRun = false

        @OptionGroup var output: OutputOptions

        func run() throws {
            // A dry run changes nothing, so it never creates a journal either:
            // with none there yet, it reports against an empty one in memory.
            let opened: Journal
            if dryRun {
                opened = try Journal.isMissing(at: journal.path()) ? Journal.inMemory(clock: JournalOptions.clock) : journal.openExisting()
            } else {
                opened = try journal.open()
            }
            let report = try opened.importStories(from: file, format: format, dryRun: dryRun)
            if output.json {
                Render.json(report.json)
                return
            }
            for line in ImportView.summary(report) { Terminal.line(line) }
        }
    }
}
