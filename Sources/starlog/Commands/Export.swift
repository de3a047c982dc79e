import ArgumentParser
import StarlogJournal

extension ExportFormat: ExpressibleByArgument {}

extension Starlog {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write the journal out as JSON, Markdown or CSV.",
            discussion: """
                json is the complete, versioned dump (stories with their principles, your own \
                questions, practice sessions and attempts) that `starlog import` restores. \
                markdown writes one section per story in the form `import` and `add --from` read. \
                csv writes one row per story for a spreadsheet.

                With --output the file is written private (mode 0600) and appears only once the \
                export is complete; an existing file is replaced only with --force.

                Examples:
                  starlog export --output starlog.json
                  starlog export --format markdown --output stories.md
                  starlog export --format csv > stories.csv
                """)

        @OptionGroup var journal: JournalOptions

        @Option(help: ArgumentHelp("json, markdown or csv.", valueName: "format"))
        var format: ExportFormat = .json

        @Option(name: [.short, .long], help: ArgumentHelp("The file to write (default: stdout).", valueName: "file"), completion: .file())
        var output: String?

        func validate() throws {
            if output?.isEmpty == true { throw ValidationError("--output needs a file path") }
        }

        @Flag(help: "Replace the --output file when it already exists.")
        var force = false

        func run() throws {
            let opened = try journal.openForReading()
            let count = try ExportOutput.write(to: output, force: force, journal: opened) { sink in
                try opened.export(format, to: sink)
            }
            if let output {
                Terminal.line("Exported \(count) \(count == 1 ? "story" : "stories") as \(format.rawValue) to \(output).")
            }
        }
    }
}
