import ArgumentParser
import StarlogJournal

extension Starlog {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List stories, newest first.",
            aliases: ["ls"])

        @OptionGroup var journal: JournalOptions

        @Option(help: ArgumentHelp("Only stories tagged with this principle (slug, name or number).", valueName: "principle"))
        var principle: String?

        @Option(help: ArgumentHelp("Only stories with this outcome: success, failure or mixed.", valueName: "outcome"))
        var outcome: String?

        @Option(help: "Only stories at this company (any case).")
        var company: String?

        @Option(help: "Show at most this many stories.")
        var limit: Int?

        @OptionGroup var output: OutputOptions

        func validate() throws {
            try validateLimit(limit)
        }

        func run() throws {
            let filter = StoryFilter(
                principle: principle, outcome: try outcome.map(Outcome.parse), company: company, limit: limit)
            let stories = try journal.open().stories.list(filter)
            if output.json {
                Render.json(.array(stories.map(\.json)))
            } else if stories.isEmpty {
                Terminal.note(filter == StoryFilter(limit: limit)
                    ? "No stories yet. Add one with `starlog add --title \"...\"`."
                    : "No stories match.")
            } else {
                Terminal.line(Render.storyTable(stories))
            }
        }
    }
}
