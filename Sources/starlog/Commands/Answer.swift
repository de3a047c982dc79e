import ArgumentParser
import StarlogJournal

extension Starlog {
    struct Answer: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "answer",
            abstract: "Which of your stories answers a question you did not prepare for.",
            discussion: """
                Names the principles the question most likely tests, each with a confidence \
                and the questions it is nearest to (the bank, your own questions, the \
                questions you practised and those you debriefed), then your stories that best answer it, with why: \
                their tag, the words they share with the question, their lint score and \
                practice. Works offline from what the journal holds.
                  starlog answer "How did you win back a client who stopped trusting you?"
                """)

        @OptionGroup var journal: JournalOptions

        @Argument(help: "The question, as it was asked.")
        var words: [String] = []

        @Option(help: ArgumentHelp("Weigh the question against this interview's principles, and leave out stories already told at its company.", valueName: "id"), completion: Completions.interviewIDs)
        var interview: Int64?

        @Option(help: ArgumentHelp("Weigh the question against this framework's principles (default: the next interview's framework, else amazon).", valueName: "framework"))
        var framework: String?

        @Option(help: "Show at most this many stories (default 5).")
        var limit: Int = 5

        @OptionGroup var output: OutputOptions

        func validate() throws {
            try validateLimit(limit)
            if interview != nil && framework != nil {
                throw ValidationError("give either --interview or --framework, not both")
            }
            if words.allSatisfy({ $0.trimmed.isEmpty }) {
                throw ValidationError("nothing to answer: give the question, for example `starlog answer \"Tell me about a time you disagreed with your manager\"`")
            }
        }

        func run() throws {
            let question = words.joined(separator: " ")
            let opened = try journal.openForReading()
            let answerer = opened.answerer
            let scope = try answerer.scope(framework: framework, interview: interview)
            let excluded = try interview.map { try answerer.excluded(forInterview: $0) } ?? []
            let answer = try answerer.answer(question, scope: scope, excluded: excluded, limit: limit)
            if output.json {
                Render.json(answer.json)
            } else {
                Terminal.line(AnswerView.text(answer))
            }
        }
    }
}
