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
            if words.allSatisfy({ $0.trimmingSpaces().isEmpty }) {
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

/// An answer as text: presentation only.
enum AnswerView {
    static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }

    static func source(_ source: ClassifierSource) -> String {
        switch source {
        case .name: return "its name"
        case .summary: return "its summary"
        case .bank: return "bank question"
        case .own: return "your question"
        case .practised: return "you practised"
        case .debriefed: return "you were asked"
        }
    }

    /// The likely principles, numbered (`1.` with `marker` "."), each with
    /// its confidence and the texts it is nearest to.
    static func guesses(_ guesses: [PrincipleGuess], marker: String) -> [String] {
        var lines: [String] = []
        for (index, guess) in guesses.enumerated() {
            lines.append("  \(index + 1)\(marker) \(Render.oneLine(guess.principle.name))  \(percent(guess.confidence))")
            for evidence in guess.evidence {
                let words = evidence.words.map(Render.oneLine).joined(separator: ", ")
                lines.append("     " + Style.dim.apply("near \(source(evidence.example.source)): ") + "\"\(Render.oneLine(evidence.example.text))\"" + Style.dim.apply("  (shares: \(words))"))
            }
        }
        return lines
    }

    static func text(_ answer: QuestionAnswer) -> String {
        var lines: [String] = []
        if answer.principles.isEmpty {
            lines.append("No principle stands out: the question shares no words with the principles, their questions or your practice.")
        } else {
            lines.append(Style.bold.apply("Likely principles"))
            lines += guesses(answer.principles, marker: ".")
        }
        if !answer.stories.isEmpty {
            lines.append("")
            lines.append(Style.bold.apply("Stories"))
            for story in answer.stories {
                let fit = story.ranked.fit
                lines.append("  " + Style.bold.apply("#\(fit.storyID)  \(Render.oneLine(fit.title))"))
                var why = ["tagged \(Render.oneLine(story.principle.name))"]
                if fit.tags > 1 { why[0] += " (and \(fit.tags - 1) more)" }
                why.append("lint \(fit.score)")
                if fit.attempts > 0 {
                    var practice = "practised \(fit.attempts)× for it"
                    if let best = fit.bestRating { practice += ", best \(best)/5" }
                    why.append(practice)
                } else {
                    why.append("not practised for it")
                }
                if !story.ranked.sharedWords.isEmpty {
                    why.append("shares: " + story.ranked.sharedWords.map(Render.oneLine).joined(separator: ", "))
                }
                lines.append("      " + Style.dim.apply(why.joined(separator: " · ")))
                if let snippet = story.ranked.snippet {
                    lines.append("      " + StoryView.snippet(snippet))
                }
            }
        }
        if !answer.excluded.isEmpty {
            lines.append("")
            let told = answer.excluded.map { "#\($0.storyID) \(Render.oneLine($0.title)) (\(Render.oneLine($0.toldAt)))" }
            lines.append("Left out, told already at this company: " + told.joined(separator: "; "))
        }
        if let write = answer.toWrite {
            lines.append("")
            let name = Render.oneLine(write.principle.name)
            var line = answer.excluded.isEmpty
                ? "No story fits yet. Write one for \(name)"
                : "No other story fits. Write one for \(name)"
            if let question = write.question {
                line += ", for example to answer \"\(Render.oneLine(question.text))\""
            }
            line += ": starlog add --principle \(write.principle.slug)"
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
