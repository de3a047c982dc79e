import ArgumentParser
import StarlogJournal

extension Starlog {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check the journal's database and search index.",
            discussion: "Exits 0 when all is well and 1 when a problem was found; --repair rebuilds the search index from the stories when it does not match them, and says whether it did.")

        @OptionGroup var journal: JournalOptions
        @Flag(help: "Rebuild the search index from the stories.") var repair = false
        @OptionGroup var output: OutputOptions

        func run() throws {
            let opened = try repair ? journal.openExisting() : journal.openForReading()
            /// What --repair did: nil without --repair.
            var repaired: Bool?
            if repair {
                let before = try opened.health.run()
                let broken = before.problems.contains { $0.area == .searchIndex }
                if broken { try opened.health.repairSearchIndex() }
                repaired = broken
                if !output.json {
                    Terminal.line(broken
                        ? "Repaired: rebuilt the search index from the \(before.stories) \(before.stories == 1 ? "story" : "stories"); it did not match them."
                        : "Nothing to repair: the search index already matched the stories.")
                }
            }
            let report = try opened.health.run()
            if output.json {
                Render.json(report.json(repaired: repaired, wording: AdviceView.remedy))
            } else if report.isHealthy {
                Terminal.line("ok: \(opened.path) (\(report.stories) stories, schema \(report.schemaVersion)); database and search index are intact")
            } else {
                for problem in report.problems {
                    Terminal.line("\(Style.red.apply("problem")) in the \(problem.area.rawValue): \(problem.detail). To fix: \(AdviceView.remedy(problem.remedy)).")
                }
            }
            if !report.isHealthy { throw QuietEnd.problemsFound }
        }
    }
}
