import Foundation
import StarlogJournal
import StarlogStorage
import Testing

/// Migration 8 (frameworks) from a schema-7 journal built by the shipped migrations' own
/// SQL, with data in every table a user fills.
@Suite("Migration to frameworks")
struct FrameworkMigrationTests {
    /// The columns compared: all that schema 6 had (the lint cache of a
    /// story is refreshed when a journal is upgraded, so it is left out).
    func columns(_ table: String) -> String {
        switch table {
        case "story": return "id, title, situation, task, action, result, learnings, outcome, company, role, happened, created_at, updated_at"
        case "interview": return "id, company, role, day, created_at"
        case "question": return "id, principle_id, text, builtin, created_at"
        case "story_principle": return "story_id, principle_id"
        case "practice_session": return "id, started_at, ended_at"
        case "practice_attempt": return "id, session_id, question_id, question, principle_id, story_id, duration, rating, notes, practiced_at"
        case "review_state": return "story_id, principle_id, stability, difficulty, reps, lapses, last_review, due"
        case "interview_principle": return "interview_id, principle_id"
        default: return "*"
        }
    }

    @Test("a schema-7 journal keeps every story, tag, attempt, schedule and interview, and gains frameworks")
    func fromSchemaSix() throws {
        let schema7 = try OldJournal(schema: 7)
        let path = schema7.path
        var before: [String: [String]] = [:]
        let tables = ["story", "story_principle", "question", "practice_session", "practice_attempt",
                      "review_state", "interview", "interview_principle"]
        do {
            let database = try schema7.database()
            #expect(try database.userVersion() == 7)
            try database.run("""
                INSERT INTO story (id, title, situation, action, result, created_at, updated_at) VALUES
                (1, 'Cut the bill', 'Costs rose.', 'I moved jobs to spot machines.', 'Saved 30%.', '2026-04-01T00:00:00Z', '2026-04-01T00:00:00Z'),
                (2, 'Kind review', '', '', '', '2026-04-02T00:00:00Z', '2026-04-02T00:00:00Z'),
                (3, 'Conflict story', '', '', '', '2026-04-03T00:00:00Z', '2026-04-03T00:00:00Z')
                """)
            // Principles a user added by hand-written JSON before frameworks
            // existed: no number, one in a framework named `common`, one
            // whose slug a built-in theme wants.
            try database.run("""
                INSERT INTO principle (slug, name, summary, framework, position, builtin) VALUES
                ('be-kind', 'Be Kind', '', 'acme', NULL, 0),
                ('ship-small', 'Ship Small', '', 'acme', NULL, 0),
                ('mine', 'Mine', '', 'common', NULL, 0),
                ('conflict', 'Conflict', '', 'custom', 4, 0)
                """)
            try database.run("""
                INSERT INTO story_principle (story_id, principle_id)
                SELECT 1, id FROM principle WHERE slug IN ('frugality', 'be-kind')
                UNION ALL SELECT 2, id FROM principle WHERE slug = 'be-kind'
                UNION ALL SELECT 3, id FROM principle WHERE slug IN ('conflict', 'mine')
                """)
            try database.run("INSERT INTO question (principle_id, text, builtin, created_at) SELECT id, 'Tell me about kindness.', 0, '2026-04-01T00:00:00Z' FROM principle WHERE slug = 'be-kind'")
            try database.run("INSERT INTO practice_session (id, started_at, ended_at) VALUES (1, '2026-05-01T00:00:00Z', '2026-05-01T00:10:00Z')")
            try database.run("""
                INSERT INTO practice_attempt (session_id, question, principle_id, story_id, duration, rating, practiced_at)
                SELECT 1, 'How did you save money?', id, 1, 90, 4, '2026-05-01T00:01:00Z' FROM principle WHERE slug = 'frugality'
                """)
            try database.run("""
                INSERT INTO review_state (story_id, principle_id, stability, difficulty, reps, lapses, last_review, due)
                SELECT 1, id, 3.17, 5.3, 1, 0, '2026-05-01T00:01:00Z', '2026-05-04T00:00:00Z' FROM principle WHERE slug = 'frugality'
                """)
            try database.run("""
                INSERT INTO interview (id, company, role, day, created_at) VALUES
                (1, 'Acme', 'SDE', '2026-06-10', '2026-05-01T00:00:00Z'),
                (2, 'Amazon', NULL, '2026-06-20', '2026-05-01T00:00:00Z'),
                (3, 'Mixed', NULL, '2026-06-21', '2026-05-01T00:00:00Z')
                """)
            try database.run("""
                INSERT INTO interview_principle (interview_id, principle_id)
                SELECT 1, id FROM principle WHERE slug IN ('be-kind', 'ship-small')
                UNION ALL SELECT 3, id FROM principle WHERE slug IN ('be-kind', 'frugality')
                """)
            for table in tables {
                before[table] = try database.rows("SELECT \(columns(table)) FROM \(table) ORDER BY 1, 2") { row in
                    (0..<Int32(columns(table).split(separator: ",").count)).map { "\(row.value($0))" }.joined(separator: "|")
                }
            }
        }

        let journal = try Journal.open(at: path, clock: .fixed(1_780_000_000))
        let database = journal.database
        #expect(try database.userVersion() == Journal.migrator.latestVersion)
        for table in tables {
            let after = try database.rows("SELECT \(columns(table)) FROM \(table) ORDER BY 1, 2") { row in
                (0..<Int32(columns(table).split(separator: ",").count)).map { "\(row.value($0))" }.joined(separator: "|")
            }
            if table == "question" {
                // The built-in bank grew after the rows that were there.
                #expect(Array(after.prefix(before[table]?.count ?? 0)) == before[table], "question changed")
            } else if table == "review_state" {
                // The schedule is derived: replayed from the same attempt, it is the same row.
                #expect(after.count == before[table]?.count)
            } else {
                #expect(after == before[table], "\(table) changed")
            }
        }
        // Interviews keep every column and gain their framework.
        let interviews = try journal.interviews.list()
        #expect(interviews.map { "\($0.id) \($0.company) \($0.role ?? "-") \($0.date) \($0.framework)" } == [
            "1 Acme SDE 2026-06-10 acme", "2 Amazon - 2026-06-20 amazon", "3 Mixed - 2026-06-21 amazon",
        ])
        #expect(interviews[0].principles.map(\.slug) == ["be-kind", "ship-small"])
        // The user's questions are kept, and the built-in bank grew.
        #expect(try journal.questions.list(principle: "be-kind").map(\.text) == ["Tell me about kindness."])
        // Frameworks: built-ins, and one per framework the user's principles named.
        #expect(try journal.frameworks.all().map(\.slug) == ["amazon", "common", "acme", "common-2", "custom"])
        // Numbers per framework, in the order they were added.
        #expect(try journal.principles.all(in: "acme").map { "\($0.position ?? 0) \($0.slug)" } == ["1 be-kind", "2 ship-small"])
        #expect(try journal.principles.resolve("common-2:1").slug == "mine")
        #expect(try journal.principles.resolve("custom:4").slug == "conflict")
        // The built-in theme whose slug the user held got another.
        let themes = try journal.principles.all(in: "common")
        #expect(themes.first?.slug == "common-conflict" && themes.first?.builtin == true)
        #expect(try journal.questions.list(principle: "common-conflict").count >= 3)
        // The story tags and the schedule still resolve.
        #expect(try journal.stories.require(1).principles.sorted() == ["be-kind", "frugality"])
        #expect(try journal.schedule.all().contains { $0.storyID == 1 && $0.principle.slug == "frugality" && $0.reps == 1 })
        #expect(try journal.coverage.report(interview: 1).principles.map(\.principle.slug) == ["be-kind", "ship-small"])
    }

    @Test("a schema-7 journal the frameworks migration cannot take is left as it was, and the error names no table or value")
    func migrationThatCannotRun() throws {
        let old = try OldJournal(schema: 7)
        let path = old.path
        do {
            let database = try old.database()
            // A theme's slug and its `common-` form are both a user's: the
            // theme has no slug left to take.
            try database.run("""
                INSERT INTO principle (slug, name, summary, framework, position, builtin) VALUES
                ('conflict', 'Conflict', '', 'custom', 1, 0),
                ('common-conflict', 'Common Conflict', '', 'custom', 2, 0)
                """)
        }
        func contents() throws -> [String] {
            let database = try Database(path: path)
            return try database.rows("SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_schema ORDER BY name") { $0.text(0) }
                + database.rows("SELECT slug || ' ' || framework FROM principle ORDER BY id") { $0.text(0) }
        }
        let before = try contents()
        do {
            _ = try Journal.open(at: path)
            Issue.record("the migration ran")
        } catch {
            let described = JournalError.describing(error, journalPath: path)
            #expect(described == .damaged(.upgradeFailed(path, version: 8, kind: "constraint failed")), "\(described)")
            #expect(!described.message.contains("principle.slug") && !described.message.contains("UNIQUE"), "\(described.message)")
        }
        #expect(try contents() == before, "the schema and principles were left as they were")
        let database = try Database(path: path)
        #expect(try database.userVersion() == 7)
    }
}
