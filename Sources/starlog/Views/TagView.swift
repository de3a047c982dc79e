import StarlogJournal

/// What `tag` and `untag` print: each story's principles after the change.
enum TagView {
    /// One story prints its object with --json (as before); several print an array.
    static func print(_ stories: [Story], json: Bool) {
        if json {
            Render.json(stories.count == 1 ? stories[0].json : .array(stories.map(\.json)))
            return
        }
        for story in stories {
            if story.principles.isEmpty {
                Terminal.line("Story \(story.id) has no principles.")
            } else {
                Terminal.line("Story \(story.id): \(story.principles.joined(separator: ", "))")
            }
        }
    }
}
