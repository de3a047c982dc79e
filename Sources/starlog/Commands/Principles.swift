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
            let usage = try journal.open().principles.usage()
            if output.json {
                Render.json(.array(usage.map(\.json)))
                return
            }
            for entry in usage {
                let number = entry.principle.position.map { String($0) } ?? "-"
                let count = entry.stories == 1 ? "1 story" : "\(entry.stories) stories"
                let countText = entry.stories == 0 ? Style.red.apply(count) : Style.green.apply(count)
                let padded = String(repeating: " ", count: max(0, 3 - number.count)) + number
                Terminal.line("\(padded)  \(Style.bold.apply(entry.principle.name))  \(Style.dim.apply(entry.principle.slug))  \(countText)")
                if !entry.principle.summary.isEmpty {
                    Terminal.line("     " + entry.principle.summary)
                }
            }
        }
    }
}
