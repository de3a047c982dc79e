import ArgumentParser
import StarlogJournal

extension Starlog {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one story, every field.",
            discussion: """
                --markdown prints the story in the Markdown form that `starlog add --from` \
                and `starlog edit --from` read, for example to copy a story:
                  starlog show 12 --markdown > story.md
                """)

        @OptionGroup var journal: JournalOptions
        @Argument(help: "The story's id, 12 or #12 (see `starlog list`).") var id: StoryID
        @Flag(help: "Print the story as Markdown with YAML front matter.") var markdown = false
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if markdown && output.json {
                throw ValidationError("--json and --markdown cannot be used together; pick one")
            }
        }

        func run() throws {
            let opened = try journal.openForReading()
            let story = try opened.stories.require(id.value)
            if output.json {
                Render.json(story.json)
            } else if markdown {
                let document = StoryMarkdown.render(story)
                Terminal.line(document.hasSuffix("\n") ? String(document.dropLast()) : document)
            } else {
                let names = Dictionary(uniqueKeysWithValues: try opened.principles.all().map { ($0.slug, $0.name) })
                Terminal.line(StoryView.story(story, names: names))
            }
        }
    }
}
