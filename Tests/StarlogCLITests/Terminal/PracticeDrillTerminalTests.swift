import Foundation
import StarlogJournal
import StarlogStorage
import Testing

/// Runs the built `starlog` under a real pseudo-terminal through util-linux
/// `script`, and plays a user at it: waits for a prompt, types a line.
final class TerminalSession: @unchecked Sendable {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let lock = NSLock()
    private var received = Data()
    private var cursor = 0

    /// `environment` adds to or replaces the defaults; an empty value removes one.
    init(_ cli: CLIHarness, _ arguments: [String], columns: Int? = nil, environment: [String: String] = [:]) throws {
        var command = CLIHarness.shellCommand(arguments)
        // The shell around the program ignores Ctrl-C, so the exit status is the program's own.
        command = "trap '' INT; " + (columns.map { "stty cols \($0) rows 24; " } ?? "") + command
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-q", "-e", "-c", command, "/dev/null"]
        process.environment = cli.childEnvironment(["TERM": "xterm", "NO_COLOR": "1"].merging(environment) { $1 })
        process.currentDirectoryURL = cli.directory
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let chunk = handle.availableData
            guard let self, !chunk.isEmpty else { return }
            self.lock.lock()
            self.received.append(chunk)
            self.lock.unlock()
        }
        try process.run()
    }

    /// Everything the terminal showed so far.
    var transcript: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: received, as: UTF8.self)
    }

    /// Waits until `text` appears after what was already matched.
    func expect(_ text: String, timeout: TimeInterval = 15, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            lock.lock()
            let seen = String(decoding: received, as: UTF8.self)
            lock.unlock()
            let start = seen.index(seen.startIndex, offsetBy: min(cursor, seen.count))
            if let range = seen.range(of: text, range: start..<seen.endIndex) {
                cursor = seen.distance(from: seen.startIndex, to: range.upperBound)
                return
            }
            if !process.isRunning && seen.range(of: text, range: start..<seen.endIndex) == nil {
                break
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        Issue.record("never saw \(text.debugDescription); the terminal showed:\n\(transcript)", sourceLocation: sourceLocation)
        throw CancellationError()
    }

    /// Types `text` (include "\n" for Enter, "\u{03}" for Ctrl-C, "\u{04}" for Ctrl-D).
    func type(_ text: String) {
        input.fileHandleForWriting.write(Data(text.utf8))
    }

    /// From the prompt to start the clock: starts it, stops it as soon as it
    /// shows, and waits for the question whether to save the answer.
    func answerAtOnce(sourceLocation: SourceLocation = #_sourceLocation) throws {
        try expect("Press Enter to start the clock", sourceLocation: sourceLocation)
        type("\n")
        try expect("  0:00  answering", sourceLocation: sourceLocation)
        type("\n")
        try expect("Save it? [y/N] ", sourceLocation: sourceLocation)
    }

    /// At the question whether to save: types `yes`, then `rating`, and
    /// waits for the notes prompt.
    func save(rating: Int, yes: String = "y\n", sourceLocation: SourceLocation = #_sourceLocation) throws {
        type(yes)
        try expect("Rating", sourceLocation: sourceLocation)
        type("\(rating)\n")
        try expect("Notes", sourceLocation: sourceLocation)
    }

    /// Waits for the program to end; its exit status.
    func finish(timeout: TimeInterval = 15) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning {
            process.terminate()
            return nil
        }
        try? input.fileHandleForWriting.close()
        Thread.sleep(forTimeInterval: 0.05)
        output.fileHandleForReading.readabilityHandler = nil
        return process.terminationStatus
    }
}

@Suite("The practice drill under a pseudo-terminal", .serialized)
struct PracticeDrillTerminalTests {
    /// A journal with two Earn Trust stories: #1 a full STAR, #2 a title only.
    func journal() throws -> CLIHarness {
        let cli = try CLIHarness()
        try cli.ok(["add", "--title", "Told the VP the launch would slip", "--situation", "s", "--task", "t",
                    "--action", "a", "--result", "r", "--principle", "earn-trust"])
        try cli.ok(["add", "--title", "Rebuilt trust with payments", "--principle", "earn-trust"])
        return cli
    }

    /// The drill on Earn Trust, with the seed the tests below rely on.
    func drill(_ cli: CLIHarness, columns: Int? = nil) throws -> TerminalSession {
        try TerminalSession(cli, ["practice", "--principle", "earn-trust", "--seed", "5"], columns: columns)
    }

    @Test("a full answer is timed, rated and saved; Ctrl-C at the next question ends cleanly with exit 130")
    func answerThenInterrupt() throws {
        let cli = try journal()
        let term = try drill(cli)
        try term.expect("Question 1 · Earn Trust · unpractised, 2 stories, not practised yet")
        try term.expect("1) #1  Told the VP the launch would slip")
        try term.expect("2) #2  Rebuilt trust with payments")
        try term.expect("Story to tell [Enter for 1, 1-2, #ID for another, 0 for none, s to skip, q to stop]: ")
        term.type("7\n")
        try term.expect("Type a number from the list")
        term.type("2\n")
        try term.expect("Press Enter to start the clock")
        term.type("\n")
        try term.expect("  0:00  answering")
        try term.expect("  0:01  answering", timeout: 5) // the clock is redrawn while the user talks
        term.type("\n")
        try term.expect("Answered in 0:0")
        try term.expect("was it a real answer? Save it? [y/N] ")
        term.type("y\n")
        try term.expect("Rating, 1 (poor) to 5 (interview-ready): ")
        term.type("9\n")
        try term.expect("Type a whole number from 1 to 5.")
        term.type("4\n")
        try term.expect("Notes")
        term.type("kept it short\n")
        try term.expect("Saved attempt 1: rated 4/5, 0:0")
        try term.expect("Story #2 comes up next for Earn Trust on ")
        try term.expect("Next question?")
        term.type("\n")
        try term.expect("Question 2 · Earn Trust")
        try term.expect("Story to tell")
        term.type("\u{03}")
        let status = term.finish()
        #expect(status == 130, "\(term.transcript)")
        #expect(term.transcript.contains("Stopped.\r\nSaved 1 attempt in session 1") || term.transcript.contains("Stopped. Saved 1 attempt in session 1"))

        let opened = try Journal.open(at: cli.journal, create: false)
        let attempts = try opened.practice.history()
        #expect(attempts.count == 1)
        let attempt = try #require(attempts.first)
        #expect(attempt.storyID == 2)
        #expect(attempt.rating == 4)
        #expect(attempt.notes == "kept it short")
        #expect((attempt.duration ?? 0) >= 1 && (attempt.duration ?? 99) <= 5)
        #expect(attempt.principle == "earn-trust")
        #expect(attempt.questionID != nil)
        #expect(try opened.database.integer("SELECT count(*) FROM practice_session WHERE ended_at IS NOT NULL") == 1)
        #expect(try opened.database.integer("SELECT count(*) FROM practice_session") == 1)
    }

    @Test("end of input while writing notes saves the rated attempt and exits 0")
    func endOfInput() throws {
        let cli = try journal()
        let term = try TerminalSession(cli, ["practice", "--principle", "11", "--seed", "9"])
        try term.expect("Story to tell")
        term.type("0\n")
        try term.answerAtOnce()
        try term.save(rating: 5, yes: "yes\n")
        term.type("\u{04}")
        #expect(term.finish() == 0, "\(term.transcript)")
        #expect(term.transcript.contains("Saved attempt 1: rated 5/5, 0:00, no story."))
        #expect(term.transcript.contains("Done. Saved 1 attempt in session 1"))

        let attempts = try Journal.open(at: cli.journal, create: false).practice.history()
        #expect(attempts.count == 1)
        #expect(attempts.first?.storyID == nil)
        #expect(attempts.first?.rating == 5)
        #expect(attempts.first?.notes == "")
    }

    @Test("q stops at once with nothing recorded; the same --seed asks the same question")
    func quitAndSeed() throws {
        let cli = try journal()
        var firstQuestions: [String] = []
        for _ in 0..<2 {
            let term = try TerminalSession(cli, ["practice", "--seed", "1234"])
            try term.expect("Story to tell")
            term.type("q\n")
            #expect(term.finish() == 0, "\(term.transcript)")
            #expect(term.transcript.contains("Done. Nothing was recorded."))
            let lines = term.transcript.components(separatedBy: "\r\n")
            let index = try #require(lines.firstIndex { $0.hasPrefix("Question 1 · ") })
            firstQuestions.append(lines[index] + "\n" + lines[index + 1])
        }
        #expect(firstQuestions[0] == firstQuestions[1])
        let opened = try Journal.open(at: cli.journal, create: false)
        #expect(try opened.practice.count() == 0)
        #expect(try opened.database.integer("SELECT count(*) FROM practice_session") == 0)
    }

    @Test("before the clock: the story's outline and the notes of its last attempt; q while the clock runs stops and saves nothing")
    func outlineNotesAndQuitDuringClock() throws {
        let cli = try journal()
        try cli.ok(["practice", "log", "--question-text", "Q", "--story", "1", "--rating", "3", "--notes", "open with the stakes", "--at", "2026-01-05"])
        let term = try drill(cli)
        try term.expect("Story to tell")
        term.type("#1\n")
        try term.expect("#1 Told the VP the launch would slip")
        try term.expect("Situation: s")
        try term.expect("Result: r")
        try term.expect("Last time (2026-01-05, rated 3/5): open with the stakes")
        try term.expect("Press Enter to start the clock")
        term.type("\n")
        try term.expect("  0:00  answering")
        term.type("q\n")
        try term.expect("this answer was not saved")
        #expect(term.finish() == 0, "\(term.transcript)")
        #expect(term.transcript.contains("Done. Nothing was recorded."))
        #expect(try Journal.open(at: cli.journal, create: false).practice.count() == 1, "only the attempt logged before")
    }

    @Test("a one-second answer is not saved unless the user says so; Ctrl-C at the notes keeps the rating and asks for the note again")
    func shortAnswerAndInterruptedNotes() throws {
        let cli = try journal()
        let term = try drill(cli)
        try term.expect("Story to tell")
        term.type("1\n")
        try term.answerAtOnce()
        term.type("\n")
        try term.expect("Not saved.")
        try term.expect("Next question?")
        term.type("\n")
        try term.expect("Story to tell")
        term.type("1\n")
        try term.answerAtOnce()
        try term.save(rating: 4)
        term.type("half a no")
        Thread.sleep(forTimeInterval: 0.2)
        term.type("\u{03}")
        try term.expect("Your rating of 4/5 is kept")
        try term.expect("Notes")
        term.type("say the number first\n")
        try term.expect("Saved attempt 1: rated 4/5")
        try term.expect("Next question?")
        term.type("q\n")
        #expect(term.finish() == 0, "\(term.transcript)")
        let attempts = try Journal.open(at: cli.journal, create: false).practice.history()
        #expect(attempts.count == 1)
        #expect(attempts.first?.rating == 4 && attempts.first?.notes == "say the number first")
    }

    @Test("the running clock stays on one line at 40 columns: cleared and redrawn in place, never wrapped")
    func clockAtFortyColumns() throws {
        let cli = try journal()
        let term = try drill(cli, columns: 40)
        try term.expect("Story to tell")
        term.type("1\n")
        try term.expect("Press Enter to start the clock")
        term.type("\n")
        try term.expect("  0:01", timeout: 5)
        term.type("\n")
        try term.expect("Save it? [y/N] ")
        term.type("q\n")
        _ = term.finish()
        // Every redraw is CR, erase-line, then a line narrower than the terminal.
        let redraws = term.transcript.components(separatedBy: "\r\u{1B}[K").dropFirst()
        #expect(redraws.count >= 2, "\(term.transcript)")
        for redraw in redraws {
            let line = redraw.prefix { !$0.isNewline && $0 != "\u{1B}" }
            #expect(line.count < 40, "\(line.debugDescription) would wrap at 40 columns")
        }
    }

    @Test("telling a story not tagged with the question's principle offers to tag it")
    func offerToTag() throws {
        let cli = try journal()
        try cli.ok(["add", "--title", "Shipped the billing rewrite", "--principle", "ownership"])
        let term = try drill(cli)
        try term.expect("Story to tell")
        term.type("#3\n")
        try term.expect("Telling #3 Shipped the billing rewrite.")
        try term.answerAtOnce()
        try term.save(rating: 3)
        term.type("\n")
        try term.expect("Story #3 is not tagged Earn Trust; tag it now? [y/N] ")
        term.type("y\n")
        try term.expect("Tagged story #3 Earn Trust.")
        try term.expect("Next question?")
        term.type("q\n")
        #expect(term.finish() == 0, "\(term.transcript)")
        let opened = try Journal.open(at: cli.journal, create: false)
        #expect(try opened.stories.require(3).principles.sorted() == ["earn-trust", "ownership"])
        #expect(try opened.practice.history().first?.principle == "earn-trust")
    }
}

@Suite("Drill candidates")
struct DrillCandidateTests {
    @Test("combine: stories that match the question come first, by relevance plus best-story place")
    func combine() {
        #expect(StoryRanking.combine(best: [1, 2, 3], relevant: [2]) == [2, 1, 3])
        #expect(StoryRanking.combine(best: [1, 2, 3], relevant: [3, 1]) == [1, 3, 2], "1: 1+0, 3: 0+2")
        #expect(StoryRanking.combine(best: [1, 2, 3], relevant: []) == [1, 2, 3])
        #expect(StoryRanking.combine(best: [1, 2], relevant: [9, 2]) == [2, 1], "a story not of the principle is ignored")
    }
}
