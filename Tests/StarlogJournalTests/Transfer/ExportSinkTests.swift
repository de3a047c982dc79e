import Testing

@testable import StarlogJournal

/// stdout shown through a filter (escaped on a terminal) is cut into pieces
/// of whole characters, whatever byte a 64 KB buffer ends on.
@Suite("Export to stdout: whole characters")
struct ExportSinkTests {
    @Test("every cut of mixed text keeps whole UTF-8 characters and holds back a CR")
    func wholeCharacters() {
        let text = "a\r\né€😀\u{202E}x\r\u{9B}z\r"
        let bytes = Array(text.utf8)
        for end in 0...bytes.count {
            let prefix = Array(bytes[..<end])
            let cut = ExportSink.wholeCharacters(prefix)
            #expect(cut <= end && cut >= end - 4, "cut \(cut) of \(end)")
            let piece = Array(prefix[..<cut])
            // Whole characters: decoding repairs nothing.
            #expect(String(validating: piece, as: UTF8.self) != nil, "bytes 0..<\(cut) of \(end) end inside a character")
            #expect(piece.last != UInt8(ascii: "\r"), "a CR that may start a CRLF waits")
            // Nothing whole is held back but a final CR.
            let rest = Array(prefix[cut...])
            #expect(rest.isEmpty || rest == [UInt8(ascii: "\r")] || String(validating: rest, as: UTF8.self) == nil
                    || rest.last == UInt8(ascii: "\r"), "held back \(rest) at \(end)")
        }
    }
}
