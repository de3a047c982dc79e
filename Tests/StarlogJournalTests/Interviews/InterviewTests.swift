import StarlogJournal
import Testing

@Suite("Interviews")
struct InterviewTests {
    static let now: Int64 = 1_780_000_000 // 2026-05-28T20:26:40Z

    @Test("add, list soonest first, days left, remove; bad input changes nothing")
    func lifecycle() throws {
        let test = try TestJournal(clock: .fixed(Self.now))
        let interviews = test.journal.interviews
        let late = try interviews.add(InterviewDraft(company: "Later", date: "2026-07-01"))
        let soon = try interviews.add(InterviewDraft(company: " Acme ", date: "2026-06-07", role: "SDE II", principles: ["11", "dive-deep"]))
        #expect(soon.company == "Acme" && soon.role == "SDE II")
        #expect(soon.principles.map(\.slug) == ["earn-trust", "dive-deep"])
        #expect(soon.daysLeft(from: LocalDay("2026-05-28")!) == 10)
        #expect(try interviews.list().map(\.id) == [soon.id, late.id])
        #expect(try interviews.add(InterviewDraft(company: "Today", date: "2026-05-28")).daysLeft(from: test.journal.clock.today) == 0)

        #expect(throws: InterviewError.noCompany) { try interviews.add(InterviewDraft(company: " ", date: "2026-07-01")) }
        #expect(throws: InterviewError.companyOrRoleTooLong(limit: InterviewRepository.maximumText)) {
            try interviews.add(InterviewDraft(company: "X", date: "2026-07-01", role: String(repeating: "r", count: InterviewRepository.maximumText + 1)))
        }
        for draft in [InterviewDraft(company: "X", date: "2026-7-1"),
                      InterviewDraft(company: "X", date: "2026-02-30"),
                      InterviewDraft(company: "X", date: "2026-07-01", principles: ["nope-nope"])] {
            #expect(throws: JournalError.self) { try interviews.add(draft) }
        }
        #expect(throws: InterviewError.duplicate(id: soon.id, company: "acme", date: "2026-06-07")) {
            try interviews.add(InterviewDraft(company: "acme", date: "2026-06-07"))
        }
        #expect(try interviews.list().count == 3)
        // A past interview can be recorded, for its debrief.
        #expect(throws: InterviewError.inThePast(date: "2026-05-27", today: "2026-05-28")) {
            try interviews.add(InterviewDraft(company: "Acme", date: "2026-05-27"))
        }
        let past = try interviews.add(InterviewDraft(company: "Acme", date: "2026-05-27", past: true))
        #expect(past.daysLeft(from: test.journal.clock.today) == -1)
        try interviews.remove(past.id)
        try interviews.remove(late.id)
        #expect(throws: JournalError.notFound(.interview, id: late.id)) {
            try interviews.remove(late.id)
        }
        let json = soon.json(today: test.journal.clock.today).rendered(pretty: false)
        #expect(json == #"{"id":2,"company":"Acme","role":"SDE II","date":"2026-06-07","framework":"amazon","principles":["earn-trust","dive-deep"],"days_left":10,"created_at":"2026-05-28T20:26:40Z"}"#)
    }

    @Test("coverage --interview narrows to its principles and says the days left")
    func coverage() throws {
        let test = try TestJournal(clock: .fixed(Self.now))
        try test.add("Trust", principles: ["earn-trust"])
        let interview = try test.journal.interviews.add(InterviewDraft(company: "Acme", date: "2026-06-07", principles: ["dive-deep", "earn-trust"]))
        let report = try test.journal.coverage.report(interview: interview.id)
        #expect(report.principles.map(\.principle.slug) == ["earn-trust", "dive-deep"])
        #expect(report.daysLeft == 10)
        #expect(report.json(wording: { "\($0)" }).rendered(pretty: false).contains(#""interview":{"id":1,"company":"Acme""#))
        let all = try test.journal.interviews.add(InterviewDraft(company: "All", date: "2026-06-08"))
        #expect(try test.journal.coverage.report(interview: all.id).principles.count == 16)
        #expect(throws: JournalError.self) { try test.journal.coverage.report(interview: 99) }
    }

    @Test("coverage's best story prefers the lint score, then practice ratings")
    func bestStoryByScore() throws {
        let test = try TestJournal(clock: .fixed(Self.now))
        let full = "I rebuilt the release checks myself and cut failed deploys by 60% in two months, with the whole team."
        let strong = try test.add("Strong", principles: ["ownership"]) {
            $0.situation = full; $0.task = full; $0.action = full; $0.result = full
        }
        let weak = try test.add("Weak but rehearsed", principles: ["ownership"]) { $0.result = "ok" }
        try test.journal.practice.record(AttemptDraft(questionText: "Q", storyID: weak.id, rating: 5))
        let line = try #require(test.journal.coverage.report().principles.first { $0.principle.slug == "ownership" })
        #expect(line.bestStory?.id == strong.id)
        // Equal scores: the better practice rating wins.
        let twin = try test.add("Strong twin", principles: ["ownership"]) {
            $0.situation = full; $0.task = full; $0.action = full; $0.result = full
        }
        try test.journal.practice.record(AttemptDraft(questionText: "Q", storyID: twin.id, rating: 4))
        let again = try #require(test.journal.coverage.report().principles.first { $0.principle.slug == "ownership" })
        #expect(again.bestStory?.id == twin.id)
    }
}
