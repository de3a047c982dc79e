import ArgumentParser
import StarlogJournal

extension Starlog.Principles {
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm",
            abstract: "Remove a principle you added, with its questions.",
            discussion: """
                Refused while stories are tagged with it; --force removes those tags too, after \
                asking on a terminal (--yes skips the question). Built-in principles cannot be \
                removed. Practice history keeps its attempts.
                """)

        @OptionGroup var journal: JournalOptions

        @Argument(help: ArgumentHelp("The principle: slug, name, FRAMEWORK:NUMBER, or a number within --framework.", valueName: "principle"))
        var principle: String

        @Option(help: ArgumentHelp("The framework a bare number is read in.", valueName: "framework"))
        var framework: String?

        @Flag(help: "Also remove the principle from the stories tagged with it.")
        var force = false

        @Flag(name: [.short, .long], help: "With --force: do not ask.")
        var yes = false

        func run() throws {
            let opened = try journal.openExisting()
            let target = try opened.principles.resolve(principle, in: framework)
            if force {
                let tagged = try opened.frameworks.taggedStories(principle: target)
                if tagged > 0 {
                    let question = "Remove \(target.slug) and its tag from \(tagged) \(tagged == 1 ? "story" : "stories")?"
                    guard try Confirm.ask(question, yes: yes, refusal: "not removing \(target.slug) from \(tagged) \(tagged == 1 ? "story" : "stories") without confirmation; add --yes") else { return }
                }
            }
            let removed = try opened.frameworks.removePrinciple(target.slug, force: force)
            let untagged = removed.untagged > 0 ? "; untagged \(removed.untagged) \(removed.untagged == 1 ? "story" : "stories")" : ""
            Terminal.line("Removed \(target.framework):\(target.position ?? 0) \(Render.oneLine(target.name)) (\(target.slug))\(untagged)")
        }
    }
}
