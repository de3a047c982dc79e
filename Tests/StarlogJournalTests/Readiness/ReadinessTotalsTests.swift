import Foundation
import PropertyBased
@testable import StarlogJournal
import StarlogStorage
import Testing

/// The readiness totals the journal keeps on write (migration 9: per
/// principle in `principle`, per tagged pair in `story_principle_fit`) must
/// equal what a from-scratch pass over the tags, attempts and stories gives,
/// after any sequence of writes; and the best story read from them must be
/// the one the pair-by-pair ranking (`StoryFit.isBetter`) picks.
@Suite("Readiness totals kept on write")
struct ReadinessTotalsTests {
    // MARK: From scratch

    /// Per principle, from every tag and attempt: id, stories, attempts,
    /// rating sum, last practice, last good answer.
    static func principleTotalsFromScratch(_ database: Database) throws -> [String] {
        try database.rows("""
            SELECT p.id,
                   (SELECT count(*) FROM story_principle sp WHERE sp.principle_id = p.id),
                   (SELECT count(*) FROM practice_attempt a WHERE a.principle_id = p.id AND a.story_id IS NOT NULL),
                   (SELECT coalesce(sum(rating), 0) FROM practice_attempt a WHERE a.principle_id = p.id AND a.story_id IS NOT NULL),
                   (SELECT max(practiced_at) FROM practice_attempt a WHERE a.principle_id = p.id AND a.story_id IS NOT NULL),
                   (SELECT max(practiced_at) FROM practice_attempt a
                    WHERE a.principle_id = p.id AND a.story_id IS NOT NULL AND a.rating >= \(CoverageRepository.goodRating))
            FROM principle p ORDER BY p.id
            """) { row in (Int32(0)..<6).map { "\(row.value($0))" }.joined(separator: "|") }
    }

    static func principleTotalsKept(_ database: Database) throws -> [String] {
        try database.rows("""
            SELECT id, story_count, attempt_count, rating_sum, last_practiced, last_good FROM principle ORDER BY id
            """) { row in (Int32(0)..<6).map { "\(row.value($0))" }.joined(separator: "|") }
    }

    /// The last day a story's `when` covers, computed in Swift: the
    /// reference for the SQL in the migration's triggers.
    static func lastDay(_ happened: String?) -> String? {
        guard let happened, let date = StoryDate(happened) else { return nil }
        let parts = date.text.split(separator: "-").map { Int($0)! }
        let month = parts.count > 1 ? parts[1] : 12
        let day = parts.count > 2 ? parts[2] : StoryDate.daysIn(month: month, year: parts[0])
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(date.text.prefix(4))-\(two(month))-\(two(day))"
    }

    /// Per tagged pair, from the stories and attempts.
    static func pairsFromScratch(_ database: Database) throws -> [String] {
        try database.rows("""
            SELECT sp.principle_id, sp.story_id, min(s.lint_penalty, 100), s.happened, s.updated_at,
                   (SELECT count(*) FROM practice_attempt a WHERE a.principle_id = sp.principle_id AND a.story_id = sp.story_id),
                   (SELECT avg(rating) FROM practice_attempt a WHERE a.principle_id = sp.principle_id AND a.story_id = sp.story_id),
                   (SELECT max(practiced_at) FROM practice_attempt a WHERE a.principle_id = sp.principle_id AND a.story_id = sp.story_id)
            FROM story_principle sp JOIN story s ON s.id = sp.story_id
            ORDER BY sp.principle_id, sp.story_id
            """) { row in
            ["\(row.value(0))", "\(row.value(1))", "\(row.value(2))", "\(lastDay(row.optionalText(3)).map { SQLValue.text($0) } ?? .null)",
             "\(row.value(4))", "\(row.value(5))", "\(row.value(6))", "\(row.value(7))"].joined(separator: "|")
        }
    }

    static func pairsKept(_ database: Database) throws -> [String] {
        try database.rows("""
            SELECT principle_id, story_id, penalty, happened_end, updated_at, attempts, mean_rating, last_practiced
            FROM story_principle_fit ORDER BY principle_id, story_id
            """) { row in (Int32(0)..<8).map { "\(row.value($0))" }.joined(separator: "|") }
    }

    static func expectTotalsMatch(_ journal: Journal, _ comment: String) throws {
        let database = journal.database
        // The lint penalties brought up to date first, as every reader does.
        _ = try journal.context.lint.refreshPenalties()
        #expect(try principleTotalsKept(database) == principleTotalsFromScratch(database), "principles after \(comment)")
        #expect(try pairsKept(database) == pairsFromScratch(database), "pairs after \(comment)")
        let ids = Set(try database.rows("SELECT id FROM principle") { $0.int64(0) })
        let fits = journal.context.fits
        let kept = try fits.bestStoryReferences(principleIDs: ids)
        let ranked = try fits.bestStories(principleIDs: ids).mapValues { StoryReference(id: $0.storyID, title: $0.title) }
        #expect(kept == ranked, "best stories after \(comment)")
        // The whole order, as the answer and the drill read it from the kept pairs.
        for id in ids.sorted() {
            #expect(try fits.rankedIDs(principleID: id) == fits.ranked(principleID: id).map(\.storyID),
                    "principle \(id)'s stories in best-story order after \(comment)")
        }
    }

    // MARK: Random writes

    static let principles = ["ownership", "frugality", "dive-deep", "deliver-results", "be-kind", "ship-small"]
    /// Around the stale cut-off of the fixed clock (2026-05-28: five years
    /// back is 2021-05-28), in each precision, and the leap day.
    static let dates: [String?] = [nil, "2021", "2020", "2022", "2021-05", "2021-04", "2021-06", "2021-05-27", "2021-05-28",
                                   "2021-05-29", "2016-02-29", "2024-02", "2025-12-31", "2019-11"]
    static let texts = ["", "I fixed it.", "We kind of just shipped it, basically.",
                        "I measured p99 at 2.1 s, profiled the payment call and batched the fraud checks; p99 fell to 600 ms.",
                        "Our team decided that we would do it and we did it together as a team over the quarter."]

    /// One random write of any kind a user or another program makes.
    static func randomWrite(_ journal: Journal, _ rng: inout SeededGenerator, stories: inout [Int64]) throws -> String {
        let database = journal.database
        func principle() -> String { principles.randomElement(using: &rng)! }
        func someStory() -> Int64? { stories.randomElement(using: &rng) }
        let known = Set(try database.rows("SELECT slug FROM principle") { $0.text(0) })
        func tags() -> [String] {
            (0..<Int.random(in: 0...4, using: &rng)).map { _ in principle() }.filter(known.contains)
        }
        switch Int.random(in: 0..<16, using: &rng) {
        case 0, 1, 2:
            var draft = StoryDraft(title: "Story \(Int.random(in: 1...999, using: &rng))")
            draft.principles = Array(Set(tags()))
            draft.action = texts.randomElement(using: &rng)!
            draft.result = texts.randomElement(using: &rng)!
            draft.when = dates.randomElement(using: &rng)!.flatMap(StoryDate.init)
            stories.append(try journal.stories.add(draft).id)
            return "add"
        case 3:
            guard let id = someStory() else { return "nothing" }
            var patch = StoryPatch()
            patch.action = texts.randomElement(using: &rng)!
            patch.when = dates.randomElement(using: &rng)! ?? ""
            if Bool.random(using: &rng) { patch.principles = Array(Set(tags())) }
            try journal.stories.update(id, patch)
            return "edit \(id)"
        case 4:
            guard let id = someStory() else { return "nothing" }
            try journal.stories.delete(id)
            stories.removeAll { $0 == id }
            return "rm \(id)"
        case 5:
            guard let id = someStory(), !tags().isEmpty else { return "nothing" }
            try journal.stories.tag(id, with: Array(Set(tags())))
            return "tag \(id)"
        case 6:
            guard let id = someStory() else { return "nothing" }
            let gone = Array(Set(tags()))
            guard !gone.isEmpty else { return "nothing" }
            try journal.stories.untag(id, from: gone)
            return "untag \(id)"
        case 7, 8, 9, 10:
            let slug = principle()
            guard known.contains(slug) else { return "nothing" }
            let day = Int.random(in: 1...28, using: &rng)
            _ = try journal.practice.record(AttemptDraft(
                questionText: "Tell me about it.", principle: slug,
                storyID: Int.random(in: 0..<5, using: &rng) == 0 ? nil : someStory(),
                rating: Int.random(in: 1...5, using: &rng),
                practicedAt: "2026-0\(Int.random(in: 1...5, using: &rng))-\(day < 10 ? "0" : "")\(day)"))
            return "practice log"
        case 11:
            // Another program changes an attempt.
            try database.run("""
                UPDATE practice_attempt SET rating = ?, practiced_at = ?,
                       story_id = coalesce((SELECT id FROM story ORDER BY random() LIMIT 1), story_id)
                WHERE id = (SELECT id FROM practice_attempt ORDER BY random() LIMIT 1)
                """, [Int64.random(in: 1...5, using: &rng), "2026-0\(Int.random(in: 1...5, using: &rng))-15T10:00:00Z"])
            return "attempt changed"
        case 12:
            try database.run("DELETE FROM practice_attempt WHERE id = (SELECT id FROM practice_attempt ORDER BY random() LIMIT 1)")
            return "attempt deleted"
        case 13:
            try database.run("DELETE FROM practice_session WHERE id = (SELECT id FROM practice_session ORDER BY random() LIMIT 1)")
            return "session deleted"
        case 14:
            // A penalty near or past 100 (score 0 with or without the stale
            // points), as cached by these rules, or none (another program).
            guard let id = someStory() else { return "nothing" }
            if Bool.random(using: &rng) {
                try database.run("UPDATE story SET lint_penalty = NULL WHERE id = ?", [id])
            } else {
                try database.run("UPDATE story SET lint_penalty = ?, lint_checked = ? || updated_at WHERE id = ?",
                                 [Int64([93, 95, 97, 100, 120].randomElement(using: &rng)!), LintRepository.cacheVersion, id])
            }
            return "penalty of \(id)"
        default:
            guard let slug = ["be-kind", "ship-small"].randomElement(using: &rng), known.contains(slug),
                  Int.random(in: 0..<4, using: &rng) == 0 else { return "nothing" }
            _ = try journal.frameworks.removePrinciple(slug, force: true)
            return "principle rm \(slug)"
        }
    }

    @Test("after random writes of every kind, the kept totals equal a from-scratch pass and give the same best stories")
    func randomWrites() async throws {
        await propertyCheck(count: 8, input: Gen.int(in: 0...1_000_000)) { seed in
            do {
                let test = try TestJournal()
                let journal = test.journal
                _ = try journal.frameworks.add(FrameworkDraft(slug: "acme", name: "Acme"))
                _ = try journal.frameworks.addPrinciple(PrincipleDraft(framework: "acme", name: "Be Kind", slug: "be-kind"))
                _ = try journal.frameworks.addPrinciple(PrincipleDraft(framework: "acme", name: "Ship Small", slug: "ship-small"))
                var rng = SeededGenerator(seed: UInt64(seed))
                var stories: [Int64] = []
                for step in 0..<60 {
                    let write = try Self.randomWrite(journal, &rng, stories: &stories)
                    if step % 6 == 5 { try Self.expectTotalsMatch(journal, "step \(step), \(write) (seed \(seed))") }
                }
                try Self.expectTotalsMatch(journal, "the last write (seed \(seed))")
            } catch {
                Issue.record("seed \(seed): \(error)")
            }
        }
    }

    @Test("migrating a schema-8 journal with stories, tags and attempts fills the totals")
    func fromSchemaEight() throws {
        let old = try OldJournal(schema: 8)
        let path = old.path
        do {
            let database = try old.database()
            #expect(try database.userVersion() == 8)
            try database.run("""
                INSERT INTO story (id, title, action, result, happened, created_at, updated_at) VALUES
                (1, 'Cut the bill', 'I moved jobs to spot machines.', 'Saved 30%.', '2019', '2026-04-01T00:00:00Z', '2026-04-01T00:00:00Z'),
                (2, 'Kind review', '', '', '2024-02', '2026-04-02T00:00:00Z', '2026-04-02T00:00:00Z'),
                (3, 'Late night', 'We just shipped.', '', '2021-02-29', '2026-04-03T00:00:00Z', '2026-04-03T00:00:00Z')
                """)
            try database.run("""
                INSERT INTO story_principle (story_id, principle_id)
                SELECT 1, id FROM principle WHERE slug IN ('frugality', 'ownership')
                UNION ALL SELECT 2, id FROM principle WHERE slug IN ('frugality', 'earn-trust')
                UNION ALL SELECT 3, id FROM principle WHERE slug = 'ownership'
                """)
            try database.run("INSERT INTO practice_session (id, started_at, ended_at) VALUES (1, '2026-05-01T00:00:00Z', '2026-05-01T00:10:00Z')")
            try database.run("""
                INSERT INTO practice_attempt (session_id, question, principle_id, story_id, rating, practiced_at)
                SELECT 1, 'How did you save money?', id, 1, 4, '2026-05-01T00:01:00Z' FROM principle WHERE slug = 'frugality'
                UNION ALL SELECT 1, 'Again', id, 2, 2, '2026-05-01T00:02:00Z' FROM principle WHERE slug = 'frugality'
                UNION ALL SELECT 1, 'Untold', id, NULL, 5, '2026-05-01T00:03:00Z' FROM principle WHERE slug = 'frugality'
                UNION ALL SELECT 1, 'Own it', id, 3, 5, '2026-05-01T00:04:00Z' FROM principle WHERE slug = 'ownership'
                """)
        }
        let journal = try Journal.open(at: path, clock: .fixed(1_780_000_000))
        #expect(try journal.database.userVersion() == Journal.migrator.latestVersion)
        #expect(try journal.database.integer("SELECT count(*) FROM story_principle_fit") == 5)
        #expect(try journal.database.integer("SELECT attempt_count FROM principle WHERE slug = 'frugality'") == 2)
        try Self.expectTotalsMatch(journal, "the migration")
        let frugality = try journal.coverage.report(principles: ["frugality"]).principles[0]
        #expect(frugality.stories == 2 && frugality.attempts == 2 && frugality.meanRating == 3 && frugality.status == .ready)
    }

    @Test("an import fills the totals as it restores stories and attempts")
    func importFills() throws {
        let source = try TestJournal()
        var rng = SeededGenerator(seed: 9)
        var stories: [Int64] = []
        for _ in 0..<80 { _ = try Self.randomWrite(source.journal, &rng, stories: &stories) }
        let dump = source.directory.appendingPathComponent("dump.json").path
        try journalExport(source.journal, to: dump)
        let target = try TestJournal()
        _ = try target.journal.importStories(from: dump)
        #expect(try target.journal.database.integer("SELECT count(*) FROM story_principle_fit") ?? 0 > 0)
        try Self.expectTotalsMatch(target.journal, "an import")
    }

    @Test("an import into a journal that has stories and attempts, with its insert triggers lifted, leaves the totals right and the triggers back")
    func importIntoFullJournal() throws {
        let source = try TestJournal()
        var rng = SeededGenerator(seed: 21)
        var stories: [Int64] = []
        for _ in 0..<60 { _ = try Self.randomWrite(source.journal, &rng, stories: &stories) }
        let first = source.directory.appendingPathComponent("first.json").path
        try journalExport(source.journal, to: first)
        let target = try TestJournal()
        let triggers = "SELECT group_concat(name || sql, ';') FROM (SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name)"
        let before = try target.journal.database.first(triggers) { $0.text(0) }
        _ = try target.journal.importStories(from: first)
        try Self.expectTotalsMatch(target.journal, "a first import")
        // More stories, tags and attempts (some for stories the target has), imported on top.
        for _ in 0..<60 { _ = try Self.randomWrite(source.journal, &rng, stories: &stories) }
        let second = source.directory.appendingPathComponent("second.json").path
        try journalExport(source.journal, to: second)
        let report = try target.journal.importStories(from: second)
        #expect(report.added > 0 && report.duplicates > 0, "the second import adds to stories already there")
        try Self.expectTotalsMatch(target.journal, "an import on top")
        #expect(try target.journal.database.first(triggers) { $0.text(0) } == before, "every trigger is back, as it was")
        // A dry run lifts nothing for good either.
        _ = try target.journal.importStories(from: second, dryRun: true)
        #expect(try target.journal.database.first(triggers) { $0.text(0) } == before)
    }

    @Test("the stale cut-off agrees with the stale-story rule on every day of a leap year and its neighbours")
    func staleCutoff() {
        let whens = ["2019", "2020", "2021", "2020-02", "2021-02", "2020-02-28", "2020-02-29", "2021-02-28", "2021-03-01",
                     "2019-12", "2020-12-31", "2021-01-01", "2020-06", "2020-06-15", "2021-06-30"]
        for year in [2025, 2026] {
            for month in 1...12 {
                for day in 1...StoryDate.daysIn(month: month, year: year) {
                    let today = "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
                    let cutoff = LintScorer.staleBefore(today: today)
                    for when in whens {
                        let rule = LintText.isOlder(StoryDate(when)!, than: LintThresholds.maximumAgeYears, today: today)
                        #expect(rule == (Self.lastDay(when)! < cutoff), "\(when) on \(today)")
                    }
                }
            }
        }
    }
}

/// Writes `journal`'s JSON export to `path`.
private func journalExport(_ journal: Journal, to path: String) throws {
    let sink = try ExportSink.file(at: path)
    try journal.export(.json, to: sink)
    try sink.commit()
}
