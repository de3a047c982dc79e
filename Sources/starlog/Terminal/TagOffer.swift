import StarlogJournal

/// After an attempt with a story the attempt's principle does not tag.
enum TagOffer {
    /// When the story told is not tagged with the attempt's principle,
    /// offers to tag it: a question on a terminal (when `ask`), else a note
    /// on stderr saying how.
    static func offer(_ attempt: PracticeAttempt, in journal: Journal, ask: Bool) throws {
        guard let storyID = attempt.storyID, let slug = attempt.principle,
              let story = try journal.stories.find(storyID), !story.principles.contains(slug),
              let principle = try? journal.principles.resolve(slug)
        else { return }
        let subject = "Story #\(storyID) is not tagged \(principle.name)"
        if ask && Terminal.stdinIsTTY && Terminal.stderrIsTTY {
            if Confirm.saysYes(subject + "; tag it now, so it counts among \(principle.name)'s stories?") {
                _ = try journal.stories.tag(storyID, with: [slug])
                Terminal.writeError("Tagged story #\(storyID) \(principle.name).\n")
            }
            return
        }
        Terminal.writeError("note: \(subject); the attempt counts for \(principle.name), and `starlog tag \(storyID) \(slug)` would count the story among its stories too.\n")
    }
}
