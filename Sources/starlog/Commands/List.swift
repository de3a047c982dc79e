import ArgumentParser
import StarlogJournal

extension StorySort: ExpressibleByArgument {}

extension Starlog {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List stories, newest first.",
            discussion: """
                Newest means most recently added. --sort when orders by when the story \
                happened (most recent first, undated stories last); --sort title by title.
                --since and --until keep the stories whose `when` falls in that period: a \
                story dated 2023 is kept by --since 2023-06, and undated stories are left out.
                """,
            aliases: ["ls"])

        @OptionGroup var journal: JournalOptions

        @Option(help: ArgumentHelp("Only stories tagged with this principle (slug, name or number).", valueName: "principle"), completion: Completions.principles)
        var principle: String?

        @Option(help: ArgumentHelp("Only stories with this outcome: success, failure or mixed.", valueName: "outcome"), completion: Completions.outcomes)
        var outcome: String?

        @Option(help: "Only stories at this company (any case).")
        var company: String?

        @Option(help: ArgumentHelp("Only stories that happened on or after this date: YYYY, YYYY-MM or YYYY-MM-DD.", valueName: "date"))
        var since: String?

        @Option(help: ArgumentHelp("Only stories that happened on or before this date: YYYY, YYYY-MM or YYYY-MM-DD.", valueName: "date"))
        var until: String?

        @Option(help: ArgumentHelp("Order: added (newest added first, the default), when (most recent first) or title (A to Z).", valueName: "order"))
        var sort: StorySort = .added

        @Option(help: "Show at most this many stories.")
        var limit: Int?

        @OptionGroup var output: OutputOptions

        func validate() throws {
            try validateLimit(limit)
        }

        func run() throws {
            let filter = StoryFilter(
                principle: principle, outcome: try outcome.map(Outcome.parse), company: company,
                since: try since.map { try StoryDate.parse($0) }, until: try until.map { try StoryDate.parse($0) },
                sort: sort, limit: limit)
            let stories = try journal.openForReading().stories.list(filter)
            if output.json {
                Render.json(.array(stories.map(\.json)))
            } else if stories.isEmpty {
                Terminal.note(filter == StoryFilter(sort: sort, limit: limit)
                    ? "No stories yet: add one with `starlog add`."
                    : "No stories match: try fewer filters, or `starlog list` for every story.")
            } else {
                Terminal.line(StoryView.table(stories))
            }
        }
    }
}
