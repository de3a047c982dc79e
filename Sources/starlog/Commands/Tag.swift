import ArgumentParser
import StarlogJournal

extension Starlog {
    struct Tag: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tag",
            abstract: "Tag a story with principles.",
            discussion: "Example: starlog tag 12 earn-trust \"dive deep\" 14")

        @OptionGroup var journal: JournalOptions
        @Argument(help: "The story's id.") var id: StoryID
        @Argument(help: ArgumentHelp("Principles: slug, name or number.", valueName: "principle"))
        var principles: [String]
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if principles.isEmpty { throw ValidationError("name at least one principle to tag the story with") }
        }

        func run() throws {
            let story = try journal.open().stories.tag(id.value, with: principles)
            TagOutput.print(story, json: output.json)
        }
    }

    struct Untag: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "untag", abstract: "Remove principles from a story.")

        @OptionGroup var journal: JournalOptions
        @Argument(help: "The story's id.") var id: StoryID
        @Argument(help: ArgumentHelp("Principles: slug, name or number.", valueName: "principle"))
        var principles: [String]
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if principles.isEmpty { throw ValidationError("name at least one principle to remove") }
        }

        func run() throws {
            let story = try journal.open().stories.untag(id.value, from: principles)
            TagOutput.print(story, json: output.json)
        }
    }
}

enum TagOutput {
    static func print(_ story: Story, json: Bool) {
        if json {
            Render.json(story.json)
        } else if story.principles.isEmpty {
            Terminal.line("Story \(story.id) has no principles.")
        } else {
            Terminal.line("Story \(story.id): \(story.principles.joined(separator: ", "))")
        }
    }
}
