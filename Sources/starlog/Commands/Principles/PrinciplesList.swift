import ArgumentParser
import StarlogJournal

extension Starlog.Principles {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the principles of a framework and how many stories show each.",
            discussion: """
                Without --framework: the framework of the next upcoming interview, else amazon. \
                --all lists every framework's.
                """)

        @OptionGroup var journal: JournalOptions

        @Option(help: ArgumentHelp("The framework to list (see `starlog framework`).", valueName: "framework"))
        var framework: String?

        @Flag(help: "List the principles of every framework.")
        var all = false

        @OptionGroup var output: OutputOptions

        func validate() throws {
            if all && framework != nil { throw ValidationError("--all and --framework cannot be used together; pick one") }
        }

        func run() throws {
            let opened = try journal.openForReading()
            var usage = try opened.principles.usage()
            let shown = all ? nil : try opened.frameworks.scope(framework)
            if let shown { usage = usage.filter { $0.principle.framework == shown.slug } }
            if output.json {
                Render.json(.array(usage.map(\.json)))
                return
            }
            if usage.isEmpty, let shown {
                Terminal.note("\(shown.slug) has no principles yet; add one with `starlog principles add --framework \(shown.slug) --name NAME`.")
                return
            }
            let rows = usage.map { entry -> [String] in
                let number = entry.principle.position.map { String($0) } ?? "-"
                let name = all ? "\(entry.principle.framework):\(number)" : number
                return [name, Render.oneLine(entry.principle.name),
                        entry.principle.slug, String(entry.stories), Render.oneLine(entry.principle.summary)]
            }
            Terminal.line(Render.table(
                header: ["#", "PRINCIPLE", "SLUG", "STORIES", "SUMMARY"], rows: rows, flexible: 4,
                rightAligned: all ? [3] : [0, 3],
                style: { row, column in
                    switch column {
                    case 1: return .bold
                    case 2: return .dim
                    case 3: return usage[row].stories == 0 ? .red : .green
                    default: return nil
                    }
                }))
            if let shown {
                let others = try opened.frameworks.all().filter { $0.slug != shown.slug }.map(\.slug)
                if !others.isEmpty {
                    Terminal.note("Shown: \(shown.slug). Also: \(others.joined(separator: ", ")); see `starlog principles --framework F` or `--all`.")
                }
            }
        }
    }
}
