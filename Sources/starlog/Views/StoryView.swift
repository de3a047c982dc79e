import StarlogJournal

/// Stories as text: one in full, several as a table, search hits.
enum StoryView {
    /// Every field of one story.
    static func story(_ story: Story, names: [String: String]) -> String {
        var lines: [String] = []
        let width = Terminal.width
        /// On a terminal, a long line wraps between words; each piece is styled alone.
        func add(_ text: String, indent: String = "", style: Style? = nil) {
            let pieces = width.map { Render.wrap(Substring(text), width: $0, indent: indent) } ?? [indent + text]
            lines.append(contentsOf: pieces.map { style?.apply($0) ?? $0 })
        }
        add("#\(story.id)  \(Render.oneLine(story.title))", style: .bold)
        var facts: [String] = ["outcome: \(outcomeLabel(story.outcome))"]
        if let when = story.when { facts.append("when: \(when)") }
        if let company = story.company { facts.append("company: \(Render.oneLine(company))") }
        if let role = story.role { facts.append("role: \(Render.oneLine(role))") }
        lines.append(facts.joined(separator: "   "))
        if story.principles.isEmpty {
            lines.append("principles: " + Style.dim.apply("none (add some with `starlog tag \(story.id) PRINCIPLE`)"))
        } else {
            add("principles: " + story.principles.map { Render.oneLine(names[$0] ?? $0) }.joined(separator: ", "))
        }
        add("added \(Render.localTime(story.createdAt)), updated \(Render.localTime(story.updatedAt)) (local time)", style: .dim)
        for (section, text) in story.sections {
            lines.append("")
            lines.append(Style.cyan.apply(section.label))
            if text.isEmpty {
                lines.append(Style.dim.apply("  (empty)"))
            } else {
                for line in Render.splitLines(text) {
                    let line = Shown.escape(line)
                    if let width {
                        lines.append(contentsOf: Render.wrap(Substring(line), width: width, indent: "  "))
                    } else {
                        lines.append("  " + line)
                    }
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    static func outcomeLabel(_ outcome: Outcome) -> String {
        switch outcome {
        case .success: return Style.green.apply("success")
        case .failure: return Style.red.apply("failure")
        case .mixed: return Style.yellow.apply("mixed")
        }
    }

    /// Stories as an aligned table: id, when, outcome, title, principles.
    static func table(_ stories: [Story]) -> String {
        let rows = stories.map { story in
            [String(story.id), story.when?.text ?? "-", story.outcome.rawValue,
             Render.oneLine(story.title), Render.oneLine(story.principles.joined(separator: ", "))]
        }
        return Render.table(header: ["ID", "WHEN", "OUTCOME", "TITLE", "PRINCIPLES"], rows: rows, flexible: 3)
    }

    /// A search hit: id and title, then the snippet with matches highlighted.
    static func hit(_ hit: SearchHit) -> String {
        let title = Style.bold.apply("#\(hit.story.id)  \(Render.oneLine(hit.story.title))")
        var head = title
        if !hit.story.principles.isEmpty {
            head += "  " + Style.dim.apply("(" + Render.oneLine(hit.story.principles.joined(separator: ", ")) + ")")
        }
        return head + "\n    " + snippet(hit.snippet)
    }

    /// A search snippet on one line, escaped, its matched words highlighted.
    static func snippet(_ marked: String) -> String {
        var snippet = ""
        var inMatch = false
        var run = ""
        func flush() {
            // Each run is folded and escaped on its own, so the highlight
            // marks (control characters themselves) are never escaped.
            var text = Shown.escape(run).map { $0.isWhitespace ? " " : $0 }.reduce(into: "") { text, character in
                if character != " " || text.last != " " { text.append(character) }
            }
            if snippet.isEmpty { text = String(text.drop { $0 == " " }) }
            snippet += inMatch ? Style.highlight.apply(text) : text
            run = ""
        }
        for character in marked {
            if character == SearchHit.highlightStart || character == SearchHit.highlightEnd {
                flush()
                inMatch = character == SearchHit.highlightStart
            } else {
                run.append(character)
            }
        }
        flush()
        return snippet
    }
}
