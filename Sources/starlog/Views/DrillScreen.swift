#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StarlogJournal

/// The drill at the terminal: its prompts, its wording and its clock.
struct DrillScreen {
    let clock: JournalClock
    /// True when drilling one question asked elsewhere.
    var asked = false
    var input = LineInput()

    func say(_ text: String = "") {
        Terminal.line(text)
        fflush(nil)
    }

    func prompt(_ text: String) {
        Terminal.text(text)
        fflush(nil)
    }

    /// Shows `text` and reads the answer.
    mutating func ask(_ text: String) -> PracticeSitting.Input {
        prompt(text)
        return Self.input(input.readLine())
    }

    static func input(_ read: LineRead) -> PracticeSitting.Input {
        switch read {
        case .line(let text): return .line(text)
        case .endOfInput: return .endOfInput
        case .interrupted: return .interrupted
        }
    }

    /// The numbered choices of a prompt, worded alike for every list.
    static func choices(_ count: Int) -> String {
        switch count {
        case 0: ""
        case 1: "Enter or 1, "
        default: "Enter for 1, 1-\(count), "
        }
    }

    /// What the user is asked at each step but the clock.
    static func prompt(for step: PracticeSitting.Step) -> String {
        switch step {
        case .confirmingPrinciple(let asked):
            return "Principle [\(choices(asked.guesses.count))or a principle's slug or name; q to stop]: "
        case .choosingStory(let item):
            return "Story to tell [\(choices(item.candidates.count))#ID for another, 0 for none, s to skip, q to stop]: "
        case .startingClock:
            return "Press Enter to start the clock, then answer out loud; press Enter again when you finish (q to stop). "
        case .confirmingShortAnswer(let duration):
            let seconds = duration == 1 ? "1 second" : "\(duration) seconds"
            return "That took \(seconds); was it a real answer? Save it? [y/N] "
        case .rating:
            return "Rating, 1 (poor) to 5 (interview-ready): "
        case .noting:
            return "Notes, what to change next time (Enter for none): "
        case .offeringTag(let storyID, let question):
            return "  Story #\(storyID) is not tagged \(question.principleName); tag it now? [y/N] "
        case .askingNext:
            return "\nNext question? [Enter for the next, q to stop] "
        case .timing, .ended:
            return ""
        }
    }

    /// How the clock stopped.
    enum Clock {
        case finished(seconds: Int)
        case stopped(PracticeSitting.Input)
    }

    /// Runs the clock on one line until the user presses Enter.
    mutating func runClock() -> Clock {
        let started = monotonicSeconds()
        var shown = -1
        while true {
            let elapsed = Int(monotonicSeconds() - started)
            if elapsed != shown {
                shown = elapsed
                // Back to the line's start and clear it, then a line shorter
                // than the terminal, so it never wraps and each tick
                // overwrites the last at any width.
                Terminal.control("\r\u{1B}[K")
                let clock = DurationText.format(elapsed)
                let line = Self.clockLine(clock, width: Terminal.width ?? 80)
                prompt(Style.green.apply(String(line.prefix(2 + clock.count))) + String(line.dropFirst(2 + clock.count)))
            }
            let wait = Int32(max(50, min(1000, Int((Double(elapsed + 1) - (monotonicSeconds() - started)) * 1000) + 5)))
            switch input.readLine(timeoutMilliseconds: wait) {
            case nil: continue
            case .endOfInput?:
                say("")
                return .stopped(.endOfInput)
            case .interrupted?:
                return .stopped(.interrupted)
            case .line(let text)?:
                if PracticeSitting.isQuit(text) { return .stopped(.line(text)) }
                return .finished(seconds: Int((monotonicSeconds() - started).rounded()))
            }
        }
    }

    /// The running clock's line for a terminal `width` columns wide: always
    /// shorter than the width, so it never wraps. Plain ASCII, so its
    /// length is its width.
    static func clockLine(_ clock: String, width: Int) -> String {
        let full = "  " + clock + "  answering... Enter when you finish, q to stop"
        let room = max(1, width - 1)
        guard full.count > room else { return full }
        let short = "  " + clock + "  Enter: done, q: stop"
        return String((short.count <= room ? short : "  " + clock).prefix(room))
    }

    /// Says what happened.
    func show(_ events: [PracticeSitting.Event]) {
        for event in events { show(event) }
    }

    func show(_ event: PracticeSitting.Event) {
        switch event {
        case .proposed(let asked):
            showProposal(asked)
        case .principleNotUnderstood(let refusal):
            if let refusal, let failure = Starlog.failure(for: refusal.error) {
                say("  " + failure.message)
            } else {
                say("  Type a number from the list, a principle's slug or name, or q.")
            }
        case .question(let item, let number):
            showQuestion(item, number: number)
        case .telling(let story):
            say("  Telling #\(story.id) \(Render.oneLine(story.title)).")
        case .noSuchStory(let id):
            say("  There is no story #\(id); pick another.")
        case .choiceNotUnderstood:
            say("  Type a number from the list, #ID, 0, s or q.")
        case .outline(let story, let last):
            if let story { showOutline(story) }
            if let last {
                say("  " + Style.yellow.apply("Last time") + " (\(Render.localDay(last.practicedAt)), rated \(last.rating)/5): "
                    + Render.oneLine(last.notes))
            }
        case .clockStopped:
            Terminal.control("\r\u{1B}[K")
            say("  Stopped the clock; this answer was not saved.")
        case .answered(let seconds):
            say("  Answered in \(DurationText.format(seconds)).")
        case .notSaved:
            say("  Not saved.")
        case .ratingNotUnderstood:
            say("  Type a whole number from 1 to 5.")
        case .noteCleared(let rating):
            // The terminal drops a half-typed line on Ctrl-C, so say so and ask again.
            LineInput.clearSignal()
            say("  Your rating of \(rating)/5 is kept. The note you were typing was cleared by Ctrl-C:"
                + " type it again and press Enter (Enter alone for none), or Ctrl-C again to save without a note and stop.")
        case .saved(let attempt, let upNext):
            say(Style.green.apply("  Saved attempt \(attempt.id)") + ": " + PracticeView.summary(attempt) + ".")
            if let upNext, let next = PracticeView.comesUpNext(upNext, clock: clock) { say("  " + next) }
        case .tagged(let storyID, let question):
            say("  Tagged story #\(storyID) \(question.principleName).")
        }
    }

    func showQuestion(_ item: DrillQuestion, number: Int) {
        let line = item.coverage
        let status = CoverageView.statusStyle(line.status).apply(line.status.rawValue)
        let stories = line.stories == 1 ? "1 story" : "\(line.stories) stories"
        say("")
        say(Style.bold.apply("Question \(number)") + " · \(item.question.principleName) · \(status), \(stories)"
            + (line.lastPracticed.map { ", last practised \(Render.localDay($0))" } ?? ", not practised yet"))
        // The question wraps between words to the terminal's width.
        for line in Render.wrap(Substring(Render.oneLine(item.question.text)), width: Terminal.width ?? 80, indent: "  ") {
            say("  " + Style.cyan.apply(String(line.dropFirst(2))))
        }
        if let due = item.due {
            let when = due.isNew ? "planned, not practised yet" : due.overdueDays > 0 ? "\(due.overdueDays) days overdue" : "due today"
            let why = due.interview.map { ", for \(Render.oneLine($0.company)) on \($0.date)" } ?? ""
            say("  " + Style.yellow.apply("Due: #\(due.storyID) \(Render.oneLine(due.title))") + " (\(when)\(why))")
        }
        say("")
        if item.candidates.isEmpty {
            say("No story is tagged \(item.question.principleName) yet. Answer with any story (#ID), or none, then add it with `starlog add`.")
            return
        }
        say("Your stories for \(item.question.principleName), best first:")
        for (index, candidate) in item.candidates.enumerated() {
            var facts: [String] = []
            if let best = candidate.bestRating { facts.append("best \(best)/5") }
            facts.append(candidate.attempts == 1 ? "1 attempt" : "\(candidate.attempts) attempts")
            if candidate.outcome != .success { facts.append(candidate.outcome.rawValue) }
            if candidate.id == item.due?.storyID { facts.insert("due", at: 0) }
            say("  \(index + 1)) #\(candidate.id)  \(Render.oneLine(candidate.title))  " + Style.dim.apply("(" + facts.joined(separator: ", ") + ")"))
        }
    }

    /// An asked question and the principles it most likely tests, to confirm.
    func showProposal(_ asked: AskedQuestion) {
        say("")
        say(Style.bold.apply("Asked"))
        for line in Render.wrap(Substring(Render.oneLine(asked.text)), width: Terminal.width ?? 80, indent: "  ") {
            say("  " + Style.cyan.apply(String(line.dropFirst(2))))
        }
        say("")
        if asked.guesses.isEmpty {
            say("No principle stands out: the question shares no words with the principles, their questions or your practice.")
            say("Type the principle it tests.")
            return
        }
        say(Style.bold.apply("Which principle does it test?") + " Likeliest first:")
        for line in AnswerView.guesses(asked.guesses, marker: ")") { say(line) }
    }

    /// The title and the first line of each STAR section, so the user can
    /// glance at the story before the clock starts.
    func showOutline(_ story: Story) {
        say("  " + Style.bold.apply("#\(story.id) \(Render.oneLine(story.title))"))
        let width = Terminal.width ?? 100
        for (name, text) in [("Situation", story.situation), ("Task", story.task), ("Action", story.action), ("Result", story.result)] {
            let first = text.split(whereSeparator: \.isNewline).first.map { Render.oneLine(String($0)) } ?? ""
            let label = "    " + name + ": "
            let room = max(10, width - label.count - 1)
            let shown = first.isEmpty ? "-" : first.count > room ? String(first.prefix(room - 1)) + "…" : first
            say(Style.dim.apply(label) + shown)
        }
    }

    /// Says how the sitting ended and what was saved; Ctrl-C and failures
    /// end the command with their exit status.
    func finish(_ end: PracticeSitting.End, saved: Int, session: Int64?) throws {
        var closing: String
        switch end {
        case .exhausted: closing = asked ? "That was the question you were asked." : "That was every question in scope."
        case .interrupted: closing = "Stopped."
        case .quit, .endOfInput: closing = "Done."
        case .failed: closing = ""
        }
        let count = saved == 1 ? "1 attempt" : "\(saved) attempts"
        if let session {
            closing += " Saved \(count) in session \(session); review with `starlog practice history`, then `starlog coverage`."
        } else {
            closing += " Nothing was recorded."
        }
        if case .failed(let problem) = end {
            throw Starlog.Failure(problem, note: saved > 0 ? " (\(count) saved before this)" : "")
        }
        if case .interrupted = end { say("") }
        say(closing.trimmed)
        if case .interrupted = end { throw QuietEnd.interrupted }
    }
}
