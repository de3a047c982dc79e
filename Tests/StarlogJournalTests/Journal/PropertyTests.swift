import Foundation
import PropertyBased
import StarlogJournal
import Testing

/// Hostile text: query syntax, quotes, control characters, any Unicode.
enum HostileText {
    static let fragments: [String] = [
        "\"", "'", "*", ":", "^", "(", ")", "{", "}", "-", "+", "AND", "OR", "NOT", "NEAR", "NEAR(", "result:",
        "title:", " ", "\n", "\t", "\u{0}", "\\", ";", "--", "/*", "é", "e\u{301}", "漢", "🌟", "👩🏽‍💻", "\u{200B}",
        "lead", "trust", "migrat", "ß", "İ", "\u{FEFF}",
    ]

    static let piece = Gen<String>.oneOf(
        Gen<String?>.element(of: fragments).map { $0 ?? "" }.eraseToAnySequence(),
        Gen.letterOrNumber.map { String($0) }.eraseToAnySequence(),
        Gen.unicodeScalar(in: "\u{0}"..."\u{D7FF}").map { String(Character($0)) }.eraseToAnySequence(),
        Gen.unicodeScalar(in: "\u{E000}"..."\u{10FFFF}").map { String(Character($0)) }.eraseToAnySequence())

    static let string = piece.array(of: 0...30).map { $0.joined() }
}

@Suite("Properties over hostile input")
struct PropertyTests {
    @Test("every string is a valid plain search query")
    func anyStringSearches() async throws {
        let test = try TestJournal()
        try test.add("Launch trust") { $0.action = "I led the migration; it's done" }
        await propertyCheck(count: 500, input: HostileText.string) { text in
            do {
                let hits = try test.journal.search.search(SearchQuery(text), limit: 5)
                #expect(hits.count <= 5)
                try SearchTests.expectWellFormed(hits, for: SearchQuery(text), in: test)
            } catch {
                Issue.record("query \(text.debugDescription) failed: \(error)")
            }
        }
    }

    @Test("every string either names a principle or is a one-line usage error")
    func anyPrincipleName() async throws {
        let test = try TestJournal()
        await propertyCheck(count: 300, input: HostileText.string) { text in
            do {
                let principle = try test.journal.principles.resolve(text)
                #expect(principle.builtin)
            } catch let error as JournalError {
                #expect(error.category == .usage)
                #expect(!error.message.contains("\n") || text.contains("\n"))
            } catch {
                Issue.record("unexpected \(error) for \(text.debugDescription)")
            }
        }
    }

    @Test("any string either is a valid story date or is refused; real dates always pass")
    func dates() async throws {
        await propertyCheck(count: 300, input: HostileText.string) { text in
            if let date = StoryDate(text) {
                #expect(StoryDate(date.text) == date)
                #expect([4, 7, 10].contains(date.text.count))
            }
        }
        await propertyCheck(count: 500, input: Gen.int(in: 1...9999), Gen.int(in: 1...12), Gen.int(in: 1...31)) { year, month, day in
            let text = String(format: "%04d-%02d-%02d", year, month, day)
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
            #expect((StoryDate(text) != nil) == (day <= days), "\(text)")
            #expect(StoryDate(String(format: "%04d-%02d", year, month)) != nil)
        }
    }

    @Test("hostile text in every field round-trips through the journal byte for byte")
    func fieldsRoundTrip() async throws {
        let test = try TestJournal()
        await propertyCheck(count: 100, input: HostileText.string, HostileText.string) { title, body in
            var draft = StoryDraft(title: "t" + title)
            draft.action = body
            draft.learnings = title + body
            do {
                let story = try test.journal.stories.add(draft)
                let back = try test.journal.stories.require(story.id)
                #expect(Array(back.action.utf8) == Array(body.utf8))
                #expect(Array(back.learnings.utf8) == Array((title + body).utf8))
            } catch {
                Issue.record("\(error)")
            }
        }
        #expect(try test.journal.health.run().isHealthy)
    }

    @Test("a 1 MB field round-trips byte for byte and stays searchable")
    func megabyteField() throws {
        let test = try TestJournal()
        var text = ""
        var generator = SeededGenerator(seed: 7)
        let words = ["alpha", "βeta", "gamma", "δelta", "🌟", "漢字", "line\nbreak", "quote\"d", "it's"]
        while text.utf8.count < 1_048_576 { text += words[Int(generator.next() % UInt64(words.count))] + " " }
        text += "needleword"
        let story = try test.add("Huge") { $0.situation = text }
        let back = try test.journal.stories.require(story.id)
        #expect(back.situation.utf8.count == text.utf8.count)
        #expect(Array(back.situation.utf8) == Array(text.utf8))
        #expect(try test.journal.search.search(SearchQuery("needleword")).map(\.story.id) == [story.id])
    }
}

@Suite("Trimming")
struct TrimmingPropertyTests {
    /// Whitespace scalars stripped from both ends, one scalar at a time:
    /// what the journal's trimming must do (it slices UTF-8 for speed).
    static func reference(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    static let blank = Gen<String?>.element(of: [" ", "\t", "\n", "\u{3000}", "\u{A0}", "\u{2028}", " \u{301}", "\u{301}", ""]).map { $0 ?? "" }

    @Test("titles are stored trimmed scalar by scalar, whatever surrounds them")
    func titlesTrim() async throws {
        let test = try TestJournal()
        await propertyCheck(count: 300, input: Self.blank, HostileText.string, Self.blank) { before, text, after in
            let title = before + "t" + text + after
            let expected = Self.reference(title)
            do {
                let story = try test.journal.stories.add(StoryDraft(title: title))
                #expect(Array(story.title.utf8) == Array(expected.utf8), "\(title.debugDescription)")
            } catch {
                Issue.record("\(error) for \(title.debugDescription)")
            }
        }
    }
}
