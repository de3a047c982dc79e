import StarlogStorage
import Testing

@Suite("Transactions that commit or roll back by their result")
struct TransactionCompletionTests {
    @Test("`.rollback` undoes the body's changes without an error; `.commit` keeps them")
    func outermost() throws {
        let (db, _) = try temporaryDatabase()
        try db.execute("CREATE TABLE t (a)")
        try db.inTransaction {
            try db.run("INSERT INTO t VALUES (1)")
            #expect(try db.integer("SELECT count(*) FROM t") == 1, "visible inside")
            return .rollback
        }
        #expect(db.isAutocommit)
        #expect(try db.integer("SELECT count(*) FROM t") == 0)
        try db.inTransaction {
            try db.run("INSERT INTO t VALUES (2)")
            return .commit
        }
        #expect(try db.integer("SELECT count(*) FROM t") == 1)
    }

    @Test("nested in a transaction, `.rollback` undoes only its own savepoint")
    func nested() throws {
        let (db, _) = try temporaryDatabase()
        try db.execute("CREATE TABLE t (a)")
        try db.transaction {
            try db.run("INSERT INTO t VALUES (1)")
            try db.inTransaction {
                try db.run("INSERT INTO t VALUES (2)")
                return .rollback
            }
            try db.inTransaction {
                try db.run("INSERT INTO t VALUES (3)")
                return .commit
            }
        }
        #expect(try db.rows("SELECT a FROM t ORDER BY a") { $0.int(0) } == [1, 3])
    }
}
