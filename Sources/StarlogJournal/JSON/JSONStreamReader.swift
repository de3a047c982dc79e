#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads JSON from a file a buffer at a time, one value on request, and
/// knows the line it is on. An import walks the top-level object itself and
/// asks for each story in turn, so a large file never sits in memory whole.
public final class JSONStreamReader {
    private let file: UnsafeMutablePointer<FILE>
    private let ownsFile: Bool
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)
    private var count = 0
    private var position = 0
    /// The line of the next byte, from 1.
    public private(set) var line = 1
    /// The deepest nesting allowed, against hostile input.
    package static let maximumDepth = 64

    /// Reads `path`; throws when it cannot be opened.
    public init(path: String) throws {
        guard let file = fopen(path, "rb") else {
            throw JournalError.badData("cannot read \(path): \(String(cString: strerror(errno))); check the path")
        }
        self.file = file
        self.ownsFile = true
    }

    /// Reads an open stream (stdin); the caller keeps it.
    public init(stream: UnsafeMutablePointer<FILE>) {
        self.file = stream
        self.ownsFile = false
    }

    deinit {
        if ownsFile { fclose(file) }
    }

    /// The next byte, without taking it; nil at the end.
    private func peekByte() -> UInt8? {
        if position == count {
            count = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            position = 0
            if count == 0 { return nil }
        }
        return buffer[position]
    }

    private func nextByte() -> UInt8? {
        guard let byte = peekByte() else { return nil }
        position += 1
        if byte == 0x0A { line += 1 }
        return byte
    }

    /// The next byte that is not white space, not taken; nil at the end.
    public func peek() -> UInt8? {
        while let byte = peekByte() {
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                _ = nextByte()
            } else {
                return byte
            }
        }
        return nil
    }

    /// Takes `byte` (after white space) or throws naming what was expected.
    public func expect(_ byte: UInt8, _ what: String) throws(ImportProblem) {
        guard let found = peek() else { throw truncated() }
        guard found == byte else {
            throw ImportProblem(line: line, "expected \(what) but found '\(Character(Unicode.Scalar(found)))'")
        }
        _ = nextByte()
    }

    /// Takes `byte` if it comes next.
    public func take(_ byte: UInt8) -> Bool {
        guard peek() == byte else { return false }
        _ = nextByte()
        return true
    }

    /// True when only white space is left.
    public var atEnd: Bool { peek() == nil }

    func truncated() -> ImportProblem {
        ImportProblem(line: line, "the JSON ends early (is the file cut short?)")
    }

    /// Reads one whole value.
    public func value(depth: Int = 0) throws(ImportProblem) -> JSONValue {
        guard depth < JSONStreamReader.maximumDepth else {
            throw ImportProblem(line: line, "the JSON is nested too deeply")
        }
        guard let byte = peek() else { throw truncated() }
        switch byte {
        case UInt8(ascii: "{"):
            _ = nextByte()
            var members: [JSONValue.Member] = []
            if take(UInt8(ascii: "}")) { return .object(members) }
            repeat {
                let key = try string()
                try expect(UInt8(ascii: ":"), "':' after a key")
                members.append(JSONValue.Member(key, try value(depth: depth + 1)))
            } while try separator(closing: UInt8(ascii: "}"))
            return .object(members)
        case UInt8(ascii: "["):
            _ = nextByte()
            var items: [JSONValue] = []
            if take(UInt8(ascii: "]")) { return .array(items) }
            repeat {
                items.append(try value(depth: depth + 1))
            } while try separator(closing: UInt8(ascii: "]"))
            return .array(items)
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "t"): try word("true"); return .bool(true)
        case UInt8(ascii: "f"): try word("false"); return .bool(false)
        case UInt8(ascii: "n"): try word("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try number())
        default:
            throw ImportProblem(line: line, "unexpected '\(Character(Unicode.Scalar(byte)))' where a JSON value should be")
        }
    }

    /// After an item: true for ',' (another follows), false for `closing`.
    public func separator(closing: UInt8) throws(ImportProblem) -> Bool {
        guard let byte = peek() else { throw truncated() }
        _ = nextByte()
        if byte == UInt8(ascii: ",") { return true }
        if byte == closing { return false }
        throw ImportProblem(line: line, "expected ',' or '\(Character(Unicode.Scalar(closing)))' but found '\(Character(Unicode.Scalar(byte)))'")
    }

    private func word(_ text: StaticString) throws(ImportProblem) {
        let startLine = line
        for expected in UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount) {
            guard let byte = nextByte() else { throw truncated() }
            guard byte == expected else {
                throw ImportProblem(line: startLine, "unexpected text where a JSON value should be")
            }
        }
    }

    private func number() throws(ImportProblem) -> String {
        var bytes: [UInt8] = []
        while let byte = peekByte(), byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") || (byte >= 0x30 && byte <= 0x39) {
            bytes.append(byte)
            _ = nextByte()
        }
        let text = String(decoding: bytes, as: UTF8.self)
        guard Double(text) != nil else { throw ImportProblem(line: line, "\(Excerpt.quoted(text)) is not a number") }
        return text
    }

    /// The bytes of the string being read, kept between strings.
    private var scratch: [UInt8] = []

    /// Reads a string, decoding escapes; the opening quote comes next.
    public func string() throws(ImportProblem) -> String {
        try expect(UInt8(ascii: "\""), "a quoted key or string")
        scratch.removeAll(keepingCapacity: true)
        let startLine = line
        while true {
            // Copy the run of plain bytes up to the next quote, backslash or
            // control byte at once. A run never holds a line break (that is
            // a control byte), so the line count stays right.
            if position == count, peekByte() == nil { throw truncated() }
            let start = position
            let end = buffer.withUnsafeBufferPointer { bytes in
                var end = start
                while end < count {
                    let byte = bytes[end]
                    if byte == 0x22 || byte == 0x5C || byte < 0x20 { break }
                    end += 1
                }
                return end
            }
            if end > start {
                scratch.append(contentsOf: buffer[start..<end])
                position = end
                if end == count { continue }
            }
            let byte = nextByte()!
            switch byte {
            case UInt8(ascii: "\""):
                guard let text = String(validating: scratch, as: UTF8.self) else {
                    throw ImportProblem(line: startLine, "a string is not valid UTF-8")
                }
                return text
            case UInt8(ascii: "\\"):
                guard let escape = nextByte() else { throw truncated() }
                switch escape {
                case UInt8(ascii: "\""): scratch.append(0x22)
                case UInt8(ascii: "\\"): scratch.append(0x5C)
                case UInt8(ascii: "/"): scratch.append(0x2F)
                case UInt8(ascii: "b"): scratch.append(0x08)
                case UInt8(ascii: "f"): scratch.append(0x0C)
                case UInt8(ascii: "n"): scratch.append(0x0A)
                case UInt8(ascii: "r"): scratch.append(0x0D)
                case UInt8(ascii: "t"): scratch.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard nextByte() == UInt8(ascii: "\\"), nextByte() == UInt8(ascii: "u") else {
                            throw ImportProblem(line: line, "a \\u escape is half of a surrogate pair")
                        }
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else {
                            throw ImportProblem(line: line, "a \\u escape is half of a surrogate pair")
                        }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let unicode = Unicode.Scalar(scalar) else {
                        throw ImportProblem(line: line, "a \\u escape names no character")
                    }
                    scratch.append(contentsOf: Array(String(Character(unicode)).utf8))
                default:
                    throw ImportProblem(line: line, "'\\\(Character(Unicode.Scalar(escape)))' is not a JSON escape")
                }
            default:
                if byte < 0x20 {
                    throw ImportProblem(line: line, "a string has a raw control character or line break (is a quote missing?)")
                }
                scratch.append(byte)
            }
        }
    }

    private func hex4() throws(ImportProblem) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = nextByte() else { throw truncated() }
            guard let digit = Character(Unicode.Scalar(byte)).hexDigitValue else {
                throw ImportProblem(line: line, "a \\u escape needs four hex digits")
            }
            value = value * 16 + UInt32(digit)
        }
        return value
    }
}
