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
            for line in Self.summary(report) { Terminal.line(line) }
        }

        static func summary(_ report: ImportReport) -> [String] {
            func count(_ number: Int, _ one: String, _ many: String) -> String {
                "\(number) \(number == 1 ? one : many)"
            }
            var lines: [String] = []
            let verb = report.dryRun ? "Would add" : "Added"
            lines.append("\(verb) \(count(report.added, "story", "stories")); skipped \(count(report.duplicates, "duplicate", "duplicates")) and \(count(report.empty, "empty section", "empty sections")).")
            if report.principlesAdded + report.questionsAdded + report.attemptsAdded > 0 {
                lines.append("\(verb) \(count(report.principlesAdded, "principle", "principles")), \(count(report.questionsAdded, "question", "questions")) and \(count(report.attemptsAdded, "practice attempt", "practice attempts")).")
            }
            if report.interviewsAdded > 0 {
                lines.append("\(verb) \(count(report.interviewsAdded, "interview", "interviews")).")
            }
            if !report.strayFieldLines.isEmpty {
                let where_ = report.strayFieldLines.prefix(6).map(String.init).joined(separator: ", ")
                lines.append("Left out STAR fields under no principle heading (\(report.strayFieldLines.count == 1 ? "line" : "lines") \(where_)\(report.strayFieldLines.count > 6 ? ", …" : "")); put them under a heading such as `## Earn Trust` to import them.")
            }
            if !report.leftOutLines.isEmpty {
                let where_ = report.leftOutLines.prefix(6).map(String.init).joined(separator: ", ")
                lines.append("Left out text that no STAR field held (\(report.leftOutLines.count == 1 ? "line" : "lines") \(where_)\(report.leftOutLines.count > 6 ? ", …" : "")); start it with a field such as **Action:** to import it.")
            }
            if report.dryRun { lines.append("Dry run: nothing was written.") }
            return lines
        }
    }
}
