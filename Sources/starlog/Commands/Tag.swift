import ArgumentParser
import StarlogJournal

extension Starlog {
    struct Tag: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tag",
            abstract: "Tag stories with principles.",
            discussion: """
                Examples:
                  starlog tag 12 earn-trust "dive deep" 14
                  starlog tag 10,11 ownership      (several stories: ids joined by commas)
                """)

        @OptionGroup var journal: JournalOptions
        @Argument(help: "The story's id (12 or #12), or several joined by commas (10,11).") var ids: StoryIDList
        @Argument(help: ArgumentHelp("Principles: slug, name or number.", valueName: "principle"), completion: Completions.principles)
        var principles: [String]
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if principles.isEmpty { throw ValidationError("name at least one principle to tag the story with") }
        }

        func run() throws {
            let stories = try journal.openExisting().stories.tag(ids.values, with: principles)
            TagView.print(stories, json: output.json)
        }
    }

    struct Untag: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "untag",
            abstract: "Remove principles from stories.",
            discussion: "Example: starlog untag 10,11 earn-trust   (several stories: ids joined by commas)")

        @OptionGroup var journal: JournalOptions
        @Argument(help: "The story's id (12 or #12), or several joined by commas (10,11).") var ids: StoryIDList
        @Argument(help: ArgumentHelp("Principles: slug, name or number.", valueName: "principle"), completion: Completions.principles)
        var principles: [String]
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if principles.isEmpty { throw ValidationError("name at least one principle to remove") }
        }

        func run() throws {
            let stories = try journal.openExisting().stories.untag(ids.values, from: principles)
            TagView.print(stories, json: output.json)
        }
    }
}
