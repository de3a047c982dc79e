import Foundation
import StarlogJournal
import StarlogStorage
import Testing

@Suite("Questions and practice")
struct PracticeRepositoryTests {
    static let now: Int64 = 1_780_000_000

    @Test("the built-in bank holds at least three questions for each built-in principle")
    func bank() throws {
        let test = try TestJournal()
        let all = try test.journal.questions.list()
        let builtin = try test.journal.principles.all().filter(\.builtin)
        #expect(builtin.count == 16 + 11, "amazon's sixteen and common's eleven themes")
        for principle in builtin {
            let questions = all.filter { $0.principle == principle.slug }
            #expect(questions.count >= 3, "\(principle.slug) has \(questions.count)")
            let allBuiltin = questions.allSatisfy { $0.builtin }
            #expect(allBuiltin)
        }
        #expect(Set(all.map(\.text)).count == all.count, "no question is repeated")
        let trust = try test.journal.questions.list(principle: "11")
        #expect(!trust.isEmpty && trust.allSatisfy { $0.principle == "earn-trust" })
        #expect(throws: JournalError.self) { try test.journal.questions.list(principle: "earn-trusst") }
    }

    @Test("a user's question is marked as theirs, refused twice, kept across reopening, and removable")
    func userQuestions() throws {
        let test = try TestJournal()
        let before = try test.journal.questions.count()
        let added = try test.journal.questions.add(principle: "Dive Deep", text: "  Which metric did you\n stop trusting? ")
        #expect(added.text == "Which metric did you stop trusting?")
        #expect(added.principle == "dive-deep")
        #expect(!added.builtin)
        #expect(added.json.rendered(pretty: false) == #"{"id":\#(added.id),"principle":"dive-deep","text":"Which metric did you stop trusting?","builtin":false}"#)
        #expect(throws: JournalError.failed("that question is already in the bank as #\(added.id) under Dive Deep")) {
            try test.journal.questions.add(principle: "dive-deep", text: "Which metric did you stop trusting?")
        }
        #expect(throws: QuestionError.emptyFor(principle: "dive-deep")) { try test.journal.questions.add(principle: "dive-deep", text: "   ") }
        #expect(try test.journal.questions.count() == before + 1)

        // Reopening (which runs the migrator) keeps it.
        let reopened = try Journal.open(at: test.path, clock: .fixed(Self.now))
        #expect(try reopened.questions.find(added.id) == added)

        // Built-in questions cannot be removed; the user's can.
        let builtin = try #require(try test.journal.questions.list().first)
        #expect(throws: JournalError.self) { try test.journal.questions.delete(builtin.id) }
        try test.journal.questions.delete(added.id)
        #expect(try test.journal.questions.find(added.id) == nil)
    }

    @Test("an attempt records every field, and attempts can share a session")
    func recordAttempt() throws {
        let test = try TestJournal(clock: .fixed(Self.now))
        let story = try test.add("Told the VP the launch would slip", principles: ["earn-trust"])
        let question = try #require(try test.journal.questions.list(principle: "earn-trust").first)
        let practice = test.journal.practice

        let first = try practice.record(AttemptDraft(
            questionID: question.id, storyID: story.id, duration: 150, rating: 4, notes: "shorter situation"))
        #expect(first.questionID == question.id)
        #expect(first.question == question.text)
        #expect(first.principle == "earn-trust")
        #expect(first.storyID == story.id)
        #expect(first.storyTitle == story.title)
        #expect(first.duration == 150)
        #expect(first.rating == 4)
        #expect(first.notes == "shorter situation")
        #expect(first.practicedAt == Timestamp.format(Self.now))
        #expect(first.json.rendered(pretty: false) == """
            {"id":\(first.id),"session_id":\(first.sessionID),"question_id":\(question.id),"question":"\(question.text)",\
            "principle":"earn-trust","story_id":\(story.id),"duration":150,"rating":4,"notes":"shorter situation","practiced_at":"\(Timestamp.format(Self.now))"}
            """)

        // Without a session, each log is its own sitting; with one, they share it.
        let session = try practice.startSession()
        let second = try practice.record(AttemptDraft(questionText: "Why this company?", principle: "1", rating: 3), session: session)
        let third = try practice.record(AttemptDraft(questionText: "Why leave?", principle: "ownership", rating: 2), session: session)
        #expect(second.sessionID == session && third.sessionID == session)
        #expect(first.sessionID != session)
        #expect(second.questionID == nil && second.principle == "customer-obsession")
        #expect(third.principle == "ownership" && third.duration == nil && third.storyID == nil)
        #expect(try practice.attempts(inSession: session).map(\.id) == [second.id, third.id])
        try practice.endSession(session)
        #expect(try test.journal.database.optionalText("SELECT ended_at FROM practice_session WHERE id = ?", [session]) == Timestamp.format(Self.now))

        // A time in the past is kept; a date means midnight UTC.
        let earlier = try practice.record(AttemptDraft(questionID: question.id, rating: 5, practicedAt: "2026-01-02"))
        #expect(earlier.practicedAt == "2026-01-02T00:00:00Z")
    }

    @Test("a bad attempt is refused with the right error and writes nothing")
    func refusals() throws {
        let test = try TestJournal(clock: .fixed(Self.now))
        let story = try test.add("A story", principles: ["ownership"])
        let question = try #require(try test.journal.questions.list().first)
        let practice = test.journal.practice
        let cases: [(AttemptDraft, JournalError.Category)] = [
            (AttemptDraft(questionID: question.id, rating: 0), .usage),
            (AttemptDraft(questionID: question.id, rating: 6), .usage),
            (AttemptDraft(questionID: question.id, duration: -1, rating: 3), .usage),
            (AttemptDraft(rating: 3), .usage),
            (AttemptDraft(questionText: "   ", rating: 3), .usage),
            (AttemptDraft(questionID: question.id, questionText: "Both", rating: 3), .usage),
            (AttemptDraft(questionID: question.id, principle: "ownership", rating: 3), .usage),
            (AttemptDraft(questionText: "Free", principle: "no-such-principle", rating: 3), .usage),
            (AttemptDraft(questionID: question.id, rating: 3, practicedAt: "yesterday"), .usage),
            (AttemptDraft(questionID: question.id, rating: 3, practicedAt: Timestamp.format(Self.now + 3600)), .usage),
            (AttemptDraft(questionID: 9_999, rating: 3), .failure),
            (AttemptDraft(questionID: question.id, storyID: story.id + 100, rating: 3), .failure),
        ]
        for (draft, code) in cases {
            do {
                try practice.record(draft)
                Issue.record("accepted \(draft)")
            } catch let error as JournalError {
                #expect(error.category == code, "\(draft): \(error)")
            }
        }
        #expect(throws: JournalError.self) { try practice.record(AttemptDraft(questionID: question.id, rating: 3), session: 42) }
        #expect(try practice.count() == 0)
        #expect(try test.journal.database.integer("SELECT count(*) FROM practice_session") == 0)
    }

    @Test("deleting a story or a question keeps the attempt, with its text, rating and duration")
    func deletionKeepsHistory() throws {
        let test = try TestJournal(clock: .fixed(Self.now))
        let story = try test.add("Migrated billing", principles: ["deliver-results"])
        let mine = try test.journal.questions.add(principle: "deliver-results", text: "What did you ship under pressure?")
        let attempt = try test.journal.practice.record(
            AttemptDraft(questionID: mine.id, storyID: story.id, duration: 95, rating: 4, notes: "good"))

        try test.journal.stories.delete(story.id)
        let afterStory = try test.journal.practice.require(attempt.id)
        #expect(afterStory.storyID == nil)
        #expect(afterStory.storyTitle == nil)
        #expect(afterStory.rating == 4 && afterStory.duration == 95 && afterStory.notes == "good")

        try test.journal.questions.delete(mine.id)
        let afterQuestion = try test.journal.practice.require(attempt.id)
        #expect(afterQuestion.questionID == nil)
        #expect(afterQuestion.question == "What did you ship under pressure?")
        #expect(afterQuestion.principle == "deliver-results")
        #expect(try test.journal.practice.count() == 1)
        #expect(try test.journal.practice.history(principle: "deliver-results").map(\.id) == [attempt.id])
    }

    @Test("history is newest first, narrowed by the attempt's one principle, and limited")
    func history() throws {
        let test = try TestJournal(clock: .fixed(Self.now))
        let trust = try test.add("Trust story", principles: ["earn-trust"])
        let practice = test.journal.practice
        let trustQuestion = try #require(try test.journal.questions.list(principle: "earn-trust").first)
        let ownQuestion = try #require(try test.journal.questions.list(principle: "ownership").first)
        let a = try practice.record(AttemptDraft(questionID: trustQuestion.id, rating: 3, practicedAt: "2026-01-01"))
        let b = try practice.record(AttemptDraft(questionID: ownQuestion.id, storyID: trust.id, rating: 4, practicedAt: "2026-02-01"))
        let c = try practice.record(AttemptDraft(questionID: ownQuestion.id, rating: 5, practicedAt: "2026-03-01"))
        #expect(try practice.history().map(\.id) == [c.id, b.id, a.id])
        #expect(try practice.history(limit: 2).map(\.id) == [c.id, b.id])
        // b told the Earn Trust story for an Ownership question: it counts for Ownership only.
        #expect(try practice.history(principle: "Earn Trust").map(\.id) == [a.id])
        #expect(try practice.history(principle: "ownership").map(\.id) == [c.id, b.id])
        #expect(try practice.history(principle: "frugality").isEmpty)
        #expect(throws: JournalError.self) { try practice.history(limit: 0) }
    }

    @Test("the drill's pick is repeatable with a seed, stays in scope and favours weak principles")
    func drillPick() throws {
        let test = try TestJournal(clock: .fixed(Self.now))
        for index in 1...3 {
            try test.add("Customer story \(index)", principles: ["customer-obsession"])
        }
        let strong = try test.journal.stories.list(StoryFilter(principle: "customer-obsession"))
        let question = try #require(try test.journal.questions.list(principle: "customer-obsession").first)
        for story in strong {
            try test.journal.practice.record(AttemptDraft(questionID: question.id, storyID: story.id, rating: 5))
        }

        func sequence(seed: UInt64, scope: [String] = []) throws -> [Int64] {
            var drill = try PracticeDrill(journal: test.journal, principles: scope, seed: seed)
            var ids: [Int64] = []
            while let next = try drill.next() { ids.append(next.question.id) }
            return ids
        }
        let first = try sequence(seed: 42)
        #expect(first == (try sequence(seed: 42)), "same seed, same questions")
        let amazon = Set(try test.journal.principles.all(in: "amazon").map(\.id))
        let inScope = try test.journal.questions.list().filter { amazon.contains($0.principleID) }
        #expect(first.count == inScope.count, "every question of the default scope (amazon) once, then done")
        #expect(first != (try sequence(seed: 43)))

        let scoped = try sequence(seed: 7, scope: ["frugality"])
        let frugal = try test.journal.questions.list(principle: "frugality").map(\.id)
        #expect(Set(scoped) == Set(frugal))

        // A ready principle with three stories comes up far less often than a gap.
        var counts: [String: Int] = [:]
        for seed in 0..<200 as Range<UInt64> {
            var drill = try PracticeDrill(journal: test.journal, principles: ["customer-obsession", "think-big"], seed: seed)
            let pick = try #require(try drill.next())
            counts[pick.question.principle, default: 0] += 1
        }
        #expect((counts["think-big"] ?? 0) > 3 * (counts["customer-obsession"] ?? 0), "\(counts)")

        // The candidates for a question are its principle's stories, best first.
        var drill = try PracticeDrill(journal: test.journal, principles: ["customer-obsession"], seed: 1)
        let pick = try #require(try drill.next())
        #expect(pick.candidates.count == 3)
        #expect(pick.candidates.allSatisfy { $0.bestRating == 5 && $0.attempts == 1 })
        #expect(pick.question.id != question.id, "the least-asked question comes first")
    }
}

extension Database {
    func optionalText(_ sql: String, _ values: [any SQLBindable]) throws -> String? {
        try first(sql, values) { $0.optionalText(0) } ?? nil
    }
}
