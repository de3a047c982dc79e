import StarlogJournal

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
                lines.append(Style.yellow.apply("  ! ") + "\(line.principle.name): " + (line.advice.map(AdviceView.advice) ?? ""))
            }
        }
        return lines.joined(separator: "\n")
    }

    static func markdown(_ plan: LoopPlan) -> String {
        let cell = Render.markdownCell
        var lines = ["**" + cell(heading(plan)) + "**", ""]
        var header = ["Principle", "Story", "Fit", "Lint score"]
        if plan.backups > 0 { header.append("Backup") }
        let rows = plan.principles.map { line -> [String] in
            var row = [cell(line.principle.name), cell(story(line.story)), line.story.map { fit($0.fit) } ?? "-",
                       line.story.map { String($0.score) } ?? "-"]
            if plan.backups > 0 { row.append(cell(story(line.backup))) }
            return row
        }
        lines.append(contentsOf: Render.markdownTable(header: header, rows: rows, rightAligned: [2, 3]))
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
            for line in advice { lines.append("- **\(cell(line.principle.name))**: " + (line.advice.map(AdviceView.advice) ?? "")) }
        }
        return lines.joined(separator: "\n")
    }
}
