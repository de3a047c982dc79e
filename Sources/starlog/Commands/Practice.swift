import ArgumentParser
import StarlogJournal

extension Starlog {
    struct Practice: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "practice",
            abstract: "Rehearse answers: an interactive drill, or record and review attempts.",
            discussion: """
                `starlog practice` on a terminal runs the drill: it picks a question (principles \
                with the fewest stories and the oldest or weakest practice come first), suggests \
                your stories for it, times your answer and asks for a rating and notes.
                `starlog practice --question-text "..."` drills a question you were asked \
                elsewhere, under the principle you confirm from the likeliest ones.
                From a script, record an attempt with `starlog practice log`.
                Every attempt with a story updates that story's spaced-repetition schedule for \
                the principle (FSRS-5); the drill offers the most overdue story first, and \
                `starlog practice due` lists what is due.
                """,
            subcommands: [Drill.self, Log.self, History.self, Due.self],
            defaultSubcommand: Drill.self)
    }
}
