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
                From a script, record an attempt with `starlog practice log`.
                Every attempt with a story updates that story's spaced-repetition schedule for \
                the principle (FSRS-5); the drill offers the most overdue story first, and \
                `starlog practice due` lists what is due.
                """,
            subcommands: [Drill.self, PracticeLog.self, PracticeHistory.self, PracticeDue.self],
            defaultSubcommand: Drill.self)
    }

    struct PracticeLog: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "log",
            abstract: "Record one practice attempt from flags.",
            discussion: """
                Examples:
                  starlog practice log --question 31 --story 4 --duration 150 \\
                    --rating 4 --notes "too long on the situation"
                  starlog practice log --question-text "Why this company?" \\
                    --principle customer-obsession --rating 3
                An attempt is for one principle: the question's, else --principle, else the story's only one.
                A bad rating, a negative duration, an unknown story or question, or no question \
                at all is an error, and nothing is recorded.
                """)

        @OptionGroup var journal: JournalOptions

        @Option(help: ArgumentHelp("The question from the bank (see `starlog questions`).", valueName: "id"))
        var question: Int64?

        @Option(name: .customLong("question-text"), help: ArgumentHelp("The text of a question asked elsewhere.", valueName: "text"))
        var questionText: String?

        @Option(help: ArgumentHelp("The principle a --question-text question asks about (slug, name or number).", valueName: "principle"), completion: Completions.principles)
        var principle: String?

        @Option(help: ArgumentHelp("The story you told: 4 or #4.", valueName: "id"))
        var story: StoryID?

        @Option(parsing: .unconditional, help: ArgumentHelp("How long you spoke: seconds (150), or 2:30, or 2m30s.", valueName: "seconds"))
        var duration: String?

        @Option(help: ArgumentHelp("How well it went, 1 (poor) to 5 (interview-ready).", valueName: "1-5"))
        var rating: Int

        @Option(help: "What to change next time.")
        var notes: String = ""

        @Option(help: ArgumentHelp("When you practised, if not now: a local YYYY-MM-DD or \"YYYY-MM-DD HH:MM\", or YYYY-MM-DDTHH:MM:SSZ (UTC).", valueName: "time"))
        var at: String?

        @Option(help: ArgumentHelp("Add the attempt to this practice session instead of a new one.", valueName: "id"))
        var session: Int64?

        @OptionGroup var output: OutputOptions

        func run() throws {
            let seconds = try duration.map(DurationText.parse)
            let draft = AttemptDraft(
                questionID: question, questionText: questionText, principle: principle, storyID: story?.value,
                duration: seconds, rating: rating, notes: notes, practicedAt: at)
            let opened = try journal.open()
            let attempt = try opened.practice.record(draft, session: session)
            if output.json {
                Render.json(attempt.json)
            } else {
                Terminal.line("Recorded attempt \(attempt.id) (session \(attempt.sessionID)): " + PracticeText.summary(attempt))
                Terminal.line("  " + Render.oneLine(attempt.question))
                if let item = try opened.comesUpNext(after: attempt), let next = PracticeText.comesUpNext(item, clock: opened.clock) { Terminal.line("  " + next) }
            }
            try PracticeText.offerTag(attempt, in: opened, ask: !output.json)
        }
    }

    struct PracticeHistory: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "history",
            abstract: "Past practice attempts, newest first.")

        @OptionGroup var journal: JournalOptions

        @Option(help: ArgumentHelp("Only the attempts made for this principle (each attempt is for one).", valueName: "principle"), completion: Completions.principles)
        var principle: String?

        @Option(help: "Show at most this many attempts.")
        var limit: Int?

        @OptionGroup var output: OutputOptions

        func validate() throws {
            try validateLimit(limit)
        }

        func run() throws {
            let opened = try journal.openForReading()
            let attempts = try opened.practice.history(principle: principle, limit: limit)
            if output.json {
                Render.json(.array(attempts.map(\.json)))
                return
            }
            if attempts.isEmpty {
                Terminal.note(principle == nil
                    ? "No practice yet. Run `starlog practice` on a terminal, or record one with `starlog practice log`."
                    : "No practice for that principle yet.")
                return
            }
            let rows = attempts.map { attempt -> [String] in
                [String(attempt.id),
                 PracticeText.when(attempt.practicedAt, clock: opened.clock),
                 "\(attempt.rating)/5",
                 attempt.duration.map(DurationText.format) ?? "-",
                 attempt.storyID.map { "#\($0)" } ?? "-",
                 Render.oneLine(attempt.question)]
            }
            Terminal.line(Render.table(
                header: ["ID", "LOCAL TIME", "RATING", "TIME", "STORY", "QUESTION"], rows: rows,
                flexible: 5, rightAligned: [0, 2, 3]))
        }
    }
}

extension Starlog {
    struct PracticeDue: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "due",
            abstract: "Story-principle pairs due for rehearsal, most overdue first.",
            discussion: """
                Each story you practise for a principle is scheduled with FSRS-5 (ratings 1-2 \
                count as Again, 3 Hard, 4 Good, 5 Easy). With an upcoming interview, the stories \
                its plan tells come due at least once in the last 3 days before it, and planned \
                stories never practised are due at once. `--all` shows every pair on the \
                schedule, with when it comes up next and the chance of recalling it now.
                """)

        @OptionGroup var journal: JournalOptions

        @Option(
            name: .customLong("principle"),
            help: ArgumentHelp("Only this principle: slug, name or number (repeatable).", valueName: "principle"), completion: Completions.principles)
        var principles: [String] = []

        @Option(help: ArgumentHelp("Only pairs of this framework's principles (default: the next interview's framework, else amazon); with --principle, the framework a bare number is read in.", valueName: "framework"))
        var framework: String?

        @Option(help: "Show at most this many.")
        var limit: Int?

        @Flag(help: "Every pair on the schedule, not only those due: when each comes up next, and its recall now.")
        var all = false

        @OptionGroup var output: OutputOptions

        func validate() throws {
            try validateLimit(limit)
        }

        func run() throws {
            let opened = try journal.openForReading()
            let schedule = opened.schedule
            let clock = opened.clock
            // The principles in scope, as slugs: those given (a bare number
            // read in --framework), else every one of the framework in scope.
            let scope = principles.isEmpty
                ? try opened.principles.all(in: opened.frameworks.scope(framework).slug).map(\.slug)
                : try opened.principles.resolve(all: principles, in: framework.map { try opened.frameworks.require($0).slug }).map(\.slug)
            var items = all ? try schedule.all(principles: scope) : try schedule.due(principles: scope, limit: limit)
            if all, let limit { items = Array(items.prefix(limit)) }
            if output.json {
                Render.json(.array(items.map(\.json)))
                return
            }
            if items.isEmpty {
                Terminal.note(all
                    ? "Nothing is on the schedule yet: a story comes onto it when you practise it (`starlog practice`)."
                    : "Nothing is due. Practise with `starlog practice`, see everything with `starlog practice due --all`, or the plan with `starlog plan`.")
                return
            }
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
                let recall = item.retrievability.map { "\(Int(($0 * 100).rounded()))%" } ?? "-"
                let why = item.interview.map { interview in
                    (item.isNew ? "planned for " : "before ") + "\(Render.oneLine(interview.company)) \(interview.date)"
                } ?? ""
                return ["#\(item.storyID)", Render.oneLine(item.title), item.principle.name, when, recall, why]
            }
            Terminal.line(Render.table(
                header: ["STORY", "TITLE", "PRINCIPLE", "DUE", "RECALL", "WHY"], rows: rows, flexible: 1, rightAligned: [4]))
            if let first = items.first {
                Terminal.line(Style.dim.apply("Rehearse the first with `starlog practice` (it offers the most overdue first), or log one told elsewhere with "
                    + "`\(PracticeText.logCommand(storyID: first.storyID, principle: first.principle.slug))` (a rating from 1 to 5)."))
            }
        }
    }
}

/// Durations as people type and read them.
enum DurationText {
    /// Reads `150`, `2:30`, `2m30s`, `2m`, `90s`; a leading minus is kept so
    /// the journal can refuse it.
    static func parse(_ text: String) throws -> Int {
        let trimmed = text.trimmingSpaces().lowercased()
        let negative = trimmed.hasPrefix("-")
        let body = negative ? String(trimmed.dropFirst()) : trimmed
        func fail() -> JournalError {
            .invalidInput("\(Excerpt.quoted(text)) is not a duration; give seconds (150), minutes and seconds (2:30) or 2m30s")
        }
        var seconds: Int?
        if let whole = Int(body) {
            seconds = whole
        } else if body.contains(":") {
            let parts = body.split(separator: ":", omittingEmptySubsequences: false)
            if parts.count == 2, let minutes = Int(parts[0]), let secs = Int(parts[1]), minutes >= 0, (0..<60).contains(secs) {
                seconds = minutes * 60 + secs
            }
        } else if !body.isEmpty {
            var total = 0, number = "", sawUnit = false, valid = true
            for character in body {
                if character.isASCII && character.isNumber {
                    number.append(character)
                } else if character == "h" || character == "m" || character == "s", let value = Int(number) {
                    total += value * (character == "h" ? 3600 : character == "m" ? 60 : 1)
                    number = ""
                    sawUnit = true
                } else {
                    valid = false
                    break
                }
            }
            if valid && sawUnit && number.isEmpty { seconds = total }
        }
        guard let seconds, seconds <= 10_000_000 else { throw fail() }
        return negative ? -seconds : seconds
    }

    /// `2:05`, or `1:02:05` past an hour.
    static func format(_ seconds: Int) -> String {
        let hours = seconds / 3600, minutes = (seconds % 3600) / 60, secs = seconds % 60
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return hours > 0 ? "\(hours):\(two(minutes)):\(two(secs))" : "\(minutes):\(two(secs))"
    }
}

/// Small pieces of practice output shared by the commands.
enum PracticeText {
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

    /// When the story told is not tagged with the attempt's principle,
    /// offers to tag it: a question on a terminal (when `ask`), else a note
    /// on stderr saying how.
    static func offerTag(_ attempt: PracticeAttempt, in journal: Journal, ask: Bool) throws {
        guard let storyID = attempt.storyID, let slug = attempt.principle,
              let story = try journal.stories.find(storyID), !story.principles.contains(slug),
              let principle = try? journal.principles.resolve(slug)
        else { return }
        let subject = "Story #\(storyID) is not tagged \(principle.name)"
        if ask && Terminal.stdinIsTTY && Terminal.stderrIsTTY {
            Terminal.writeError(subject + "; tag it now, so it counts among \(principle.name)'s stories? [y/N] ")
            if let answer = Terminal.readLine()?.trimmingSpaces().lowercased(), answer == "y" || answer == "yes" {
                _ = try journal.stories.tag(storyID, with: [slug])
                Terminal.writeError("Tagged story #\(storyID) \(principle.name).\n")
            }
            return
        }
        Terminal.writeError("note: \(subject); the attempt counts for \(principle.name), and `starlog tag \(storyID) \(slug)` would count the story among its stories too.\n")
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
