import ArgumentParser
import StarlogJournal

extension Starlog {
    struct Framework: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "framework",
            abstract: "Frameworks of principles: list, add, edit, remove, export, import.",
            discussion: """
                A framework is the set of values one company (or one kind of interview) tests. \\
                Built in: amazon (the sixteen Leadership Principles) and common (the themes most \\
                interviews ask about). Add a company's values from its careers page with \\
                `starlog framework import FILE` (a small YAML file; see the README) or with \\
                `framework add` and `principles add`.
                """,
            subcommands: [List.self, Add.self, Edit.self, Remove.self, Export.self, Import.self],
            defaultSubcommand: List.self)
    }
}
