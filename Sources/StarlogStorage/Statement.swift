import CSQLite

/// SQLite copies bound text and blobs at once (`SQLITE_TRANSIENT`), a C cast
/// Swift cannot import.
let transientDestructor = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

/// A prepared statement. It finalizes itself when released; it belongs to the
/// connection that made it and is used from one thread at a time.
public final class Statement {
    let handle: OpaquePointer
    let connection: OpaquePointer
    /// The SQL text the statement was prepared from.
    public let sql: String

    init(connection: OpaquePointer, sql: String) throws {
        var statement: OpaquePointer?
        var more: OpaquePointer?
        let code = sql.withCString { text -> Int32 in
            var tail: UnsafePointer<CChar>?
            let code = sqlite3_prepare_v3(connection, text, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, &tail)
            guard code == SQLITE_OK, let tail, tail.pointee != 0 else { return code }
            // Only white space and comments may follow: a second statement
            // would never run, so it is an error rather than dropped.
            var rest: UnsafePointer<CChar>?
            let next = sqlite3_prepare_v3(connection, tail, -1, 0, &more, &rest)
            return next == SQLITE_OK ? SQLITE_OK : next
        }
        if more != nil {
            sqlite3_finalize(more)
            sqlite3_finalize(statement)
            throw SQLiteError(.SQLITE_MISUSE, message: "the SQL holds more than one statement", sql: sql)
        }
        guard code == SQLITE_OK, let statement else {
            sqlite3_finalize(statement)
            throw SQLiteError(handle: connection, code: code == SQLITE_OK ? SQLITE_MISUSE : code, sql: sql)
        }
        self.handle = statement
        self.connection = connection
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// The number of `?` parameters the statement takes.
    package var parameterCount: Int { Int(sqlite3_bind_parameter_count(handle)) }

    /// Resets the statement and binds `values` to its parameters, in order.
    func bind(_ values: [any SQLBindable]) throws {
        reset()
        guard values.count == parameterCount else {
            throw SQLiteError(
                .SQLITE_RANGE,
                message: "\(values.count) values for \(parameterCount) parameters",
                sql: sql)
        }
        for (offset, value) in values.enumerated() {
            try bind(value.sqlValue, at: Int32(offset + 1))
        }
    }

    /// Binds one value to the parameter at `index` (1-based).
    private func bind(_ value: SQLValue, at index: Int32) throws {
        let code: Int32
        switch value {
        case .null:
            code = sqlite3_bind_null(handle, index)
        case .integer(let number):
            code = sqlite3_bind_int64(handle, index, number)
        case .real(let number):
            code = sqlite3_bind_double(handle, index, number)
        case .text(let text):
            var text = text
            code = text.withUTF8 { bytes in
                // An empty buffer may have no address; SQLite would read that as NULL.
                guard let base = bytes.baseAddress, bytes.count > 0 else {
                    return sqlite3_bind_text(handle, index, "", 0, transientDestructor)
                }
                return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    sqlite3_bind_text64(handle, index, $0, sqlite3_uint64(bytes.count), transientDestructor, UInt8(SQLITE_UTF8))
                }
            }
        case .blob(let bytes):
            code = bytes.withUnsafeBytes { raw in
                guard let base = raw.baseAddress, raw.count > 0 else {
                    return sqlite3_bind_zeroblob(handle, index, 0)
                }
                return sqlite3_bind_blob64(handle, index, base, sqlite3_uint64(raw.count), transientDestructor)
            }
        }
        try check(code, connection, sql: sql)
    }

    /// Runs the statement one step: true when a row is ready to read, false when done.
    func step() throws -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = SQLiteError(handle: connection, code: sqlite3_extended_errcode(connection), sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Clears the statement for another run; bindings are replaced by the next `bind`.
    func reset() {
        sqlite3_reset(handle)
    }

    /// Binds `values` and runs the statement to completion, ignoring any rows.
    public func execute(_ values: [any SQLBindable] = []) throws {
        try bind(values)
        defer { reset() }
        while try step() {}
    }

    /// Binds `values`, runs the statement and calls `body` with each row in
    /// turn; `body` reads the current row's columns from the statement.
    public func forEach(_ values: [any SQLBindable] = [], _ body: (Statement) throws -> Void) throws {
        try bind(values)
        defer { reset() }
        while try step() {
            try body(self)
        }
    }

    /// Binds `values`, runs the statement and maps every row.
    public func rows<T>(_ values: [any SQLBindable] = [], _ transform: (Statement) throws -> T) throws -> [T] {
        var result: [T] = []
        try forEach(values) { result.append(try transform($0)) }
        return result
    }

    /// Binds `values`, runs the statement and maps the first row, if any.
    public func first<T>(_ values: [any SQLBindable] = [], _ transform: (Statement) throws -> T) throws -> T? {
        try bind(values)
        defer { reset() }
        guard try step() else { return nil }
        return try transform(self)
    }

    /// The first column of the first row as an integer; nil when there is no row.
    public func integer(_ values: [any SQLBindable] = []) throws -> Int64? {
        try first(values) { $0.optionalInt64(0) } ?? nil
    }

    // MARK: Reading columns of the current row

    public func isNull(_ index: Int32) -> Bool {
        sqlite3_column_type(handle, index) == SQLITE_NULL
    }

    public func int64(_ index: Int32) -> Int64 {
        sqlite3_column_int64(handle, index)
    }

    public func int(_ index: Int32) -> Int {
        Int(sqlite3_column_int64(handle, index))
    }

    public func double(_ index: Int32) -> Double {
        sqlite3_column_double(handle, index)
    }

    public func optionalInt64(_ index: Int32) -> Int64? {
        isNull(index) ? nil : int64(index)
    }

    public func optionalDouble(_ index: Int32) -> Double? {
        isNull(index) ? nil : double(index)
    }

    /// The column as text, byte for byte (embedded NULs included); NULL reads as "".
    public func text(_ index: Int32) -> String {
        guard let pointer = sqlite3_column_text(handle, index) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    /// Calls `body` with the column's UTF-8 bytes as SQLite holds them
    /// (valid only inside `body`); NULL reads as no bytes. For writers that
    /// copy text straight out without making a `String` of it.
    public func withTextBytes<T>(_ index: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        guard let pointer = sqlite3_column_text(handle, index) else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        let count = Int(sqlite3_column_bytes(handle, index))
        return try body(UnsafeBufferPointer(start: pointer, count: count))
    }

    public func optionalText(_ index: Int32) -> String? {
        isNull(index) ? nil : text(index)
    }

    package func blob(_ index: Int32) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(handle, index))
        guard count > 0, let pointer = sqlite3_column_blob(handle, index) else { return [] }
        return Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }

    /// The column as the value SQLite holds, whatever its type.
    public func value(_ index: Int32) -> SQLValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER: return .integer(int64(index))
        case SQLITE_FLOAT: return .real(double(index))
        case SQLITE_TEXT: return .text(text(index))
        case SQLITE_BLOB: return .blob(blob(index))
        default: return .null
        }
    }
}
