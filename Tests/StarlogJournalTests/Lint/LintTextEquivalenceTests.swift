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

    @Test("text with a character outside ASCII takes the Unicode form")
    func unicodeText() {
        #expect(!LintText.isASCII("We shipped it \u{2014} café"))
        #expect(LintText.words("We\u{2019}ll ship Café") == ["we'll", "ship", "café"])
        #expect(LintText.fillers(in: "just\u{2014}really kind of") == ["just", "really", "kind of"])
    }
}
