import StarlogJournal

/// A debrief entry as text.
enum DebriefView {
    /// `  #3 "Tell me about a conflict" — story #12 Cut the bill (conflict), 4/5: notes`.
    static func line(_ entry: DebriefEntry) -> String {
        var text = "  #\(entry.id) \"\(Render.oneLine(entry.question))\""
        if let story = entry.storyID {
            text += " — story #\(story)" + (entry.storyTitle.map { " " + Render.oneLine($0) } ?? " (deleted)")
        } else {
            text += " — no story"
        }
        if let principle = entry.principle { text += " (\(principle.slug))" }
        if let rating = entry.rating { text += ", \(rating)/5" }
        if !entry.notes.isEmpty { text += ": " + Render.oneLine(entry.notes) }
        return text
    }
}
