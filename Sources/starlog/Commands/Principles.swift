import ArgumentParser
import StarlogJournal

extension Starlog {
    struct Principles: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "principles",
            abstract: "List the principles and how many stories show each; add, edit or remove your own.",
            discussion: """
                Wherever a command takes a principle, it accepts the slug, the name in any case, \
                the number within the framework in scope (--framework, else the next interview's, \
                else amazon), or FRAMEWORK:NUMBER (acme:3).
                """,
            subcommands: [List.self, Add.self, Edit.self, Remove.self],
            defaultSubcommand: List.self)
    }
}
