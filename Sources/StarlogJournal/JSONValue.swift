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
    public func rendered(pretty: Bool = true) -> String {
        var output = ""
        write(to: &output, pretty: pretty, indent: 0)
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

    static func quote(_ text: String, into output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{2028}": output += "\\u2028"
            case "\u{2029}": output += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
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
