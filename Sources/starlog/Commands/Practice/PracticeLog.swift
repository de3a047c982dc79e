import ArgumentParser
import StarlogJournal

extension Starlog.Practice {
    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "log",
            abstract: "Record one practice attempt from flags.",
            discussion: """
                Examples:
                  starlog practice log --question 31 --story 4 --duration 150 \\
                    --rating 4 --notes "too long on the situation"
                  starlog practice log --question-text "Why this company?" \\
                    --principle customer-obsession --rating 3
                An attempt is for one principle: the question's, else --principle, else the story's only one.
                A bad rating, a negative duration, an unknown story or question, or no question \
                at all is an error, and nothing is recorded.
                """)

        @OptionGroup var journal: JournalOptions

        @Option(help: ArgumentHelp("The question from the bank (see `starlog questions`).", valueName: "id"))
        var question: Int64?

        @Option(name: .customLong("question-text"), help: ArgumentHelp("The text of a question asked elsewhere.", valueName: "text"))
        var questionText: String?

        @Option(help: ArgumentHelp("The principle a --question-text question asks about (slug, name or number).", valueName: "principle"), completion: Completions.principles)
        var principle: String?

        @Option(help: ArgumentHelp("The story you told: 4 or #4.", valueName: "id"))
        var story: StoryID?

        @Option(parsing: .unconditional, help: ArgumentHelp("How long you spoke: seconds (150), or 2:30, or 2m30s.", valueName: "seconds"))
        var duration: String?

        @Option(help: ArgumentHelp("How well it went, 1 (poor) to 5 (interview-ready).", valueName: "1-5"))
        var rating: Int

        @Option(help: "What to change next time.")
        var notes: String = ""

        @Option(help: ArgumentHelp("When you practised, if not now: a local YYYY-MM-DD or \"YYYY-MM-DD HH:MM\", or YYYY-MM-DDTHH:MM:SSZ (UTC).", valueName: "time"))
        var at: String?

        @Option(help: ArgumentHelp("Add the attempt to this practice session instead of a new one.", valueName: "id"))
        var session: Int64?

        @OptionGroup var output: OutputOptions

        func run() throws {
            let seconds = try duration.map(DurationText.parse)
            let draft = AttemptDraft(
                questionID: question, questionText: questionText, principle: principle, storyID: story?.value,
                duration: seconds, rating: rating, notes: notes, practicedAt: at)
            let opened = try journal.open()
            let attempt = try opened.practice.record(draft, session: session)
            if output.json {
                Render.json(attempt.json)
            } else {
                Terminal.line("Recorded attempt \(attempt.id) (session \(attempt.sessionID)): " + PracticeView.summary(attempt))
                Terminal.line("  " + Render.oneLine(attempt.question))
                if let item = try opened.comesUpNext(after: attempt), let next = PracticeView.comesUpNext(item, clock: opened.clock) { Terminal.line("  " + next) }
            }
            try TagOffer.offer(attempt, in: opened, ask: !output.json)
        }
    }
}
