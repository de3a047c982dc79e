import StarlogJournal
import StarlogStorage
import Testing

/// Framework order is defined once (`Principle.order`): every list of
/// principles comes in it, even when two principles share a number or
/// have none, where a tie-breaker on names would disagree with one on slugs.
@Suite("Principle order")
struct PrincipleOrderTests {
    @Test("principles with the same number (in two frameworks) or with none come in the same order in every list")
    func sameNumberSameOrder() throws {
        let test = try TestJournal()
        // Two frameworks share number 1; in acme, two principles have no
        // number, and their names sort the other way round from their slugs.
        try test.journal.database.run("""
            INSERT INTO principle (slug, name, summary, framework, position, builtin) VALUES
            ('b-first', 'Able', '', 'acme', 1, 0), ('a-second', 'Baker', '', 'beta', 1, 0),
            ('d-none', 'Charlie', '', 'acme', NULL, 0), ('c-none', 'Delta', '', 'acme', NULL, 0)
            """)
        let inAcme = ["b-first", "c-none", "d-none"]
        let expected = inAcme + ["a-second"]
        let mine = { (slugs: [String]) in slugs.filter { expected.contains($0) } }
        let principles = test.journal.principles

        #expect(try mine(principles.all().map(\.slug)) == expected, "principles")
        #expect(try mine(principles.usage().map(\.principle.slug)) == expected, "principles with story counts")
        #expect(try principles.all(in: "acme").map(\.slug) == inAcme, "one framework")
        #expect(try test.journal.coverage.report(framework: "acme").principles.map(\.principle.slug) == inAcme, "coverage")
        #expect(try test.journal.planner.plan(principles: [], framework: "acme").principles.map(\.principle.slug) == inAcme, "plan")

        let story = try test.add("Everything at Acme", principles: ["a-second", "d-none", "b-first", "c-none"])
        #expect(story.principles == expected, "a story's principles")
        let interview = try test.journal.interviews.add(
            InterviewDraft(company: "Acme", date: "2099-01-01", framework: "acme", principles: ["d-none", "c-none", "b-first"]))
        #expect(interview.principles.map(\.slug) == inAcme, "an interview's principles")

        for slug in ["d-none", "a-second", "c-none", "b-first"] { try test.journal.questions.add(principle: slug, text: "Tell me about \(slug).") }
        #expect(try mine(test.journal.questions.list().map(\.principle)) == expected, "the question bank")
        #expect(mine(CompletionCandidates(path: test.journal.path).principles().map(\.slug)) == expected, "shell completions")

        #expect(throws: JournalError.attempt(.whichPrinciple(storyID: story.id, tags: expected))) {
            try test.journal.practice.record(AttemptDraft(questionText: "Q", storyID: story.id, rating: 3))
        }
    }
}
