import StarlogJournal

/// Small pieces of practice output shared by the commands.
enum PracticeView {
    /// A `practice log` command that records telling story `storyID` for
    /// `principle`, rated 4: one a user can copy and run as it is.
    static func logCommand(storyID: Int64, principle: String) -> String {
        "starlog practice log --story \(storyID) --principle \(principle) --question-text \"Told it aloud\" --rating 4"
    }

    /// `2026-05-01 14:03`, local time, from a stored (UTC) timestamp.
    static func when(_ timestamp: String, clock: JournalClock) -> String {
        guard let seconds = Timestamp.parse(timestamp) else { return timestamp }
        return clock.localTime(seconds)
    }

    /// `Story #4 comes up next for Ownership on 2026-12-11 (in 11 days).`
    static func comesUpNext(_ item: DueItem, clock: JournalClock) -> String? {
        guard let due = Timestamp.parse(item.due) else { return nil }
        let day = clock.day(of: due)
        let days = day - clock.today
        let when = days <= 0 ? "today" : days == 1 ? "tomorrow" : "in \(days) days"
        var line = "Story #\(item.storyID) comes up next for \(item.principle.name) on \(day.text) (\(when))"
        if let interview = item.interview { line += ", ahead of \(Render.oneLine(interview.company)) on \(interview.date)" }
        return line + "."
    }

    /// `rated 4/5, 2:30, story #4 "Title"`.
    static func summary(_ attempt: PracticeAttempt) -> String {
        var parts = ["rated \(attempt.rating)/5"]
        if let duration = attempt.duration { parts.append(DurationText.format(duration)) }
        if let story = attempt.storyID {
            parts.append("story #\(story)" + (attempt.storyTitle.map { " \"\(Render.oneLine($0))\"" } ?? ""))
        } else {
            parts.append("no story")
        }
        return parts.joined(separator: ", ")
    }
}

extension PracticeView {
    /// Past attempts as a table: id, local time, rating, duration, story, question.
    static func history(_ attempts: [PracticeAttempt], clock: JournalClock) -> String {
        let rows = attempts.map { attempt -> [String] in
            [String(attempt.id),
             PracticeView.when(attempt.practicedAt, clock: clock),
             "\(attempt.rating)/5",
             attempt.duration.map(DurationText.format) ?? "-",
             attempt.storyID.map { "#\($0)" } ?? "-",
             Render.oneLine(attempt.question)]
        }
        return Render.table(
            header: ["ID", "LOCAL TIME", "RATING", "TIME", "STORY", "QUESTION"], rows: rows,
            flexible: 5, rightAligned: [0, 2, 3])
    }

    /// Due story-principle pairs as a table: story, title, principle, when
    /// due, recall now, and the interview that brings it forward.
    static func due(_ items: [DueItem], clock: JournalClock) -> String {
        let rows = items.map { item -> [String] in
            let when: String
            if item.isNew {
                when = "new"
            } else if item.overdueDays > 0 {
                when = "\(item.overdueDays)d overdue"
            } else if item.isDue {
                when = "today"
            } else {
                when = Timestamp.parse(item.due).map { clock.day(of: $0).text } ?? String(item.due.prefix(10))
            }
            let recall = item.retrievability.map(Render.percent) ?? "-"
            let why = item.interview.map { interview in
                (item.isNew ? "planned for " : "before ") + "\(Render.oneLine(interview.company)) \(interview.date)"
            } ?? ""
            return ["#\(item.storyID)", Render.oneLine(item.title), item.principle.name, when, recall, why]
        }
        return Render.table(
            header: ["STORY", "TITLE", "PRINCIPLE", "DUE", "RECALL", "WHY"], rows: rows, flexible: 1, rightAligned: [4])
    }
}
