import StarlogJournal

/// An answer as text: presentation only.
enum AnswerView {
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
            lines.append("  \(index + 1)\(marker) \(Render.oneLine(guess.principle.name))  \(Render.percent(guess.confidence))")
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
