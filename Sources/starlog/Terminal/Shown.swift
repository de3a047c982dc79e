/// Text from the journal, an imported file or the command line is data:
/// this is the one place that makes it safe to show on a terminal. Every
/// line of human output (stdout and stderr) passes through `output`; the
/// renderers call `escape` on user text too, so tables measure the escaped
/// text. JSON output does not pass through here: it is already escaped and
/// must stay exact.
///
/// C0 and C1 control characters other than newline and tab, DEL, and the
/// bidirectional embeddings, overrides and isolates (U+202A to U+202E,
/// U+2066 to U+2069) are shown escaped: `\x1b`, `\x7f`, `\u009b`,
/// `\u202e`. A CR LF pair is a newline.
enum Shown {
    /// `text` with every control character but newline and tab escaped.
    static func escape(_ text: some StringProtocol) -> String {
        guard needsEscaping(text.utf8) else { return String(text) }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            if scalar == "\r", pending == "\n" { continue }
            append(scalar, to: &result)
        }
        return result
    }

    /// The final pass before bytes reach stdout or stderr: escapes as
    /// `escape` does, but keeps starlog's own colour codes (`ESC [ n m`
    /// for the styles it uses) while colour is on. Nothing else that could
    /// steer a terminal gets through: no OSC, DCS, cursor or erase code.
    static func output(_ text: String) -> String {
        guard needsEscaping(text.utf8) else { return text }
        let allowColour = Terminal.colorEnabled
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\u{1B}", allowColour, let length = ownColourCode(scalars, at: index) {
                for offset in 0..<length { result.unicodeScalars.append(scalars[index + offset]) }
                index += length
                continue
            }
            if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" {
                index += 1
                continue
            }
            append(scalar, to: &result)
            index += 1
        }
        return result
    }

    /// The colour codes `Style` writes: `ESC [ 0 m`, `ESC [ 1 ; 3 3 m` and the like.
    static let ownColourCodes: Set<String> = Set(["0"] + Style.allCases.map(\.code))

    /// The length of starlog's own colour code at `index`, or nil.
    private static func ownColourCode(_ scalars: [Unicode.Scalar], at index: Int) -> Int? {
        guard index + 3 < scalars.count, scalars[index + 1] == "[" else { return nil }
        var code = ""
        var end = index + 2
        while end < scalars.count, end - index < 10, scalars[end] != "m" {
            code.unicodeScalars.append(scalars[end])
            end += 1
        }
        guard end < scalars.count, scalars[end] == "m", ownColourCodes.contains(code) else { return nil }
        return end - index + 1
    }

    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: return false
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    private static func append(_ scalar: Unicode.Scalar, to result: inout String) {
        guard isUnsafe(scalar) else {
            result.unicodeScalars.append(scalar)
            return
        }
        let hex = String(scalar.value, radix: 16)
        if scalar.value <= 0x7F {
            result += "\\x" + (hex.count < 2 ? "0" : "") + hex
        } else {
            result += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
    }

    /// True when the UTF-8 `bytes` hold a character `escape` changes: a C0
    /// byte other than newline and tab, DEL, a C1 character (C2 80 to C2
    /// 9F) or a bidirectional control (E2 80 AA to AE, E2 81 A6 to A9).
    private static func needsEscaping(_ bytes: some Sequence<UInt8>) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in bytes {
            if byte < 0x20 && byte != 0x0A && byte != 0x09 { return true }
            if byte == 0x7F { return true }
            if previous == 0xC2 && (0x80...0x9F).contains(byte) { return true }
            if beforePrevious == 0xE2 {
                if previous == 0x80 && (0xAA...0xAE).contains(byte) { return true }
                if previous == 0x81 && (0xA6...0xA9).contains(byte) { return true }
            }
            beforePrevious = previous
            previous = byte
        }
        return false
    }
}
