import StarlogJournal
import Testing

@Suite("Practice schedule")
struct ScheduleTests {
    @Test("every attempt updates its pair: first Good is due in 3 days, then Good 3 days later in 11")
    func updates() throws {
        let test = try TestJournal(clock: .fixed(TestJournal.start + 20 * TestJournal.day))
        let story = try test.add("Latency", principles: ["dive-deep"])
        let practice = test.journal.practice
        try practice.record(AttemptDraft(questionText: "Q", principle: "dive-deep", storyID: story.id, rating: 4,
                                         practicedAt: Timestamp.format(TestJournal.start)))
        var due = try test.journal.schedule.due()
        #expect(due.count == 1)
        #expect(due[0].due == "2026-06-01T00:00:00Z", "S = 3.173 -> 3 days")
        #expect(due[0].reps == 1 && due[0].principle.slug == "dive-deep")
        // An attempt without a principle counts for the story's only principle.
        try practice.record(AttemptDraft(questionText: "Q", storyID: story.id, rating: 4,
                                         practicedAt: Timestamp.format(TestJournal.start + 3 * TestJournal.day)))
        due = try test.journal.schedule.due()
        #expect(due.first?.reps == 2)
        #expect(due.first?.due == "2026-06-12T00:00:00Z", "S = 10.74 -> 11 days after 2026-06-01")
        #expect(abs((due.first?.stability ?? 0) - 10.7389) < 0.001)
        // An attempt logged late lands in its place: Again on the first day, before the others.
        try practice.record(AttemptDraft(questionText: "Q", storyID: story.id, rating: 1,
                                         practicedAt: Timestamp.format(TestJournal.start - TestJournal.day)))
        #expect(try test.journal.schedule.due().first?.reps == 3)
    }

    @Test("most overdue first; not yet due is left out")
    func ordering() throws {
        let test = try TestJournal(clock: .fixed(TestJournal.start + 10 * TestJournal.day))
        let a = try test.add("A", principles: ["ownership"])
        let b = try test.add("B", principles: ["ownership"])
        let c = try test.add("C", principles: ["ownership"])
        let p = test.journal.practice
        try p.record(AttemptDraft(questionText: "Q", storyID: a.id, rating: 4, practicedAt: Timestamp.format(TestJournal.start + 5 * TestJournal.day))) // due day 8
        try p.record(AttemptDraft(questionText: "Q", storyID: b.id, rating: 1, practicedAt: Timestamp.format(TestJournal.start))) // due day 1
        try p.record(AttemptDraft(questionText: "Q", storyID: c.id, rating: 5, practicedAt: Timestamp.format(TestJournal.start))) // due day 16
        let due = try test.journal.schedule.due()
        #expect(due.map(\.storyID) == [b.id, a.id])
        #expect(due[0].overdueDays == 9)
        #expect(try test.journal.schedule.due(limit: 1).map(\.storyID) == [b.id])
    }

    @Test("the cap: a planned story comes due in the last 3 days before the interview")
    func interviewCap() throws {
        // Pure rule: last review before the window and next due on or after the day -> the window's first day.
        let interview = TestJournal.start + 20 * TestJournal.day
        #expect(PracticeSchedule.capped(due: interview + 5 * TestJournal.day, lastReview: TestJournal.start, interviewStart: interview) == interview - 3 * TestJournal.day)
        #expect(PracticeSchedule.capped(due: interview - TestJournal.day, lastReview: TestJournal.start, interviewStart: interview) == interview - TestJournal.day)
        #expect(PracticeSchedule.capped(due: interview - 10 * TestJournal.day, lastReview: TestJournal.start, interviewStart: interview) == interview - 10 * TestJournal.day)
        #expect(PracticeSchedule.capped(due: interview + 9 * TestJournal.day, lastReview: interview - 2 * TestJournal.day, interviewStart: interview) == interview + 9 * TestJournal.day)

        // In the journal: an Easy first review (16 days) would skip a 10-day-away interview.
        let test = try TestJournal(clock: .fixed(TestJournal.start))
        let story = try test.add("Planned", principles: ["frugality"]) { $0.result = "Saved 30%." }
        let other = try test.add("Unplanned", principles: ["think-big"])
        try test.journal.interviews.add(InterviewDraft(company: "Acme", date: "2026-06-08", principles: ["frugality"]))
        var due = try test.journal.schedule.due()
        #expect(due.map(\.storyID) == [story.id] && due[0].isNew && due[0].interview?.company == "Acme", "planned and never practised: due now")
        try test.journal.practice.record(AttemptDraft(questionText: "Q", principle: "frugality", storyID: story.id, rating: 5))
        try test.journal.practice.record(AttemptDraft(questionText: "Q", principle: "think-big", storyID: other.id, rating: 5))
        #expect(try test.journal.schedule.due().isEmpty)
        let later = try Journal.open(at: test.path, clock: .fixed(TestJournal.start + 7 * TestJournal.day))
        due = try later.schedule.due()
        #expect(due.map(\.storyID) == [story.id], "2026-06-05 is 3 days before 2026-06-08")
        #expect(due[0].due == "2026-06-05T00:00:00Z")
    }
}

@Suite("Schedule limits")
struct ScheduleLimitTests {
    /// The pairs as compared: story, principle, due date, and why.
    static func keys(_ items: some Sequence<DueItem>) -> [String] {
        items.map { "\($0.storyID)/\($0.principle.slug)@\($0.due)/\($0.interview?.id ?? 0)" }
    }

    @Test("a limit or a horizon reads only what it shows, and shows exactly the first pairs of the whole schedule")
    func limitedMatchesWhole() throws {
        let start = TestJournal.start
        let test = try TestJournal(clock: .fixed(start + 60 * TestJournal.day))
        let slugs = ["ownership", "dive-deep", "frugality"]
        var stories: [Story] = []
        for index in 0..<36 {
            stories.append(try test.add("Story \(index)", principles: [slugs[index % 3], slugs[(index + 1) % 3]]) {
                $0.result = "Cut cost \(index)% in a quarter."
            })
        }
        // Half the pairs share a date and a rating, so ties decide their
        // order; a third of the stories are never practised.
        for (index, story) in stories.enumerated() where index % 3 != 2 {
            try test.journal.practice.record(AttemptDraft(
                questionText: "Q", principle: slugs[index % 3], storyID: story.id, rating: 1 + index % 2 * 2,
                practicedAt: Timestamp.format(start + Int64(index % 4) * TestJournal.day + Int64(index % 2 * index) * 3600)))
        }
        // Told well just before the interview's last days: due after it, so capped when planned.
        for (index, story) in stories.enumerated() where index % 3 == 0 {
            try test.journal.practice.record(AttemptDraft(
                questionText: "Q", principle: slugs[0], storyID: story.id, rating: 5,
                practicedAt: Timestamp.format(start + 58 * TestJournal.day + Int64(index) * 3600)))
        }
        // Planned pairs: capped (practised, due after the interview) and new.
        try test.journal.interviews.add(InterviewDraft(company: "Acme", date: "2026-07-31", principles: slugs))
        try test.journal.interviews.add(InterviewDraft(company: "Beta", date: "2026-09-20", principles: ["dive-deep", "frugality"]))
        let schedule = test.journal.schedule
        let whole = try schedule.all()
        #expect(whole.contains { $0.interview != nil && !$0.isNew }, "a capped pair is among them")
        #expect(whole.contains { $0.isNew }, "a new planned pair is among them")
        for scope in [[], ["frugality"], ["ownership", "dive-deep"]] {
            let scoped = try schedule.all(principles: scope)
            let due = scoped.filter(\.isDue)
            #expect(Self.keys(try schedule.due(principles: scope)) == Self.keys(due))
            for limit in 1...due.count + 2 {
                #expect(Self.keys(try schedule.due(principles: scope, limit: limit)) == Self.keys(due.prefix(limit)),
                        "scope \(scope), limit \(limit)")
            }
            for days in [0, 5, 40, 90] as [Int64] {
                let before = start + (60 + days) * TestJournal.day
                let coming = scoped.filter { (Timestamp.parse($0.due) ?? 0) < before }
                for limit in [1, 2, 7, 20, 1000] {
                    #expect(Self.keys(try schedule.coming(before: before, principles: scope, limit: limit))
                            == Self.keys(coming.prefix(limit)), "scope \(scope), \(days) days, limit \(limit)")
                }
            }
        }
        for item in whole {
            let one = try schedule.item(storyID: item.storyID, principleID: item.principle.id)
            #expect(one.map { Self.keys([$0]) } == Self.keys([item]))
        }
    }
}

@Suite("Drill order")
struct DrillOrderTests {
    @Test("the drill offers the most overdue pair first, with its story first")
    func mostOverdueFirst() throws {
        let start: Int64 = 1_780_012_800
        let test = try TestJournal(clock: .fixed(start + 30 * 86_400))
        let a = try test.add("Trust story", principles: ["earn-trust"])
        let b = try test.add("Dive story", principles: ["dive-deep"])
        let c = try test.add("Dive story two", principles: ["dive-deep"])
        try test.journal.practice.record(AttemptDraft(questionText: "Q", storyID: a.id, rating: 4, practicedAt: Timestamp.format(start + 10 * 86_400)))
        try test.journal.practice.record(AttemptDraft(questionText: "Q", storyID: c.id, rating: 1, practicedAt: Timestamp.format(start)))
        _ = b
        for seed in [1, 2, 3] as [UInt64] {
            var drill = try PracticeDrill(journal: test.journal, seed: seed)
            let first = try #require(try drill.next())
            #expect(first.due?.storyID == c.id && first.question.principleID == first.due?.principle.id)
            #expect(first.candidates.first?.id == c.id)
            let second = try #require(try drill.next())
            #expect(second.due?.storyID == a.id)
            #expect(try drill.next()?.due == nil, "then the usual weighted pick")
        }
    }
}

@Suite("Drill relevance")
struct DrillRelevanceTests {
    @Test("the story about the question's subject comes first, even when another story is best overall")
    func relevantFirst() throws {
        let test = try TestJournal()
        let strong = try test.add("Cut checkout latency before the holiday peak", principles: ["dive-deep"]) {
            $0.situation = "Checkout slowed down two weeks before the holiday sale while traffic was flat."
            $0.task = "I owned the checkout service that quarter and had to find the cause within a week."
            $0.action = "I traced slow requests through three services and found a missing index on the orders table."
            $0.result = "Latency fell 60% within two days and the sale ran without an incident."
        }
        let exact = try test.add("Users said search was broken", principles: ["dive-deep"]) {
            $0.situation = "The dashboards said search was healthy, but the people using the product said results were wrong."
            $0.result = "Fixed it."
        }
        let question = try #require(try test.journal.questions.list(principle: "dive-deep").first { $0.text.contains("dashboards") })
        let drill = try PracticeDrill(journal: test.journal, principles: ["dive-deep"], seed: 1)
        let principle = try test.journal.principles.resolve("dive-deep").id
        #expect(try test.journal.practice.candidates(forPrinciple: principle).map(\.id) == [strong.id, exact.id], "best story order")
        #expect(try drill.candidates(for: question, principleID: principle).map(\.id) == [exact.id, strong.id])
    }
}
