import ArgumentParser
import StarlogJournal

extension Starlog {
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a story's fields.",
            discussion: """
                Each flag replaces that field; an empty value clears --company, --role or --when. \
                --principle (repeatable) replaces the story's principles; use `starlog tag` and \
                `starlog untag` to add or remove one at a time.
                """)

        @OptionGroup var journal: JournalOptions
        @Argument(help: "The story's id.") var id: StoryID
        @OptionGroup var fields: StoryFieldOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if fields.isEmpty {
                throw ValidationError("nothing to change: pass at least one field, for example --result \"...\"")
            }
        }

        func run() throws {
            let patch = try fields.patch()
            let story = try journal.open().stories.update(id.value, patch)
            if output.json {
                Render.json(story.json)
            } else {
                Terminal.line("Updated story \(story.id): \(Render.oneLine(story.title))")
            }
        }
    }
}
