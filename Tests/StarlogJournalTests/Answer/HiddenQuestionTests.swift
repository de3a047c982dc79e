import StarlogJournal
import Testing

/// A question the user hid is never suggested as the one to write a story
/// for: not by `answer` when nothing fits, not by the plan's advice.
@Suite struct HiddenQuestionTests {
    @Test func answerNeverSuggestsAHiddenQuestion() throws {
        let test = try TestJournal()
        let scope = try test.journal.answerer.scope()
        let question = "How did you earn the trust of a sceptical client?"
        let first = try #require(try test.journal.answerer.answer(question, scope: scope).toWrite)
        let suggested = try #require(first.question)
        _ = try test.journal.questions.setHidden(suggested.id, true)
        let second = try #require(try test.journal.answerer.answer(question, scope: scope).toWrite)
        #expect(second.principle == first.principle)
        let other = try #require(second.question, "another of the principle's questions")
        #expect(other.id != suggested.id && !other.hidden)
        for shown in try test.journal.questions.list(principle: first.principle.slug) where !shown.hidden {
            _ = try test.journal.questions.setHidden(shown.id, true)
        }
        #expect(try test.journal.answerer.answer(question, scope: scope).toWrite?.question == nil, "every question hidden: none to suggest")
    }

    @Test func thePlansAdviceNeverNamesAHiddenQuestion() throws {
        let test = try TestJournal()
        let advice = { try #require(try test.journal.planner.plan(principles: ["frugality"]).principles.first?.advice) }
        let bank = try test.journal.questions.list(principle: "frugality")
        #expect(try advice().example == bank.first?.text)
        _ = try test.journal.questions.setHidden(bank[0].id, true)
        #expect(try advice().example == bank[1].text)
        for question in bank { _ = try test.journal.questions.setHidden(question.id, true) }
        #expect(try advice().example == nil)
    }
}
