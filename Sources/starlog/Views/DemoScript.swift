import StarlogJournal

/// What `starlog demo` shows: a sample journal written, then the commands a
/// new user would try, each with its output.
enum DemoScript {
    static func play(at path: String, kept: Bool) throws {
        let journal = try Journal.open(at: path, clock: JournalOptions.clock)
        let db = "--db " + path
        func command(_ text: String) {
            Terminal.line()
            Terminal.line(Style.bold.apply("$ starlog " + text))
        }
        Terminal.line(Style.dim.apply(kept
            ? "A sample journal at \(path) (your own journal is not touched)."
            : "A sample journal in a temporary folder, deleted at the end (your own journal is not touched)."))
        Terminal.line()
        var ids: [Int64] = []
        for draft in SampleStories.all {
            let story = try journal.stories.add(draft)
            ids.append(story.id)
            Terminal.line(Style.bold.apply("$ starlog add --title \"\(draft.title)\" \(draft.principles.map { "--principle \($0)" }.joined(separator: " ")) …"))
            Terminal.line(String(story.id))
        }
        for query in ["latency", "\"deploy pipeline\"", "result:cost"] {
            command("search '\(query)'")
            let hits = try journal.search.search(SearchQuery(query), limit: 3)
            Terminal.line(hits.map(StoryView.hit).joined(separator: "\n"))
        }
        command("principles   (the first five)")
        let usage = try journal.principles.usage().prefix(5)
        Terminal.line(Render.table(
            header: ["#", "PRINCIPLE", "SLUG", "STORIES"],
            rows: usage.map { [$0.principle.position.map { String($0) } ?? "-", $0.principle.name, $0.principle.slug, String($0.stories)] },
            rightAligned: [0, 3]))

        if let first = ids.first {
            command("practice log --story \(first) --principle deliver-results --duration 2:30 --rating 4 --notes \"lead with the number\"")
            let attempt = try journal.practice.record(
                AttemptDraft(questionID: nil, questionText: "Tell me about a time you delivered under pressure.",
                             principle: "deliver-results", storyID: first, duration: 150, rating: 4,
                             notes: "lead with the number", practicedAt: nil),
                session: nil)
            Terminal.line("Recorded attempt \(attempt.id) (session \(attempt.sessionID)): " + PracticeView.summary(attempt))
        }

        command("coverage")
        Terminal.line(CoverageView.grid(try journal.coverage.report(principles: [])))

        command("lint \(ids.prefix(2).map(String.init).joined(separator: " "))")
        Terminal.line(LintView.text(try journal.lint.report(ids: Array(ids.prefix(2)))))

        command("plan --principle ownership --principle dive-deep --principle earn-trust")
        Terminal.line(PlanView.text(try journal.planner.plan(principles: ["ownership", "dive-deep", "earn-trust"], backups: 0)))

        Terminal.line()
        if kept {
            Terminal.line("Explore it:  starlog list \(db)")
        } else {
            Terminal.line("To keep the sample journal and explore it: starlog demo --keep")
        }
        Terminal.line((kept ? "See it at a glance: starlog report \(db)" : "See yours at a glance: starlog report") + " --open   (an HTML page; --sheet for the one-page cheat sheet)")
        Terminal.line("Start yours: starlog add --title \"...\"   (see starlog add --help)")
    }
}
