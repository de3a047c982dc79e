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
            if interview != nil && !principles.isEmpty {
                throw ValidationError("give either --interview or --principle, not both")
            }
            if interview != nil && framework != nil {
                throw ValidationError("give either --interview or --framework, not both (the interview names its framework)")
            }
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
                Render.json(plan.json)
            } else if format.markdown {
                Terminal.line(PlanView.markdown(plan))
            } else {
                Terminal.line(PlanView.text(plan))
            }
        }
    }
}

/// A plan as text: presentation only.
enum PlanView {
    static func fit(_ hundredths: Int) -> String {
        "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    static func heading(_ plan: LoopPlan) -> String {
        let count = plan.principles.count
        let served = count - plan.unassigned.count
        var text = "Plan"
        if let interview = plan.interview {
            text += " for \(InterviewView.summary(interview, today: plan.today))"
        }
        return text + ": \(served) of \(count) \(count == 1 ? "principle" : "principles") with a distinct story, total fit \(fit(plan.totalFit))"
    }

    static func story(_ story: StoryFit?) -> String {
        guard let story else { return "-" }
        return "#\(story.storyID) \(Render.oneLine(story.title))"
    }

    static func text(_ plan: LoopPlan) -> String {
        var lines = [Style.bold.apply(heading(plan)), ""]
        var header = ["PRINCIPLE", "STORY", "FIT", "LINT"]
        if plan.backups > 0 { header.append("BACKUP") }
        let rows = plan.principles.map { line -> [String] in
            var row = [line.principle.name, story(line.story), line.story.map { fit($0.fit) } ?? "-",
                       line.story.map { String($0.score) } ?? "-"]
            if plan.backups > 0 { row.append(story(line.backup)) }
            return row
        }
        lines.append(Render.table(header: header, rows: rows, flexible: 1, rightAligned: [2, 3]))
        if !plan.avoided.isEmpty {
            lines.append("")
            lines.append(Style.bold.apply("Left out, already told at \(Render.oneLine(plan.interview?.company ?? "this company"))") + Style.dim.apply(" (--allow-repeat keeps them)"))
            for story in plan.avoided {
                lines.append("  #\(story.storyID) \(Render.oneLine(story.title)): told on \(story.date) (interview \(story.interviewID)) for \"\(Render.oneLine(story.question))\"")
            }
        }
        let advice = plan.principles.filter { $0.advice != nil }
        if !advice.isEmpty {
            lines.append("")
            lines.append(Style.bold.apply("To write"))
            for line in advice {
                lines.append(Style.yellow.apply("  ! ") + "\(line.principle.name): " + (line.advice ?? ""))
            }
        }
        return lines.joined(separator: "\n")
    }

    static func markdown(_ plan: LoopPlan) -> String {
        func cell(_ text: String) -> String { Render.oneLine(text).replacingPipes() }
        var lines = ["**" + cell(heading(plan)) + "**", ""]
        var header = "| Principle | Story | Fit | Lint score |"
        var rule = "| --- | --- | ---: | ---: |"
        if plan.backups > 0 { header += " Backup |"; rule += " --- |" }
        lines.append(header)
        lines.append(rule)
        for line in plan.principles {
            var row = "| \(cell(line.principle.name)) | \(cell(story(line.story))) | \(line.story.map { fit($0.fit) } ?? "-") | \(line.story.map { String($0.score) } ?? "-") |"
            if plan.backups > 0 { row += " \(cell(story(line.backup))) |" }
            lines.append(row)
        }
        if !plan.avoided.isEmpty {
            lines.append("")
            lines.append("**Left out, already told at \(cell(plan.interview?.company ?? "this company"))**")
            lines.append("")
            for story in plan.avoided {
                lines.append("- #\(story.storyID) \(cell(story.title)): told on \(story.date) (interview \(story.interviewID)) for \"\(cell(story.question))\"")
            }
        }
        let advice = plan.principles.filter { $0.advice != nil }
        if !advice.isEmpty {
            lines.append("")
            lines.append("**To write**")
            lines.append("")
            for line in advice { lines.append("- **\(cell(line.principle.name))**: " + (line.advice ?? "")) }
        }
        return lines.joined(separator: "\n")
    }
}
