import StarlogJournal
import Testing

/// Every lint rule on a story that passes it and one that fails it.
@Suite("Lint rules")
struct LintRulesTests {
    static let today = "2026-06-01"

    /// A story that passes every rule: full STAR, "I" in the Action, a
    /// metric, about two and a half minutes aloud, recent, no filler.
    static func good(_ change: (inout Story) -> Void = { _ in }) -> Story {
        let sentence = "I traced the slow requests to a missing index and a chatty client library, and I fixed both in turn"
        var story = Story(
            id: 1, title: "Cut checkout latency",
            situation: "Checkout at the shop slowed down every evening and customers abandoned their carts during the busiest hours of the season. "
                + Array(repeating: "The support team logged complaints from customers across three countries every evening.", count: 4).joined(separator: " "),
            task: "As the engineer on call for payments I had to bring the slowest requests under one second before the holiday sale began.",
            action: Array(repeating: sentence + ".", count: 12).joined(separator: " "),
            result: "Latency at the 99th percentile fell from 2.4 seconds to 0.8 seconds and abandoned carts dropped by 12% within two weeks.",
            learnings: "Measure first, then change one thing at a time.",
            outcome: .success, when: StoryDate("2025-09"),
            createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-01T00:00:00Z")
        change(&story)
        return story
    }

    func findings(_ story: Story, rule: String) -> [LintFinding] {
        StoryLinter().lint(story, today: Self.today).findings.filter { $0.rule == rule }
    }

    @Test("the reference story passes every rule and scores 100")
    func clean() {
        let report = StoryLinter().lint(Self.good(), today: Self.today)
        #expect(report.findings.isEmpty, "\(report.findings.map(\.message))")
        #expect(report.score == 100)
    }

    @Test("missing-section: each empty STAR section is an error on its field")
    func missingSection() {
        #expect(findings(Self.good(), rule: "missing-section").isEmpty)
        let found = findings(Self.good { $0.task = "  "; $0.result = "" }, rule: "missing-section")
        #expect(found.map(\.field) == [.task, .result])
        #expect(found.allSatisfy { $0.severity == .error && !$0.suggestion.isEmpty && !$0.suggestion.contains("\n") })
    }

    @Test("fragment-section: under 8 words is a fragment, 8 is enough")
    func fragment() {
        #expect(findings(Self.good { $0.task = "one two three four five six seven eight" }, rule: "fragment-section").isEmpty)
        let found = findings(Self.good { $0.task = "one two three four five six seven" }, rule: "fragment-section")
        #expect(found.count == 1 && found[0].field == .task && found[0].message.contains("7 words"))
    }

    @Test("we-over-i: says the ratio when we/us/our outnumber I/me/my, from 2 we-words")
    func weOverI() {
        #expect(findings(Self.good { $0.action = "We planned it and I wrote the code and we shipped it; I measured it." }, rule: "we-over-i").isEmpty)
        #expect(findings(Self.good { $0.action = "We wrote it." }, rule: "we-over-i").isEmpty, "one we-word is not enough")
        let found = findings(Self.good { $0.action = "We planned it, we built it, our team shipped it, and I watched." }, rule: "we-over-i")
        #expect(found.count == 1 && found[0].field == .action)
        #expect(found[0].message.contains("3 to 1 (3.0:1)"), "\(found.first?.message ?? "")")
        #expect(found[0].severity == .warning)
    }

    @Test("result-without-metric: digits, %, currency and number words count; words alone do not")
    func metric() {
        for result in ["Cut costs by 30 percent.", "Saved $40k a year.", "Errors fell to 0.1%.", "Done in half the time.", "Twice as fast, within two weeks."] {
            #expect(findings(Self.good { $0.result = result }, rule: "result-without-metric").isEmpty, "\(result)")
        }
        let found = findings(Self.good { $0.result = "The customers were much happier and the team was proud of it." }, rule: "result-without-metric")
        #expect(found.count == 1 && found[0].field == .result)
    }

    @Test("speaking-time: 150 words a minute; under 1 minute or over 4 minutes is far from 2-3")
    func speakingTime() {
        // 150 words = 1:00, the edge that passes; 149 fails. 600 words = 4:00 passes; 601 fails.
        func story(words: Int) -> Story {
            Self.good {
                $0.situation = "Alpha bravo charlie delta echo foxtrot golf hotel."
                $0.task = "Alpha bravo charlie delta echo foxtrot golf hotel."
                $0.result = "Alpha bravo charlie delta echo foxtrot golf 12."
                $0.learnings = ""
                $0.action = Array(repeating: "word", count: words - 24).joined(separator: " ")
            }
        }
        #expect(findings(story(words: 150), rule: "speaking-time").isEmpty)
        #expect(findings(story(words: 600), rule: "speaking-time").isEmpty)
        let short = findings(story(words: 149), rule: "speaking-time")
        #expect(short.count == 1 && short[0].message.contains("under two minutes") && short[0].field == .story)
        let long = findings(story(words: 601), rule: "speaking-time")
        #expect(long.count == 1 && long[0].message.contains("over three minutes"))
        #expect(long[0].message.contains("4:00 min"), "601 words at 150 a minute round to 4:00: \(long[0].message)")
    }

    @Test("stale-story: more than 5 years before today, a year counting as its last day")
    func stale() {
        #expect(findings(Self.good { $0.when = StoryDate("2021-06-01") }, rule: "stale-story").isEmpty, "exactly 5 years")
        #expect(findings(Self.good { $0.when = StoryDate("2021") }, rule: "stale-story").isEmpty, "2021 runs to 2021-12-31")
        #expect(findings(Self.good { $0.when = nil }, rule: "stale-story").isEmpty, "no date, no finding")
        #expect(findings(Self.good { $0.when = StoryDate("2021-05-31") }, rule: "stale-story").count == 1)
        let found = findings(Self.good { $0.when = StoryDate("2020") }, rule: "stale-story")
        #expect(found.count == 1 && found[0].field == .when && found[0].severity == .info)
    }

    @Test("setback-without-learnings: failure and mixed need learnings; success does not")
    func setback() {
        #expect(findings(Self.good { $0.learnings = "" }, rule: "setback-without-learnings").isEmpty)
        #expect(findings(Self.good { $0.outcome = .failure }, rule: "setback-without-learnings").isEmpty)
        #expect(findings(Self.good { $0.outcome = .failure; $0.learnings = "" }, rule: "setback-without-learnings").count == 1)
        let found = findings(Self.good { $0.outcome = .mixed; $0.learnings = " " }, rule: "setback-without-learnings")
        #expect(found.count == 1 && found[0].field == .learnings)
    }

    @Test("filler-words: 3 or more fillers and hedges across the story; phrases count once")
    func filler() {
        #expect(findings(Self.good { $0.task = "I basically had to fix it, and I think it mattered to the team." }, rule: "filler-words").isEmpty, "two is fine")
        let found = findings(Self.good {
            $0.task = "I basically had to fix it, and I think it mattered, kind of."
            $0.result = "It was just 20% faster."
        }, rule: "filler-words")
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("4 filler or hedging words") == true, "\(found.first?.message ?? "")")
        #expect(found.first?.message.contains("\"kind of\"") == true)
    }

    @Test("the score is 100 minus the penalties, never below 0; most severe findings first")
    func score() {
        let empty = Story(id: 2, title: "Empty", createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-01T00:00:00Z")
        let report = StoryLinter().lint(empty, today: Self.today)
        #expect(report.findings.count == 4 && report.score == 20, "four missing sections at 20 points each")
        let worse = StoryLinter().lint(Self.good {
            $0.situation = ""; $0.task = ""; $0.action = ""; $0.result = ""; $0.outcome = .failure; $0.learnings = ""
            $0.when = StoryDate("2001")
        }, today: Self.today)
        // 4 x 20 (missing) + 10 (setback without learnings) + 5 (stale) = 95 points off.
        #expect(worse.score == 5)
        #expect(worse.findings.first?.severity == .error && worse.findings.last?.severity == .info)
        #expect(StoryLinter.score(report.findings + report.findings) == 0, "160 points off stops at 0")
    }

    @Test("every rule is listed once with a summary and a penalty")
    func table() {
        #expect(Set(LintRules.all.map(\.id)).count == LintRules.all.count)
        #expect(LintRules.all.count == 9)
        #expect(LintRules.all.allSatisfy { !$0.summary.isEmpty && $0.penalty > 0 })
    }
}
