import ArgumentParser
import StarlogJournal

extension Starlog {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one story, every field.")

        @OptionGroup var journal: JournalOptions
        @Argument(help: "The story's id (see `starlog list`).") var id: StoryID
        @OptionGroup var output: OutputOptions

        func run() throws {
            let opened = try journal.open()
            let story = try opened.stories.require(id.value)
            if output.json {
                Render.json(story.json)
            } else {
                let names = Dictionary(uniqueKeysWithValues: try opened.principles.all().map { ($0.slug, $0.name) })
                Terminal.line(Render.story(story, names: names))
            }
        }
    }
}
