import ArgumentParser
import StarlogJournal

extension Starlog {
    struct Plan: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan",
            abstract: "Pick a different story for each principle of an interview loop.",
            discussion: """
                Assigns each principle in scope a distinct story, so no story is told twice in \
                one loop, maximising the total fit: 60% the story's lint score, 20% how focused \
                its tags are, 20% its practice ratings. The assignment is solved exactly \
                (Hungarian algorithm), not greedily. Principles that cannot get a distinct story \
                are named with what to write. --backup 1 adds a second distinct story per principle.
                For an interview, stories already told at an earlier interview at the same company \
                (see `starlog interview debrief`) are left out and named; --allow-repeat keeps them. \
                With no --interview or --principle: every principle of --framework, else of the \
                next upcoming interview's framework, else amazon.
                """)

        @OptionGroup var journal: JournalOptions

        @Option(help: ArgumentHelp("Plan for this interview's principles (see `starlog interview list`).", valueName: "id"), completion: Completions.interviewIDs)
        var interview: Int64?

        @Option(
            name: .customLong("principle"),
            help: ArgumentHelp("Plan for this principle: slug, name or number (repeatable).", valueName: "principle"), completion: Completions.principles)
        var principles: [String] = []

        @Option(help: ArgumentHelp("Also pick this many backup stories per principle (0 or 1).", valueName: "n"))
        var backup: Int = 0

        @Option(help: ArgumentHelp("Plan for every principle of this framework; with --principle, the framework a bare number is read in.", valueName: "framework"))
        var framework: String?

        @Flag(help: "For an interview: also use stories already told at the same company.")
        var allowRepeat = false

        @OptionGroup var format: ReportFormatOptions

        func validate() throws {
            try validateInterviewScope(interview: interview, principles: principles, framework: framework)
            if allowRepeat && interview == nil {
                throw ValidationError("--allow-repeat is for --interview ID: only an interview has a company whose past stories to avoid")
            }
            do {
                try InputRules.checkBackups(backup)
            } catch {
                throw ValidationError(ErrorView.message(error))
            }
        }

        func run() throws {
            let opened = try journal.openForReading()
            let plan: LoopPlan
            if let interview {
                plan = try opened.planner.plan(interview: interview, backups: backup, allowRepeat: allowRepeat)
            } else {
                plan = try opened.planner.plan(principles: principles, framework: framework, backups: backup)
            }
            if format.json {
                Render.json(plan.json(wording: AdviceView.advice))
            } else if format.markdown {
                Terminal.line(PlanView.markdown(plan))
            } else {
                Terminal.line(PlanView.text(plan))
            }
        }
    }
}
