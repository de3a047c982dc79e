import ArgumentParser
import StarlogJournal

extension Starlog {
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm",
            abstract: "Delete a story.",
            discussion: """
                Asks first on a terminal; --yes skips the question, and is required when \
                starlog is not run from a terminal. Practice history keeps its attempts.
                """)

        @OptionGroup var journal: JournalOptions
        @Argument(help: "The story's id.") var id: StoryID
        @Flag(name: [.short, .long], help: "Delete without asking.") var yes = false

        func run() throws {
            let opened = try journal.open()
            let story = try opened.stories.require(id.value)
            if !yes {
                guard Terminal.stdinIsTTY else {
                    throw JournalError.invalidInput("not deleting story \(story.id) without confirmation; pass --yes to delete it")
                }
                Terminal.writeError("Delete story \(story.id) \"\(Render.oneLine(story.title))\"? [y/N] ")
                let answer = Terminal.readLine()?.trimmingSpaces().lowercased() ?? ""
                guard answer == "y" || answer == "yes" else {
                    Terminal.writeError("Kept story \(story.id).\n")
                    throw ExitCode(1)
                }
            }
            try opened.stories.delete(story.id)
            Terminal.line("Deleted story \(story.id): \(Render.oneLine(story.title))")
        }
    }
}
