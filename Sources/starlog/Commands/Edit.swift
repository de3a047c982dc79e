import ArgumentParser
import StarlogJournal

extension Starlog {
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Change a story's fields, from flags or in $EDITOR.",
            discussion: """
                Each flag replaces that field; an empty value clears --company, --role or --when. \
                --principle (repeatable) replaces the story's principles; use `starlog tag` and \
                `starlog untag` to add or remove one at a time.

                With no flags on a terminal, the story opens in $VISUAL (else $EDITOR, else vi) \
                in starlog's Markdown form; save and quit to apply what you changed. \
                --from FILE (or -) replaces the story with one read from that form.
                """)

        @OptionGroup var journal: JournalOptions
        @Argument(help: "The story's id.") var id: StoryID
        @OptionGroup var fields: StoryFieldOptions

        @Option(help: ArgumentHelp("Replace the story with one read from a Markdown file, or - for stdin.", valueName: "file"), completion: .file())
        var from: String?

        @Flag(help: "Open the story in $EDITOR even when stdin is not a terminal.")
        var editor = false

        @OptionGroup var output: OutputOptions

        func validate() throws {
            try fields.validateOneSource(from: from, editor: editor)
            if fields.isEmpty && from == nil && !editor && !Terminal.stdinIsTTY {
                throw ValidationError("nothing to change: pass at least one field, for example --result \"...\", or run `starlog edit ID` on a terminal to edit it in $EDITOR")
            }
        }

        func run() throws {
            let opened = try journal.openExisting()
            let story: Story
            if let from {
                let parsed = try StoryEditor.story(in: from, journal: opened)
                story = try opened.stories.update(id.value, try opened.patch(from: parsed))
                StoryEditor.removeIfDraft(from)
            } else if fields.isEmpty {
                let current = try opened.stories.require(id.value)
                var updated: Story?
                let outcome = try StoryEditor.edit(StoryMarkdown.render(current), retry: "starlog edit \(id.value)") { text in
                    let parsed = try opened.requireStory(markdown: text, previousTitle: current.title)
                    updated = try opened.stories.update(id.value, try opened.patch(from: parsed))
                }
                guard outcome == .saved, let updated else {
                    Terminal.writeError("No changes to story \(id.value).\n")
                    return
                }
                story = updated
            } else {
                story = try opened.stories.update(id.value, try fields.patch())
            }
            output.print(story.json, else: "Updated story \(story.id): \(Render.oneLine(story.title))")
            Terminal.notePendingPurge(opened, "the replaced words of story \(story.id)")
        }
    }
}
