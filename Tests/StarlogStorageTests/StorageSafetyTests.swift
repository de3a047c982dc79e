import Foundation
import StarlogStorage
import Testing

/// The storage layer's guards against silent mistakes: nested transactions,
/// schema rebuilds under foreign keys, SQL that would be dropped, and
/// double-quoted strings.
@Suite("Storage safety")
struct StorageSafetyTests {
    @Test("a nested transaction is a savepoint: its failure undoes only its own writes")
    func nestedTransactionsAreSavepoints() throws {
        let (db, _) = try temporaryDatabase()
        try db.execute("CREATE TABLE t (a UNIQUE)")
        try db.transaction {
            try db.run("INSERT INTO t VALUES (1)")
            // An inner write that fails leaves the outer one's rows alone.
            #expect(throws: SQLiteError.self) {
                try db.transaction {
                    try db.run("INSERT INTO t VALUES (2)")
                    try db.run("INSERT INTO t VALUES (1)")
                }
            }
            // An inner write that succeeds commits with the outer transaction.
            try db.transaction { try db.run("INSERT INTO t VALUES (3)") }
            #expect(!db.isAutocommit)
        }
        #expect(db.isAutocommit)
        #expect(try db.rows("SELECT a FROM t ORDER BY a") { $0.int(0) } == [1, 3])
        // When the outer transaction fails, the inner one's writes go too.
        #expect(throws: SQLiteError.self) {
            try db.transaction {
                try db.transaction { try db.run("INSERT INTO t VALUES (4)") }
                try db.run("INSERT INTO t VALUES (1)")
            }
        }
        #expect(try db.rows("SELECT a FROM t ORDER BY a") { $0.int(0) } == [1, 3])
    }

    @Test("a write cannot nest inside a read transaction")
    func noWriteInsideARead() throws {
        let (db, _) = try temporaryDatabase()
        try db.execute("CREATE TABLE t (a)")
        try db.transaction(.deferred) {
            _ = #expect(throws: SQLiteError.self) {
                try db.transaction { try db.run("INSERT INTO t VALUES (1)") }
            }
        }
        #expect(db.isAutocommit)
        #expect(try db.integer("SELECT count(*) FROM t") == 0)
    }

    @Test("a migration that rebuilds a parent table keeps every child row and link")
    func rebuildingAParentLosesNothing() throws {
        let (db, _) = try temporaryDatabase()
        let first = Migration(version: 1, name: "schema", sql: """
            CREATE TABLE story (id INTEGER PRIMARY KEY, title TEXT NOT NULL);
            CREATE TABLE tag (story_id INTEGER NOT NULL REFERENCES story (id) ON DELETE CASCADE, name TEXT);
            CREATE TABLE attempt (id INTEGER PRIMARY KEY, story_id INTEGER REFERENCES story (id) ON DELETE SET NULL);
            INSERT INTO story VALUES (1, 'one'), (2, 'two');
            INSERT INTO tag VALUES (1, 'a'), (1, 'b'), (2, 'c');
            INSERT INTO attempt VALUES (10, 1), (11, 2);
            """)
        try Migrator(migrations: [first]).migrate(db)
        #expect(try db.integer("PRAGMA foreign_keys") == 1)
        // The documented way to change a table: make the new one, copy, drop the old, rename.
        let rebuild = Migration(version: 2, name: "rebuild story", sql: """
            CREATE TABLE story_new (id INTEGER PRIMARY KEY, title TEXT NOT NULL, note TEXT NOT NULL DEFAULT '');
            INSERT INTO story_new (id, title) SELECT id, title FROM story;
            DROP TABLE story;
            ALTER TABLE story_new RENAME TO story;
            """)
        try Migrator(migrations: [first, rebuild]).migrate(db)
        #expect(try db.userVersion() == 2)
        #expect(try db.integer("SELECT count(*) FROM tag") == 3, "no tag was cascaded away")
        #expect(try db.rows("SELECT story_id FROM attempt ORDER BY id") { $0.optionalInt64(0) } == [1, 2], "no link was set to NULL")
        #expect(try db.integer("SELECT count(*) FROM pragma_foreign_key_check") == 0)
        #expect(try db.integer("PRAGMA foreign_keys") == 1, "foreign keys are on again")
        // And they are enforced again.
        try db.run("DELETE FROM story WHERE id = 1")
        #expect(try db.integer("SELECT count(*) FROM tag") == 1)
    }

    @Test("a migration that leaves a broken link is rolled back whole")
    func brokenLinkRollsBack() throws {
        let (db, _) = try temporaryDatabase()
        let first = Migration(version: 1, name: "schema", sql: """
            CREATE TABLE story (id INTEGER PRIMARY KEY);
            CREATE TABLE tag (story_id INTEGER NOT NULL REFERENCES story (id));
            INSERT INTO story VALUES (1); INSERT INTO tag VALUES (1);
            """)
        try Migrator(migrations: [first]).migrate(db)
        let dropping = Migration(version: 2, name: "drop", sql: "DELETE FROM story;")
        #expect(throws: MigrationError.foreignKeyViolation(version: 2)) {
            try Migrator(migrations: [first, dropping]).migrate(db)
        }
        #expect(try db.userVersion() == 1)
        #expect(try db.integer("SELECT count(*) FROM story") == 1)
        #expect(try db.integer("PRAGMA foreign_keys") == 1)
    }

    @Test("SQL after the first statement is an error, not silently dropped")
    func secondStatementIsAnError() throws {
        let (db, _) = try temporaryDatabase()
        try db.execute("CREATE TABLE t (a)")
        #expect(throws: SQLiteError.self) { try db.run("INSERT INTO t VALUES (1); INSERT INTO t VALUES (2)") }
        #expect(try db.integer("SELECT count(*) FROM t") == 0)
        // White space, a closing semicolon and comments after it are fine.
        try db.run("INSERT INTO t VALUES (3);  -- the end\n")
        #expect(try db.integer("SELECT count(*) FROM t /* trailing */") == 1)
    }

    @Test("a double-quoted name is never a string: a misspelt column is an error")
    func doubleQuotedStringsAreOff() throws {
        let (db, _) = try temporaryDatabase()
        try db.execute("CREATE TABLE t (title TEXT)")
        try db.run("INSERT INTO t VALUES ('x')")
        #expect(throws: SQLiteError.self) { _ = try db.integer("SELECT count(*) FROM t WHERE title = \"tilte\"") }
        #expect(throws: SQLiteError.self) { try db.execute("CREATE INDEX i ON t (\"nosuchcolumn\")") }
        #expect(try db.integer("SELECT count(*) FROM t WHERE \"title\" = 'x'") == 1)
    }

    @Test("an immutable connection reads a database whose folder cannot take a WAL index")
    func immutableReads() throws {
        let (db, folder) = try temporaryDatabase()
        try db.execute("PRAGMA journal_mode = WAL; CREATE TABLE t (a); INSERT INTO t VALUES (7);")
        try db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        let path = folder.appendingPathComponent("test.db").path
        let reader = try Database(path: path, mode: .immutable)
        #expect(try reader.integer("SELECT a FROM t") == 7)
        #expect(reader.isReadOnly)
        #expect(throws: SQLiteError.self) { try reader.run("INSERT INTO t VALUES (8)") }
    }
}
