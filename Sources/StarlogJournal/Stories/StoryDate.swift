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
