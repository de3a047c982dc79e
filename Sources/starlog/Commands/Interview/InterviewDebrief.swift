import ArgumentParser
import StarlogJournal

extension Starlog.Interview {
    struct Debrief: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "debrief",
            abstract: "Record what you were asked at an interview and which story you told.",
            discussion: """
                Run it once per question, right after the interview. With no --question it lists \\
                the debrief so far. `starlog plan` for a later interview at the same company \\
                leaves these stories out (--allow-repeat keeps them).
                Example:
                  starlog interview debrief 3 --question "Tell me about a conflict" \\
                    --story 12 --principle conflict --rating 4 --notes "they asked for numbers"
                """)

        @OptionGroup var journal: JournalOptions
        @Argument(help: "The interview's id (see `starlog interview list`).") var id: InterviewID

        @Option(help: "The question you were asked.")
        var question: String?

        @Option(help: ArgumentHelp("The story you told (its id).", valueName: "id"))
        var story: StoryID?

        @Option(help: ArgumentHelp("The principle the question probed: slug, name, or number within the interview's framework.", valueName: "principle"), completion: Completions.principles)
        var principle: String?

        @Option(help: ArgumentHelp("How it went, 1 to 5.", valueName: "1-5"))
        var rating: Int?

        @Option(help: "Anything to remember: follow-up questions, what landed, what did not.")
        var notes: String = ""

        @OptionGroup var output: OutputOptions

        func validate() throws {
            if question == nil && (story != nil || principle != nil || rating != nil || !notes.isEmpty) {
                throw ValidationError("say what you were asked with --question \"...\"; --story, --principle, --rating and --notes describe one question")
            }
            if let rating, !(1...5).contains(rating) {
                throw ValidationError("--rating is 1 to 5, not \(rating)")
            }
        }

        func run() throws {
            guard let question else {
                let opened = try journal.openForReading()
                let interview = try opened.interviews.require(id.value)
                let entries = try opened.interviews.debriefs(of: interview.id)
                if output.json {
                    Render.json(.array(entries.map(\.json)))
                    return
                }
                Terminal.line(Style.bold.apply("Debrief of interview \(interview.id): " + InterviewView.summary(interview, today: opened.clock.today)))
                if entries.isEmpty {
                    Terminal.line("Nothing recorded yet; add what you were asked with `starlog interview debrief \(interview.id) --question \"...\" --story ID`.")
                }
                for entry in entries { Terminal.line(DebriefView.line(entry)) }
                return
            }
            let opened = try journal.openExisting()
            let entry = try opened.interviews.debrief(id.value, DebriefDraft(
                question: question, storyID: story?.value, principle: principle, rating: rating, notes: notes))
            output.print(entry.json, else: "Recorded for interview \(entry.interviewID): " + DebriefView.line(entry).trimmed)
        }
    }
}
