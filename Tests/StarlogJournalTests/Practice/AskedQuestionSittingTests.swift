import StarlogJournal
import StarlogStorage
import Testing

/// A sitting on a question asked elsewhere, without a terminal: the
/// classifier proposes, the user confirms or picks, the answer is saved by
/// its text under that principle, and the sitting ends after it.
@Suite("Practice sitting on an asked question")
struct AskedQuestionSittingTests {
    static let now: Int64 = 1_780_000_000
    static let text = "Tell me how you cut the cost of idle clusters without slowing the team down."

    /// Two Frugality stories (one about idle clusters) and one Ownership story.
    func journal() throws -> TestJournal {
        let test = try TestJournal(clock: .fixed(Self.now))
        try test.add("Negotiated the vendor contract", principles: ["frugality"])
        try test.add("Shut down idle clusters", principles: ["frugality"]) { $0.action = "I found idle clusters and turned them off at night." }
        try test.add("Owned the outage review", principles: ["ownership"])
        return test
    }

    func proposal(_ events: [PracticeSitting.Event]) -> AskedQuestion? {
        guard case .proposed(let asked)? = events.first, events.count == 1 else { return nil }
        return asked
    }

    @Test("the classifier's guesses are proposed; Enter takes the first; the attempt is the text under it, and teaches the classifier")
    func enterTakesTheFirstGuess() throws {
        let test = try journal()
        let asked = try AskedQuestion(journal: test.journal, text: "  Tell me how you cut the cost of idle clusters\nwithout slowing the team down. ")
        #expect(asked.text == Self.text, "cleaned as practice log cleans it")
        let scope = try test.journal.answerer.scope()
        #expect(asked.scope == scope)
        // The guesses `answer` makes (scores equal up to the order floating-point sums run in).
        let answered = try test.journal.classifier(for: scope).classify(Self.text, limit: 3)
        #expect(asked.guesses.map(\.principle) == answered.map(\.principle))
        #expect(zip(asked.guesses, answered).allSatisfy { abs($0.confidence - $1.confidence) < 1e-9 && $0.evidence.map(\.example) == $1.evidence.map(\.example) })
        #expect(asked.guesses.first?.principle.slug == "frugality")

        var sitting = try PracticeSitting(journal: test.journal, asked: asked)
        #expect(proposal(sitting.start()) == asked)
        #expect(sitting.step == .confirmingPrinciple(asked))

        let events = sitting.answer(.line(" "))
        guard case .question(let item, number: 1)? = events.first, events.count == 1 else {
            Issue.record("expected the question, got \(events)")
            return
        }
        #expect(item.question.text == Self.text && item.question.principle == "frugality" && item.question.id == 0)
        // The drill's suggestions are answer's ranking: the idle-clusters story first.
        let frugality = try test.journal.principles.resolve("frugality")
        let ranking = try test.journal.storyRanking.rank(question: Self.text, principle: frugality).map(\.fit.storyID)
        #expect(item.candidates.map(\.id) == ranking)
        #expect(item.candidates.map(\.title) == ["Shut down idle clusters", "Negotiated the vendor contract"])
        #expect(item.coverage.principle.slug == "frugality")
        #expect(sitting.step == .choosingStory(item))

        _ = sitting.answer(.line(""))
        _ = sitting.answer(.line(""))
        _ = sitting.answered(seconds: 80)
        _ = sitting.answer(.line("4"))
        let saved = sitting.answer(.line("name the saving"))
        guard case .saved(let attempt, _)? = saved.first else {
            Issue.record("expected a saved attempt, got \(saved)")
            return
        }
        #expect(attempt.questionID == nil && attempt.question == Self.text && attempt.principle == "frugality")
        #expect(attempt.storyID == item.candidates.first?.id && attempt.rating == 4 && attempt.duration == 80)
        #expect(sitting.step == .ended(.exhausted), "one asked question, then the end: no next question")
        sitting.close()

        let learned = try test.journal.classifier(for: scope).classify(Self.text)
        #expect(learned.first?.principle.slug == "frugality")
        #expect(learned.first?.evidence.first?.example == ClassifierExample(principleID: frugality.id, source: .practised, text: Self.text))
    }

    @Test("a guess's number, a slug, a name or FRAMEWORK:NUMBER picks the principle; anything else is asked again")
    func pickingAnotherPrinciple() throws {
        let test = try journal()
        let asked = try AskedQuestion(journal: test.journal, text: Self.text)
        let picks: [(String, String)] = [
            ("2", asked.guesses[1].principle.slug), ("ownership", "ownership"), ("Earn Trust", "earn-trust"),
            ("amazon:10", "frugality"), ("common:2", "failure"),
        ]
        for (typed, slug) in picks {
            var sitting = try PracticeSitting(journal: test.journal, asked: asked)
            _ = sitting.start()
            guard case .question(let item, _)? = sitting.answer(.line(typed)).first else {
                Issue.record("\(typed) picked nothing; step \(sitting.step)")
                continue
            }
            #expect(item.question.principle == slug, "\(typed)")
            let principle = try test.journal.principles.resolve(slug)
            #expect(item.candidates.map(\.id) == (try test.journal.storyRanking.rank(question: Self.text, principle: principle).map(\.fit.storyID)))
        }

        var sitting = try PracticeSitting(journal: test.journal, asked: asked)
        _ = sitting.start()
        #expect(sitting.answer(.line("4")) == [.principleNotUnderstood(nil)], "three guesses: 4 is none of them")
        #expect(sitting.answer(.line("0")) == [.principleNotUnderstood(nil)])
        let refused = sitting.answer(.line("no such thing"))
        guard case .principleNotUnderstood(let refusal?)? = refused.first, refused.count == 1 else {
            Issue.record("expected a refusal, got \(refused)")
            return
        }
        #expect(String(reflecting: refusal.error).contains("no such thing"), "the refusal names what was typed: \(refusal.error)")
        #expect(sitting.step == .confirmingPrinciple(asked), "asked again")
        #expect(sitting.answer(.line("q")) == [])
        #expect(sitting.step == .ended(.quit))
        #expect(try test.journal.practice.count() == 0)
        #expect(sitting.sessionID == nil)
    }

    @Test("a principle given up front skips the confirmation; an unknown one is refused before the sitting")
    func principleGivenUpFront() throws {
        let test = try journal()
        let asked = try AskedQuestion(journal: test.journal, text: Self.text)
        var sitting = try PracticeSitting(journal: test.journal, asked: asked, principle: "1")
        guard case .question(let item, number: 1)? = sitting.start().first else {
            Issue.record("expected the question at once, got step \(sitting.step)")
            return
        }
        #expect(item.question.principle == "customer-obsession", "a bare number is read in the question's framework")
        #expect(throws: JournalError.self) { try PracticeSitting(journal: test.journal, asked: asked, principle: "nope") }

        let common = try AskedQuestion(journal: test.journal, text: Self.text, framework: "common")
        #expect(common.scope.allSatisfy { $0.framework == "common" } && common.guesses.allSatisfy { $0.principle.framework == "common" })
        var inCommon = try PracticeSitting(journal: test.journal, asked: common, principle: "5")
        guard case .question(let other, _)? = inCommon.start().first else {
            Issue.record("expected the question, got step \(inCommon.step)")
            return
        }
        #expect(other.question.principle == "tight-deadline")
    }

    @Test("skipping, or not saving a short answer, ends the sitting with nothing saved")
    func skipAndShortAnswer() throws {
        let test = try journal()
        let asked = try AskedQuestion(journal: test.journal, text: Self.text)
        var skipped = try PracticeSitting(journal: test.journal, asked: asked, principle: "frugality")
        _ = skipped.start()
        #expect(skipped.answer(.line("s")) == [])
        #expect(skipped.step == .ended(.exhausted))

        var short = try PracticeSitting(journal: test.journal, asked: asked, principle: "frugality")
        _ = short.start()
        _ = short.answer(.line("0"))
        _ = short.answer(.line(""))
        #expect(short.answered(seconds: 1) == [.answered(seconds: 1)])
        #expect(short.answer(.line("n")) == [.notSaved])
        #expect(short.step == .ended(.exhausted))
        #expect(try test.journal.practice.count() == 0)
    }

    @Test("a question with no known word gets no guess; the user names the principle; empty text is refused")
    func noGuess() throws {
        let test = try journal()
        let asked = try AskedQuestion(journal: test.journal, text: "qwertyuiop zxcvb")
        #expect(asked.guesses.isEmpty)
        var sitting = try PracticeSitting(journal: test.journal, asked: asked)
        _ = sitting.start()
        #expect(sitting.answer(.line("")) == [.principleNotUnderstood(nil)], "no first guess to take")
        guard case .question(let item, _)? = sitting.answer(.line("dive-deep")).first else {
            Issue.record("expected the question, got step \(sitting.step)")
            return
        }
        #expect(item.question.principle == "dive-deep" && item.candidates.isEmpty)
        #expect(throws: JournalError.attempt(.emptyQuestionText)) { try AskedQuestion(journal: test.journal, text: " \n ") }
        #expect(throws: JournalError.self) { try AskedQuestion(journal: test.journal, text: String(repeating: "a ", count: 600)) }
    }

    @Test("the drill's suggestions for a bank question are answer's ranking too")
    func bankQuestionsUseTheSameRanking() throws {
        let test = try journal()
        var drill = try PracticeDrill(journal: test.journal, principles: ["frugality"], seed: 3)
        let frugality = try test.journal.principles.resolve("frugality")
        while let item = try drill.next() {
            let ranking = try test.journal.storyRanking.rank(question: item.question.text, principle: frugality).map(\.fit.storyID)
            #expect(item.candidates.map(\.id) == ranking, "\(item.question.text)")
        }
    }
}
