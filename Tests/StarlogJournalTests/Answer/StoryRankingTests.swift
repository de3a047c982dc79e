import StarlogJournal
import Testing

/// Stories for a question: the one ranking `answer` and the drill share.
@Suite struct StoryRankingTests {
    @Test func storiesSharingTheQuestionsWordsComeFirstWithASnippet() throws {
        let test = try TestJournal()
        let plain = try test.add("Reviewed the vendor contract", principles: ["frugality"]) {
            $0.situation = "The renewal was due."; $0.result = "Signed on time."
        }
        let matching = try test.add("Halved the cloud bill", principles: ["frugality"]) {
            $0.action = "I moved the batch jobs to spot instances and cut idle clusters."
        }
        _ = try test.add("Cloud spot instances elsewhere", principles: ["ownership"])
        let principle = try test.journal.principles.resolve("frugality")
        let ranked = try test.journal.storyRanking.rank(question: "How did you cut the cost of idle clusters?", principle: principle)
        #expect(ranked.map(\.fit.storyID) == [matching.id, plain.id], "only the principle's stories; word matches first")
        #expect(ranked[0].sharedWords == ["cut", "idle", "clusters"])
        #expect(ranked[0].snippet?.contains("\u{1}idle\u{2}") == true)
        #expect(ranked[1].snippet == nil && ranked[1].sharedWords.isEmpty)
        #expect(try test.journal.storyRanking.rank(question: "idle clusters", principle: principle, excluding: [matching.id])
            .map(\.fit.storyID) == [plain.id])
    }

    @Test func aLimitShowsTheFirstOfTheSameRankingWithTheSameSnippets() throws {
        let test = try TestJournal()
        for (index, action) in ["I cut idle clusters.", "I renegotiated the vendor contract.", "I cut the vendor's idle fees.", "Nothing shared here."].enumerated() {
            _ = try test.add("Story \(index)", principles: ["frugality"]) { $0.action = action }
        }
        let principle = try test.journal.principles.resolve("frugality")
        let question = "How did you cut idle vendor fees?"
        let all = try test.journal.storyRanking.rank(question: question, principle: principle)
        #expect(all.count == 4 && all.filter { $0.snippet != nil }.count == 3)
        for limit in 0...5 {
            #expect(try test.journal.storyRanking.rank(question: question, principle: principle, limit: limit) == Array(all.prefix(limit)))
        }
        // answer takes five stories across its principles, the first principle's first.
        let answer = try test.journal.answerer.answer(question, scope: [principle], limit: 2)
        #expect(answer.stories.map(\.ranked) == Array(all.prefix(2)))
    }

    @Test func answerNamesAPrincipleAndAQuestionWhenNothingFits() throws {
        let test = try TestJournal()
        let scope = try test.journal.answerer.scope()
        let answer = try test.journal.answerer.answer("How did you earn the trust of a sceptical client?", scope: scope)
        #expect(answer.stories.isEmpty)
        let write = try #require(answer.toWrite)
        #expect(write.principle.slug == answer.principles.first?.principle.slug)
        #expect(write.question?.principle == write.principle.slug)

        let story = try test.add("Won back a client's trust", principles: [write.principle.slug])
        let again = try test.journal.answerer.answer("How did you earn the trust of a sceptical client?", scope: scope)
        #expect(again.stories.map(\.ranked.fit.storyID) == [story.id])
        #expect(again.toWrite == nil)
        let without = try test.journal.answerer.answer(
            "How did you earn the trust of a sceptical client?", scope: scope,
            excluded: [ExcludedStory(storyID: story.id, title: story.title, toldAt: "Acme")])
        #expect(without.stories.isEmpty && without.toWrite != nil && without.excluded.count == 1)
    }
}
