/// A JSON document: one built in a fixed key order for output, or one read
/// by `JSONStreamReader`; and its text.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    /// A number as its text, exactly as read, so whole numbers stay exact.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([Member])

    /// One key of an object.
    public struct Member: Sendable, Equatable {
        public let key: String
        public let value: JSONValue

        public init(_ key: String, _ value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// The value of `key` in an object (the last, when a key repeats).
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.key == key }?.value
    }

    /// "text", "a number", ... for messages.
    var kind: String {
        switch self {
        case .null: return "null"
        case .bool: return "true or false"
        case .int, .double, .number: return "a number"
        case .string: return "text"
        case .array: return "a list"
        case .object: return "an object"
        }
    }

    public static func string(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
    public static func int(_ number: Int) -> JSONValue { .int(Int64(number)) }
    public static func int(_ number: Int?) -> JSONValue { number.map { .int(Int64($0)) } ?? .null }

    /// The document as text: two-space indents when `pretty`, else one line.
    /// `indent` nests the document that many levels (its first line is not
    /// padded), as when it is written inside a larger document.
    public func rendered(pretty: Bool = true, indent: Int = 0) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        write(into: &output, pretty: pretty, indent: indent)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the document's UTF-8 text to `output`, as `rendered` shapes
    /// it. Writing bytes into one buffer is what makes a large export cheap:
    /// appending to a `String` piece by piece cost most of its time.
    public func write(into output: inout [UInt8], pretty: Bool = true, indent: Int = 0) {
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .int(let value): output.append(contentsOf: String(value).utf8)
        case .double(let value):
            if value.isFinite {
                let text = value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
                output.append(contentsOf: text.utf8)
            } else {
                output.append(contentsOf: "null".utf8)
            }
        case .number(let text): output.append(contentsOf: text.utf8)
        case .string(let value): JSONValue.quote(value, into: &output)
        case .array(let items):
            if items.isEmpty { output.append(contentsOf: "[]".utf8); return }
            output.append(UInt8(ascii: "["))
            for (offset, item) in items.enumerated() {
                if offset > 0 { output.append(UInt8(ascii: ",")) }
                if pretty { JSONValue.newline(into: &output, indent: indent + 1) }
                item.write(into: &output, pretty: pretty, indent: indent + 1)
            }
            if pretty { JSONValue.newline(into: &output, indent: indent) }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { output.append(contentsOf: "{}".utf8); return }
            output.append(UInt8(ascii: "{"))
            for (offset, member) in members.enumerated() {
                if offset > 0 { output.append(UInt8(ascii: ",")) }
                if pretty { JSONValue.newline(into: &output, indent: indent + 1) }
                JSONValue.quote(member.key, into: &output)
                output.append(UInt8(ascii: ":"))
                if pretty { output.append(UInt8(ascii: " ")) }
                member.value.write(into: &output, pretty: pretty, indent: indent + 1)
            }
            if pretty { JSONValue.newline(into: &output, indent: indent) }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// A line break and two spaces per level.
    static func newline(into output: inout [UInt8], indent: Int) {
        output.append(0x0A)
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
    }

    /// True when none of the eight bytes in `word` needs a second look:
    /// all are ASCII from space to `~`, and none is `"` or `\\`.
    @inline(__always)
    static func plainASCII(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highs }
        let below = (word &- ones &* 0x20) & ~word & highs
        let special = hasZero(word ^ (ones &* 0x22)) | hasZero(word ^ (ones &* 0x5C)) | hasZero(word ^ (ones &* 0x7F))
        return (below | special | (word & highs)) == 0
    }

    /// Appends `text` as a JSON string. Runs of bytes that need no escape
    /// are copied whole; only `"`, `\\`, control characters, DEL and
    /// U+2028/U+2029 are rewritten.
    static func quote(_ text: String, into output: inout [UInt8]) {
        var text = text
        text.withUTF8 { quote(validUTF8: $0, into: &output) }
    }

    /// Appends text stored as UTF-8 bytes (a column of the journal) as a
    /// JSON string without making a `String` of it first. Bytes that are
    /// not valid UTF-8 (another program may have written them) are repaired
    /// as `String(decoding:)` does.
    static func quote(bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        var index = 0
        let count = bytes.count
        while index &+ 8 <= count, UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
            index &+= 8
        }
        while index < count, bytes[index] < 0x80 { index &+= 1 }
        if index == count {
            quote(validUTF8: bytes, into: &output)
        } else {
            quote(String(decoding: bytes, as: UTF8.self), into: &output)
        }
    }

    private static func quote(validUTF8 bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        output.append(0x22)
        do {
            let count = bytes.count
            var runStart = 0
            var index = 0
            while index < count {
                // Eight plain ASCII bytes at a time; anything else goes byte by byte.
                while index &+ 8 <= count,
                      JSONValue.plainASCII(UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)) {
                    index &+= 8
                }
                guard index < count else { break }
                let byte = bytes[index]
                if byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0x7F && byte != 0xE2 {
                    index += 1
                    continue
                }
                var next = index + 1
                let escape: StaticString?
                var control = false
                switch byte {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0xE2:
                    // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
                    if index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                        escape = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                        next = index + 3
                    } else {
                        escape = nil
                    }
                default:
                    // The other control characters and DEL: \u00XX.
                    escape = nil
                    control = true
                }
                guard escape != nil || control else {
                    index = next
                    continue
                }
                if runStart < index {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                }
                if let escape {
                    output.append(contentsOf: UnsafeBufferPointer(start: escape.utf8Start, count: escape.utf8CodeUnitCount))
                } else {
                    let digits: StaticString = "0123456789abcdef"
                    output.append(contentsOf: "\\u00".utf8)
                    output.append(digits.utf8Start[Int(byte >> 4)])
                    output.append(digits.utf8Start[Int(byte & 0x0F)])
                }
                runStart = next
                index = next
            }
            if runStart < count {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
            }
        }
        output.append(0x22)
    }
}

extension JSONValue {
    /// `value` rounded to `places` decimal places, as JSON output gives
    /// scores and ratings.
    static func rounded(_ value: Double, places: Int) -> JSONValue {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return .double((value * scale).rounded() / scale)
    }

    /// `value` rounded as above, or null.
    static func rounded(_ value: Double?, places: Int) -> JSONValue {
        value.map { rounded($0, places: places) } ?? .null
    }
}

extension Array where Element == UInt8 {
    /// Appends the bytes of a literal.
    @inline(__always)
    mutating func append(static text: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}
