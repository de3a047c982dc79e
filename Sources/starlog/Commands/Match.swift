import ArgumentParser
import StarlogJournal

extension Starlog {
    struct Match: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "match",
            abstract: "Which principles a job description stresses, and how ready you are for them.",
            discussion: """
                Reads a job description or a recruiter's email (a file, or - for stdin), names \
                the principles it stresses with the sentences that show each, then gives \
                coverage for exactly those principles and what to write or rehearse first.
                  starlog match job.txt
                  pbpaste | starlog match -
                """)

        @OptionGroup var journal: JournalOptions

        @Argument(help: ArgumentHelp("The job description: a file, or - for stdin.", valueName: "file"), completion: .file())
        var file: String

        @Option(help: ArgumentHelp("Read it against this framework's principles (default: the next interview's framework, else amazon).", valueName: "framework"))
        var framework: String?

        @OptionGroup var output: OutputOptions

        func run() throws {
            let text = try TextFile.read(file)
            let opened = try journal.openForReading()
            let scope = try opened.answerer.scope(framework: framework)
            let match = try opened.jobMatcher.match(text, scope: scope)
            if output.json {
                Render.json(match.json(wording: AdviceView.warning))
            } else {
                Terminal.line(MatchView.text(match))
            }
        }
    }
}
