import ArgumentParser
import StarlogJournal

extension Starlog.Framework {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write a framework as a YAML file that `framework import` reads back.")

        @OptionGroup var journal: JournalOptions

        @Argument(help: "The framework's slug (see `starlog framework`).")
        var slug: String

        @Option(help: ArgumentHelp("The file to write (default: stdout).", valueName: "file"), completion: .file())
        var output: String?

        @Flag(help: "Replace the --output file when it already exists.")
        var force = false

        func validate() throws {
            if output?.isEmpty == true { throw ValidationError("--output needs a file path") }
        }

        func run() throws {
            let opened = try journal.openForReading()
            let file = try opened.frameworks.export(slug)
            try ExportOutput.write(to: output, force: force, journal: opened) { sink in
                try sink.write(file.yaml)
            }
            if let output {
                Terminal.line("Exported \(file.slug) (\(file.principles.count) principles) to \(output).")
            }
        }
    }
}
