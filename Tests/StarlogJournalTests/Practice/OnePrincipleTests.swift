import Foundation
import StarlogJournal
import StarlogStorage
import Testing

/// An attempt is for exactly one principle, and coverage, history, the
/// schedule and the drill count it there and nowhere else.
@Suite("One principle per attempt")
struct OnePrincipleTests {
    @Test("a story tagged Earn Trust told for an Ownership question counts for Ownership only, everywhere")
    func counted() throws {
        let test = try TestJournal(clock: .fixed(TestJournal.start))
        try test.add("Ownership one", principles: ["ownership"])
        try test.add("Ownership two", principles: ["ownership"])
        let trust = try test.add("Owned a mistake", principles: ["earn-trust"])
        try test.add("Trust two", principles: ["earn-trust"])
        let question = try #require(try test.journal.questions.list(principle: "ownership").first)
        let attempt = try test.journal.practice.record(AttemptDraft(questionID: question.id, storyID: trust.id, rating: 5,
                                                                   practicedAt: Timestamp.format(TestJournal.start - 8 * TestJournal.day)))
        #expect(attempt.principle == "ownership")

        let report = try test.journal.coverage.report(principles: ["ownership", "earn-trust"])
        let ownership = try #require(report.principles.first { $0.principle.slug == "ownership" })
        let earnTrust = try #require(report.principles.first { $0.principle.slug == "earn-trust" })
        #expect(ownership.attempts == 1 && ownership.status == .ready)
        #expect(earnTrust.attempts == 0 && earnTrust.status == .unpractised)
        #expect(ownership.stories == 2, "telling a story does not tag it")

        #expect(try test.journal.practice.history(principle: "ownership").map(\.id) == [attempt.id])
        #expect(try test.journal.practice.history(principle: "earn-trust").isEmpty)

        let pairs = try test.journal.schedule.all()
        #expect(pairs.map { "\($0.storyID)/\($0.principle.slug)" } == ["\(trust.id)/ownership"])

        // The drill lists the principle's own stories; the told one is not counted among them.
        let ownershipID = try test.journal.principles.resolve("ownership").id
        #expect(try test.journal.practice.candidates(forPrinciple: ownershipID).count == 2)
    }

    @Test("without a question's principle or --principle, the story's only principle; else the attempt asks")
    func rule() throws {
        let test = try TestJournal(clock: .fixed(TestJournal.start))
        let single = try test.add("Single", principles: ["frugality"])
        let double = try test.add("Double", principles: ["frugality", "think-big"])
        let none = try test.add("None")
        #expect(try test.journal.practice.record(AttemptDraft(questionText: "Q", storyID: single.id, rating: 3)).principle == "frugality")
        #expect(try test.journal.practice.record(AttemptDraft(questionText: "Q", principle: "think-big", storyID: double.id, rating: 3)).principle == "think-big")
        let before = try test.journal.practice.count()
        for (draft, problem) in [
            (AttemptDraft(questionText: "Q", storyID: double.id, rating: 3),
             JournalError.AttemptProblem.whichPrinciple(storyID: double.id, tags: ["think-big", "frugality"])),
            (AttemptDraft(questionText: "Q", storyID: none.id, rating: 3), .whichPrinciple(storyID: none.id, tags: [])),
            (AttemptDraft(questionText: "Q", rating: 3), .whichPrinciple(storyID: nil, tags: [])),
        ] {
            #expect(throws: JournalError.attempt(problem)) { try test.journal.practice.record(draft) }
            #expect(JournalError.attempt(problem).category == .usage)
        }
        #expect(try test.journal.practice.count() == before, "nothing written")
    }

    @Test("migration 6 gives old attempts their principle by the rule and rebuilds the schedule")
    func migration() throws {
        let old = try OldJournal(schema: 5)
        let path = old.path
        do {
            let database = try old.database()
            try database.run("INSERT INTO story (id, title, created_at, updated_at) VALUES (1, 'One tag', 'x', 'x'), (2, 'Two tags', 'x', 'x')")
            try database.run("""
                INSERT INTO story_principle (story_id, principle_id)
                SELECT 1, id FROM principle WHERE slug = 'dive-deep'
                UNION ALL SELECT 2, id FROM principle WHERE slug IN ('dive-deep', 'ownership')
                """)
            try database.run("INSERT INTO practice_session (id, started_at) VALUES (1, '2026-05-01T00:00:00Z')")
            let trustQuestion = try #require(try database.integer(
                "SELECT q.id FROM question q JOIN principle p ON p.id = q.principle_id WHERE p.slug = 'earn-trust' LIMIT 1"))
            // 1: story with one tag, no principle; 2: story with two tags; 3: a bank question; 4: nothing to tell.
            try database.run("""
                INSERT INTO practice_attempt (id, session_id, question_id, question, principle_id, story_id, rating, practiced_at) VALUES
                (1, 1, NULL, 'Q', NULL, 1, 4, '2026-05-01T00:00:00Z'),
                (2, 1, NULL, 'Q', NULL, 2, 4, '2026-05-01T00:00:00Z'),
                (3, 1, ?, 'Q', NULL, 2, 1, '2026-05-02T00:00:00Z'),
                (4, 1, NULL, 'Q', NULL, NULL, 3, '2026-05-02T00:00:00Z')
                """, [trustQuestion])
            // A stale row with a pulled-in due date, as older versions stored it.
            try database.run("""
                INSERT INTO review_state (story_id, principle_id, stability, difficulty, reps, lapses, last_review, due)
                SELECT 1, id, 1, 5, 1, 0, '2026-05-01T00:00:00Z', '2026-05-02T00:00:00Z' FROM principle WHERE slug = 'dive-deep'
                """)
        }
        let journal = try Journal.open(at: path, clock: .fixed(TestJournal.start))
        let principles = try journal.database.rows("SELECT a.id, p.slug FROM practice_attempt a LEFT JOIN principle p ON p.id = a.principle_id ORDER BY a.id") {
            "\($0.int64(0)):\($0.optionalText(1) ?? "-")"
        }
        #expect(principles == ["1:dive-deep", "2:-", "3:earn-trust", "4:-"])
        let pairs = try journal.schedule.all().map { "\($0.storyID)/\($0.principle.slug)/\($0.due)" }
        // Story 1, Good on 2026-05-01: S = 3.173 -> 3 days. Story 2, Again for Earn Trust on 2026-05-02: 1 day.
        #expect(pairs == ["2/earn-trust/2026-05-03T00:00:00Z", "1/dive-deep/2026-05-04T00:00:00Z"])
    }

    @Test("the interview cap is applied when read: it shows its interview, and goes when the interview does")
    func capAtReadTime() throws {
        // Rated Easy 6 days ago (S = 15.69 -> due in 16 days), interview in 2 days.
        let now = TestJournal.start
        let test = try TestJournal(clock: .fixed(now))
        let story = try test.add("Cut the bill", principles: ["frugality"]) { $0.result = "Saved 30% in a quarter." }
        let interview = try test.journal.interviews.add(InterviewDraft(company: "Acme", date: "2026-05-31", principles: ["frugality"]))
        try test.journal.practice.record(AttemptDraft(questionText: "Q", storyID: story.id, rating: 5,
                                                      practicedAt: Timestamp.format(now - 6 * TestJournal.day)))
        let principle = try test.journal.principles.resolve("frugality").id
        var item = try #require(try test.journal.schedule.item(storyID: story.id, principleID: principle))
        #expect(item.modelDue == "2026-06-08T00:00:00Z")
        #expect(item.due == "2026-05-28T00:00:00Z", "the window opens 3 days before 2026-05-31")
        #expect(item.interview?.id == interview.id && item.why?.contains("Acme") == true, "the interview existed when the attempt was logged")
        #expect(try test.journal.schedule.due().map(\.storyID) == [story.id])
        let stored = try test.journal.database.optionalText("SELECT due FROM review_state", [])
        #expect(stored == "2026-06-08T00:00:00Z", "only FSRS's date is stored")

        _ = try test.journal.interviews.remove(interview.id)
        item = try #require(try test.journal.schedule.item(storyID: story.id, principleID: principle))
        #expect(item.due == "2026-06-08T00:00:00Z" && item.interview == nil && item.why == nil)
        #expect(try test.journal.schedule.due().isEmpty, "no longer overdue")
        #expect(try test.journal.schedule.all().map(\.storyID) == [story.id], "--all still lists it")
    }

    @Test("the cap follows the plan: when the plan switches to another story, the first one is no longer pulled in")
    func capFollowsPlan() throws {
        let now = TestJournal.start
        let test = try TestJournal(clock: .fixed(now))
        let weak = try test.add("Weak", principles: ["frugality"])
        try test.journal.interviews.add(InterviewDraft(company: "Acme", date: "2026-05-31", principles: ["frugality"]))
        try test.journal.practice.record(AttemptDraft(questionText: "Q", storyID: weak.id, rating: 5,
                                                      practicedAt: Timestamp.format(now - 6 * TestJournal.day)))
        #expect(try test.journal.schedule.due().map(\.storyID) == [weak.id])
        // A much stronger story takes the plan's place.
        let strong = try test.add("Strong", principles: ["frugality"]) {
            $0.situation = "Our cloud bill had doubled in a year while traffic grew 10%."
            $0.task = "I owned bringing it back under budget within one quarter."
            $0.action = "I profiled every service, moved batch jobs to spot instances and deleted 40 idle volumes."
            $0.result = "The bill fell 35% in eight weeks, saving $420,000 a year."
        }
        let due = try test.journal.schedule.due()
        #expect(due.map(\.storyID) == [strong.id], "the weak story goes back to its FSRS date; the new one is planned and new")
        #expect(due.first?.isNew == true)
    }

    @Test("best story: lint score, then mean rating for that principle, then most recently practised for it")
    func bestStory() throws {
        let test = try TestJournal(clock: .fixed(TestJournal.start))
        // Three stories with the same text score the same.
        func same(_ title: String) throws -> Story {
            try test.add(title, principles: ["dive-deep", "ownership"]) { $0.result = "Latency fell 40%." }
        }
        let a = try same("A"), b = try same("B"), c = try same("C")
        let practice = test.journal.practice
        // For Dive Deep: A mean 4, B mean 4 but later, C mean 3. For Ownership: C is rated 5.
        try practice.record(AttemptDraft(questionText: "Q", principle: "dive-deep", storyID: a.id, rating: 4, practicedAt: "2026-05-01"))
        try practice.record(AttemptDraft(questionText: "Q", principle: "dive-deep", storyID: b.id, rating: 4, practicedAt: "2026-05-03"))
        try practice.record(AttemptDraft(questionText: "Q", principle: "dive-deep", storyID: c.id, rating: 3, practicedAt: "2026-05-05"))
        try practice.record(AttemptDraft(questionText: "Q", principle: "ownership", storyID: c.id, rating: 5, practicedAt: "2026-05-02"))
        let report = try test.journal.coverage.report(principles: ["dive-deep", "ownership"])
        #expect(report.principles[0].bestStory?.id == b.id, "equal mean: the most recently practised")
        #expect(report.principles[1].bestStory?.id == c.id, "its rating for Ownership, not Dive Deep, counts")
        let dive = try test.journal.principles.resolve("dive-deep").id
        #expect(try practice.candidates(forPrinciple: dive).map(\.id) == [b.id, a.id, c.id], "the drill uses the same order")
        let plan = try test.journal.planner.plan(principles: ["dive-deep"])
        #expect(plan.principles[0].story?.storyID == b.id, "so does the plan, for one principle")
        // A higher lint score beats any rating.
        let better = try test.add("Better", principles: ["dive-deep"]) {
            $0.situation = "Checkout errors doubled after a release while dashboards stayed green."
            $0.task = "I was on call and owned finding the cause."
            $0.action = "I traced failing requests through three services and found a cache key collision."
            $0.result = "I shipped a fix in two hours; errors fell 95% and stayed down for a month."
        }
        #expect(try test.journal.coverage.report(principles: ["dive-deep"]).principles[0].bestStory?.id == better.id)
    }
}
