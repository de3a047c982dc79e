import ArgumentParser
import StarlogJournal

extension Starlog.Framework {
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm",
            abstract: "Remove a framework you added, with its principles and their questions.",
            discussion: """
                Refused while stories are tagged with its principles; --force removes those tags \\
                too, after asking on a terminal (--yes skips the question). Refused while an \\
                interview tests it. The built-in frameworks cannot be removed. Practice history \\
                keeps its attempts.
                """)

        @OptionGroup var journal: JournalOptions

        @Argument(help: "The framework's slug (see `starlog framework`).")
        var slug: String

        @Flag(help: "Also remove its principles from the stories tagged with them.")
        var force = false

        @Flag(name: [.short, .long], help: "With --force: do not ask.")
        var yes = false

        func run() throws {
            let opened = try journal.openExisting()
            let framework = try opened.frameworks.require(slug)
            if force {
                let tagged = try opened.frameworks.taggedStories(framework: framework.slug)
                if tagged > 0 && !framework.builtin {
                    let stories = "\(tagged) \(tagged == 1 ? "story" : "stories")"
                    guard try Confirm.ask("Remove \(framework.slug) and its tags from \(stories)?", yes: yes,
                                          refusal: "not removing \(framework.slug)'s tags from \(stories) without confirmation; add --yes") else { return }
                }
            }
            let removed = try opened.frameworks.remove(framework.slug, force: force)
            let count = removed.principles.count
            var text = "Removed framework \(framework.slug) with \(count) \(count == 1 ? "principle" : "principles")"
            if removed.untagged > 0 { text += " and \(removed.untagged) story \(removed.untagged == 1 ? "tag" : "tags")" }
            Terminal.line(text)
        }
    }
}
