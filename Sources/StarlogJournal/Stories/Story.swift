/// How a story ended.
public enum Outcome: String, CaseIterable, Sendable {
    case success, failure, mixed

    /// Reads `success`, `failure` or `mixed` in any case.
    public static func parse(_ text: String) throws -> Outcome {
        guard let outcome = Outcome(rawValue: text.trimmed.lowercased()) else {
            throw JournalError.invalidInput("\(Excerpt.quoted(text)) is not an outcome; use success, failure or mixed")
        }
        return outcome
    }
}

/// When a story happened: a year, a month or a day, with no time zone.
public struct StoryDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public let text: String

    /// Accepts `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real date.
    public init?(_ text: String) {
        // Read on bytes: every story read from the journal passes here, and
        // splitting into Substrings cost 8% of an export.
        var text = text
        if let first = text.utf8.first, let last = text.utf8.last, !(first.isDigit && last.isDigit) {
            text = text.trimmed
        }
        let valid = text.utf8.withContiguousStorageIfAvailable(StoryDate.isValid) ?? StoryDate.isValid(Array(text.utf8))
        guard valid else { return nil }
        self.text = text
    }

    /// True for the bytes of `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real date.
    private static func isValid<Bytes: RandomAccessCollection>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8, Bytes.Index == Int {
        let start = bytes.startIndex
        func number(_ offset: Int, _ length: Int) -> Int? {
            var value = 0
            for index in start + offset..<start + offset + length {
                guard bytes[index].isDigit else { return nil }
                value = value * 10 + Int(bytes[index] - 0x30)
            }
            return value
        }
        guard bytes.count == 4 || bytes.count == 7 || bytes.count == 10,
              let year = number(0, 4), year >= 1 else { return false }
        guard bytes.count > 4 else { return true }
        guard bytes[start + 4] == UInt8(ascii: "-"), let month = number(5, 2), (1...12).contains(month) else { return false }
        guard bytes.count > 7 else { return true }
        guard bytes[start + 7] == UInt8(ascii: "-"), let day = number(8, 2) else { return false }
        return (1...StoryDate.daysIn(month: month, year: year)).contains(day)
    }

    /// Parses a date a user typed, or says what form it must take.
    public static func parse(_ text: String) throws -> StoryDate {
        guard let date = StoryDate(text) else {
            throw JournalError.invalidInput("\(Excerpt.quoted(text)) is not a date; write YYYY, YYYY-MM or YYYY-MM-DD (for example 2024-03)")
        }
        return date
    }

    /// The year the story happened.
    public var year: Int { Int(text.prefix(4)) ?? 0 }

    public var description: String { text }

    public static func < (lhs: StoryDate, rhs: StoryDate) -> Bool { lhs.text < rhs.text }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = StoryDate(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(Excerpt.quoted(text)) is not a YYYY, YYYY-MM or YYYY-MM-DD date"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// A career story in STAR form, with the principles it shows.
public struct Story: Sendable, Equatable, Identifiable {
    public let id: Int64
    public var title: String
    public var situation: String
    public var task: String
    public var action: String
    public var result: String
    public var learnings: String
    public var outcome: Outcome
    public var company: String?
    public var role: String?
    public var when: StoryDate?
    /// UTC, ISO 8601.
    public var createdAt: String
    /// UTC, ISO 8601.
    public var updatedAt: String
    /// Slugs of the story's principles, in framework order.
    public var principles: [String]

    public init(
        id: Int64, title: String, situation: String = "", task: String = "", action: String = "",
        result: String = "", learnings: String = "", outcome: Outcome = .success,
        company: String? = nil, role: String? = nil, when: StoryDate? = nil,
        createdAt: String, updatedAt: String, principles: [String] = []
    ) {
        self.id = id
        self.title = title
        self.situation = situation
        self.task = task
        self.action = action
        self.result = result
        self.learnings = learnings
        self.outcome = outcome
        self.company = company
        self.role = role
        self.when = when
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.principles = principles
    }

    /// The STAR sections and learnings with their names, in telling order.
    public var sections: [(name: StorySection, text: String)] {
        [(.situation, situation), (.task, task), (.action, action), (.result, result), (.learnings, learnings)]
    }
}

/// A searchable text field of a story; also the names `section:` filters accept.
public enum StorySection: String, CaseIterable, Sendable {
    case title, situation, task, action, result, learnings

    /// The name as a heading: "Situation".
    public var label: String {
        switch self {
        case .title: return "Title"
        case .situation: return "Situation"
        case .task: return "Task"
        case .action: return "Action"
        case .result: return "Result"
        case .learnings: return "Learnings"
        }
    }
}

/// What a new story is made of. Principles are given as a user types them
/// (slug, name or number) and resolved when it is saved.
public struct StoryDraft: Sendable, Equatable {
    public var title: String
    public var situation = ""
    public var task = ""
    public var action = ""
    public var result = ""
    public var learnings = ""
    public var outcome = Outcome.success
    public var company: String?
    public var role: String?
    public var when: StoryDate?
    public var principles: [String] = []

    public init(title: String) {
        self.title = title
    }
}

/// Changes to a story: nil leaves a field as it is. For the optional fields
/// an empty string clears them.
public struct StoryPatch: Sendable, Equatable {
    public var title: String?
    public var situation: String?
    public var task: String?
    public var action: String?
    public var result: String?
    public var learnings: String?
    public var outcome: Outcome?
    public var company: String?
    public var role: String?
    public var when: String?
    /// Replaces the story's principles when set.
    public var principles: [String]?

    public init() {}

    /// True when the patch changes nothing.
    public var isEmpty: Bool { self == StoryPatch() }
}

extension StringProtocol {
    var trimmed: String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
        while start < end {
            let before = scalars.index(before: end)
            guard scalars[before].properties.isWhitespace else { break }
            end = before
        }
        if start == scalars.startIndex && end == scalars.endIndex { return String(self) }
        // Scalar boundaries, so the UTF-8 slice is whole scalars (a String
        // slice would round to Character boundaries; rebuilding a
        // UnicodeScalarView took 0.3 M instructions a call).
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension UInt8 {
    /// An ASCII digit.
    var isDigit: Bool { self >= 0x30 && self <= 0x39 }
}
