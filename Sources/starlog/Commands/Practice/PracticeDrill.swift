import ArgumentParser
import StarlogJournal

extension Starlog.Practice {
    struct Drill: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "drill",
            abstract: "The interactive drill (what `starlog practice` runs on a terminal).",
            discussion: """
                Picks a question, shows your stories for its principle (those about the question's \
                subject first, then the best), shows the chosen story's outline and the notes of \
                its last attempt, times your answer from Enter to Enter, asks for a rating (1-5) \
                and notes, and saves the attempt before offering the next question. An answer of \
                under 3 seconds is saved only if you say so. Type q at any prompt, or while the \
                clock runs, to stop (an answer stopped with q is not saved); Ctrl-C or end of \
                input (Ctrl-D) also stops. Ctrl-C at the notes keeps the rating and asks for the \
                note again; a second Ctrl-C saves it without a note. Every rated attempt is saved.
                A question you were asked elsewhere: `--question-text "..."` drills that one \
                question. It shows the principles it most likely tests (as `starlog answer` does); \
                press Enter to take the first, type another's number, or type any principle's slug \
                or name. With one --principle it skips that step. The attempt is saved with the \
                question's text under that principle, which teaches `starlog answer` your label.
                  starlog practice --question-text "How did you win back a client's trust?"
                Exit status: 0 when you stop with q or end of input, 130 after Ctrl-C, 64 when \
                not run on a terminal (from scripts, use `starlog practice log`, with \
                --question-text and --principle for an asked question; `starlog answer` shows \
                the likely principle).
                """)

        @OptionGroup var journal: JournalOptions

        @Option(
            name: .customLong("principle"),
            help: ArgumentHelp("Only questions for this principle: slug, name or number (repeatable).", valueName: "principle"), completion: Completions.principles)
        var principles: [String] = []

        @Option(help: ArgumentHelp("Drill every principle of this framework (default: the next interview's, else amazon); with --principle, the framework a bare number is read in.", valueName: "framework"))
        var framework: String?

        @Option(help: ArgumentHelp("Make the choice of questions repeatable.", valueName: "n"))
        var seed: UInt64?

        @Option(name: .customLong("question-text"), help: ArgumentHelp(
            "Drill this one question, asked elsewhere; you confirm its principle (one --principle skips that).", valueName: "text"))
        var questionText: String?

        func validate() throws {
            if questionText != nil && principles.count > 1 {
                throw ValidationError("--question-text takes at most one --principle: the principle the question tests")
            }
            if questionText != nil && seed != nil {
                throw ValidationError("--seed chooses bank questions; it does nothing with --question-text")
            }
        }

        func run() throws {
            guard Terminal.stdinIsTTY && Terminal.stdoutIsTTY else {
                if questionText != nil {
                    throw JournalError.invalidInput("`starlog practice --question-text` is an interactive drill and needs a terminal; from a script, see the likely principle with `starlog answer \"...\"` and record an attempt with `starlog practice log --question-text \"...\" --principle P --rating 1-5`")
                }
                throw JournalError.invalidInput("`starlog practice` is an interactive drill and needs a terminal; from a script, record an attempt with `starlog practice log --question ID --rating 1-5`")
            }
            let opened = try journal.open()
            var sitting: PracticeSitting
            if let questionText {
                sitting = try PracticeSitting(
                    journal: opened, asked: AskedQuestion(journal: opened, text: questionText, framework: framework),
                    principle: principles.first)
            } else {
                let drill = try PracticeDrill(
                    journal: opened, principles: principles, framework: framework, seed: seed ?? UInt64.random(in: 0...UInt64.max))
                sitting = PracticeSitting(journal: opened, drill: drill)
            }
            var screen = DrillScreen(clock: opened.clock, asked: questionText != nil)
            LineInput.catchSignals()
            screen.say(Style.bold.apply("starlog practice") + " — answer out loud as in the interview.")
            screen.say(Style.dim.apply("Type q at any prompt to stop; Ctrl-C or Ctrl-D also stop. Every rated answer is saved."))
            screen.show(sitting.start())
            while true {
                switch sitting.step {
                case .ended(let end):
                    sitting.close()
                    try screen.finish(end, saved: sitting.saved, session: sitting.sessionID)
                    return
                case .timing:
                    switch screen.runClock() {
                    case .finished(let seconds): screen.show(sitting.answered(seconds: seconds))
                    case .stopped(let input): screen.show(sitting.answer(input))
                    }
                case let step:
                    let input = screen.ask(DrillScreen.prompt(for: step))
                    // A note ended by Ctrl-C or Ctrl-D leaves the cursor on the prompt's line.
                    if case .noting = step, input == .endOfInput || input == .interrupted { screen.say("") }
                    screen.show(sitting.answer(input))
                }
            }
        }
    }
}
