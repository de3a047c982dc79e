import CSQLite

/// One connection to an SQLite database file.
///
/// Opened with extended result codes and foreign keys on. It is not
/// `Sendable`: use a connection from one thread at a time.
public final class Database {
    /// How a connection opens its file.
    public typealias OpenMode = Configuration.OpenMode

    /// The kind of lock a transaction takes when it begins.
    public enum TransactionKind: String, Sendable {
        /// Takes no lock until the first read or write.
        case deferred = "DEFERRED"
        /// Takes the write lock at once, so it never fails half way for want of it.
        case immediate = "IMMEDIATE"
    }

    let handle: OpaquePointer
    /// The path the connection was opened on.
    public let path: String
    /// What the connection was opened with.
    let configuration: Configuration
    private var statementCache: [String: Statement] = [:]
    private var busyTimeout: Int32 { configuration.busyTimeout }
    /// The lock write transactions and the final close take, if any.
    public var writerLock: WriterLock? { configuration.writerLock }

    /// Opens `path` as `configuration` says.
    public init(path: String, configuration: Configuration = Configuration()) throws {
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        var name = path
        switch configuration.mode {
        case .readWrite: flags |= SQLITE_OPEN_READWRITE
        case .readWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        case .immutable:
            flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI
            name = Self.fileURI(path) + "?immutable=1"
        }
        var connection: OpaquePointer?
        let code = sqlite3_open_v2(name, &connection, flags, nil)
        guard code == SQLITE_OK, let connection else {
            let error = SQLiteError(handle: connection, code: code)
            sqlite3_close_v2(connection)
            throw error
        }
        self.handle = connection
        self.path = path
        self.configuration = configuration
        sqlite3_extended_result_codes(connection, 1)
        sqlite3_busy_timeout(connection, configuration.busyTimeout)
        // Refuse writes to the schema tables through ordinary SQL.
        _ = starlog_sqlite3_db_config_defensive(connection, 1)
        // A double-quoted name is an identifier, never a string: a misspelt
        // column is an error instead of a constant.
        _ = starlog_sqlite3_db_config_double_quoted_strings(connection, 0)
        do {
            try execute("PRAGMA foreign_keys = ON")
        } catch {
            sqlite3_close_v2(connection)
            throw error
        }
    }

    /// Opens `path` in `mode`, waiting up to `busyTimeout` milliseconds for
    /// other connections' locks.
    public convenience init(path: String, mode: OpenMode = .readWriteCreate, busyTimeout: Int32 = 5000) throws {
        try self.init(path: path, configuration: Configuration(mode: mode, busyTimeout: busyTimeout))
    }

    /// `path` as an SQLite `file:` URI, with the characters URIs reserve escaped.
    static func fileURI(_ path: String) -> String {
        var uri = "file:"
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "/"), UInt8(ascii: "."),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "~"):
                uri.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let digits = Array("0123456789ABCDEF".unicodeScalars)
                uri += "%"
                uri.unicodeScalars.append(digits[Int(byte >> 4)])
                uri.unicodeScalars.append(digits[Int(byte & 0xF)])
            }
        }
        return uri
    }

    /// True once this connection gave up waiting for the writer lock: closing
    /// then does not wait for it a second time.
    private var gaveUpOnLock = false

    deinit {
        statementCache.removeAll()
        if let writerLock {
            // The last connection to close checkpoints: do that under the lock,
            // or, if it cannot be had, leave the checkpoint to the next writer.
            if (try? writerLock.acquire(timeout: gaveUpOnLock ? 0 : busyTimeout)) != nil {
                sqlite3_close_v2(handle)
                writerLock.release()
                return
            }
            _ = starlog_sqlite3_db_config_no_checkpoint_on_close(handle, 1)
        }
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements that take no parameters.
    public func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        if code != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_free(message)
            throw SQLiteError(ResultCode(rawValue: sqlite3_extended_errcode(handle)), message: text, sql: sql)
        }
    }

    /// Prepares a statement the caller owns; it is finalized when released.
    public func prepare(_ sql: String) throws -> Statement {
        configuration.prepareObserver?(sql)
        return try Statement(connection: handle, sql: sql)
    }

    /// A prepared statement kept for the life of the connection, for SQL that
    /// runs again and again (a row of an import, the same lookup per story).
    /// Only what is asked for here is cached: `run`, `rows`, `first`,
    /// `integer` and `forEach` prepare afresh each time.
    ///
    /// Every caller of the same SQL shares the one statement, so a caller
    /// must not hold it across another use of the same SQL: finish with its
    /// rows before anything else can run that SQL (a nested loop over the
    /// same query needs `prepare`).
    public func cached(_ sql: String) throws -> Statement {
        if let statement = statementCache[sql] { return statement }
        let statement = try prepare(sql)
        statementCache[sql] = statement
        return statement
    }

    /// Binds `values` to `sql` and runs it to completion.
    public func run(_ sql: String, _ values: [any SQLBindable] = []) throws {
        try prepare(sql).execute(values)
    }

    /// Runs `sql` and maps each row.
    public func rows<T>(_ sql: String, _ values: [any SQLBindable] = [], _ transform: (Statement) throws -> T) throws -> [T] {
        try prepare(sql).rows(values, transform)
    }

    /// Runs `sql` and calls `body` with each row in turn, holding none of
    /// them: the statement passed in reads the current row's columns, and
    /// is valid only inside `body`.
    public func forEach(_ sql: String, _ values: [any SQLBindable] = [], _ body: (Statement) throws -> Void) throws {
        try prepare(sql).forEach(values, body)
    }

    /// Runs `sql` and maps its first row, if any.
    public func first<T>(_ sql: String, _ values: [any SQLBindable] = [], _ transform: (Statement) throws -> T) throws -> T? {
        try prepare(sql).first(values, transform)
    }

    /// The first column of the first row as an integer; nil when there is no row.
    public func integer(_ sql: String, _ values: [any SQLBindable] = []) throws -> Int64? {
        try prepare(sql).integer(values)
    }

    /// How deep `transaction` calls are nested (0: none open), and whether
    /// the outermost one may write.
    private var transactionDepth = 0
    private var outermostWrites = false

    /// Whether the truncating checkpoint after the last write transaction
    /// emptied the WAL. False while another process reads an older snapshot:
    /// the pages that held deleted text are then still in the file (or the
    /// WAL) until a later checkpoint succeeds.
    public private(set) var lastCheckpointComplete = true

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    ///
    /// With a `writerLock`, an immediate transaction holds it from before
    /// `BEGIN` until after a truncating checkpoint that follows the commit,
    /// so the file holds every committed change and the WAL is empty.
    ///
    /// Called inside another transaction it runs in a savepoint: its changes
    /// are undone alone when `body` throws, and kept (to commit with the
    /// outer transaction) when it returns. An immediate (writing)
    /// transaction cannot nest inside a deferred (reading) one, which holds
    /// neither the writer lock nor a write lock: that throws `SQLITE_MISUSE`.
    public func transaction<T>(_ kind: TransactionKind = .immediate, _ body: () throws -> T) throws -> T {
        try perform(kind) { (try body(), .commit) }
    }

    /// Runs `body` in a transaction that commits or rolls back as `body`
    /// returns, and rolls back when it throws; nested, in a savepoint, as
    /// `transaction` is. A dry run returns `.rollback` once it has counted
    /// what it would do.
    public func inTransaction(_ kind: TransactionKind = .immediate, _ body: () throws -> TransactionCompletion) throws {
        try perform(kind) { ((), try body()) }
    }

    private func perform<T>(_ kind: TransactionKind, _ body: () throws -> (T, TransactionCompletion)) throws -> T {
        if transactionDepth > 0 { return try savepoint(kind, body) }
        guard isAutocommit else {
            throw SQLiteError(.SQLITE_MISUSE, message: "a transaction was opened outside `transaction`")
        }
        let lock = kind == .immediate ? writerLock : nil
        do throws(WriterLock.Failure) {
            try lock?.acquire(timeout: busyTimeout)
        } catch {
            if error == .busy { gaveUpOnLock = true }
            throw error
        }
        defer { lock?.release() }
        try execute("BEGIN \(kind.rawValue)")
        transactionDepth = 1
        outermostWrites = kind == .immediate
        defer { transactionDepth = 0 }
        let result: T
        let completion: TransactionCompletion
        do {
            // SQLite 3.40 fails to compile a DELETE on a table that other
            // tables reference ("no such table") when another connection
            // changed the schema since this one last read it (an import
            // lifts and restores a trigger). A read of the schema table
            // checks the schema cookie and reloads a stale schema, so
            // statements prepared in this transaction see the current one.
            // (`PRAGMA schema_version` reads the cookie without that check.)
            if kind == .immediate { _ = try cached("SELECT count(*) FROM sqlite_schema").integer() }
            (result, completion) = try body()
            switch completion {
            case .commit: try execute("COMMIT")
            case .rollback: try execute("ROLLBACK")
            }
        } catch {
            if !isAutocommit { try? execute("ROLLBACK") }
            if let error = error as? SQLiteError, error.isBusy { gaveUpOnLock = true }
            throw error
        }
        if lock != nil && completion == .commit {
            lastCheckpointComplete = checkpoint()
        }
        return result
    }

    private func savepoint<T>(_ kind: TransactionKind, _ body: () throws -> (T, TransactionCompletion)) throws -> T {
        if kind == .immediate && !outermostWrites {
            throw SQLiteError(.SQLITE_MISUSE, message: "cannot write inside a read transaction")
        }
        // The name is the program's own; each depth has its own.
        let name = "starlog_\(transactionDepth)".quotedDatabaseIdentifier
        try execute("SAVEPOINT \(name)")
        transactionDepth += 1
        defer { transactionDepth -= 1 }
        do {
            let (result, completion) = try body()
            if completion == .rollback { try execute("ROLLBACK TO \(name)") }
            try execute("RELEASE \(name)")
            return result
        } catch {
            try? execute("ROLLBACK TO \(name)")
            try? execute("RELEASE \(name)")
            throw error
        }
    }

    /// Copies every committed page from the WAL into the file and empties
    /// the WAL, waiting (up to the busy timeout) for readers of older
    /// snapshots to finish. Returns false when a reader kept it from
    /// completing. Call it only while holding the writer lock, if there is one.
    @discardableResult
    public func checkpoint() -> Bool {
        // Rows: busy (1 when it could not finish), frames in the WAL, frames copied.
        guard let row = try? first("PRAGMA wal_checkpoint(TRUNCATE)", [], { ($0.int(0), $0.int(1), $0.int(2)) }) else {
            return false
        }
        return row.0 == 0 && row.1 == row.2
    }

    /// True when no transaction is open.
    package var isAutocommit: Bool { sqlite3_get_autocommit(handle) != 0 }

    /// The rowid of the last row inserted on this connection.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// The number of rows the last INSERT, UPDATE or DELETE changed.
    public var changes: Int { Int(sqlite3_changes64(handle)) }

    /// The schema version the application records in `PRAGMA user_version`.
    public func userVersion() throws -> Int {
        Int(try integer("PRAGMA user_version") ?? 0)
    }

    /// Copies the whole database into a new file at `destination` with
    /// SQLite's online backup API, a few pages at a time so writers in other
    /// processes are not held up; restarts by itself when they change it.
    public func backup(to destination: String, pagesPerStep: Int32 = 256) throws {
        try copy(into: Database(path: destination), pagesPerStep: pagesPerStep)
    }

    /// Copies the whole database into the open connection `target` (an
    /// in-memory database, for checks a read-only file cannot run), `pagesPerStep`
    /// pages at a time (-1: all at once).
    public func copy(into target: Database, pagesPerStep: Int32 = -1) throws {
        guard let backup = sqlite3_backup_init(target.handle, "main", handle, "main") else {
            throw SQLiteError(handle: target.handle, code: sqlite3_extended_errcode(target.handle))
        }
        var code: Int32
        repeat {
            code = sqlite3_backup_step(backup, pagesPerStep)
            if code == SQLITE_BUSY || code == SQLITE_LOCKED { sqlite3_sleep(10) }
        } while code == SQLITE_OK || code == SQLITE_BUSY || code == SQLITE_LOCKED
        let finish = sqlite3_backup_finish(backup)
        if code != SQLITE_DONE { throw SQLiteError(handle: nil, code: code) }
        try check(finish, target.handle)
    }

    /// True when this connection cannot write its database.
    public var isReadOnly: Bool { sqlite3_db_readonly(handle, "main") == 1 }

}
