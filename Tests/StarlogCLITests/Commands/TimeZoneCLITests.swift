import Foundation
import Testing

/// Every day a user types or reads is a day in their own time zone. Each
/// case stops the clock with STARLOG_NOW and sets TZ as a POSIX rule (so no
/// tz database is needed): west of UTC late in the evening, east of UTC
/// early in the morning, and UTC.
@Suite("Days and times in the user's time zone, end to end")
struct TimeZoneCLITests {
    struct Case: CustomTestStringConvertible, Sendable {
        let tz: String
        let now: String
        /// The local day at `now`.
        let today: String
        /// `today` at 00:30 local, in UTC.
        let halfPastMidnightUTC: String
        /// `now` on the local wall clock.
        let localNow: String
        var testDescription: String { "TZ=\(tz) at \(now)" }
        /// The variables that put a run in this zone at this moment.
        var environment: [String: String] { ["TZ": tz, "STARLOG_NOW": now] }
    }

    static let cases = [
        // 18:00 on 1 December in Los Angeles; UTC is already on the 2nd.
        Case(tz: "PST8PDT,M3.2.0,M11.1.0", now: "2026-12-02T02:00:00Z", today: "2026-12-01", halfPastMidnightUTC: "2026-12-01T08:30:00Z", localNow: "2026-12-01 18:00"),
        // 01:30 on 2 December in Tokyo; UTC is still on the 1st.
        Case(tz: "JST-9", now: "2026-12-01T16:30:00Z", today: "2026-12-02", halfPastMidnightUTC: "2026-12-01T15:30:00Z", localNow: "2026-12-02 01:30"),
        Case(tz: "UTC0", now: "2026-12-01T12:00:00Z", today: "2026-12-01", halfPastMidnightUTC: "2026-12-01T00:30:00Z", localNow: "2026-12-01 12:00"),
    ]

    static func day(_ text: String, plus days: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let formatter = DateFormatter()
        formatter.calendar = calendar
        formatter.timeZone = calendar.timeZone
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: calendar.date(byAdding: .day, value: days, to: formatter.date(from: text)!)!)
    }

    @Test("interview add --date: today is accepted, yesterday refused naming the local today", arguments: cases)
    func interviewDate(_ c: Case) throws {
        let cli = try CLIHarness()
        let env = c.environment
        let yesterday = Self.day(c.today, plus: -1)
        let refused = try cli.run(["interview", "add", "--company", "Acme", "--date", yesterday], environment: env)
        CLIHarness.expectOneLineError(refused, code: 64, containing: "\(yesterday) is in the past (today is \(c.today))")
        let added = try cli.run(["interview", "add", "--company", "Acme", "--date", c.today], environment: env)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("on \(c.today), today"), "\(added.stdout)")
        let later = try cli.run(["interview", "add", "--company", "Later", "--date", Self.day(c.today, plus: 10), "--json"], environment: env)
        let object = try #require(later.json() as? [String: Any])
        #expect(object["days_left"] as? Int == 10)
        let list = try cli.run(["interview", "list"], environment: env)
        let rows = list.stdout.split(separator: "\n").map(String.init)
        #expect(rows.contains { $0.contains(c.today) && $0.contains("today") && $0.contains("Acme") }, "\(list.stdout)")
        #expect(rows.contains { $0.contains("in 10 days") && $0.contains("Later") }, "\(list.stdout)")
        let coverage = try cli.run(["coverage", "--interview", "2"], environment: env)
        #expect(coverage.stdout.contains("10 days left"), "\(coverage.stdout)")
    }

    @Test("lint's stale-story rule counts five years back from the local today", arguments: cases)
    func lintStale(_ c: Case) throws {
        let cli = try CLIHarness()
        let env = c.environment
        let year = Int(c.today.prefix(4))! - 5
        let fiveYearsAgo = String(year) + c.today.dropFirst(4)
        let dayBefore = Self.day(fiveYearsAgo, plus: -1)
        #expect(try cli.run(["add", "--title", "Exactly five years", "--when", fiveYearsAgo], environment: env).status == 0)
        #expect(try cli.run(["add", "--title", "A day more", "--when", dayBefore], environment: env).status == 0)
        let edge = try cli.run(["lint", "1", "--json"], environment: env)
        #expect(edge.status == 0 && !edge.stdout.contains("stale-story"), "\(edge.stdout) \(edge.stderr)")
        let older = try cli.run(["lint", "2", "--json"], environment: env)
        #expect(older.stdout.contains("stale-story"), "\(older.stdout) \(older.stderr)")
    }

    @Test("practice log --at takes local times; history, show and coverage show local times and days", arguments: cases)
    func practiceTimes(_ c: Case) throws {
        let cli = try CLIHarness()
        let env = c.environment
        let logged = try cli.run(["practice", "log", "--question-text", "Q", "--principle", "ownership", "--rating", "3", "--at", "\(c.today) 00:30", "--json"], environment: env)
        #expect(logged.status == 0, "\(logged.stderr)")
        let attempt = try #require(logged.json() as? [String: Any])
        #expect(attempt["practiced_at"] as? String == c.halfPastMidnightUTC)
        let bare = try cli.run(["practice", "log", "--question-text", "Q", "--principle", "ownership", "--rating", "4", "--at", c.today, "--json"], environment: env)
        #expect(bare.status == 0, "\(bare.stderr)")
        let tomorrow = try cli.run(["practice", "log", "--question-text", "Q", "--principle", "ownership", "--rating", "4", "--at", Self.day(c.today, plus: 1)], environment: env)
        CLIHarness.expectOneLineError(tomorrow, code: 64, containing: "in the future")
        let story = try cli.run(["add", "--title", "Kept the launch", "--principle", "ownership"], environment: env)
        #expect(story.status == 0, "\(story.stderr)")
        let show = try cli.run(["show", "1"], environment: env)
        #expect(show.stdout.contains("added \(c.localNow), updated \(c.localNow) (local time)"), "\(show.stdout)")
        let told = try cli.run(["practice", "log", "--question-text", "Q", "--story", "1", "--rating", "5", "--at", "\(c.today) 00:30"], environment: env)
        #expect(told.status == 0, "\(told.stderr)")
        let coverage = try cli.run(["coverage"], environment: env)
        let ownership = coverage.stdout.split(separator: "\n").first { $0.contains("Ownership") }.map(String.init) ?? ""
        #expect(ownership.contains(c.today), "\(coverage.stdout)")
        let history = try cli.run(["practice", "history"], environment: env)
        #expect(history.stdout.hasPrefix("ID  LOCAL TIME"), "\(history.stdout)")
        #expect(history.stdout.contains("\(c.today) 00:30"), "\(history.stdout)")
        #expect(history.stdout.contains("\(c.today) 00:00"), "\(history.stdout)")
    }
}
