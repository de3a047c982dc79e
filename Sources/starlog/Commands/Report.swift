import ArgumentParser
import StarlogJournal

extension Starlog {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Write the visual report (or the interview cheat sheet) as one HTML file.",
            discussion: """
                The report shows readiness per principle, which stories carry which principles \
                (shaded by lint score), practice over the last twelve weeks, the next interview's \
                countdown and plan, the reviews due before it, and each story's weakest point. \
                --sheet makes instead a one-page cheat sheet to print or keep on a second screen: \
                for each planned principle, the story, its opening line, the Result's figures and \
                your last practice note.

                The file is self-contained (no scripts, nothing fetched from the network), private \
                (mode 0600), and appears only once complete. It is written to starlog-report.html \
                (starlog-sheet.html with --sheet) in the current folder unless --output says \
                otherwise; an existing file is replaced only with --force.

                Examples:
                  starlog report --open
                  starlog report --interview 2 --sheet --output acme-sheet.html
                """)

        @OptionGroup var journal: JournalOptions

        @Option(name: [.short, .long], help: ArgumentHelp("The HTML file to write.", valueName: "file"), completion: .file())
        var output: String?

        @Option(help: ArgumentHelp("Look ahead to this interview (see `starlog interview list`); default: the next one.", valueName: "id"), completion: Completions.interviewIDs)
        var interview: Int64?

        @Option(
            name: .customLong("principle"),
            help: ArgumentHelp("Only this principle: slug, name or number (repeatable).", valueName: "principle"), completion: Completions.principles)
        var principles: [String] = []

        @Option(help: ArgumentHelp("Every principle of this framework (default: the next interview's, else amazon); with --principle, the framework a bare number is read in.", valueName: "framework"))
        var framework: String?

        @Flag(help: "Make the one-page cheat sheet instead of the report.")
        var sheet = false

        @Flag(help: "Open the file with the desktop's opener (xdg-open, or open on macOS).")
        var open = false

        @Flag(help: "Replace the output file when it already exists.")
        var force = false

        func validate() throws {
            try validateInterviewScope(interview: interview, principles: principles, framework: framework)
            if output?.isEmpty == true { throw ValidationError("--output needs a file path") }
        }

        func run() throws {
            let opened = try journal.openForReading()
            let path = output ?? (sheet ? "starlog-sheet.html" : "starlog-report.html")
            // Refuse an existing file before doing the work.
            try OutputFile.checkTarget(path, force: force, journal: opened.path)
            let model = try opened.report.build(interview: interview, principles: principles, framework: framework)
            let page = sheet ? ReportPage.sheet(model) : ReportPage.report(model)
            let file = try OutputFile(path: path, force: force, journal: opened.path)
            do {
                try file.write(page)
                try file.commit()
            } catch {
                file.discard()
                throw error
            }
            Terminal.line("Wrote the \(sheet ? "cheat sheet" : "report") to \(path)")
            if open { Opener.open(path) }
        }
    }
}
