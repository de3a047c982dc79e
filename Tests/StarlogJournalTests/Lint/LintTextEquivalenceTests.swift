@testable import StarlogJournal
import Testing

/// Lint splits ASCII text over bytes and other text over Unicode
/// characters; the two must give the same words on ASCII text, the
/// characters' reading being the reference.
@Suite("Lint text: the ASCII and Unicode forms agree")
struct LintTextEquivalenceTests {
    /// Pieces that meet every branch: case, digits, apostrophes at both
    /// ends, straight quotes (open and unclosed), hyphens, slashes, every
    /// ASCII white space including "\r\n", currency and percent, "US",
    /// fillers and the words around them.
    static let pieces = [
        "I", "we", "We", "US", "us", "our", "kind", "of", "sort", "a", "bit", "late", "just", "just-in-time",
        "-just-", "really--", "--", "-", "/", "and/or", "i", "think", "you", "know", "pretty", "much", "Q3", "2025",
        "roadmap", "40ms", "10x", "3", "'tis", "don't", "rock'n'roll", "''", "'", "\"", "\"quoted we\"",
        "%", "$5", "50%", "half", "a", "week", "early", "the", "what", " ", "  ", "\t", "\n", "\r\n", "\r",
        "\u{0B}", "\u{0C}", ".", ",", "!", "(we)", "[I]", "x-y-z", "A-B", "e.g.", "#", "@", "_", "~", "`",
    ]

    static func sample(_ generator: inout SeededGenerator) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...24, using: &generator) {
            text += pieces.randomElement(using: &generator)!
            if Int.random(in: 0..<3, using: &generator) > 0 { text += " " }
        }
        return text
    }

    @Test("words, own words, raw words, filler tokens and fillers on 4,000 random ASCII texts")
    func randomText() {
        var generator = SeededGenerator(seed: 18)
        for _ in 0..<4_000 {
            let text = Self.sample(&generator)
            #expect(LintText.isASCII(text))
            #expect(LintText.words(text) == LintText.unicodeWords(text), "\(text.debugDescription)")
            #expect(LintText.ownWords(text) == LintText.unicodeOwnWords(text), "\(text.debugDescription)")
            #expect(LintText.rawWords(text) == LintText.unicodeRawWords(text), "\(text.debugDescription)")
            #expect(LintText.asciiFillerTokens(Array(text.utf8)) == LintText.unicodeFillerTokens(text), "\(text.debugDescription)")
            #expect(LintText.fillers(in: text) == LintText.fillers(inWords: LintText.unicodeFillerTokens(text)))
        }
    }

    /// The matching as it was before phrases were looked up by their first
    /// word: every phrase tried in turn at every word.
    static func referenceFillers(_ words: [String]) -> [String] {
        var found: [String] = []
        var index = 0
        while index < words.count {
            var matched = false
            for phrase in LintText.fillerPhrases where index + phrase.count <= words.count && words[index] == phrase[0] {
                guard phrase.count == 1 || words[index..<index + phrase.count].elementsEqual(phrase) else { continue }
                if phrase.count == 2 && (phrase[1] == "of") && index > 0 && LintText.determiners.contains(words[index - 1]) { continue }
                if phrase == ["a", "bit"] {
                    let next = index + 2 < words.count ? words[index + 2] : ""
                    if !(LintText.hedgedByABit.contains(next) || (next.count > 4 && (next.hasSuffix("er") || next.hasSuffix("ly")))) { continue }
                }
                found.append(phrase.joined(separator: " "))
                index += phrase.count
                matched = true
                break
            }
            if !matched { index += 1 }
        }
        return found
    }

    @Test("fillers found by first word are those found by trying every phrase, on 4,000 random word runs")
    func fillersByFirstWord() {
        var generator = SeededGenerator(seed: 19)
        let vocabulary = Array(Set(LintText.fillerPhrases.joined())) + ["the", "what", "late", "slower", "fine", "shipped", "we"]
        for _ in 0..<4_000 {
            let words = (0..<Int.random(in: 0...16, using: &generator)).map { _ in vocabulary.randomElement(using: &generator)! }
            #expect(LintText.fillers(inWords: words) == Self.referenceFillers(words), "\(words)")
        }
    }

    @Test("text with a character outside ASCII takes the Unicode form")
    func unicodeText() {
        #expect(!LintText.isASCII("We shipped it \u{2014} café"))
        #expect(LintText.words("We\u{2019}ll ship Café") == ["we'll", "ship", "café"])
        #expect(LintText.fillers(in: "just\u{2014}really kind of") == ["just", "really", "kind of"])
    }
}
