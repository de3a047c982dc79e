import Foundation
import StarlogStorage
import Testing

/// A database in a fresh temporary file.
func temporaryDatabase() throws -> (Database, URL) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("starlog-storage-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let database = try Database(path: folder.appendingPathComponent("test.db").path)
    return (database, folder)
}

@Suite("Statements and values")
struct StatementTests {
    @Test("every type binds and reads back")
    func bindsEveryType() throws {
        let (db, _) = try temporaryDatabase()
        try db.execute("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, n)")
        try db.run("INSERT INTO t VALUES (?, ?, ?, ?, ?)", [Int64.max, 3.25, "héllo 🌟", [UInt8]([0, 1, 255]), SQLValue.null])
        let row = try #require(try db.first("SELECT i, r, s, b, n FROM t") { row in
            (row.int64(0), row.double(1), row.text(2), row.blob(3), row.isNull(4), row.value(4))
        })
        #expect(row.0 == Int64.max)
        #expect(row.1 == 3.25)
        #expect(row.2 == "héllo 🌟")
        #expect(row.3 == [0, 1, 255])
        #expect(row.4)
        #expect(row.5 == .null)
    }

    @Test("optionals, booleans and empty strings keep their meaning")
    func optionalsAndEmpties() throws {
        let (db, _) = try temporaryDatabase()
        try db.execute("CREATE TABLE t (a, b, c)")
        let none: String? = nil
        try db.run("INSERT INTO t VALUES (?, ?, ?)", [none, true, ""])
        let row = try #require(try db.first("SELECT a, b, c, typeof(c) FROM t") { ($0.optionalText(0), $0.int(1), $0.text(2), $0.text(3)) })
        #expect(row.0 == nil)
        #expect(row.1 == 1)
        #expect(row.2 == "")
        #expect(row.3 == "text", "an empty string must not become NULL")
    }

    @Test("a 1 MB string with unicode and NULs round-trips byte for byte")
    func largeUnicodeText() throws {
        let (db, _) = try temporaryDatabase()
        try db.execute("CREATE TABLE t (s TEXT)")
        var text = String(repeating: "ü€𝄞a\u{0}b", count: 80_000)
        text += String(repeating: "x", count: 1_048_576 - text.utf8.count)
        #expect(text.utf8.count == 1_048_576)
        try db.run("INSERT INTO t VALUES (?)", [text])
        let back = try db.first("SELECT s FROM t") { $0.text(0) }
        #expect(back == text)
        #expect(Array(back!.utf8) == Array(text.utf8))
    }

    @Test("a wrong number of values is an error, not a crash")
    func parameterCount() throws {
        let (db, _) = try temporaryDatabase()
        try db.execute("CREATE TABLE t (a)")
        #expect(throws: SQLiteError.self) { try db.run("INSERT INTO t VALUES (?)", [1, 2]) }
    }

    @Test("an error carries the extended code, SQLite's message and the SQL, but no values")
    func errorsCarryCodeAndMessage() throws {
        let (db, _) = try temporaryDatabase()
        try db.execute("CREATE TABLE t (a TEXT NOT NULL CHECK (a <> 'secret-value'))")
        do {
            try db.run("INSERT INTO t VALUES (?)", ["secret-value"])
            Issue.record("the CHECK constraint should have failed")
        } catch let error as SQLiteError {
            #expect(error.extendedResultCode == .SQLITE_CONSTRAINT_CHECK)
            #expect(error.extendedResultCode.rawValue == 275, "the extended code as SQLite's C API numbers it")
            #expect(error.resultCode == .SQLITE_CONSTRAINT)
            #expect(error.message.contains("CHECK constraint failed"))
            #expect(error.sql == "INSERT INTO t VALUES (?)")
            #expect(!error.description.contains("secret-value") || error.message.contains("secret-value"))
        }
        do {
            _ = try db.prepare("SELEC nonsense")
            Issue.record("bad SQL should not prepare")
        } catch let error as SQLiteError {
            #expect(error.resultCode == .SQLITE_ERROR)
            #expect(error.message.contains("syntax error"))
        }
    }
}

@Suite("Transactions")
struct TransactionTests {
    @Test("a failed transaction rolls back everything it did")
    func rollsBack() throws {
        let (db, _) = try temporaryDatabase()
        try db.execute("CREATE TABLE t (a INTEGER UNIQUE)")
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try db.transaction {
                try db.run("INSERT INTO t VALUES (1)")
                try db.run("INSERT INTO t VALUES (2)")
                throw Boom()
            }
        }
        #expect(try db.integer("SELECT count(*) FROM t") == 0)
        #expect(db.isAutocommit)
        // A constraint failure inside also rolls back the earlier insert.
        #expect(throws: SQLiteError.self) {
            try db.transaction {
                try db.run("INSERT INTO t VALUES (1)")
                try db.run("INSERT INTO t VALUES (1)")
            }
        }
        #expect(try db.integer("SELECT count(*) FROM t") == 0)
    }

    @Test("a committed transaction keeps its writes and returns its value")
    func commits() throws {
        let (db, _) = try temporaryDatabase()
        try db.execute("CREATE TABLE t (a)")
        let id = try db.transaction { () -> Int64 in
            try db.run("INSERT INTO t VALUES ('x')")
            return db.lastInsertRowID
        }
        #expect(id == 1)
        #expect(try db.integer("SELECT count(*) FROM t") == 1)
    }

    @Test("a second connection waiting on the write lock fails busy after its timeout")
    func busyTimeout() throws {
        let (db, folder) = try temporaryDatabase()
        try db.execute("PRAGMA journal_mode = WAL; CREATE TABLE t (a)")
        let other = try Database(path: folder.appendingPathComponent("test.db").path, busyTimeout: 50)
        try db.execute("BEGIN IMMEDIATE")
        do {
            try other.transaction { try other.run("INSERT INTO t VALUES (1)") }
            Issue.record("the second writer should have been refused")
        } catch let error as SQLiteError {
            #expect(error.isBusy)
        }
        try db.execute("COMMIT")
        try other.transaction { try other.run("INSERT INTO t VALUES (1)") }
        #expect(try db.integer("SELECT count(*) FROM t") == 1)
    }
}

@Suite("Migrator")
struct MigratorTests {
    let migrations = [
        Migration(version: 2, name: "second", sql: "ALTER TABLE a ADD COLUMN y; INSERT INTO log VALUES ('2');"),
        Migration(version: 1, name: "first", sql: "CREATE TABLE a (x); CREATE TABLE log (v); INSERT INTO log VALUES ('1');"),
    ]

    @Test("applies files in version order, records user_version, and is idempotent")
    func appliesInOrder() throws {
        let (db, _) = try temporaryDatabase()
        let migrator = Migrator(migrations: migrations)
        let moved = try migrator.migrate(db)
        #expect(moved.from == 0 && moved.to == 2)
        #expect(try db.userVersion() == 2)
        #expect(try db.rows("SELECT v FROM log ORDER BY rowid") { $0.text(0) } == ["1", "2"])
        let again = try migrator.migrate(db)
        #expect(again.from == 2 && again.to == 2)
        #expect(try db.integer("SELECT count(*) FROM log") == 2)
    }

    @Test("a failing migration leaves the database as it was")
    func failureRollsBack() throws {
        let (db, _) = try temporaryDatabase()
        let broken = Migrator(migrations: [
            Migration(version: 1, name: "ok", sql: "CREATE TABLE a (x);"),
            Migration(version: 2, name: "bad", sql: "CREATE TABLE b (x); INSERT INTO nowhere VALUES (1);"),
        ])
        // The failure names the migration and the kind of failure, not SQLite's message.
        #expect(throws: MigrationError.failed(version: 2, kind: "SQL logic error")) { try broken.migrate(db) }
        #expect(try db.userVersion() == 0)
        #expect(try db.integer("SELECT count(*) FROM sqlite_schema") == 0)
    }

    @Test("a newer user_version is refused and left alone")
    func refusesNewer() throws {
        let (db, _) = try temporaryDatabase()
        try db.execute("PRAGMA user_version = 9")
        #expect(throws: MigrationError.newerSchema(found: 9, known: 2)) {
            try Migrator(migrations: migrations).migrate(db)
        }
        #expect(try db.userVersion() == 9)
        #expect(try db.integer("SELECT count(*) FROM sqlite_schema") == 0)
    }

    @Test("the online backup copies every row")
    func backup() throws {
        let (db, folder) = try temporaryDatabase()
        try db.execute("CREATE TABLE t (a); INSERT INTO t VALUES (1), (2), (3);")
        let copy = folder.appendingPathComponent("copy.db").path
        try db.backup(to: copy)
        let other = try Database(path: copy, mode: .readOnly)
        #expect(try other.integer("SELECT sum(a) FROM t") == 6)
    }
}
