import ArgumentParser
import StarlogJournal

extension Starlog {
    struct Interview: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "interview",
            abstract: "Interviews you are preparing for: add, list, edit, remove, debrief.",
            discussion: """
                An interview has a company, a day, an optional role, the framework it tests \
                (--framework, see `starlog framework`) and the principles it will probe (none \
                means all of the framework). Afterwards, `starlog interview debrief ID` records \
                what was asked and which story you told, so that `starlog plan` for a later \
                interview at the same company does not repeat it. Use its id with `starlog coverage --interview ID`, \
                `starlog plan --interview ID`; `starlog practice due` brings its planned stories \
                forward so each comes due in the last days before it.
                """,
            subcommands: [Add.self, List.self, Remove.self, Edit.self, Debrief.self],
            defaultSubcommand: List.self)
    }
}
