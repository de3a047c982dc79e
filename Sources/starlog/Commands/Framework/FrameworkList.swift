import ArgumentParser
import StarlogJournal

extension Starlog.Framework {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the frameworks with their principles, stories and interviews.")

        @OptionGroup var journal: JournalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let opened = try journal.openForReading()
            let usage = try opened.frameworks.usage()
            let scope = try opened.frameworks.defaultScope()
            if output.json {
                Render.json(.array(usage.map { $0.json(scope: scope.slug) }))
                return
            }
            let rows = usage.map { entry -> [String] in
                [Render.oneLine(entry.framework.slug) + (entry.framework.slug == scope.slug ? " *" : ""),
                 Render.oneLine(entry.framework.name), String(entry.principles), String(entry.stories),
                 String(entry.interviews), entry.framework.builtin ? "built in" : (entry.framework.asOf ?? "-")]
            }
            Terminal.line(Render.table(header: ["SLUG", "NAME", "PRINCIPLES", "STORIES", "INTERVIEWS", "AS OF"], rows: rows,
                                       flexible: 1, rightAligned: [2, 3, 4]))
            Terminal.line(Style.dim.apply("* in scope when a command is given none: the next interview's framework, else amazon."))
        }
    }
}
