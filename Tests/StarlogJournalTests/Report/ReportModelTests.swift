import Foundation
import StarlogJournal
import StarlogStorage
import Testing

@Suite("Report model")
struct ReportModelTests {
    /// 2026-05-28T20:26:40Z, a Thursday.
    static let now: Int64 = 1_780_000_000
    static let day: Int64 = 86_400

    func at(daysAgo: Int64) -> String { Timestamp.format(Self.now - daysAgo * Self.day) }

    @Test("an empty journal is a journal just begun: nothing planned, nothing to lint, twelve empty weeks")
    func empty() throws {
        let test = try TestJournal(clock: .fixed(Self.now))
        let model = try test.journal.report.build()
        #expect(model.isStarting)
        #expect(model.stories == 0)
        #expect(model.coverage.principles.count == 16)
        #expect(model.sheet.isEmpty)
        #expect(model.lint.isEmpty)
        #expect(model.matrix.isEmpty)
        #expect(model.practice.count == ReportModel.weeks)
        #expect(model.practice.allSatisfy { $0.attempts == 0 && $0.meanRating == nil })
    }

    @Test("two stories without practice is still starting; three is not, nor is any practice")
    func tiny() throws {
        let test = try TestJournal(clock: .fixed(Self.now))
        let a = try test.add("A", principles: ["ownership"])
        try test.add("B", principles: ["ownership"])
        #expect(try test.journal.report.build().isStarting)
        try test.journal.practice.record(AttemptDraft(questionText: "Q", principle: "ownership", storyID: a.id, rating: 3))
        #expect(try !test.journal.report.build().isStarting)
        let other = try TestJournal(clock: .fixed(Self.now))
        for title in ["A", "B", "C"] { try other.add(title, principles: ["ownership"]) }
        #expect(try !other.journal.report.build().isStarting)
    }

    @Test("practice per week: Monday-first local weeks, the last holding today, counts and means")
    func weeks() throws {
        let test = try TestJournal(clock: .fixed(Self.now))
        let story = try test.add("A", principles: ["ownership"])
        func log(_ daysAgo: Int64, _ rating: Int) throws {
            try test.journal.practice.record(AttemptDraft(questionText: "Q", principle: "ownership", storyID: story.id,
                                                          rating: rating, practicedAt: at(daysAgo: daysAgo)))
        }
        try log(0, 5)     // Thursday 2026-05-28: this week
        try log(3, 2)     // Monday 2026-05-25: this week
        try log(4, 4)     // Sunday 2026-05-24: last week
        try log(80, 3)    // 2026-03-09, Monday: the first week shown
        try log(81, 1)    // 2026-03-08, Sunday: before it, not shown
        let weeks = try test.journal.report.build().practice
        #expect(weeks.count == 12)
        #expect(weeks.last?.start.text == "2026-05-25")
        #expect(weeks.first?.start.text == "2026-03-09")
        #expect(zip(weeks, weeks.dropFirst()).allSatisfy { $1.start - $0.start == 7 })
        #expect(weeks[11].attempts == 2)
        #expect(weeks[11].meanRating == 3.5)
        #expect(weeks[10].attempts == 1)
        #expect(weeks[10].meanRating == 4)
        #expect(weeks[0].attempts == 1)
        #expect(weeks.map(\.attempts).reduce(0, +) == 4, "the attempt 81 days ago falls before the twelve weeks")
    }

    @Test("the week boundary is local midnight: 23:30 local on Sunday is still last week")
    func localWeeks() throws {
        // Eight hours behind UTC: 2026-05-25T07:30Z is Sunday 23:30 local.
        let offset = -8 * 3600
        let test = try TestJournal(clock: .fixed(Self.now, utcOffset: offset))
        let story = try test.add("A", principles: ["ownership"])
        try test.journal.practice.record(AttemptDraft(questionText: "Q", principle: "ownership", storyID: story.id,
                                                      rating: 4, practicedAt: "2026-05-25T07:30:00Z"))
        let weeks = try test.journal.report.build().practice
        #expect(weeks[11].start.text == "2026-05-25")
        #expect(weeks[11].attempts == 0)
        #expect(weeks[10].attempts == 1)
    }

    @Test("the interview: its plan is the planner's, with opening lines, facts and last notes; the sheet is that plan")
    func interview() throws {
        let test = try TestJournal(clock: .fixed(Self.now))
        let a = try test.add("Cut the build time", principles: ["ownership", "dive-deep"]) {
            $0.situation = "Our CI took 40 minutes. Everyone waited."
            $0.result = "The team was happier. Builds fell from 40 to 9 minutes; releases doubled."
        }
        let b = try test.add("Owned the outage", principles: ["ownership"]) {
            $0.situation = "At 2 a.m. the pager went off. Nobody else was on call."
            $0.result = "We were back within 30 minutes."
        }
        try test.journal.practice.record(AttemptDraft(questionText: "Q", principle: "ownership", storyID: a.id, rating: 4,
                                                      notes: "Start with the number.\nThen the why.", practicedAt: at(daysAgo: 5)))
        try test.journal.practice.record(AttemptDraft(questionText: "Q", principle: "ownership", storyID: a.id, rating: 5,
                                                      notes: "Slow down at the Result.", practicedAt: at(daysAgo: 2)))
        try test.journal.practice.record(AttemptDraft(questionText: "Q", principle: "dive-deep", storyID: a.id, rating: 5,
                                                      notes: "", practicedAt: at(daysAgo: 1)))
        let interview = try test.journal.interviews.add(InterviewDraft(
            company: "Acme", date: "2026-06-07", principles: ["ownership", "dive-deep", "frugality"]))

        let model = try test.journal.report.build()
        let upcoming = try #require(model.interview)
        #expect(upcoming.interview.id == interview.id)
        #expect(upcoming.daysLeft == 10)
        let plan = try test.journal.planner.plan(interview: interview.id)
        #expect(upcoming.plan.map(\.storyID) == plan.principles.compactMap { $0.story?.storyID })
        #expect(upcoming.plan.map(\.principle.slug) == plan.principles.filter { $0.story != nil }.map(\.principle.slug))
        #expect(upcoming.unplanned.map(\.principle.slug) == ["frugality"])
        #expect(upcoming.unplanned.first?.tagged == false)
        let lineA = try #require(upcoming.plan.first { $0.storyID == a.id })
        #expect(lineA.hook == "Our CI took 40 minutes")
        #expect(lineA.facts == ["Builds fell from 40 to 9 minutes", "releases doubled.", "The team was happier."])
        #expect(lineA.lastNote == "Slow down at the Result.", "the most recent note, not the last attempt's empty one")
        let lineB = try #require(upcoming.plan.first { $0.storyID == b.id })
        #expect(lineB.hook == "At 2 a.m. the pager went off", "an abbreviation's full stop does not end the sentence")
        #expect(lineB.lastNote == nil)
        #expect(model.sheet == upcoming.plan)
        #expect(model.dueBefore.text == "2026-06-07")
        // The readiness scope stays coverage's default (every principle) without --interview.
        #expect(model.coverage.principles.count == 16)

        let narrowed = try test.journal.report.build(interview: interview.id)
        #expect(narrowed.coverage.principles.map(\.principle.slug) == ["ownership", "frugality", "dive-deep"], "framework order")
    }

    @Test("reviews due: those due before the interview's day, not after; without an interview, by the end of today")
    func due() throws {
        let test = try TestJournal(clock: .fixed(Self.now))
        let a = try test.add("A", principles: ["ownership"]) { $0.situation = "S." }
        try test.journal.practice.record(AttemptDraft(questionText: "Q", principle: "ownership", storyID: a.id, rating: 5, practicedAt: at(daysAgo: 1)))
        let all = try test.journal.schedule.all()
        let item = try #require(all.first)
        let dueDay = test.journal.clock.day(of: Timestamp.parse(item.due)!)
        #expect(dueDay > test.journal.clock.today, "a fresh review is not due today")
        #expect(try test.journal.report.build().due.isEmpty)

        try test.journal.interviews.add(InterviewDraft(company: "Late", date: (dueDay + 1).text, principles: ["ownership"]))
        #expect(try test.journal.report.build().due.map(\.storyID) == [a.id])
        let early = try TestJournal(clock: .fixed(Self.now))
        let b = try early.add("B", principles: ["ownership"])
        try early.journal.practice.record(AttemptDraft(questionText: "Q", principle: "ownership", storyID: b.id, rating: 5, practicedAt: at(daysAgo: 1)))
        // An interview about another principle, so its plan does not pull the review earlier.
        try early.journal.interviews.add(InterviewDraft(company: "Same day", date: dueDay.text, principles: ["frugality"]))
        let model = try early.journal.report.build()
        #expect(model.dueBefore == dueDay)
        #expect(model.due.isEmpty, "a review due on the interview's day is not due before it")
    }

    @Test("the matrix: stories tagged in scope, most-tagged first, each cell the story's lint score")
    func matrix() throws {
        let test = try TestJournal(clock: .fixed(Self.now))
        let wide = try test.add("Wide", principles: ["ownership", "dive-deep", "frugality", "bias-for-action"])
        let one = try test.add("One", principles: ["ownership"])
        try test.add("Untagged")
        let model = try test.journal.report.build(principles: ["ownership", "dive-deep"])
        #expect(model.matrix.map(\.storyID) == [wide.id, one.id])
        #expect(model.matrixTotal == 2)
        #expect(model.matrix[0].principleIDs.count == 2, "only the principles in scope")
        #expect(model.matrix[0].tags == 4)
        let scores = try test.journal.lint.scores()
        #expect(model.matrix.allSatisfy { $0.score == scores[$0.storyID] })
    }

    @Test("lint: worst first, with each story's most severe finding, as `lint` reports it")
    func lint() throws {
        let test = try TestJournal(clock: .fixed(Self.now))
        try test.add("Bare")
        try test.add("Fuller") {
            $0.situation = "Our checkout failed for 3% of users during the sale."
            $0.task = "I had to find out why within a day."
            $0.action = "I traced the failures to a timeout, wrote a fix and tested it against the sale's traffic."
            $0.result = "Failures fell to 0.1% and revenue rose 4%."
        }
        let model = try test.journal.report.build()
        #expect(model.lint.count == 2)
        #expect(model.lint.map(\.score) == model.lint.map(\.score).sorted())
        let reports = try test.journal.lint.report()
        for line in model.lint {
            let report = try #require(reports.first { $0.storyID == line.storyID })
            #expect(line.score == report.score)
            #expect(line.topFinding == report.findings.first)
        }
        #expect(model.lint.first?.title == "Bare")
    }

    @Test("without an interview the sheet holds the best story of each principle in scope, by the one definition")
    func sheetFromBestStories() throws {
        let test = try TestJournal(clock: .fixed(Self.now))
        try test.add("Weak", principles: ["ownership"])
        try test.add("Strong", principles: ["ownership"]) {
            $0.situation = "Our checkout failed for 3% of users during the sale."
            $0.task = "I had to find out why within a day."
            $0.action = "I traced the failures to a timeout, wrote a fix and tested it against the sale's traffic."
            $0.result = "Failures fell to 0.1% and revenue rose 4%."
        }
        let model = try test.journal.report.build(principles: ["ownership", "frugality"])
        #expect(model.interview == nil)
        let coverage = try test.journal.coverage.report(principles: ["ownership"])
        #expect(model.sheet.map(\.storyID) == [try #require(coverage.principles.first?.bestStory?.id)])
        #expect(model.sheet.first?.title == "Strong")
    }

    @Test("facts: clauses with figures first, at most three, abbreviations and decimals kept whole")
    func facts() {
        #expect(ReportBuilder.facts(from: "") == [])
        #expect(ReportBuilder.facts(from: "Everyone was pleased. Latency fell 40% (p99 from 1.2 s to 0.7 s).")
                == ["Latency fell 40% (p99 from 1.2 s to 0.7 s).", "Everyone was pleased."])
        #expect(ReportBuilder.facts(from: "Saved $2M a year; shipped by 9 a.m. Monday.\nThe team kept it. Two teams adopted it. We won.")
                == ["Saved $2M a year", "shipped by 9 a.m. Monday.", "Two teams adopted it."])
    }
}
