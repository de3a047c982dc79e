#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The journal's source of "now" and of the user's local calendar,
/// injectable so tests can move time and the time zone.
///
/// Stored timestamps are UTC. Every day a user types or reads ("today",
/// "in 3 days", an interview's date, a practice time) is a `LocalDay` in the
/// clock's time zone, which for `system` is the process's `TZ`.
public struct JournalClock: Sendable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let now: @Sendable () -> Int64
    /// Seconds east of UTC of the local time zone at a moment.
    public let utcOffset: @Sendable (Int64) -> Int

    /// A clock reading `now`, in the zone `utcOffset` describes (UTC unless given).
    public init(now: @escaping @Sendable () -> Int64, utcOffset: @escaping @Sendable (Int64) -> Int = { _ in 0 }) {
        self.now = now
        self.utcOffset = utcOffset
    }

    /// The system's wall clock in the process's time zone (`TZ`).
    public static let system = JournalClock(now: { Int64(time(nil)) }, utcOffset: localOffset)

    /// A clock stopped at `seconds`, in UTC or at a fixed offset east of UTC.
    public static func fixed(_ seconds: Int64, utcOffset offset: Int = 0) -> JournalClock {
        JournalClock(now: { seconds }, utcOffset: { _ in offset })
    }

    /// The system clock, or, when the environment sets `STARLOG_NOW` to a
    /// UTC time (`2026-12-01T18:00:00Z`) or to `@` and seconds since 1970
    /// (`@253402300800`, for moments a four-digit year cannot name), a clock
    /// stopped there in the process's time zone. Tests use it to fix "now";
    /// unset, it does nothing.
    public static func fromEnvironment(_ variable: (String) -> String?) -> JournalClock {
        guard let text = variable("STARLOG_NOW"), !text.isEmpty else { return system }
        guard let seconds = text.hasPrefix("@") ? Int64(text.dropFirst()) : Timestamp.parse(text) else { return system }
        return JournalClock(now: { seconds }, utcOffset: localOffset)
    }

    /// The offset of the process's time zone (`TZ`) at `seconds`.
    public static let localOffset: @Sendable (Int64) -> Int = { seconds in
        var value = time_t(seconds)
        var parts = tm()
        guard localtime_r(&value, &parts) != nil else { return 0 }
        return Int(parts.tm_gmtoff)
    }

    /// Now, as stored in the journal: `2026-11-22T04:44:40Z`.
    public func timestamp() -> String { Timestamp.format(now()) }

    /// The user's local calendar day now.
    public var today: LocalDay { day(of: now()) }

    /// The local calendar day that holds the moment `seconds`.
    public func day(of seconds: Int64) -> LocalDay {
        LocalDay(number: Timestamp.floorDiv(seconds + Int64(utcOffset(seconds)), 86_400))
    }

    /// The moment (UTC seconds) local midnight starts `day`; on a day whose
    /// midnight a daylight-saving change skips, the first moment of it.
    public func start(of day: LocalDay) -> Int64 {
        let midnightUTC = day.number * 86_400
        var guess = midnightUTC - Int64(utcOffset(midnightUTC))
        guess = midnightUTC - Int64(utcOffset(guess))
        while self.day(of: guess) < day { guess += 900 }
        while self.day(of: guess - 1) >= day { guess -= 900 }
        return guess
    }

    /// The moment a user means by `text`: a UTC time (`2026-12-01T18:00:00Z`),
    /// a local day (`2026-12-01`, its first moment), or a local wall-clock
    /// time (`2026-12-01 18:00` or `2026-12-01T18:00`, seconds optional).
    /// Nil when it is none of these.
    public func moment(_ text: String) -> Int64? {
        if text.hasSuffix("Z") || text.hasSuffix("z") {
            return Timestamp.parse(text.uppercased())
        }
        if let day = LocalDay(text) { return start(of: day) }
        let bytes = Array(text.utf8)
        guard bytes.count == 16 || bytes.count == 19, bytes[10] == 0x20 || bytes[10] == 0x54,
              let day = LocalDay(String(decoding: bytes[0..<10], as: UTF8.self))
        else { return nil }
        let clock = String(decoding: bytes[11...], as: UTF8.self) + (bytes.count == 16 ? ":00" : "")
        guard let wall = Timestamp.parse(day.text + "T" + clock + "Z") else { return nil }
        var guess = wall - Int64(utcOffset(wall))
        guess = wall - Int64(utcOffset(guess))
        return guess
    }

    /// The moment `seconds` on the local wall clock: `2026-12-01 18:05`.
    public func localTime(_ seconds: Int64) -> String {
        let local = seconds + Int64(utcOffset(seconds))
        let text = Timestamp.format(local)
        return String(text.prefix(10)) + " " + String(text.dropFirst(11).prefix(5))
    }

    /// The local zone's offset at `seconds` as `UTC-08:00` (`UTC` when zero).
    public func zoneName(at seconds: Int64) -> String {
        let offset = utcOffset(seconds)
        guard offset != 0 else { return "UTC" }
        let minutes = abs(offset) / 60
        return "UTC" + (offset < 0 ? "-" : "+") + Timestamp.pad(minutes / 60, 2) + ":" + Timestamp.pad(minutes % 60, 2)
    }

    /// Refuses a clock outside the times starlog records (see
    /// `Timestamp.clockRange`); checked before anything is written.
    public func checked() throws -> JournalClock {
        let seconds = now()
        guard Timestamp.clockRange.contains(seconds) else {
            throw JournalError.failed("the system clock reads \(Timestamp.format(seconds)), outside the times starlog stores (1970-01-01 to 9999-12-31 UTC), so nothing was written; set the system clock right and run the command again (reading and exporting the journal work meanwhile)")
        }
        return self
    }
}

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

/// UTC ISO 8601 timestamps, without Foundation.
///
/// starlog records times with four-digit years: a stored or imported
/// timestamp is between 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z, and
/// the clock must read between 1970-01-01 and 9999-12-31, so everything the
/// journal writes reads back and an export always imports.
public enum Timestamp {
    /// The last second starlog can write: 9999-12-31T23:59:59Z.
    public static let latest: Int64 = 253_402_300_799
    /// The moments the clock may read.
    public static let clockRange: ClosedRange<Int64> = 0...latest

    static func floorDiv(_ value: Int64, _ divisor: Int64) -> Int64 {
        value >= 0 ? value / divisor : (value - divisor + 1) / divisor
    }

    /// `seconds` since the epoch as `YYYY-MM-DDTHH:MM:SSZ`.
    public static func format(_ seconds: Int64) -> String {
        var value = time_t(seconds)
        var parts = tm()
        gmtime_r(&value, &parts)
        return pad(Int(parts.tm_year) + 1900, 4) + "-" + pad(Int(parts.tm_mon) + 1, 2) + "-" + pad(Int(parts.tm_mday), 2)
            + "T" + pad(Int(parts.tm_hour), 2) + ":" + pad(Int(parts.tm_min), 2) + ":" + pad(Int(parts.tm_sec), 2) + "Z"
    }

    /// Seconds since the epoch for a `YYYY-MM-DDTHH:MM:SSZ` timestamp (or
    /// just its date part, at midnight UTC); nil when it is not one.
    public static func parse(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        func number(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[start..<start + count] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard bytes.count >= 10, bytes[4] == 45, bytes[7] == 45,
              let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              (1...12).contains(month), (1...StoryDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var hour = 0, minute = 0, second = 0
        if bytes.count > 10 {
            guard bytes.count == 20, bytes[10] == 84, bytes[13] == 58, bytes[16] == 58, bytes[19] == 90,
                  let h = number(11, 2), let m = number(14, 2), let s = number(17, 2),
                  h < 24, m < 60, s < 61
            else { return nil }
            (hour, minute, second) = (h, m, s)
        }
        return daysFromCivil(year: year, month: month, day: day) * 86_400
            + Int64(hour * 3600 + minute * 60 + second)
    }

    /// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
