#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import StarlogJournal

/// Set by the SIGINT/SIGTERM/SIGHUP handler; read by the drill's input loop.
nonisolated(unsafe) private var drillSignal: sig_atomic_t = 0

extension Starlog {
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
                Exit status: 0 when you stop with q or end of input, 130 after Ctrl-C, 64 when \
                not run on a terminal (use `starlog practice log` from scripts).
                """)

        @OptionGroup var journal: JournalOptions

        @Option(
            name: .customLong("principle"),
            help: ArgumentHelp("Only questions for this principle: slug, name or number (repeatable).", valueName: "principle"), completion: Completions.principles)
        var principles: [String] = []

        @Option(help: ArgumentHelp("Make the choice of questions repeatable.", valueName: "n"))
        var seed: UInt64?

        func run() throws {
            guard Terminal.stdinIsTTY && Terminal.stdoutIsTTY else {
                throw JournalError.invalidInput("`starlog practice` is an interactive drill and needs a terminal; from a script, record an attempt with `starlog practice log --question ID --rating 1-5`")
            }
            let opened = try journal.open()
            var drill = try PracticeDrill(
                journal: opened, principles: principles, seed: seed ?? UInt64.random(in: 0...UInt64.max))
            var session = DrillSession(journal: opened)
            session.installSignalHandlers()
            let end = session.loop(&drill)
            session.finish(end)
        }
    }
}

/// How a sitting ended.
enum DrillEnd {
    case quit, endOfInput, interrupted, exhausted
    case failed(JournalError)
}

/// What one read from the terminal gave.
enum DrillInput: Equatable {
    case line(String)
    case endOfInput
    case interrupted
}

/// The state of one sitting at the terminal.
struct DrillSession {
    let journal: Journal
    var sessionID: Int64?
    var saved = 0
    var input = LineInput()

    init(journal: Journal) {
        self.journal = journal
    }

    func installSignalHandlers() {
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = { _ in drillSignal = 1 }
            #else
            action.__sigaction_u.__sa_handler = { _ in drillSignal = 1 }
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0 // no SA_RESTART: a blocked read or poll returns at once
            sigaction(signal, &action, nil)
        }
    }

    func say(_ text: String = "") {
        Terminal.line(text)
        fflush(nil)
    }

    func prompt(_ text: String) {
        Terminal.text(text)
        fflush(nil)
    }

    /// Asks until the answer is acceptable; nil when the sitting ends.
    mutating func ask(_ text: String) -> DrillInput {
        prompt(text)
        return input.readLine()
    }

    mutating func loop(_ drill: inout PracticeDrill) -> DrillEnd {
        say(Style.bold.apply("starlog practice") + " — answer out loud as in the interview.")
        say(Style.dim.apply("Type q at any prompt to stop; Ctrl-C or Ctrl-D also stop. Every rated answer is saved."))
        var number = 0
        while true {
            let next: DrillQuestion?
            do {
                next = try drill.next()
            } catch {
                return .failed(JournalError.describing(error))
            }
            guard let item = next else { return .exhausted }
            number += 1
            if let end = askOne(item, number: number) { return end }
            switch ask("\nNext question? [Enter for the next, q to stop] ") {
            case .endOfInput: return .endOfInput
            case .interrupted: return .interrupted
            case .line(let text):
                if isQuit(text) { return .quit }
            }
        }
    }

    func isQuit(_ text: String) -> Bool {
        let word = text.trimmingSpaces().lowercased()
        return word == "q" || word == "quit" || word == "exit"
    }

    /// One question, start to finish; returns how the sitting ended, or nil to go on.
    mutating func askOne(_ item: DrillQuestion, number: Int) -> DrillEnd? {
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

        // Which story.
        var storyID: Int64?
        if item.candidates.isEmpty {
            say("No story is tagged \(item.question.principleName) yet. Answer with any story (#ID), or none, then add it with `starlog add`.")
        } else {
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
        let range: String
        switch item.candidates.count {
        case 0: range = ""
        case 1: range = "1 or Enter, "
        default: range = "1-\(item.candidates.count), Enter for 1, "
        }
        choosing: while true {
            switch ask("Story to tell [\(range)#ID for another, 0 for none, s to skip, q to stop]: ") {
            case .endOfInput: return .endOfInput
            case .interrupted: return .interrupted
            case .line(let raw):
                let text = raw.trimmingSpaces().lowercased()
                if isQuit(text) { return .quit }
                if text == "s" || text == "skip" { return nil }
                if text.isEmpty {
                    storyID = item.candidates.first?.id
                    break choosing
                }
                if text == "0" || text == "none" { storyID = nil; break choosing }
                if let choice = Int(text), choice >= 1, choice <= item.candidates.count {
                    storyID = item.candidates[choice - 1].id
                    break choosing
                }
                if text.hasPrefix("#"), let id = Int64(text.dropFirst()), id > 0 {
                    do {
                        if let story = try journal.stories.find(id) {
                            say("  Telling #\(story.id) \(Render.oneLine(story.title)).")
                            storyID = id
                            break choosing
                        }
                        say("  There is no story #\(id); pick another.")
                    } catch {
                        return .failed(JournalError.describing(error))
                    }
                    continue
                }
                say("  Type a number from the list, #ID, 0, s or q.")
            }
        }

        // The story's outline, and what to change from last time.
        if let storyID {
            do {
                if let story = try journal.stories.find(storyID) { showOutline(story) }
                if let last = try journal.practice.lastNotes(storyID: storyID) {
                    say("  " + Style.yellow.apply("Last time") + " (\(Render.localDay(last.practicedAt)), rated \(last.rating)/5): "
                        + Render.oneLine(last.notes))
                }
            } catch {
                return .failed(JournalError.describing(error))
            }
        }

        // Time the answer.
        switch ask("Press Enter to start the clock, then answer out loud; press Enter again when you finish (q to stop). ") {
        case .endOfInput: return .endOfInput
        case .interrupted: return .interrupted
        case .line(let text): if isQuit(text) { return .quit }
        }
        let started = monotonicSeconds()
        var shown = -1
        let duration: Int
        timing: while true {
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
                return .endOfInput
            case .interrupted?:
                return .interrupted
            case .line(let text)?:
                if isQuit(text) {
                    // q stops the sitting; it is not a finished answer.
                    Terminal.control("\r\u{1B}[K")
                    say("  Stopped the clock; this answer was not saved.")
                    return .quit
                }
                duration = Int((monotonicSeconds() - started).rounded())
                break timing
            }
        }
        say("  Answered in \(DurationText.format(duration)).")
        if duration < Self.shortestAnswer {
            let seconds = duration == 1 ? "1 second" : "\(duration) seconds"
            switch ask("That took \(seconds); was it a real answer? Save it? [y/N] ") {
            case .endOfInput: return .endOfInput
            case .interrupted: return .interrupted
            case .line(let raw):
                let text = raw.trimmingSpaces().lowercased()
                if isQuit(text) { return .quit }
                if text != "y" && text != "yes" {
                    say("  Not saved.")
                    return nil
                }
            }
        }

        // Rate it.
        var rating = 0
        while rating == 0 {
            switch ask("Rating, 1 (poor) to 5 (interview-ready): ") {
            case .endOfInput: return .endOfInput
            case .interrupted: return .interrupted
            case .line(let raw):
                let text = raw.trimmingSpaces()
                if isQuit(text) { return .quit }
                if let value = Int(text), (1...5).contains(value) {
                    rating = value
                } else {
                    say("  Type a whole number from 1 to 5.")
                }
            }
        }

        // Notes; the attempt is finished once rated, so it is saved whatever happens here.
        var notes = ""
        var end: DrillEnd?
        var interruptedOnce = false
        noting: while true {
            switch ask("Notes, what to change next time (Enter for none): ") {
            case .endOfInput: end = .endOfInput
            case .interrupted:
                if interruptedOnce {
                    end = .interrupted
                } else {
                    // The terminal drops a half-typed line on Ctrl-C, so say so and ask again.
                    interruptedOnce = true
                    drillSignal = 0
                    say("")
                    say("  Your rating of \(rating)/5 is kept. The note you were typing was cleared by Ctrl-C:"
                        + " type it again and press Enter (Enter alone for none), or Ctrl-C again to save without a note and stop.")
                    continue noting
                }
            case .line(let text): notes = text.trimmingSpaces()
            }
            break noting
        }
        if end != nil { say("") }
        do {
            let session = try sessionID ?? journal.practice.startSession()
            sessionID = session
            let attempt = try journal.practice.record(
                AttemptDraft(questionID: item.question.id, storyID: storyID, duration: duration, rating: rating, notes: notes),
                session: session)
            saved += 1
            say(Style.green.apply("  Saved attempt \(attempt.id)") + ": " + PracticeText.summary(attempt) + ".")
            if let next = try PracticeText.comesUpNext(attempt, in: journal) { say("  " + next) }
            // A story told for a principle it is not tagged with: offer to tag it.
            if end == nil, let storyID, let story = try journal.stories.find(storyID),
               !story.principles.contains(item.question.principle) {
                switch ask("  Story #\(storyID) is not tagged \(item.question.principleName); tag it now? [y/N] ") {
                case .endOfInput: return .endOfInput
                case .interrupted: return .interrupted
                case .line(let raw):
                    let text = raw.trimmingSpaces().lowercased()
                    if isQuit(text) { return .quit }
                    if text == "y" || text == "yes" {
                        _ = try journal.stories.tag(storyID, with: [item.question.principle])
                        say("  Tagged story #\(storyID) \(item.question.principleName).")
                    }
                }
            }
        } catch {
            return .failed(JournalError.describing(error))
        }
        return end
    }

    /// Answers shorter than this many seconds are saved only when the user says so.
    static let shortestAnswer = 3

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

    /// Closes the session, says what was saved, and ends the process with
    /// the drill's exit status.
    func finish(_ end: DrillEnd) {
        if let sessionID {
            try? journal.practice.endSession(sessionID)
        }
        var closing: String
        switch end {
        case .exhausted: closing = "That was every question in scope."
        case .interrupted: closing = "Stopped."
        case .quit, .endOfInput: closing = "Done."
        case .failed: closing = ""
        }
        let count = saved == 1 ? "1 attempt" : "\(saved) attempts"
        if let sessionID {
            closing += " Saved \(count) in session \(sessionID); review with `starlog practice history`, then `starlog coverage`."
        } else {
            closing += " Nothing was recorded."
        }
        if case .failed(let problem) = end {
            Terminal.flush()
            Terminal.error(problem.message + (saved > 0 ? " (\(count) saved before this)" : ""))
            Foundation_exit(problem.exitCode)
        }
        if case .interrupted = end { say("") }
        say(closing.trimmingSpaces())
        if case .interrupted = end { Foundation_exit(130) }
    }
}

/// Seconds on a clock that never jumps.
func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1_000_000_000
}

/// Lines from standard input, read with poll(2) so the drill can redraw its
/// clock while it waits and notice Ctrl-C at once.
struct LineInput {
    private var buffer: [UInt8] = []
    private var ended = false

    /// The next line, blocking until it comes.
    mutating func readLine() -> DrillInput {
        while true {
            if let result = readLine(timeoutMilliseconds: -1) { return result }
        }
    }

    /// The next line, or nil when none came within the timeout.
    mutating func readLine(timeoutMilliseconds: Int32) -> DrillInput? {
        if drillSignal != 0 { return .interrupted }
        if let line = takeLine() { return .line(line) }
        if ended {
            if buffer.isEmpty { return .endOfInput }
            let rest = String(decoding: buffer, as: UTF8.self)
            buffer.removeAll()
            return .line(rest)
        }
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, timeoutMilliseconds)
        if drillSignal != 0 { return .interrupted }
        if ready < 0 { return errno == EINTR ? nil : .endOfInput }
        if ready == 0 { return nil }
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
        if drillSignal != 0 { return .interrupted }
        if count < 0 { return errno == EINTR || errno == EAGAIN ? nil : .endOfInput }
        if count == 0 {
            ended = true
        } else {
            buffer.append(contentsOf: chunk[0..<count])
        }
        return readLine(timeoutMilliseconds: 0)
    }

    private mutating func takeLine() -> String? {
        guard let newline = buffer.firstIndex(of: 10) else { return nil }
        var line = Array(buffer[..<newline])
        buffer.removeSubrange(...newline)
        if line.last == 13 { line.removeLast() }
        return String(decoding: line, as: UTF8.self)
    }
}
