import Foundation
import StarlogJournal
import StarlogStorage
import Testing

/// `starlog practice --question-text "..."`: a question asked elsewhere,
/// drilled under the principle the user confirms, through a real
/// pseudo-terminal; and what it does without one.
@Suite("Drilling an asked question", .serialized)
struct AskedQuestionDrillTests {
    static let question = "How did you cut the cost of idle clusters?"

    /// Two Frugality stories, the second about idle clusters.
    func journal() throws -> CLIHarness {
        let cli = try CLIHarness()
        try cli.ok(["add", "--title", "Negotiated the vendor contract", "--principle", "frugality"])
        try cli.ok(["add", "--title", "Shut down idle clusters", "--action", "I found idle clusters and turned them off at night.",
                    "--principle", "frugality"])
        return cli
    }

    @Test("the likely principles are proposed; a bad pick is asked again; Enter takes the first; the answer is saved by its text and teaches answer")
    func confirmThenAnswer() throws {
        let cli = try journal()
        let term = try TerminalSession(cli, ["practice", "--question-text", Self.question])
        try term.expect("Asked")
        try term.expect(Self.question)
        try term.expect("Which principle does it test? Likeliest first:")
        try term.expect("  1) Frugality  ")
        try term.expect("  2) ")
        try term.expect("Principle [Enter for 1, 1-3, or a principle's slug or name; q to stop]: ")
        term.type("9\n")
        try term.expect("Type a number from the list, a principle's slug or name, or q.")
        term.type("frugalty\n")
        try term.expect("'frugalty'")
        try term.expect("Principle [")
        term.type("\n")
        try term.expect("Question 1 · Frugality · ")
        try term.expect(Self.question)
        // The same ranking as answer: the story about idle clusters first.
        try term.expect("1) #2  Shut down idle clusters")
        try term.expect("2) #1  Negotiated the vendor contract")
        try term.expect("Story to tell [Enter for 1, 1-2, ")
        term.type("\n")
        try term.answerAtOnce()
        try term.save(rating: 4)
        term.type("lead with the saving\n")
        try term.expect("Saved attempt 1: rated 4/5")
        #expect(term.finish() == 0, "\(term.transcript)")
        #expect(term.transcript.contains("That was the question you were asked. Saved 1 attempt in session 1"), "\(term.transcript)")
        #expect(!term.transcript.contains("Next question?"))

        let attempts = try Journal.open(at: cli.journal, create: false).practice.history()
        #expect(attempts.count == 1)
        let attempt = try #require(attempts.first)
        #expect(attempt.questionID == nil && attempt.question == Self.question && attempt.principle == "frugality")
        #expect(attempt.storyID == 2 && attempt.rating == 4 && attempt.notes == "lead with the saving")

        let answered = try cli.ok(["answer", Self.question])
        #expect(answered.contains("near you practised: \"\(Self.question)\""), "\(answered)")
    }

    @Test("one --principle skips the confirmation; picking a principle by name works; q stops with nothing saved")
    func principleUpFrontAndByName() throws {
        let cli = try journal()
        let given = try TerminalSession(cli, ["practice", "--question-text", Self.question, "--principle", "ownership"])
        try given.expect("Question 1 · Ownership · ")
        try given.expect("No story is tagged Ownership yet.")
        #expect(!given.transcript.contains("Which principle does it test?"))
        given.type("q\n")
        #expect(given.finish() == 0, "\(given.transcript)")
        #expect(given.transcript.contains("Done. Nothing was recorded."))

        let named = try TerminalSession(cli, ["practice", "--question-text", Self.question, "--framework", "common"])
        try named.expect("Principle [")
        named.type("Tight Deadline\n")
        try named.expect("Question 1 · A Tight Deadline · ")
        named.type("q\n")
        #expect(named.finish() == 0, "\(named.transcript)")
        #expect(try Journal.open(at: cli.journal, create: false).practice.count() == 0)
    }

    @Test("without a terminal it refuses in one line, says what to run from a script, and writes nothing")
    func withoutATerminal() throws {
        let cli = try journal()
        let before = cli.bytes(cli.journal)
        let result = try cli.run(["practice", "--question-text", Self.question], input: "\n")
        CLIHarness.expectOneLineError(result, code: 64, containing: "starlog practice log --question-text")
        #expect(result.stderr.contains("starlog answer"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let withPrinciple = try cli.run(["practice", "--question-text", Self.question, "--principle", "frugality"], input: "\n")
        CLIHarness.expectOneLineError(withPrinciple, code: 64, containing: "needs a terminal")
        #expect(cli.bytes(cli.journal) == before, "the journal is unchanged")

        let two = try cli.run(["practice", "--question-text", Self.question, "--principle", "frugality", "--principle", "ownership"])
        CLIHarness.expectOneLineError(two, code: 64, containing: "at most one --principle")
        let seeded = try cli.run(["practice", "--question-text", Self.question, "--seed", "3"])
        CLIHarness.expectOneLineError(seeded, code: 64, containing: "--seed")
    }

    @Test("an empty question or an unknown principle is refused on a terminal before the drill starts")
    func refusedOnATerminal() throws {
        let cli = try journal()
        let empty = try TerminalSession(cli, ["practice", "--question-text", "  "])
        let status = empty.finish()
        #expect(status != 0 && status != nil, "\(empty.transcript)")
        #expect(empty.transcript.contains("question text is empty"), "\(empty.transcript)")
        let unknown = try TerminalSession(cli, ["practice", "--question-text", Self.question, "--principle", "nope"])
        #expect(unknown.finish() == 64, "\(unknown.transcript)")
        #expect(unknown.transcript.contains("'nope'"), "\(unknown.transcript)")
        #expect(!unknown.transcript.contains("Question 1"))
        #expect(try Journal.open(at: cli.journal, create: false).practice.count() == 0)
    }
}
