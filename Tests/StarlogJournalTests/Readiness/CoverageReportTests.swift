import Foundation
import StarlogJournal
import StarlogStorage
import Testing

@Suite("Coverage")
struct CoverageReportTests {
    static let now: Int64 = 1_780_000_000
    static let day: Int64 = 86_400

    func line(_ report: CoverageReport, _ slug: String) throws -> PrincipleCoverage {
        try #require(report.principles.first { $0.principle.slug == slug })
    }

    @Test("status by story count: 0 is a gap, 1 thin, 2 unpractised")
    func storyCounts() throws {
        let test = try TestJournal(clock: .fixed(Self.now))
        try test.add("One", principles: ["ownership"])
        try test.add("Two a", principles: ["dive-deep"])
        try test.add("Two b", principles: ["dive-deep"])
        let report = try test.journal.coverage.report()
        #expect(report.principles.count == 16)
        #expect(try line(report, "frugality").status == .gap)
        #expect(try line(report, "ownership").status == .thin)
        #expect(try line(report, "dive-deep").status == .unpractised)
        #expect(try line(report, "dive-deep").stories == 2)
        #expect(report.ready.isEmpty)
        #expect(report.gaps.count == 14)
    }

    /// A principle with two stories and one attempt of `rating`, `daysAgo` old.
    func status(rating: Int, daysAgo: Int64, stories: Int = 2) throws -> CoverageStatus {
        let test = try TestJournal(clock: .fixed(Self.now))
        var ids: [Int64] = []
        for index in 0..<stories {
            ids.append(try test.add("Story \(index)", principles: ["earn-trust"]).id)
        }
        try test.journal.practice.record(AttemptDraft(
            questionText: "Q", storyID: ids[0], rating: rating,
            practicedAt: Timestamp.format(Self.now - daysAgo * Self.day)))
        return try line(test.journal.coverage.report(), "earn-trust").status
    }

    @Test("ready needs an attempt rated 4 or 5: a 3 is not enough")
    func ratingBoundary() throws {
        #expect(try status(rating: 3, daysAgo: 1) == .unpractised)
        #expect(try status(rating: 4, daysAgo: 1) == .ready)
        #expect(try status(rating: 5, daysAgo: 1) == .ready)
    }

    @Test("ready needs that attempt in the last 30 days: 29 days counts, 31 does not")
    func windowBoundary() throws {
        #expect(try status(rating: 5, daysAgo: 29) == .ready)
        #expect(try status(rating: 5, daysAgo: 30) == .ready)
        #expect(try status(rating: 5, daysAgo: 31) == .unpractised)
        #expect(try status(rating: 5, daysAgo: 1, stories: 1) == .thin, "one story is thin however well rehearsed")
    }

    @Test("the window starts at local midnight of the day 30 days before today, whatever the offset")
    func localWindow() throws {
        for offset in [0, -8 * 3600, 5 * 3600 + 1800, 14 * 3600, -11 * 3600] {
            // Local noon on 2026-12-01.
            let now = 1_796_083_200 + 12 * 3600 - Int64(offset) // 2026-12-01T00:00:00Z + 12 h - offset
            let test = try TestJournal(clock: .fixed(now, utcOffset: offset))
            let a = try test.add("A", principles: ["think-big"])
            try test.add("B", principles: ["think-big"])
            let firstMidnight = 1_793_491_200 - Int64(offset) // 2026-11-01 00:00 local
            try test.journal.practice.record(AttemptDraft(questionText: "Q", storyID: a.id, rating: 4,
                                                          practicedAt: Timestamp.format(firstMidnight)))
            var report = try test.journal.coverage.report()
            #expect(report.firstDay.text == "2026-11-01" && report.since == Timestamp.format(firstMidnight), "offset \(offset)")
            #expect(try line(report, "think-big").status == .ready, "offset \(offset)")
            // One second earlier is the day before: it does not count.
            let test2 = try TestJournal(clock: .fixed(now, utcOffset: offset))
            let a2 = try test2.add("A", principles: ["think-big"])
            try test2.add("B", principles: ["think-big"])
            try test2.journal.practice.record(AttemptDraft(questionText: "Q", storyID: a2.id, rating: 4,
                                                           practicedAt: Timestamp.format(firstMidnight - 1)))
            report = try test2.journal.coverage.report()
            #expect(try line(report, "think-big").status == .unpractised, "offset \(offset)")
        }
    }

    @Test("the clock decides the window: the same journal turns unpractised as time passes")
    func movingClock() throws {
        let test = try TestJournal(clock: .fixed(Self.now))
        let a = try test.add("A", principles: ["think-big"])
        try test.add("B", principles: ["think-big"])
        try test.journal.practice.record(AttemptDraft(questionText: "Q", storyID: a.id, rating: 4))
        #expect(try line(test.journal.coverage.report(), "think-big").status == .ready)
        let later = try Journal.open(at: test.path, clock: .fixed(Self.now + 31 * Self.day))
        #expect(try line(later.coverage.report(), "think-big").status == .unpractised)
        let sooner = try Journal.open(at: test.path, clock: .fixed(Self.now + 29 * Self.day))
        #expect(try line(sooner.coverage.report(), "think-big").status == .ready)
    }

    @Test("counts, best story, attempts, last practised and mean rating")
    func figures() throws {
        let test = try TestJournal(clock: .fixed(Self.now))
        let plain = try test.add("Plain", principles: ["bias-for-action"])
        let full = try test.add("Full STAR", principles: ["bias-for-action"]) {
            $0.situation = "s"; $0.task = "t"; $0.action = "a"; $0.result = "r"
        }
        let rehearsed = try test.add("Rehearsed", principles: ["bias-for-action", "frugality"])
        var report = try test.journal.coverage.report()
        #expect(try line(report, "bias-for-action").bestStory?.id == full.id, "unrehearsed: the most complete story")
        #expect(try line(report, "bias-for-action").attempts == 0)
        #expect(try line(report, "bias-for-action").meanRating == nil)
        #expect(try line(report, "bias-for-action").lastPracticed == nil)

        let practice = test.journal.practice
        // Each attempt counts under its one principle: "Rehearsed" told for Frugality does not count for Bias for Action.
        try practice.record(AttemptDraft(questionText: "Q", principle: "frugality", storyID: rehearsed.id, rating: 5, practicedAt: "2026-05-01"))
        try practice.record(AttemptDraft(questionText: "Q", storyID: plain.id, rating: 2, practicedAt: "2026-05-20"))
        try practice.record(AttemptDraft(questionText: "Q", principle: "bias-for-action", storyID: rehearsed.id, rating: 4, practicedAt: "2026-05-10"))
        try practice.record(AttemptDraft(questionText: "Q", principle: "bias-for-action", rating: 1), session: nil) // no story: counts nowhere
        report = try test.journal.coverage.report()
        let bias = try line(report, "bias-for-action")
        #expect(bias.stories == 3)
        // By design the lint score comes first: "Full STAR" (48: four fragments, no metric, too short)
        // beats "Plain" and "Rehearsed" (20: four empty sections), however they were rated.
        #expect(bias.bestStory?.id == full.id && bias.bestStory?.title == "Full STAR", "highest lint score first")
        #expect(bias.attempts == 2)
        #expect(bias.meanRating == 3)
        #expect(bias.lastPracticed == "2026-05-20T00:00:00Z")
        let frugal = try line(report, "frugality")
        #expect(frugal.attempts == 1 && frugal.meanRating == 5 && frugal.status == .thin)

        // Deleting a story takes its attempts out of the principle's figures but keeps them in history.
        try test.journal.stories.delete(plain.id)
        let after = try line(test.journal.coverage.report(), "bias-for-action")
        #expect(after.attempts == 1 && after.stories == 2)
        #expect(try practice.count() == 4)
    }

    @Test("scope narrows the report to the principles asked for, in that order")
    func scope() throws {
        let test = try TestJournal(clock: .fixed(Self.now))
        try test.add("Only", principles: ["earn-trust"])
        let report = try test.journal.coverage.report(principles: ["dive-deep", "11", "Dive Deep"])
        #expect(report.principles.map(\.principle.slug) == ["dive-deep", "earn-trust"])
        #expect(report.gaps.map(\.principle.slug) == ["dive-deep"])
        let json = report.json(wording: { "\($0)" }).rendered(pretty: false)
        #expect(json.hasPrefix(#"{"principles":[{"slug":"dive-deep","name":"Dive Deep","stories":0,"best_story":null,"attempts":0,"last_practiced":null,"mean_rating":null,"status":"gap"}"#))
        #expect(json.contains(#""ready":[],"gaps":["dive-deep"],"warnings":["#))
        #expect(throws: JournalError.self) { try test.journal.coverage.report(principles: ["dive-deeep-x"]) }
    }

    @Test("warnings: an empty journal, no setback story, too many tags, one story for many principles, no result, no recent practice")
    func warnings() throws {
        let test = try TestJournal(clock: .fixed(Self.now))
        var warnings = try test.journal.coverage.report().warnings
        #expect(warnings == [.noStories])

        let crowded = try test.add("Everything at once", principles: ["1", "2", "3", "4"]) { $0.result = "shipped" }
        let reference = StoryReference(id: crowded.id, title: "Everything at once")
        warnings = try test.journal.coverage.report().warnings
        #expect(warnings == [.noSetback, .crowded(reference, tags: 4), .noRecentPractice(practisedBefore: false)],
                "the crowded story is warned about once, not also as the best story for four principles")

        try test.journal.stories.untag(crowded.id, from: ["4"])
        let failure = try test.add("The launch that failed", principles: ["5", "6", "7"]) { $0.outcome = .failure }
        try test.journal.practice.record(AttemptDraft(questionText: "Q", principle: "5", storyID: failure.id, rating: 4))
        warnings = try test.journal.coverage.report().warnings
        #expect(warnings == [
            .overusedBest(reference, principles: ["Customer Obsession", "Ownership", "Invent and Simplify"]),
            .overusedBest(StoryReference(id: failure.id, title: "The launch that failed"),
                          principles: ["Learn and Be Curious", "Hire and Develop the Best", "Insist on the Highest Standards"]),
            .noResult(count: 1, first: [failure.id]),
        ])

        // Scoped to one principle, the best-story warning no longer applies.
        let scoped = try test.journal.coverage.report(principles: ["1"]).warnings
        #expect(scoped == [.noResult(count: 1, first: [failure.id])])

        // Poorly rated practice draws a warning.
        try test.journal.practice.record(AttemptDraft(questionText: "Q", principle: "1", storyID: crowded.id, rating: 1))
        try test.journal.practice.record(AttemptDraft(questionText: "Q", principle: "1", storyID: crowded.id, rating: 2))
        warnings = try test.journal.coverage.report(principles: ["1"]).warnings
        #expect(warnings.contains(.lowRatings([try test.journal.principles.resolve("1")])))
    }

    @Test("the report counts a large journal right (its speed is measured in Benchmarks/, not here)")
    func scale() throws {
        let test = try TestJournal(clock: .fixed(Self.now))
        let database = test.journal.database
        try database.transaction {
            for index in 1...2_000 {
                try database.run("""
                    INSERT INTO story (title, result, outcome, created_at, updated_at) VALUES (?, 'r', 'success', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')
                    """, ["Story \(index)"])
                let id = database.lastInsertRowID
                try database.run("INSERT INTO story_principle VALUES (?, ?)", [id, Int64(index % 16 + 1)])
                try database.run("INSERT INTO practice_session (started_at) VALUES ('2026-05-01T00:00:00Z')")
                try database.run("""
                    INSERT INTO practice_attempt (session_id, question, principle_id, story_id, rating, practiced_at)
                    VALUES (?, 'Q', ?, ?, ?, '2026-05-20T00:00:00Z')
                    """, [database.lastInsertRowID, Int64(index % 16 + 1), id, Int64(index % 5 + 1)])
            }
        }
        let report = try test.journal.coverage.report()
        #expect(report.principles.allSatisfy { $0.stories == 125 && $0.attempts == 125 })
        #expect(report.ready.count == 16)
    }
}
