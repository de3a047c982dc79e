import Foundation
import StarlogJournal
import StarlogTestSupport
import Testing

/// Every lint rule against a reference corpus: `Tests/Fixtures/lint_corpus.json`
/// holds STAR answers with the verdict an interview coach gives, rule by
/// rule. The first three are the example answers quoted in the project's
/// seed notes (Solutions Architect, Account Executive, Engineering Manager),
/// split into sections as written, with the seed's own commentary as their
/// verdict; the others are clearly strong or clearly weak answers.
@Suite("Lint against a coach's verdicts")
struct LintCorpusTests {
    struct Answer { let id: String; let story: Story; let verdict: [String: Bool] }

    static func corpus() throws -> (today: String, answers: [Answer]) {
        let document = try #require(try Fixture.json("lint_corpus.json") as? [String: Any])
        let today = try #require(document["today"] as? String)
        let list = try #require(document["answers"] as? [[String: Any]])
        let answers = try list.map { entry -> Answer in
            let id = try #require(entry["id"] as? String)
            let when = (entry["when"] as? String).flatMap { try? StoryDate.parse($0) }
            let story = Story(
                id: 1, title: id, situation: entry["situation"] as? String ?? "", task: entry["task"] as? String ?? "",
                action: entry["action"] as? String ?? "", result: entry["result"] as? String ?? "",
                learnings: entry["learnings"] as? String ?? "",
                outcome: Outcome(rawValue: entry["outcome"] as? String ?? "") ?? .success,
                company: nil, role: nil, when: when, createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-01T00:00:00Z",
                principles: [])
            return Answer(id: id, story: story, verdict: try #require(entry["verdict"] as? [String: Bool]))
        }
        return (today, answers)
    }

    @Test("the corpus holds at least 60 answers, the seed's three among them, and a verdict on every rule")
    func shape() throws {
        let corpus = try Self.corpus()
        #expect(corpus.answers.count >= 60)
        let ids = Set(corpus.answers.map(\.id))
        #expect(ids.isSuperset(of: ["seed-solutions-architect", "seed-account-executive", "seed-engineering-manager"]))
        for answer in corpus.answers {
            #expect(Set(answer.verdict.keys) == Set(LintRules.all.map(\.id)), "\(answer.id) lacks a verdict on some rule")
        }
    }

    @Test("every rule agrees with the coach on every answer", arguments: LintRules.all.map(\.id))
    func rule(_ id: String) throws {
        let corpus = try Self.corpus()
        let linter = StoryLinter(rules: LintRules.all)
        var fires = 0, silent = 0
        for answer in corpus.answers {
            let found = linter.lint(answer.story, today: corpus.today).findings.contains { $0.rule == id }
            let expected = answer.verdict[id] ?? false
            #expect(found == expected, "\(id) on \(answer.id): starlog \(found ? "fires" : "is silent"), the coach \(expected ? "flags it" : "does not")")
            if expected { fires += 1 } else { silent += 1 }
        }
        #expect(fires >= 1 && silent >= 1, "the corpus tests \(id) both ways")
    }
}
