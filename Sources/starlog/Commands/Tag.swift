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
        @OptionGroup var tagging: TagArguments
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if tagging.principles.isEmpty { throw ValidationError("name at least one principle to tag the story with") }
        }

        func run() throws {
            let stories = try journal.openExisting().stories.tag(tagging.ids.values, with: tagging.principles)
            TagView.print(stories, json: output.json)
        }
    }
}
