import Foundation
import StarlogJournal
import StarlogStorage
import Testing

@Suite("Search")
struct SearchTests {
    func titles(_ test: TestJournal, _ query: String, principle: String? = nil) throws -> [String] {
        try test.journal.search.search(SearchQuery(query), principle: principle).map(\.story.title)
    }

    @Test("stems, accents, case, prefixes and phrases")
    func matching() throws {
        let test = try TestJournal()
        try test.add("Rehearsal") { $0.action = "I rehearsed the launch twice with the on-call team." }
        try test.add("Café") { $0.situation = "Our café ordering app kept crashing." }
        try test.add("Migration") { $0.result = "The data migration finished early." }
        #expect(try titles(test, "rehearse") == ["Rehearsal"])
        #expect(try titles(test, "REHEARSING") == ["Rehearsal"])
        #expect(try titles(test, "cafe") == ["Café"])
        #expect(try titles(test, "CAFÉ") == ["Café"])
        #expect(try titles(test, "migrat*") == ["Migration"])
        #expect(try titles(test, "\"on-call team\"") == ["Rehearsal"])
        #expect(try titles(test, "\"team on-call\"") == [])
        #expect(try titles(test, "launch crashing") == [], "every word must match")
    }

    @Test("section: limits a term to one STAR section")
    func sections() throws {
        let test = try TestJournal()
        try test.add("Latency in the result") { $0.result = "cut latency by half" }
        try test.add("Other") { $0.situation = "latency was bad" }
        #expect(try titles(test, "result:latency") == ["Latency in the result"])
        #expect(try titles(test, "situation:latency") == ["Other"])
        #expect(try titles(test, "Title:latency") == ["Latency in the result"])
        #expect(try titles(test, "result:\"by half\"") == ["Latency in the result"])
    }

    @Test("a title match ranks above a body match; ties go to the newer story")
    func ranking() throws {
        let box = ClockBox()
        let test = try TestJournal(clock: JournalClock { box.value })
        box.value = 10
        try test.add("Body only") { $0.action = "kubernetes upgrade of every cluster in the fleet" }
        box.value = 20
        try test.add("Kubernetes upgrade") { $0.action = "an upgrade of every cluster in the fleet" }
        #expect(try titles(test, "kubernetes") == ["Kubernetes upgrade", "Body only"])
        box.value = 30
        try test.add("Twin one") { $0.task = "identical words here" }
        box.value = 40
        try test.add("Twin two") { $0.task = "identical words here" }
        #expect(try titles(test, "identical") == ["Twin two", "Twin one"])
    }

    @Test("the principle filter and the limit narrow the hits; snippets mark matches")
    func filterAndSnippet() throws {
        let test = try TestJournal()
        try test.add("Trusted", principles: ["earn-trust"]) { $0.action = "I shared the outage report openly" }
        try test.add("Owned", principles: ["ownership"]) { $0.action = "I wrote the outage report myself" }
        #expect(try titles(test, "outage", principle: "11") == ["Trusted"])
        let hits = try test.journal.search.search(SearchQuery("outage"), limit: 1)
        #expect(hits.count == 1)
        #expect(hits[0].rank == 1)
        #expect(hits[0].snippet.contains("\u{1}outage\u{2}"))
        #expect(hits[0].plainSnippet.contains("outage report"))
    }

    @Test("the index follows edits and deletes")
    func indexFollowsChanges() throws {
        let test = try TestJournal()
        let story = try test.add("Story") { $0.result = "zebra" }
        #expect(try titles(test, "zebra") == ["Story"])
        var patch = StoryPatch()
        patch.result = "giraffe"
        try test.journal.stories.update(story.id, patch)
        #expect(try titles(test, "zebra") == [])
        #expect(try titles(test, "giraffe") == ["Story"])
        try test.journal.stories.delete(story.id)
        #expect(try titles(test, "giraffe") == [])
        #expect(try test.journal.health.run().isHealthy)
    }

    @Test("query text becomes quoted terms; operators and punctuation are only words")
    func patterns() {
        #expect(SearchQuery("lead").pattern == "\"lead\"")
        #expect(SearchQuery("don't AND NEAR(x)").pattern == "\"don't\" \"AND\" \"NEAR(x)\"")
        #expect(SearchQuery("migrat*").pattern == "\"migrat\" *")
        #expect(SearchQuery("\"two words\"").pattern == "\"two words\"")
        #expect(SearchQuery("say \"hi").pattern == "\"say\" \"\"\"hi\"")
        #expect(SearchQuery("result:latency").pattern == "{result} : \"latency\"")
        #expect(SearchQuery("foo:bar").pattern == "\"foo:bar\"")
        #expect(SearchQuery("   ").pattern == nil)
        #expect(SearchQuery("- ' ( ) * ^ :").pattern == nil)
    }

    @Test("every string is a valid plain query", arguments: SearchTests.hostileQueries)
    func hostile(_ query: String) throws {
        let test = try SearchTests.shared()
        let hits = try test.journal.search.search(SearchQuery(query))
        try Self.expectWellFormed(hits, for: SearchQuery(query), in: test)
    }

    /// What every result list must be, whatever was typed: ranks 1, 2, 3…
    /// with scores that never rise, no story twice, each a story the
    /// journal holds, and nothing at all for a query with no words.
    static func expectWellFormed(_ hits: [SearchHit], for query: SearchQuery, in test: TestJournal,
                                 sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(hits.map(\.rank) == Array(0..<hits.count).map { $0 + 1 }, sourceLocation: sourceLocation)
        #expect(zip(hits, hits.dropFirst()).allSatisfy { $0.score >= $1.score }, sourceLocation: sourceLocation)
        #expect(Set(hits.map(\.story.id)).count == hits.count, sourceLocation: sourceLocation)
        for hit in hits {
            #expect(try test.journal.stories.find(hit.story.id) == hit.story, sourceLocation: sourceLocation)
        }
        if query.pattern == nil { #expect(hits.isEmpty, sourceLocation: sourceLocation) }
    }

    @Test("thousands of random strings are all valid plain queries")
    func randomQueries() throws {
        let test = try SearchTests.shared()
        var generator = SeededGenerator(seed: 42)
        let alphabet: [Character] = Array("ab \"'*:^()-+{}[]~.,;!?\\/\n\t\u{0}éü漢🌟") + ["AND", "OR", "NOT", "NEAR", "result:", "title:"].flatMap { Array($0 + " ") }
        var found = 0
        for _ in 0..<2000 {
            let length = Int(generator.next() % 24)
            let text = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            let hits = try test.journal.search.search(SearchQuery(text))
            try Self.expectWellFormed(hits, for: SearchQuery(text), in: test)
            if !hits.isEmpty { found += 1 }
        }
        // The seed story holds "a", "b", "launch" and "it's": some of the
        // random strings are plain words of it, and must find it.
        #expect(found > 0)
    }

    @Test("--raw passes FTS5 syntax through and reports a syntax error as bad data")
    func raw() throws {
        let test = try TestJournal()
        try test.add("Alpha") { $0.action = "alpha beta" }
        try test.add("Gamma") { $0.action = "gamma" }
        let hits = try test.journal.search.search(SearchQuery(raw: "alpha OR gamma"))
        #expect(hits.count == 2)
        for bad in ["alpha AND", "\"unbalanced", "nosuchcolumn: x", "NEAR("] {
            do {
                _ = try test.journal.search.search(SearchQuery(raw: bad))
                Issue.record("\(bad) should be refused")
            } catch let error as JournalError {
                #expect(error.category == .data)
                #expect(error.message.hasPrefix("invalid search query"))
            }
        }
    }

    static let hostileQueries: [String] = [
        "\"", "\"\"", "\"\"\"", "'", "it's", "O'Brien", "-", "--", "a-b", "AND", "OR", "NOT", "NEAR", "a AND", "AND OR NOT",
        "NEAR(a b)", "NEAR(", "(", ")", "((a)", "*", "**", "a**", "*a", "^", "^a", ":", "a:", ":a", "result:", "result:*",
        "title:\"", "{title}: x", "{", "}", "+", "'; DROP TABLE story; --", "SELECT * FROM story", "\\", "\u{0}", "a\u{0}b",
        "\n\"a\nb\"\n", "\t", "🌟", "👩🏽‍💻 launch", "漢字", "ÅÄÖ", "e\u{301}", String(repeating: "x", count: 10_000),
        String(repeating: "a ", count: 2_000), String(repeating: "\"", count: 101), "\"a\" \"b", "a\" b \"c", "x*y", "x* y*",
        "\"\u{0591}NOT", "a\"\u{301}", "*\u{301}", "\"\u{301}\"", "\u{301}\"x",
    ]

    static func shared() throws -> TestJournal {
        let test = try TestJournal()
        try test.add("Seed story") { $0.action = "a b c launch it's O'Brien" }
        return test
    }
}
