import Foundation
import StarlogJournal
import Testing

@Suite("Coverage command, end to end")
struct CoverageCommandTests {
    func report(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Two stories for Earn Trust (one rehearsed well), one for Dive Deep.
    func seeded() throws -> CLIHarness {
        let cli = try CLIHarness()
        try cli.ok(["add", "--title", "Told the VP the launch would slip", "--result", "Slipped two weeks", "--principle", "earn-trust"])
        try cli.ok(["add", "--title", "Rebuilt trust with payments", "--result", "Weekly syncs", "--outcome", "mixed", "--principle", "11"])
        try cli.ok(["add", "--title", "Found the double-counted metric", "--result", "Fixed the dashboard", "--principle", "dive-deep"])
        try cli.ok(["practice", "log", "--question-text", "Bad news?", "--story", "1", "--rating", "4", "--duration", "120"])
        try cli.ok(["practice", "log", "--question-text", "Bad news?", "--story", "2", "--rating", "2"])
        return cli
    }

    @Test("--json: principles with every key, ready count, gaps as slugs, warnings")
    func json() throws {
        let cli = try seeded()
        let object = try report(try cli.ok(["coverage", "--json"]))
        #expect(Set(object.keys) == ["principles", "ready", "gaps", "warnings", "framework"])
        let principles = try #require(object["principles"] as? [[String: Any]])
        #expect(principles.count == 16)
        for line in principles {
            #expect(Set(line.keys) == ["slug", "name", "stories", "best_story", "attempts", "last_practiced", "mean_rating", "status"])
        }
        let trust = try #require(principles.first { $0["slug"] as? String == "earn-trust" })
        #expect(trust["status"] as? String == "ready")
        #expect(trust["stories"] as? Int == 2)
        #expect(trust["attempts"] as? Int == 2)
        #expect(trust["mean_rating"] as? Double == 3)
        #expect((trust["last_practiced"] as? String)?.hasSuffix("Z") == true)
        let best = try #require(trust["best_story"] as? [String: Any])
        #expect(best["id"] as? Int == 1 && best["title"] as? String == "Told the VP the launch would slip")
        let dive = try #require(principles.first { $0["slug"] as? String == "dive-deep" })
        #expect(dive["status"] as? String == "thin")
        #expect(dive["last_practiced"] is NSNull && dive["mean_rating"] is NSNull)
        let frugality = try #require(principles.first { $0["slug"] as? String == "frugality" })
        #expect(frugality["status"] as? String == "gap" && frugality["best_story"] is NSNull)
        #expect(object["ready"] as? [String] == ["earn-trust"])
        #expect((object["gaps"] as? [String])?.count == 14)
        #expect((object["gaps"] as? [String])?.contains("frugality") == true)
        #expect(object["warnings"] is [String])
    }

    @Test("the terminal view: summary above, one row per principle, warnings below, no colour off a terminal")
    func grid() throws {
        let cli = try seeded()
        try cli.ok(["add", "--title", "No result yet", "--principle", "dive-deep"])
        let text = try cli.ok(["coverage"])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Coverage (amazon): 1 of 16 principles ready, 1 unpractised, 14 gap")
        #expect(lines[1].hasPrefix("Gaps: Customer Obsession, Ownership,"))
        #expect(!text.contains("\u{1B}["), "no colour when stdout is not a terminal")
        let header = try #require(lines.firstIndex { $0.hasPrefix(" #  PRINCIPLE") })
        let rows = lines[(header + 1)...].prefix { !$0.isEmpty }
        #expect(rows.count == 16)
        let trust = try #require(rows.first { $0.contains("Earn Trust") })
        #expect(trust.hasPrefix("11  Earn Trust"))
        #expect(trust.contains("ready") && trust.contains("#1 Told the VP"))
        #expect(rows.first { $0.contains("Frugality") }?.contains("gap") == true)
        let warnings = try #require(lines.firstIndex(of: "Warnings"))
        #expect(warnings > header + 16)
        #expect(lines[warnings + 1] == "  ! 1 story has no Result (#4); an answer without an outcome leaves the interviewer guessing, so fill it in with `starlog edit ID --result \"...\"`.")
    }

    @Test("--principle narrows the report; --markdown prints a pasteable table")
    func scopeAndMarkdown() throws {
        let cli = try seeded()
        let scoped = try report(try cli.ok(["coverage", "--principle", "dive-deep", "--principle", "Earn Trust", "--json"]))
        let slugs = (scoped["principles"] as? [[String: Any]])?.compactMap { $0["slug"] as? String }
        #expect(slugs == ["dive-deep", "earn-trust"])
        #expect((scoped["gaps"] as? [String]) == [])

        let markdown = try cli.ok(["coverage", "--principle", "11", "--principle", "12", "--principle", "frugality", "--markdown"])
        let lines = markdown.split(separator: "\n").map(String.init)
        #expect(lines[0] == "**Coverage (amazon):** 1 of 3 principles ready, 1 thin, 1 gap.")
        #expect(lines.contains("**Gaps:** Frugality"))
        #expect(lines.contains("| # | Principle | Status | Stories | Best story | Attempts | Mean rating | Last practised |"))
        #expect(lines.contains("| ---: | --- | --- | ---: | --- | ---: | ---: | --- |"))
        #expect(lines.contains { $0.hasPrefix("| 11 | Earn Trust | ready | 2 | #1 Told the VP the launch would slip | 2 | 3.0 | ") })
        #expect(lines.contains("| 10 | Frugality | gap | 0 | - | 0 | - | - |"))
        #expect(!markdown.contains("\u{1B}["))

        CLIHarness.expectOneLineError(try cli.run(["coverage", "--json", "--markdown"]), code: 64, containing: "cannot be used together")
        CLIHarness.expectOneLineError(try cli.run(["coverage", "--principle", "dive-deeep"]), code: 64, containing: "did you mean 'dive-deep'")
    }

    @Test("--strict exits 1 with one line when a principle in scope is a gap, 0 when none is")
    func strict() throws {
        let cli = try seeded()
        let failing = try cli.run(["coverage", "--strict", "--principle", "11", "--principle", "frugality", "--json"])
        CLIHarness.expectOneLineError(failing, code: 1, containing: "Frugality")
        let object = try report(failing.stdout)
        #expect(object["gaps"] as? [String] == ["frugality"], "the report is still printed")

        let passing = try cli.run(["coverage", "--strict", "--principle", "11", "--principle", "dive-deep"])
        #expect(passing.status == 0)
        #expect(passing.stderr.isEmpty)
        #expect(try cli.run(["coverage", "--strict"]).status == 1)
    }

    @Test("warnings: no setback story, a story with more than three principles")
    func warnings() throws {
        let cli = try CLIHarness()
        try cli.ok(["init"])
        let empty = try report(try cli.ok(["coverage", "--json"]))
        #expect((empty["warnings"] as? [String])?.first?.contains("no stories yet") == true)

        try cli.ok(["add", "--title", "All of it", "--result", "r", "--principle", "1", "--principle", "2",
                    "--principle", "3", "--principle", "4", "--principle", "5"])
        var warnings = try #require(try report(try cli.ok(["coverage", "--json"]))["warnings"] as? [String])
        #expect(warnings.contains { $0.hasPrefix("No story ends in failure or a mixed result") })
        #expect(warnings.contains { $0.hasPrefix("Story #1 \"All of it\" is tagged with 5 principles") })

        try cli.ok(["add", "--title", "The one that failed", "--result", "r", "--outcome", "failure"])
        try cli.ok(["untag", "1", "4", "5"])
        warnings = try #require(try report(try cli.ok(["coverage", "--json"]))["warnings"] as? [String])
        #expect(!warnings.contains { $0.contains("failure or a mixed") })
        #expect(!warnings.contains { $0.contains("is tagged with") })
        let text = try cli.ok(["coverage"])
        #expect(text.contains("Warnings\n  ! "))
    }

    /// POSIX zone strings (no tz database needed) across the world's offsets,
    /// with the local day that `STARLOG_NOW=2026-12-01T12:00:00Z` falls on.
    static let zones: [(tz: String, today: String)] = [
        ("UTC0", "2026-12-01"), ("PST8", "2026-12-01"), ("IST-5:30", "2026-12-01"),
        ("KIR-14", "2026-12-02"), ("SST11", "2026-12-01"), ("NZST-12NZDT,M9.5.0,M4.1.0/3", "2026-12-02"),
    ]

    @Test("the 30-day window counts local calendar days and prints the first day that counts, in several time zones",
          arguments: zones)
    func windowInLocalDays(zone: (tz: String, today: String)) throws {
        let environment = ["STARLOG_NOW": "2026-12-01T12:00:00Z", "TZ": zone.tz]
        let today = try #require(LocalDay(zone.today))
        let first = today - 30
        func status(attemptAt time: String) throws -> (status: String, printed: String) {
            let cli = try CLIHarness()
            try cli.ok(["add", "--title", "One", "--principle", "earn-trust"], environment: environment)
            try cli.ok(["add", "--title", "Two", "--principle", "earn-trust"], environment: environment)
            try cli.ok(["practice", "log", "--question-text", "Q", "--story", "1", "--rating", "5", "--at", time], environment: environment)
            let object = try report(try cli.ok(["coverage", "--json", "--principle", "earn-trust"], environment: environment))
            let line = try #require((object["principles"] as? [[String: Any]])?.first)
            let text = try cli.ok(["coverage", "--principle", "earn-trust"], environment: environment)
            return (line["status"] as? String ?? "", text)
        }
        // The first local minute of the first day counts, and the report names that day.
        let inside = try status(attemptAt: "\(first.text) 00:00")
        #expect(inside.status == "ready", "\(zone.tz): an attempt on \(first.text), 30 days before \(zone.today)")
        #expect(inside.printed.contains("since \(first.text)."), "\(zone.tz)")
        // The last local minute of the day before does not.
        let outside = try status(attemptAt: "\((first - 1).text) 23:59")
        #expect(outside.status == "unpractised", "\(zone.tz): an attempt on \((first - 1).text)")
    }
}
