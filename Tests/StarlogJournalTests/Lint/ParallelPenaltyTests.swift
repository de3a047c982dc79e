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

    @Test("an import of more stories than one batch caches each story's own penalty")
    func importCachesEach() throws {
        let stories = try Self.stories()
        var many: [Story] = []
        while many.count < 2_500 { many += stories }
        let test = try TestJournal()
        let dump = test.directory.appendingPathComponent("many.json").path
        let items = many.prefix(2_500).enumerated().map { index, story -> String in
            let text = { (value: String) in String(decoding: try! JSONSerialization.data(withJSONObject: [value + " #\(index)"]), as: UTF8.self).dropFirst().dropLast() }
            return "{\"title\": \(text(story.title)), \"situation\": \(text(story.situation)), \"task\": \(text(story.task)), "
                + "\"action\": \(text(story.action)), \"result\": \(text(story.result)), \"outcome\": \"\(story.outcome.rawValue)\"}"
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
    }
}
