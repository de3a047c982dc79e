import ArgumentParser
import StarlogJournal

extension Starlog {
    struct Questions: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "questions",
            abstract: "The question bank: behavioural questions for each principle.",
            discussion: """
                starlog ships at least three questions for each built-in principle; add your own \
                with `starlog questions add --principle P "..."`. Yours are marked as yours and \
                are never changed by an upgrade.
                """,
            subcommands: [List.self, Add.self, Remove.self, Edit.self, Hide.self, Unhide.self],
            defaultSubcommand: List.self)
    }
}
