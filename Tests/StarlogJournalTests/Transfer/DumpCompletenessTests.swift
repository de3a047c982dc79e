import Foundation
import StarlogJournal
import StarlogStorage
import Testing

/// The complete dump holds every table a user fills: a table added to the
/// schema but not to the dump fails here, and every table named round-trips.
@Suite("The JSON dump is complete")
struct DumpCompletenessTests {
    /// The user tables of the current schema (SQLite's own and the shadow
    /// tables of a virtual table left out).
    func tables(_ database: Database) throws -> [String] {
        let all = try database.rows("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name") { $0.text(0) }
        // FTS5 keeps its index in shadow tables named after the virtual table.
        return all.filter { name in !JournalExport.derivedTables.keys.contains { name.hasPrefix($0 + "_") } }
    }

    @Test("every table of the schema is dumped or named as derived, and every name is a real table")
    func noTableForgotten() throws {
        let test = try TestJournal()
        let found = try tables(test.journal.database)
        let known = Set(JournalExport.dumpedTables.keys).union(JournalExport.derivedTables.keys)
        for table in found {
            #expect(known.contains(table), "table \(table) is in the schema but not in the JSON dump: add it to the dump (and JournalExport.dumpedTables), or to derivedTables if it is rebuilt from others")
        }
        for table in known {
            #expect(found.contains(table), "\(table) is named in the dump lists but is not in the schema")
        }
    }

    @Test("a journal with a row in every dumped table comes back whole from export and import")
    func everyTableRoundTrips() throws {
        let source = try TestJournal()
        let journal = source.journal
        let db = journal.database
        // A principle of another framework, a story tagged with it and a built-in one.
        try db.run("INSERT INTO principle (slug, name, summary, framework, position, builtin) VALUES ('be-kind', 'Be Kind', 'Kindness first.', 'acme', 1, 0)")
        let story = try source.add("Helped a new hire", principles: ["be-kind", "ownership"]) { $0.action = "I paired with them for a week." }
        let question = try journal.questions.add(principle: "ownership", text: "Tell me about a time you owned a mistake.")
        _ = try journal.practice.record(AttemptDraft(questionID: question.id, storyID: story.id, duration: 95, rating: 4, notes: "good"))
        let interview = try journal.interviews.add(InterviewDraft(company: "Acme", date: "2030-05-01", role: "SDE II", principles: ["be-kind", "earn trust"]))
        try journal.interviews.debrief(interview.id, DebriefDraft(question: "When were you kind?", storyID: story.id, principle: "be-kind", rating: 4, notes: "went well"))
        try db.run("UPDATE framework SET name = 'Acme Values', source = 'https://acme.example', as_of = '2030-01-02' WHERE slug = 'acme'")
        try db.run("UPDATE question SET hidden = 1 WHERE builtin = 1 AND id = (SELECT min(id) FROM question)")
        for table in JournalExport.dumpedTables.keys {
            #expect(try userRows(db, table) > 0, "the test journal must have a row in \(table)")
        }
        let file = source.directory.appendingPathComponent("dump.json").path
        let sink = try ExportSink.file(at: file)
        try journal.export(.json, to: sink)
        try sink.commit()

        let target = try TestJournal()
        let report = try target.journal.importStories(from: file)
        #expect(report.interviewsAdded == 1)
        for table in JournalExport.dumpedTables.keys.sorted() {
            #expect(try userRows(target.journal.database, table) == userRows(db, table), "\(table) did not round-trip")
        }
        let restored = try #require(try target.journal.interviews.list().first)
        #expect(restored.company == "Acme" && restored.role == "SDE II" && restored.framework == "acme")
        let debrief = try target.journal.interviews.debriefs(of: restored.id)
        #expect(debrief.map { "\($0.question) \($0.storyTitle ?? "-") \($0.principle?.slug ?? "-") \($0.rating ?? 0) \($0.notes)" }
                == ["When were you kind? Helped a new hire be-kind 4 went well"])
        let framework = try target.journal.frameworks.require("acme")
        #expect(framework.name == "Acme Values" && framework.source == "https://acme.example" && framework.asOf == "2030-01-02")
        #expect(try target.journal.database.integer("SELECT count(*) FROM question WHERE hidden = 1") == 1, "the hidden built-in question stays hidden")
        #expect(Set(try target.journal.database.rows("""
            SELECT p.slug FROM interview_principle ip JOIN principle p ON p.id = ip.principle_id
            """) { $0.text(0) }) == ["be-kind", "earn-trust"])
        // Importing the same dump again adds nothing.
        let again = try target.journal.importStories(from: file)
        #expect(again.added == 0 && again.interviewsAdded == 0 && again.attemptsAdded == 0)
        for table in JournalExport.dumpedTables.keys.sorted() {
            #expect(try userRows(target.journal.database, table) == userRows(db, table), "\(table) grew on a second import")
        }
    }

    /// Rows a user made in `table` (built-in principles and questions left out).
    func userRows(_ database: Database, _ table: String) throws -> Int64 {
        let builtin = try database.integer("SELECT count(*) FROM pragma_table_info(?) WHERE name = 'builtin'", [table]) == 1
        // The table name comes from the program's own list.
        return try database.integer("SELECT count(*) FROM \(table)" + (builtin ? " WHERE builtin = 0" : "")) ?? 0
    }
}
