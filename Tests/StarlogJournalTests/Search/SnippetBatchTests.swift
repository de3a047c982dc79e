import Foundation
import StarlogStorage
import Testing

@testable import StarlogJournal

/// Prefix and phrase searches read their snippets in batches of
/// neighbouring stories (`StorySearch.snippets`); each must be the snippet
/// that the one-story statement gives.
@Suite("Search snippets in batches")
struct SnippetBatchTests {
    @Test("batched snippets are the one-story snippets, across batch boundaries")
    func batchedEqualsSingle() throws {
        let test = try TestJournal()
        let words = ["migrate", "migrated", "migration", "root cause", "the root", "a cause", "queue", "cache"]
        let sections: [WritableKeyPath<StoryDraft, String>] = [\.situation, \.task, \.action, \.result, \.learnings]
        // 400 stories: more matches than one batch holds, with gaps between
        // the matching ids, words in every section and some in the title.
        for index in 0..<400 {
            let word = words[(index * 7) % words.count]
            let title = index % 11 == 0 ? "Story \(index) \(word)" : "Story \(index)"
            try test.add(title) { draft in
                draft[keyPath: sections[index % sections.count]] = "We found the \(word) of the outage on day \(index) and fixed it."
                draft[keyPath: sections[(index + 2) % sections.count]] = "Plain words \(index) with nothing to find."
            }
        }
        let search = test.journal.search
        for text in ["migrat*", "\"root cause\"", "root* cause", "situation:migrat*", "\"the root\" outage"] {
            let query = SearchQuery(text)
            #expect(query.hasPrefixOrPhrase, "\(text)")
            let pattern = try #require(query.pattern)
            for limit in [nil, 3, 150] as [Int?] {
                let hits = try search.search(query, limit: limit)
                #expect(!hits.isEmpty, "\(text)")
                if limit == nil && text == "migrat*" { #expect(hits.count > StorySearch.snippetBatch) }
                for hit in hits {
                    #expect(hit.snippet == (try search.snippet(for: hit.story.id, pattern: pattern)), "\(text) #\(hit.story.id)")
                    #expect(hit.snippet.contains(SearchHit.highlightStart), "\(text) #\(hit.story.id)")
                }
            }
        }
        #expect(!SearchQuery("queue").hasPrefixOrPhrase)
        #expect(!SearchQuery("queue cache").hasPrefixOrPhrase)
        #expect(SearchQuery("on-call").hasPrefixOrPhrase)
    }
}
