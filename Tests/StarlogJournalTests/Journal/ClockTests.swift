import StarlogJournal
import Testing

@Suite("Local days and the clock")
struct ClockTests {
    // 2026-12-02T02:00:00Z: 18:00 on 1 December in Los Angeles (UTC-8),
    // 11:00 on 2 December in Tokyo (UTC+9).
    static let evening: Int64 = Timestamp.parse("2026-12-02T02:00:00Z")!
    static let losAngeles = -8 * 3600
    static let tokyo = 9 * 3600

    @Test("today is the local calendar day, not the UTC one")
    func today() {
        #expect(JournalClock.fixed(Self.evening, utcOffset: Self.losAngeles).today.text == "2026-12-01")
        #expect(JournalClock.fixed(Self.evening, utcOffset: Self.tokyo).today.text == "2026-12-02")
        #expect(JournalClock.fixed(Self.evening).today.text == "2026-12-02")
        // Early morning east of UTC is already the next day there.
        let early = Timestamp.parse("2026-12-01T16:30:00Z")! // 01:30 on the 2nd in Tokyo
        #expect(JournalClock.fixed(early, utcOffset: Self.tokyo).today.text == "2026-12-02")
        #expect(JournalClock.fixed(early).today.text == "2026-12-01")
    }

    @Test("LocalDay parses only real YYYY-MM-DD days and does day arithmetic")
    func localDay() throws {
        let day = try #require(LocalDay("2024-02-28"))
        #expect((day + 1).text == "2024-02-29")
        #expect((day + 2).text == "2024-03-01")
        #expect((day - 59).text == "2023-12-31")
        #expect(LocalDay("2025-01-01")! - day == 308)
        #expect(day < day + 1)
        for bad in ["2024-02-30", "2024-2-28", "2024-02-28T00:00:00Z", "", "20240228", "2024-13-01"] {
            #expect(LocalDay(bad) == nil, "\(bad)")
        }
        #expect(LocalDay("1969-12-31")!.number == -1)
    }

    @Test("a local day starts at local midnight; wall-clock times are read in the zone")
    func moments() {
        let la = JournalClock.fixed(Self.evening, utcOffset: Self.losAngeles)
        #expect(Timestamp.format(la.start(of: LocalDay("2026-12-01")!)) == "2026-12-01T08:00:00Z")
        #expect(la.moment("2026-12-01 18:00").map(Timestamp.format) == "2026-12-02T02:00:00Z")
        #expect(la.moment("2026-12-01T18:00:30").map(Timestamp.format) == "2026-12-02T02:00:30Z")
        #expect(la.moment("2026-12-01T18:00:00Z").map(Timestamp.format) == "2026-12-01T18:00:00Z")
        #expect(la.moment("2026-12-01") == la.start(of: LocalDay("2026-12-01")!))
        #expect(la.moment("yesterday") == nil && la.moment("2026-12-01 25:00") == nil)
        #expect(la.localTime(Self.evening) == "2026-12-01 18:00")
        #expect(la.zoneName(at: Self.evening) == "UTC-08:00")
        let tokyo = JournalClock.fixed(Self.evening, utcOffset: Self.tokyo)
        #expect(Timestamp.format(tokyo.start(of: LocalDay("2026-12-02")!)) == "2026-12-01T15:00:00Z")
        #expect(tokyo.localTime(Self.evening) == "2026-12-02 11:00")
    }

    @Test("a zone whose offset changes (daylight saving) still maps days to their first moment")
    func daylightSaving() {
        // A made-up zone: UTC-5 before 2026-03-08T07:00:00Z, UTC-4 after.
        let change = Timestamp.parse("2026-03-08T07:00:00Z")!
        let clock = JournalClock(now: { change }, utcOffset: { $0 < change ? -5 * 3600 : -4 * 3600 })
        #expect(Timestamp.format(clock.start(of: LocalDay("2026-03-08")!)) == "2026-03-08T05:00:00Z")
        #expect(Timestamp.format(clock.start(of: LocalDay("2026-03-09")!)) == "2026-03-09T04:00:00Z")
        #expect(clock.day(of: change - 1).text == "2026-03-08" && clock.day(of: change).text == "2026-03-08")
    }

    @Test("a clock outside 1970 to 9999 is refused when the journal opens for writing, not for reading")
    func clockRange() throws {
        let year10000 = Timestamp.latest + 1
        #expect(Timestamp.format(year10000).hasPrefix("10000-"))
        #expect(throws: JournalError.self) { try JournalClock.fixed(year10000).checked() }
        #expect(throws: JournalError.self) { try JournalClock.fixed(-1).checked() }
        _ = try JournalClock.fixed(Timestamp.latest).checked()
        let test = try TestJournal()
        #expect(throws: JournalError.self) { try Journal.open(at: test.path, clock: .fixed(year10000)) }
        #expect(try Journal.openForReading(at: test.path, clock: .fixed(year10000)).stories.list().isEmpty)
    }

    @Test("STARLOG_NOW stops the clock; unset or empty it is the wall clock")
    func environment() {
        let fixed = JournalClock.fromEnvironment { $0 == "STARLOG_NOW" ? "2026-12-02T02:00:00Z" : nil }
        #expect(fixed.now() == Self.evening)
        let wall = JournalClock.fromEnvironment { _ in nil }
        #expect(abs(wall.now() - JournalClock.system.now()) < 5)
        #expect(abs(JournalClock.fromEnvironment { _ in "" }.now() - JournalClock.system.now()) < 5)
    }
}
