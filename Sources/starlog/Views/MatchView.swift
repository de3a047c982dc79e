import StarlogJournal

/// A job match as text: presentation only.
enum MatchView {
    static func text(_ match: JobMatch) -> String {
        guard let coverage = match.coverage, !match.principles.isEmpty else {
            return "No principle stands out in this text: none of its sentences is near a principle, its questions or your practice."
        }
        var lines = [Style.bold.apply("Principles it stresses")]
        for stressed in match.principles {
            let count = stressed.sentences.count == 1 ? "1 sentence" : "\(stressed.sentences.count) sentences"
            lines.append("  \(Render.oneLine(stressed.principle.name))  " + Style.dim.apply("(\(count))"))
            for sentence in stressed.sentences {
                let words = sentence.words.map(Render.oneLine).joined(separator: ", ")
                lines.append("    \"\(Render.oneLine(sentence.text))\"" + Style.dim.apply("  (\(words))"))
            }
        }
        lines.append("")
        lines.append(CoverageView.grid(coverage))
        let steps = match.firstSteps
        lines.append("")
        if steps.isEmpty {
            lines.append("Every principle it stresses is ready.")
        } else {
            lines.append(Style.bold.apply("First"))
            for step in steps {
                switch step {
                case .write(let principle):
                    lines.append("  write a story for \(Render.oneLine(principle.name)): starlog add --principle \(principle.slug)")
                case .writeSecond(let principle):
                    lines.append("  write a second story for \(Render.oneLine(principle.name)): starlog add --principle \(principle.slug)")
                case .rehearse(let principle, let story):
                    let told = story.map { " #\($0.id) \"\(Render.oneLine($0.title))\"" } ?? ""
                    lines.append("  rehearse\(told) for \(Render.oneLine(principle.name)): starlog practice --principle \(principle.slug)")
                }
            }
        }
        return lines.joined(separator: "\n")
    }
}
