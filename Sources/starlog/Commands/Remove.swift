import ArgumentParser
import StarlogJournal

extension Starlog {
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm",
            abstract: "Delete stories.",
            discussion: """
                Asks first on a terminal; --yes skips the question, and is required when \
                starlog is not run from a terminal. Answering no deletes nothing and is not \
                an error. With several ids (rm 10 11) every story must exist, and they are \
                deleted together or not at all. Practice history keeps its attempts.
                """)

        @OptionGroup var journal: JournalOptions
        @Argument(help: "The stories' ids: 12 or #12, several separated by spaces.") var ids: [StoryID] = []
        @Flag(name: [.short, .long], help: "Delete without asking.") var yes = false

        func validate() throws {
            if ids.isEmpty { throw ValidationError("name the story to delete: `starlog rm ID` (see `starlog list` for ids)") }
        }

        func run() throws {
            let opened = try journal.openExisting()
            var seen = Set<Int64>()
            let stories = try ids.map(\.value).filter { seen.insert($0).inserted }.map { try opened.stories.require($0) }
            let names = stories.map { "\($0.id) \"\(Render.oneLine($0.title))\"" }
            let what = stories.count == 1 ? "story \(stories[0].id)" : "\(stories.count) stories"
            let question = stories.count == 1
                ? "Delete story \(names[0])?"
                : "Delete \(stories.count) stories: \(names.joined(separator: ", "))?"
            guard try Confirm.ask(question, yes: yes, refusal: "not deleting \(what) without confirmation; pass --yes to delete",
                                  declined: "Nothing deleted.") else { return }
            try opened.stories.delete(stories.map(\.id))
            for story in stories {
                Terminal.line("Deleted story \(story.id): \(Render.oneLine(story.title))")
            }
            Terminal.notePendingPurge(opened, stories.count == 1 ? "story \(stories[0].id)'s words" : "the deleted stories' words")
        }
    }
}
