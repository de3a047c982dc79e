import StarlogStorage
import Testing

@Suite("Result codes")
struct ResultCodeTests {
    @Test("a primary code matches its extended codes; an extended code matches only itself")
    func patternMatching() {
        func kind(_ code: ResultCode) -> String {
            switch code {
            case .SQLITE_CONSTRAINT_CHECK: return "check"
            case .SQLITE_CONSTRAINT: return "constraint"
            case .SQLITE_BUSY: return "busy"
            default: return "other"
            }
        }
        #expect(kind(.SQLITE_CONSTRAINT_CHECK) == "check")
        #expect(kind(.SQLITE_CONSTRAINT_UNIQUE) == "constraint")
        #expect(kind(.SQLITE_CONSTRAINT) == "constraint")
        #expect(kind(.SQLITE_BUSY_SNAPSHOT) == "busy")
        #expect(kind(.SQLITE_IOERR) == "other")
        #expect(ResultCode.SQLITE_CONSTRAINT_UNIQUE.primaryResultCode == .SQLITE_CONSTRAINT)
        #expect(ResultCode.SQLITE_CONSTRAINT_UNIQUE.rawValue == 2067, "as sqlite3.h numbers it")
    }

    @Test("errors from SQLite carry their extended code")
    func errorsCarryExtendedCodes() throws {
        let (db, _) = try temporaryDatabase()
        try db.execute("CREATE TABLE t (a UNIQUE NOT NULL)")
        try db.run("INSERT INTO t VALUES (1)")
        let unique = #expect(throws: SQLiteError.self) { try db.run("INSERT INTO t VALUES (1)") }
        #expect(unique?.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE)
        #expect(unique?.resultCode == .SQLITE_CONSTRAINT)
        let notNull = #expect(throws: SQLiteError.self) { try db.run("INSERT INTO t VALUES (NULL)") }
        #expect(notNull?.extendedResultCode == .SQLITE_CONSTRAINT_NOTNULL)
    }
}
