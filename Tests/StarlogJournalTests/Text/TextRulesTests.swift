import StarlogJournal
import Testing

@Suite("Text rules")
struct TextRulesTests {
    @Test("line breaks fold to one space and keep other spacing; spaces fold to one and trim")
    func folding() {
        #expect("Cut\ncosts\r\n\n by  half".lineBreaksFolded == "Cut costs  by  half")
        #expect("\nTitle\n".lineBreaksFolded == "Title")
        #expect("  Tell me\tabout \n\n a  time\u{2028}when ".spacesFolded == "Tell me about a time when")
        #expect(" \t\n".spacesFolded == "")
        #expect("plain".spacesFolded == "plain" && "plain".lineBreaksFolded == "plain")
    }

    @Test("one decimal: rounded to tenths, the sign kept, the zero decimal dropped on request")
    func decimals() {
        #expect(OneDecimal.text(2.46) == "2.5")
        #expect(OneDecimal.text(3) == "3.0")
        #expect(OneDecimal.text(0.04) == "0.0")
        #expect(OneDecimal.text(-1.54) == "-1.5")
        #expect(OneDecimal.text(-0.5) == "-0.5", "the sign of a number above -1 is kept")
        #expect(OneDecimal.text(3, droppingZero: true) == "3")
        #expect(OneDecimal.text(12.25, droppingZero: true) == "12.3")
        #expect(OneDecimal.text(tenths: 105) == "10.5")
        #expect(OneDecimal.text(tenths: 0) == "0.0")
    }
}
