#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A calendar day in the user's time zone (or any single zone): what
/// "today", an interview's date and "in 3 days" are made of.
public struct LocalDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let number: Int64

    public init(number: Int64) {
        self.number = number
    }

    /// Parses `YYYY-MM-DD`; nil for anything else or a day that does not exist.
    public init?(_ text: String) {
        guard text.utf8.count == 10, let seconds = Timestamp.parse(text) else { return nil }
        number = Timestamp.floorDiv(seconds, 86_400)
    }

    /// `YYYY-MM-DD`.
    public var text: String { String(Timestamp.format(number * 86_400).prefix(10)) }
    public var description: String { text }

    public static func < (lhs: LocalDay, rhs: LocalDay) -> Bool { lhs.number < rhs.number }
    public static func + (day: LocalDay, days: Int) -> LocalDay { LocalDay(number: day.number + Int64(days)) }
    public static func - (day: LocalDay, days: Int) -> LocalDay { LocalDay(number: day.number - Int64(days)) }
    /// Whole days from `rhs` to `lhs`.
    public static func - (lhs: LocalDay, rhs: LocalDay) -> Int { Int(lhs.number - rhs.number) }
}
