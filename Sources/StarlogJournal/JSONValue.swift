/// A JSON document built in a fixed key order, and its text.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
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

    public static func string(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
    public static func int(_ number: Int) -> JSONValue { .int(Int64(number)) }
    public static func int(_ number: Int?) -> JSONValue { number.map { .int(Int64($0)) } ?? .null }

    /// The document as text: two-space indents when `pretty`, else one line.
    /// `indent` nests the document that many levels (its first line is not
    /// padded), as when it is written inside a larger document.
    public func rendered(pretty: Bool = true, indent: Int = 0) -> String {
        var output = ""
        write(to: &output, pretty: pretty, indent: indent)
        return output
    }

    private func write(to output: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .int(let value): output += String(value)
        case .double(let value):
            if value.isFinite {
                output += value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
            } else {
                output += "null"
            }
        case .string(let value): JSONValue.quote(value, into: &output)
        case .array(let items):
            if items.isEmpty { output += "[]"; return }
            output += "["
            for (offset, item) in items.enumerated() {
                if offset > 0 { output += "," }
                if pretty { output += "\n" + String(repeating: "  ", count: indent + 1) }
                item.write(to: &output, pretty: pretty, indent: indent + 1)
            }
            if pretty { output += "\n" + String(repeating: "  ", count: indent) }
            output += "]"
        case .object(let members):
            if members.isEmpty { output += "{}"; return }
            output += "{"
            for (offset, member) in members.enumerated() {
                if offset > 0 { output += "," }
                if pretty { output += "\n" + String(repeating: "  ", count: indent + 1) }
                JSONValue.quote(member.key, into: &output)
                output += pretty ? ": " : ":"
                member.value.write(to: &output, pretty: pretty, indent: indent + 1)
            }
            if pretty { output += "\n" + String(repeating: "  ", count: indent) }
            output += "}"
        }
    }

    /// Appends `text` as a JSON string. Runs of bytes that need no escape
    /// are copied whole; only `"`, `\`, control characters, DEL and
    /// U+2028/U+2029 are rewritten.
    static func quote(_ text: String, into output: inout String) {
        output += "\""
        let scalars = text.unicodeScalars
        let utf8 = text.utf8
        var runStart = utf8.startIndex
        var index = runStart
        while index != utf8.endIndex {
            let byte = utf8[index]
            let escape: String?
            var next = utf8.index(after: index)
            switch byte {
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0x00..<0x20, 0x7F:
                let hex = String(byte, radix: 16)
                escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            case 0xE2:
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
                var cursor = next
                if cursor != utf8.endIndex, utf8[cursor] == 0x80 {
                    cursor = utf8.index(after: cursor)
                    if cursor != utf8.endIndex, utf8[cursor] == 0xA8 || utf8[cursor] == 0xA9 {
                        escape = utf8[cursor] == 0xA8 ? "\\u2028" : "\\u2029"
                        next = utf8.index(after: cursor)
                    } else {
                        escape = nil
                    }
                } else {
                    escape = nil
                }
            default: escape = nil
            }
            if let escape {
                // Both ends sit on scalar boundaries: the run is whole scalars.
                if runStart != index { output.append(contentsOf: Substring(scalars[runStart..<index])) }
                output += escape
                runStart = next
            }
            index = next
        }
        if runStart != utf8.endIndex { output.append(contentsOf: Substring(scalars[runStart..<utf8.endIndex])) }
        output += "\""
    }
}

extension Story {
    /// The story as SPEC §4 shapes it: snake_case keys, principles as slugs.
    public var json: JSONValue { .object(jsonMembers) }

    public var jsonMembers: [JSONValue.Member] {
        [
            .init("id", .int(id)),
            .init("title", .string(title)),
            .init("situation", .string(situation)),
            .init("task", .string(task)),
            .init("action", .string(action)),
            .init("result", .string(result)),
            .init("learnings", .string(learnings)),
            .init("outcome", .string(outcome.rawValue)),
            .init("company", .string(company)),
            .init("role", .string(role)),
            .init("when", .string(when?.text)),
            .init("created_at", .string(createdAt)),
            .init("updated_at", .string(updatedAt)),
            .init("principles", .array(principles.map(JSONValue.string))),
        ]
    }
}

extension SearchHit {
    /// A story object plus `rank`, `score` and a plain-text `snippet`.
    public var json: JSONValue {
        .object(story.jsonMembers + [
            .init("rank", .int(rank)),
            .init("score", .double((score * 1000).rounded() / 1000)),
            .init("snippet", .string(plainSnippet)),
        ])
    }
}

extension PrincipleUsage {
    /// `slug`, `name`, `number`, `framework`, `summary`, `stories`.
    public var json: JSONValue {
        .object([
            .init("slug", .string(principle.slug)),
            .init("name", .string(principle.name)),
            .init("number", .int(principle.position)),
            .init("framework", .string(principle.framework)),
            .init("summary", .string(principle.summary)),
            .init("stories", .int(stories)),
        ])
    }
}
