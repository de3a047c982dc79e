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
                Picks a question, shows your stories for its principle (best first), times your \
                answer from Enter to Enter, asks for a rating (1-5) and notes, and saves the \
                attempt before offering the next question. Type q at any prompt to stop; Ctrl-C \
                or end of input (Ctrl-D) also stops. Every rated attempt is saved.
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
        say("  " + Style.cyan.apply(Render.oneLine(item.question.text)))
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

        // Time the answer.
        switch ask("Press Enter to start the clock, then answer out loud; press Enter again when you finish. ") {
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
                Terminal.control("\r\u{1B}[K")
                prompt("  " + Style.green.apply("⏱ " + DurationText.format(elapsed)) + "  answering… press Enter when you finish ")
            }
            let wait = Int32(max(50, min(1000, Int((Double(elapsed + 1) - (monotonicSeconds() - started)) * 1000) + 5)))
            switch input.readLine(timeoutMilliseconds: wait) {
            case nil: continue
            case .endOfInput?:
                say("")
                return .endOfInput
            case .interrupted?:
                return .interrupted
            case .line?:
                duration = Int((monotonicSeconds() - started).rounded())
                break timing
            }
        }
        say("  Answered in \(DurationText.format(duration)).")

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
        switch ask("Notes, what to change next time (Enter for none): ") {
        case .endOfInput: end = .endOfInput
        case .interrupted: end = .interrupted
        case .line(let text): notes = text.trimmingSpaces()
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
        } catch {
            return .failed(JournalError.describing(error))
        }
        return end
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
