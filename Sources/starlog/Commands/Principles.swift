import ArgumentParser
import StarlogJournal

extension Starlog {
    struct Principles: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "principles",
            abstract: "List the principles and how many stories show each.",
            discussion: "Wherever a command takes a principle, it accepts the slug, the name in any case, or the number.")

        @OptionGroup var journal: JournalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let usage = try journal.openForReading().principles.usage()
            if output.json {
                Render.json(.array(usage.map(\.json)))
                return
            }
            let rows = usage.map { entry -> [String] in
                // The number a command accepts for it: built-in principles only.
                let number = entry.principle.builtin ? entry.principle.position.map { String($0) } : nil
                return [number ?? "-", Render.oneLine(entry.principle.name),
                 entry.principle.slug, String(entry.stories), Render.oneLine(entry.principle.summary)]
            }
            Terminal.line(Render.table(
                header: ["#", "PRINCIPLE", "SLUG", "STORIES", "SUMMARY"], rows: rows, flexible: 4,
                rightAligned: [0, 3],
                style: { row, column in
                    switch column {
                    case 1: return .bold
                    case 2: return .dim
                    case 3: return usage[row].stories == 0 ? .red : .green
                    default: return nil
                    }
                }))
        }
    }
}
