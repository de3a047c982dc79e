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
