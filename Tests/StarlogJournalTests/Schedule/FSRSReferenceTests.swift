import Foundation
import StarlogJournal
import StarlogTestSupport
import Testing

/// starlog's scheduler against py-fsrs 5.1.3, the FSRS-5 reference
/// implementation: `Tests/Fixtures/fsrs_reference.json`, written by
/// `Tests/Fixtures/generate_fsrs.py`, holds the reference's stability,
/// difficulty and due time after every review of 320 histories (random ones,
/// and edge cases: same-day repeats, long gaps, a first Again, eight Agains).
@Suite("FSRS-5 against py-fsrs 5.1.3")
struct FSRSReferenceTests {
    struct Step { let at: Int64; let grade: Int; let stability: Double; let difficulty: Double; let due: String }
    struct History { let name: String; let steps: [Step] }

    static func histories() throws -> [History] {
        let document = try #require(try Fixture.json("fsrs_reference.json") as? [String: Any])
        let list = try #require(document["histories"] as? [[String: Any]])
        return try list.map { entry in
            let reviews = try #require(entry["reviews"] as? [[String: Any]])
            return History(name: entry["name"] as? String ?? "", steps: try reviews.map { review in
                let at = try #require(Timestamp.parse(review["at"] as? String ?? ""))
                return Step(at: at, grade: try #require(review["grade"] as? Int),
                            stability: try #require(review["stability"] as? Double),
                            difficulty: try #require(review["difficulty"] as? Double),
                            due: try #require(review["due"] as? String))
            })
        }
    }

    /// starlog's rating for an FSRS grade: Again is 1 or 2 (alternating, so
    /// both are exercised), Hard 3, Good 4, Easy 5.
    static func rating(_ grade: Int, _ index: Int) -> Int {
        grade == 1 ? 1 + index % 2 : grade + 1
    }

    @Test("the fixture holds at least 300 histories, edge cases included")
    func fixtureShape() throws {
        let histories = try Self.histories()
        #expect(histories.count >= 300)
        let names = Set(histories.map(\.name))
        for edge in ["first rating Again", "eight Agains in a row, the same day", "Good, then Again 400 days later", "eight Agains in a row, a day apart",
                     "same-day repeats of every grade", "first rating Easy, then a ten-year gap"] {
            #expect(names.contains(edge), "missing edge case \(edge)")
        }
    }

    @Test("the two lapses the old cap got wrong: Again then Again a day later, and Good then Again 400 days later")
    func reportedLapses() throws {
        let histories = try Self.histories()
        let schedule = try TestJournal().journal.schedule
        for (name, expected) in [("Again, then Again the next day", 0.261942), ("Good, then Again 400 days later", 2.253917)] {
            let history = try #require(histories.first { $0.name == name })
            #expect(abs((history.steps.last?.stability ?? 0) - expected) < 1e-6, "the reference gives \(expected) for \(name)")
            let mine = schedule.replay(history.steps.enumerated().map { (rating: Self.rating($1.grade, $0), at: $1.at) })
            #expect(abs((mine.last?.state.stability ?? 0) - expected) < 1e-6, "\(name)")
        }
    }

    @Test("every step of every history: stability and difficulty to 1e-6, due to the second")
    func replayModel() throws {
        let test = try TestJournal()
        let schedule = test.journal.schedule
        var mismatches: [String] = []
        for history in try Self.histories() {
            let reviews = history.steps.enumerated().map { (rating: Self.rating($1.grade, $0), at: $1.at) }
            for (step, mine) in zip(history.steps, schedule.replay(reviews)) {
                if abs(mine.state.stability - step.stability) > 1e-6 || abs(mine.state.difficulty - step.difficulty) > 1e-6
                    || Timestamp.format(mine.due) != step.due {
                    mismatches.append("\(history.name) at \(Timestamp.format(step.at)): S \(mine.state.stability) vs \(step.stability), D \(mine.state.difficulty) vs \(step.difficulty), due \(Timestamp.format(mine.due)) vs \(step.due)")
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) steps differ; first: \(mismatches.prefix(3).joined(separator: "; "))")
    }

    @Test("the journal's stored schedule after logging each history equals the reference's last step")
    func replayJournal() throws {
        // Some histories span centuries (Easy on every due date): the clock stands after all of them.
        let histories = try Self.histories()
        let latest = histories.compactMap { $0.steps.last?.at }.max() ?? 0
        let test = try TestJournal(clock: .fixed(latest + 86_400))
        var stories: [(Int64, Step)] = []
        for (index, history) in histories.enumerated() where index % 4 == 0 {
            let story = try test.add("History \(index)", principles: ["dive-deep"])
            // Logged out of order on purpose: the schedule replays attempts in time order.
            for (position, step) in history.steps.enumerated().reversed() {
                try test.journal.practice.record(AttemptDraft(
                    questionText: "Q", storyID: story.id, rating: Self.rating(step.grade, position),
                    practicedAt: Timestamp.format(step.at)))
            }
            stories.append((story.id, try #require(history.steps.last)))
        }
        let principle = try test.journal.principles.resolve("dive-deep").id
        for (story, last) in stories {
            let item = try #require(try test.journal.schedule.item(storyID: story, principleID: principle))
            #expect(abs((item.stability ?? 0) - last.stability) <= 1e-6, "story \(story)")
            #expect(abs((item.difficulty ?? 0) - last.difficulty) <= 1e-6, "story \(story)")
            #expect(item.modelDue == last.due, "story \(story)")
            #expect(item.due == last.due, "no interview, so no cap: story \(story)")
        }
        #expect(stories.count >= 80)
    }
}
