import Foundation
import StarlogStorage
import Testing

@testable import StarlogJournal

/// An import checks its stories' lint penalties on every core; the result
/// must be what one story at a time gives.
@Suite("Lint penalties on every core")
struct ParallelPenaltyTests {
    /// The corpus's answers, each also cut short and with filler added, so
    /// the penalties differ from story to story.
    static func stories() throws -> [Story] {
        let answers = try LintCorpusTests.corpus().answers.map(\.story)
        var stories: [Story] = []
        for round in 0..<12 {
            for (index, answer) in answers.enumerated() {
                var story = answer
                if round % 3 == 1 { story.action = String(story.action.prefix(40 + index)) }
                if round % 3 == 2 { story.result += " I think it was basically just really good, you know." }
                stories.append(story)
            }
        }
        return stories
    }

    @Test("penalties(of:) gives, in order, the penalty of each story checked alone")
    func sameAsOneByOne() throws {
        let stories = try Self.stories()
        #expect(stories.count > 700)
        let alone = stories.map(LintRepository.penalty(of:))
        #expect(Set(alone).count > 5, "the stories should not all score alike")
        #expect(LintRepository.penalties(of: stories) == alone)
        #expect(LintRepository.penalties(of: Array(stories.prefix(1))) == Array(alone.prefix(1)))
        #expect(LintRepository.penalties(of: []) == [])
    }

    @Test("an import of more stories than one batch writes each story with its own penalty")
    func importCachesEach() throws {
        let stories = try Self.stories()
        var many: [Story] = []
        while many.count < 2_500 { many += stories }
        let test = try TestJournal()
        let dump = test.directory.appendingPathComponent("many.json").path
        let items = many.prefix(2_500).enumerated().map { index, story -> String in
            let text = { (value: String) in String(decoding: try! JSONSerialization.data(withJSONObject: [value + " #\(index)"]), as: UTF8.self).dropFirst().dropLast() }
            // Outcomes, learnings and the other fields vary, as the rules read them.
            let outcome = ["success", "failure", "mixed"][index % 3]
            // Empty learnings stay empty (no index appended), so a setback without them loses points.
            let learnings = index % 4 == 0 ? "\"\"" : "\"I learnt to measure first, you know, basically.\""
            return "{\"title\": \(text(story.title)), \"situation\": \(text(story.situation)), \"task\": \(text(story.task)), "
                + "\"action\": \(text(story.action)), \"result\": \(text(story.result)), \"outcome\": \"\(outcome)\", "
                + "\"learnings\": \(learnings), \"company\": \(index % 5 == 0 ? "\"  \"" : "\"Acme\""), "
                + "\"role\": \"Engineer\", \"when\": \"\(2015 + index % 10)-0\(1 + index % 9)\"}"
        }
        try ("{\"format\": \"starlog\", \"version\": 1, \"stories\": [" + items.joined(separator: ",\n") + "]}")
            .write(toFile: dump, atomically: true, encoding: .utf8)
        #expect(try test.journal.importStories(from: dump).added == 2_500)
        var checked = 0
        try test.journal.database.forEach("SELECT id, lint_penalty FROM story ORDER BY id", []) { row in
            let story = try #require(try test.journal.stories.find(row.int64(0)))
            #expect(row.int(1) == LintRepository.penalty(of: story), "story \(story.id)")
            checked += 1
        }
        #expect(checked == 2_500)
        #expect(try test.journal.database.integer("SELECT count(DISTINCT lint_penalty) FROM story") ?? 0 > 5)
        #expect(try test.journal.database.integer("SELECT count(*) FROM story WHERE outcome <> 'success' AND learnings = ''") ?? 0 > 0,
                "some setbacks have no learnings, so that rule fires")
        #expect(try test.journal.database.integer(
            "SELECT count(*) FROM story WHERE " + LintRepository.uncheckedCondition) == 0, "every story's penalty is current")
    }

    @Test("stories that wait in batches for their penalties are still checked for duplicates in file order, and attempts find them")
    func duplicatesAcrossBatches() throws {
        let test = try TestJournal()
        let dump = test.directory.appendingPathComponent("twice.json").path
        // Stories 300-599 repeat 0-299 under new titles: the same story for an import.
        let stories = (0..<600).map { index in
            "{\"id\": \(index + 1), \"title\": \"Title \(index)\", \"action\": \"I did thing \(index % 300).\", \"principles\": [\"ownership\"]}"
        }
        let attempts = [1, 300, 301, 600].enumerated().map { index, story in
            "{\"id\": \(index + 1), \"session_id\": 1, \"question\": \"Q\", \"principle\": \"ownership\", \"story_id\": \(story), "
                + "\"rating\": 4, \"practiced_at\": \"2026-01-0\(index + 1)T10:00:00Z\"}"
        }
        try ("{\"format\": \"starlog\", \"version\": 1, \"stories\": [" + stories.joined(separator: ",\n") + "],\n"
            + "\"sessions\": [{\"id\": 1, \"started_at\": \"2026-01-01T09:00:00Z\"}],\n"
            + "\"attempts\": [" + attempts.joined(separator: ",\n") + "]}")
            .write(toFile: dump, atomically: true, encoding: .utf8)
        let report = try test.journal.importStories(from: dump)
        #expect(report.added == 300 && report.duplicates == 300)
        #expect(try test.journal.database.integer("SELECT count(*) FROM story") == 300)
        // Each attempt went to the story it names, or to the one that story repeats.
        let attempted = try test.journal.database.rows(
            "SELECT s.action FROM practice_attempt a JOIN story s ON s.id = a.story_id ORDER BY a.id") { $0.text(0) }
        #expect(attempted == ["I did thing 0.", "I did thing 299.", "I did thing 0.", "I did thing 299."])
        let again = try test.journal.importStories(from: dump)
        #expect(again.added == 0 && again.duplicates == 600)
    }
}
