import StarlogStorage
import Testing

@Suite("Schema helpers")
struct SchemaTests {
    @Test("tableExists and columns(of:) read the schema")
    func readsSchema() throws {
        let (db, _) = try temporaryDatabase()
        try db.execute("CREATE TABLE story (id INTEGER PRIMARY KEY, title TEXT, happened TEXT)")
        try db.execute("CREATE VIEW titles AS SELECT title FROM story")
        #expect(try db.tableExists("story"))
        #expect(try !db.tableExists("titles"), "a view is not a table")
        #expect(try !db.tableExists("missing"))
        #expect(try db.columns(of: "story") == ["id", "title", "happened"])
        #expect(try db.columns(of: "missing") == [])
    }

    @Test("identifiers are quoted with embedded quotes doubled, so any name round-trips")
    func quotesIdentifiers() throws {
        #expect("story".quotedDatabaseIdentifier == "\"story\"")
        #expect("a\"b".quotedDatabaseIdentifier == "\"a\"\"b\"")
        #expect("\"".quotedDatabaseIdentifier == "\"\"\"\"")
        let (db, _) = try temporaryDatabase()
        let table = "odd \"table\"; DROP TABLE x; --"
        let column = "col \"1\""
        try db.execute("CREATE TABLE \(table.quotedDatabaseIdentifier) (\(column.quotedDatabaseIdentifier) TEXT)")
        try db.run("INSERT INTO \(table.quotedDatabaseIdentifier) (\(column.quotedDatabaseIdentifier)) VALUES (?)", ["v"])
        #expect(try db.tableExists(table))
        #expect(try db.columns(of: table) == [column])
        #expect(try db.first("SELECT \(column.quotedDatabaseIdentifier) FROM \(table.quotedDatabaseIdentifier)") { $0.text(0) } == "v")
    }
}
