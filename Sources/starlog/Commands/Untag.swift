import ArgumentParser
import StarlogJournal

extension Starlog {
    struct Untag: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "untag",
            abstract: "Remove principles from stories.",
            discussion: "Example: starlog untag 10,11 earn-trust   (several stories: ids joined by commas)")

        @OptionGroup var journal: JournalOptions
        @OptionGroup var tagging: TagArguments
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if tagging.principles.isEmpty { throw ValidationError("name at least one principle to remove") }
        }

        func run() throws {
            let stories = try journal.openExisting().stories.untag(tagging.ids.values, from: tagging.principles)
            TagView.print(stories, json: output.json)
        }
    }
}
