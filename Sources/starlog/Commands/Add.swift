import ArgumentParser
import StarlogJournal

extension Starlog {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a story from flags, a Markdown file, or in $EDITOR.",
            discussion: """
                With flags, only --title is required; fill in the STAR sections now or later with \
                `starlog edit`. With --from FILE (or --from - for stdin) the story is read from \
                starlog's Markdown form (see `starlog export --format markdown`). With no flags on \
                a terminal, $VISUAL (else $EDITOR, else vi) opens on a STAR template; save and \
                quit to add the story, or leave the template unchanged to add nothing.
                Prints the new story's id.

                Example:
                  starlog add --title "Cut checkout latency" --when 2024-03 --company Acme \\
                    --situation "Checkout p99 was 2.1 s and carts were abandoned" \\
                    --action "I profiled the payment call and batched the fraud checks" \\
                    --result "p99 fell to 600 ms; abandonment dropped 8%" \\
                    --principle deliver-results --principle "dive deep"
                  starlog add --from story.md
                """)

        @OptionGroup var journal: JournalOptions
        @OptionGroup var fields: StoryFieldOptions

        @Option(help: ArgumentHelp("Read the story from a Markdown file, or - for stdin.", valueName: "file"), completion: .file())
        var from: String?

        @Flag(help: "Write the story in $EDITOR even when stdin is not a terminal.")
        var editor = false

        @OptionGroup var output: OutputOptions

        func validate() throws {
            try fields.validateOneSource(from: from, editor: editor)
            if from == nil && !editor {
                if fields.isEmpty && !Terminal.stdinIsTTY {
                    throw ValidationError("a story needs a title: pass --title \"...\", or --from FILE, or run `starlog add` on a terminal to write it in $EDITOR")
                }
                if !fields.isEmpty && fields.title == nil {
                    throw ValidationError(ErrorView.message(.invalid(.untitledStory)))
                }
            }
        }

        func run() throws {
            let opened = try journal.open()
            let story: Story
            if let from {
                let parsed = try StoryEditor.story(in: from, journal: opened)
                story = try opened.stories.add(try opened.draft(from: parsed))
                StoryEditor.removeIfDraft(from)
            } else if fields.isEmpty {
                var added: Story?
                let outcome = try StoryEditor.edit(StoryMarkdown.template, retry: "starlog add") { text in
                    added = try opened.stories.add(try opened.draft(from: try opened.requireStory(markdown: text)))
                }
                guard outcome == .saved, let added else {
                    Terminal.writeError("Nothing added: the template came back unchanged or empty.\n")
                    return
                }
                story = added
            } else {
                story = try opened.stories.add(try fields.draft())
            }
            if output.json {
                Render.json(story.json)
            } else {
                Terminal.line(String(story.id))
                if story.principles.isEmpty {
                    Terminal.note("Added story \(story.id). Tag it with `starlog tag \(story.id) PRINCIPLE`.")
                } else {
                    Terminal.note("Added story \(story.id), tagged \(story.principles.joined(separator: ", ")).")
                }
            }
        }
    }
}
