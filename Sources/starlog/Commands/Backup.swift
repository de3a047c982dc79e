import ArgumentParser
import StarlogJournal

extension Starlog {
    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "backup",
            abstract: "Copy the journal to a backup file, safely while it is in use.",
            discussion: """
                Uses SQLite's online backup API, so the copy is consistent even while another \
                starlog writes. The backup is one self-contained SQLite file, private (mode 0600); \
                open it with `starlog --db BACKUP list`, or copy it back in place to restore. \
                DEST may be a folder: the file is then named by the date and time.

                Examples:
                  starlog backup ~/Backups/starlog-2024-06-01.db
                  starlog backup ~/Backups/
                """)

        @OptionGroup var journal: JournalOptions

        @Argument(help: ArgumentHelp("The backup file, or a folder to put it in.", valueName: "dest"), completion: .file())
        var destination: String

        @Flag(help: "Replace DEST when it already exists.")
        var force = false

        func validate() throws {
            if destination.isEmpty { throw ValidationError("DEST needs a file or folder path") }
        }

        func run() throws {
            let report = try journal.openForReading().backup(to: destination, force: force)
            Terminal.line("Backed up \(report.stories) \(report.stories == 1 ? "story" : "stories") to \(report.path) (\(Self.size(report.bytes))).")
        }

        static func size(_ bytes: Int64) -> String {
            if bytes < 1024 { return "\(bytes) bytes" }
            if bytes < 1024 * 1024 { return "\((bytes + 512) / 1024) KB" }
            return OneDecimal.text(tenths: Int(bytes * 10 / (1024 * 1024))) + " MB"
        }
    }
}
