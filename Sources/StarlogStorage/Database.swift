import CSQLite

/// One connection to an SQLite database file.
///
/// Opened with extended result codes and foreign keys on. It is not
/// `Sendable`: use a connection from one thread at a time.
public final class Database {
    /// How a connection opens its file.
    public enum OpenMode: Sendable {
        /// Read and write; the file must exist.
        case readWrite
        /// Read and write, creating the file when it is missing.
        case readWriteCreate
        /// Read only; the file must exist.
        case readOnly
    }

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
    private var statementCache: [String: Statement] = [:]
    private let busyTimeout: Int32

    /// When set, write transactions and the final close take this lock, and
    /// each write transaction ends with a truncating checkpoint.
    public var writerLock: WriterLock?

    /// Opens `path`. `busyTimeout` is how long, in milliseconds, a statement
    /// waits for another connection's lock before it fails with `SQLITE_BUSY`.
    public init(path: String, mode: OpenMode = .readWriteCreate, busyTimeout: Int32 = 5000) throws {
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        switch mode {
        case .readWrite: flags |= SQLITE_OPEN_READWRITE
        case .readWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        }
        var connection: OpaquePointer?
        let code = sqlite3_open_v2(path, &connection, flags, nil)
        guard code == SQLITE_OK, let connection else {
            let error = SQLiteError(handle: connection, code: code)
            sqlite3_close_v2(connection)
            throw error
        }
        self.handle = connection
        self.path = path
        self.busyTimeout = busyTimeout
        sqlite3_extended_result_codes(connection, 1)
        sqlite3_busy_timeout(connection, busyTimeout)
        // Refuse writes to the schema tables through ordinary SQL.
        _ = starlog_sqlite3_db_config_defensive(connection, 1)
        do {
            try execute("PRAGMA foreign_keys = ON")
        } catch {
            sqlite3_close_v2(connection)
            throw error
        }
    }

    deinit {
        statementCache.removeAll()
        if let writerLock {
            // The last connection to close checkpoints: do that under the lock,
            // or, if it cannot be had, leave the checkpoint to the next writer.
            if (try? writerLock.acquire(timeout: busyTimeout)) != nil {
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
            throw SQLiteError(code: sqlite3_extended_errcode(handle), message: text, sql: sql)
        }
    }

    /// Called with the SQL of each statement this connection prepares; the
    /// query-plan tests use it to see every query a command runs.
    public var prepareObserver: ((String) -> Void)?

    /// Prepares a statement the caller owns.
    public func prepare(_ sql: String) throws -> Statement {
        prepareObserver?(sql)
        return try Statement(connection: handle, sql: sql)
    }

    /// A prepared statement kept for the life of the connection, for SQL that
    /// runs again and again. Callers must not hold it across another use of
    /// the same SQL.
    public func cached(_ sql: String) throws -> Statement {
        if let statement = statementCache[sql] { return statement }
        let statement = try prepare(sql)
        statementCache[sql] = statement
        return statement
    }

    /// Binds `values` to `sql` and runs it to completion.
    public func run(_ sql: String, _ values: [any SQLBindable] = []) throws {
        try cached(sql).execute(values)
    }

    /// Runs `sql` and maps each row.
    public func rows<T>(_ sql: String, _ values: [any SQLBindable] = [], _ transform: (Statement) throws -> T) throws -> [T] {
        try cached(sql).rows(values, transform)
    }

    /// Runs `sql` and maps its first row, if any.
    public func first<T>(_ sql: String, _ values: [any SQLBindable] = [], _ transform: (Statement) throws -> T) throws -> T? {
        try cached(sql).first(values, transform)
    }

    /// The first column of the first row as an integer; nil when there is no row.
    public func integer(_ sql: String, _ values: [any SQLBindable] = []) throws -> Int64? {
        try first(sql, values) { $0.optionalInt64(0) } ?? nil
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    ///
    /// With a `writerLock`, an immediate transaction holds it from before
    /// `BEGIN` until after a truncating checkpoint that follows the commit,
    /// so the file holds every committed change and the WAL is empty.
    public func transaction<T>(_ kind: TransactionKind = .immediate, _ body: () throws -> T) throws -> T {
        let lock = kind == .immediate && isAutocommit ? writerLock : nil
        try lock?.acquire(timeout: busyTimeout)
        defer { lock?.release() }
        try execute("BEGIN \(kind.rawValue)")
        let result: T
        do {
            result = try body()
            try execute("COMMIT")
        } catch {
            if !isAutocommit { try? execute("ROLLBACK") }
            throw error
        }
        if lock != nil {
            // Best effort: a reader still on an old snapshot only delays it to the next write.
            try? execute("PRAGMA wal_checkpoint(TRUNCATE)")
        }
        return result
    }

    /// True when no transaction is open.
    public var isAutocommit: Bool { sqlite3_get_autocommit(handle) != 0 }

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
        var target: OpaquePointer?
        let openCode = sqlite3_open_v2(
            destination, &target,
            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE, nil)
        guard openCode == SQLITE_OK, let target else {
            let error = SQLiteError(handle: target, code: openCode)
            sqlite3_close_v2(target)
            throw error
        }
        defer { sqlite3_close_v2(target) }
        guard let backup = sqlite3_backup_init(target, "main", handle, "main") else {
            throw SQLiteError(handle: target, code: sqlite3_extended_errcode(target))
        }
        var code: Int32
        repeat {
            code = sqlite3_backup_step(backup, pagesPerStep)
            if code == SQLITE_BUSY || code == SQLITE_LOCKED { sqlite3_sleep(10) }
        } while code == SQLITE_OK || code == SQLITE_BUSY || code == SQLITE_LOCKED
        let finish = sqlite3_backup_finish(backup)
        if code != SQLITE_DONE { throw SQLiteError(code: code, message: String(cString: sqlite3_errstr(code))) }
        try check(finish, target)
    }

    /// The version of the SQLite library in use, such as "3.40.1".
    public static var libraryVersion: String { String(cString: sqlite3_libversion()) }
}
