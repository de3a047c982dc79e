import Foundation
@testable import StarlogJournal
import StarlogStorage
import Testing

/// The classifier's scoring on cases small enough to check by hand.
@Suite struct PrincipleClassifierTests {
    func twoPrinciples(_ test: TestJournal) throws -> (Principle, Principle) {
        (try test.journal.principles.resolve("ownership"), try test.journal.principles.resolve("frugality"))
    }

    @Test func scoresAreTheCosineOfTfIdfVectors() throws {
        let test = try TestJournal()
        let (a, b) = try twoPrinciples(test)
        // Two texts: idf(apple) = idf(cherry) = ln 3, idf(banana) = ln 2.
        let classifier = try PrincipleClassifier(principles: [a, b], examples: [
            ClassifierExample(principleID: a.id, source: .bank, text: "apple banana"),
            ClassifierExample(principleID: b.id, source: .own, text: "banana cherry"),
        ])
        let (ln2, ln3) = (log(2.0), log(3.0))
        let norm = (ln2 * ln2 + ln3 * ln3).squareRoot()

        let apple = try classifier.classify("apple")
        #expect(apple.map(\.principle.slug) == ["ownership"], "cherry's principle shares nothing")
        #expect(abs(apple[0].score - ln3 / norm) < 1e-9)
        #expect(apple[0].confidence == 1)
        #expect(apple[0].evidence.map(\.words) == [["apple"]])

        // Stems and case: "Apples and Bananas" holds both of A's stems.
        let both = try classifier.classify("Tell me about Apples and Bananas")
        #expect(both.map(\.principle.slug) == ["ownership", "frugality"])
        #expect(abs(both[0].score - 1) < 1e-9, "the same stems with the same weights: cosine 1")
        #expect(abs(both[1].score - ln2 * ln2 / (norm * norm)) < 1e-9)
        #expect(abs(both[0].confidence - 1 / (1 + ln2 * ln2 / (norm * norm))) < 1e-9)
        #expect(both[0].evidence[0].words == ["apples", "bananas"], "the question's own words, in its order")
        #expect(both[1].evidence[0].words == ["bananas"])
        #expect(abs(both.map(\.confidence).reduce(0, +) - 1) < 1e-9)
    }

    @Test func theSecondNearestTextCountsHalf() throws {
        let test = try TestJournal()
        let (a, b) = try twoPrinciples(test)
        let classifier = try PrincipleClassifier(principles: [a, b], examples: [
            ClassifierExample(principleID: a.id, source: .bank, text: "budget"),
            ClassifierExample(principleID: a.id, source: .bank, text: "budget"),
            ClassifierExample(principleID: a.id, source: .bank, text: "budget"),
            ClassifierExample(principleID: b.id, source: .summary, text: "budget"),
        ])
        let guesses = try classifier.classify("budgets")
        #expect(guesses.map(\.principle.slug) == ["ownership", "frugality"])
        #expect(abs(guesses[0].score - 1.5) < 1e-9, "1 + 0.5 × 1; a third text adds nothing")
        #expect(abs(guesses[1].score - 1) < 1e-9)
        #expect(abs(guesses[0].confidence - 0.6) < 1e-9)
        #expect(guesses[0].evidence.count == 2)
    }

    @Test func questionsWithNothingKnownGetNoGuess() throws {
        let test = try TestJournal()
        let classifier = try test.journal.classifier(for: test.journal.answerer.scope())
        for text in ["", "   ", "Tell me about a time when you", "qwertyuiop zxcvb", "'; DROP TABLE story; --",
                     "\"", "NEAR(", "\u{1b}[31m\u{202e}", "s t"] {
            #expect(try classifier.classify(text).isEmpty, "\(text.debugDescription)")
        }
    }

    @Test func practisedQuestionsTeachIt() throws {
        let test = try TestJournal(clock: .fixed(TestJournal.start))
        let question = "Which quarterly spreadsheet reconciliation did you automate?"
        let scope = try test.journal.answerer.scope()
        #expect(try test.journal.classifier(for: scope).classify(question).first?.principle.slug != "frugality")
        _ = try test.journal.practice.record(AttemptDraft(questionText: question, principle: "frugality", rating: 3))
        let guesses = try test.journal.classifier(for: scope).classify(question)
        #expect(guesses.first?.principle.slug == "frugality")
        #expect(guesses.first?.evidence.first?.example.source == .practised)
        #expect(guesses.first?.evidence.first?.example.text == question)
    }

    @Test func hiddenQuestionsAreLeftOutButPractiseOfThemIsNot() throws {
        let test = try TestJournal(clock: .fixed(TestJournal.start))
        let bank = try test.journal.questions.list(principle: "frugality")
        let hidden = try #require(bank.first)
        let texts = { try ClassifierExamples(database: test.journal.database).all().filter { $0.text == hidden.text } }
        #expect(try texts().map(\.source) == [.bank])
        let scope = try test.journal.answerer.scope()
        let before = try test.journal.classifier(for: scope).classify(hidden.text)
        #expect(before.first?.evidence.first?.example == ClassifierExample(principleID: hidden.principleID, source: .bank, text: hidden.text))

        _ = try test.journal.questions.setHidden(hidden.id, true)
        #expect(try texts().isEmpty, "a hidden question teaches nothing")
        let after = try test.journal.classifier(for: scope).classify(hidden.text)
        #expect(!after.flatMap(\.evidence).contains { $0.example.text == hidden.text })

        // Practising it under its principle is the user's own label: it counts
        // once hidden, and not twice while shown.
        _ = try test.journal.practice.record(AttemptDraft(questionText: hidden.text, principle: "frugality", rating: 3))
        #expect(try texts().map(\.source) == [.practised])
        _ = try test.journal.questions.setHidden(hidden.id, false)
        #expect(try texts().map(\.source) == [.bank])
    }

    @Test func debriefedQuestionsTeachItWhenTheyNameAPrinciple() throws {
        let test = try TestJournal(clock: .fixed(TestJournal.start))
        let asked = "Which vendor contract did you renegotiate downward?"
        let unlabelled = "Walk me through your quarterly roadmap offsite."
        let scope = try test.journal.answerer.scope()
        #expect(try test.journal.classifier(for: scope).classify(asked).first?.principle.slug != "frugality")
        let past = try test.journal.interviews.add(InterviewDraft(company: "Acme", date: "2026-01-05", past: true))
        try test.journal.interviews.debrief(past.id, DebriefDraft(question: asked, principle: "frugality"))
        try test.journal.interviews.debrief(past.id, DebriefDraft(question: unlabelled))
        let guesses = try test.journal.classifier(for: scope).classify(asked)
        #expect(guesses.first?.principle.slug == "frugality")
        #expect(guesses.first?.evidence.first?.example.source == .debriefed)
        #expect(guesses.first?.evidence.first?.similarity ?? 0 > 0.999)

        let examples = try ClassifierExamples(database: test.journal.database).all()
        #expect(!examples.contains { $0.text == unlabelled }, "a debrief with no principle is no label")
        // The same text practised under the same principle is one document.
        _ = try test.journal.practice.record(AttemptDraft(questionText: asked, principle: "frugality", rating: 4))
        let again = try ClassifierExamples(database: test.journal.database).all().filter { $0.text == asked }
        #expect(again.map(\.source) == [.practised])
        // Under another principle it is a second label.
        try test.journal.interviews.debrief(past.id, DebriefDraft(question: asked, principle: "ownership"))
        let both = try ClassifierExamples(database: test.journal.database).all().filter { $0.text == asked }
        #expect(both.map(\.source) == [.practised, .debriefed] && Set(both.map(\.principleID)).count == 2)
    }

    @Test func ownQuestionsTeachItAndAreLabelledSo() throws {
        let test = try TestJournal()
        try test.journal.questions.add(principle: "dive-deep", text: "Which flaky alerting rule did you trace?")
        let guesses = try test.journal.classifier(for: test.journal.answerer.scope()).classify("a flaky alert")
        #expect(guesses.first?.principle.slug == "dive-deep")
        #expect(guesses.first?.evidence.first?.example.source == .own)
    }

    @Test func theTokenizerIsTheStoryIndexs() throws {
        let test = try TestJournal()
        let sql = try test.journal.database.first("SELECT sql FROM sqlite_schema WHERE name = 'story_fts'") { $0.text(0) } ?? ""
        #expect(sql.contains("tokenize = '\(QuestionTokenizer.tokenize)'"), "\(sql)")
        let tokens = try QuestionTokenizer().tokens(of: ["Leading Cafés"]).first?.map(\.term)
        #expect(tokens == ["lead", "cafe"])
    }

    @Test func scopeFollowsTheFrameworkAndRefusesUnknownOnes() throws {
        let test = try TestJournal()
        #expect(try test.journal.answerer.scope().count == 16)
        #expect(try test.journal.answerer.scope(framework: "AMAZON").count == 16)
        #expect(try test.journal.answerer.scope(framework: "common").map(\.framework) == Array(repeating: "common", count: 11))
        #expect(throws: FrameworkError.unknownFramework("acme", suggestion: nil)) { try test.journal.answerer.scope(framework: "acme") }
    }
}
