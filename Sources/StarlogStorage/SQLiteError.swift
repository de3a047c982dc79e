import CSQLite

/// A failure reported by SQLite: its extended result code, its message and
/// the SQL that failed. Bound values are never part of it, since they may be
/// a user's private text.
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    /// The extended result code (`SQLITE_BUSY_SNAPSHOT`, `SQLITE_CONSTRAINT_CHECK`, …).
    public let extendedResultCode: ResultCode
    /// SQLite's own message for the failure.
    public let message: String
    /// The statement that failed, when there was one.
    public let sql: String?

    init(_ code: ResultCode, message: String, sql: String? = nil) {
        self.extendedResultCode = code
        self.message = message
        self.sql = sql
    }

    /// Reads the code and message the connection holds after a failed call.
    init(handle: OpaquePointer?, code: Int32, sql: String? = nil) {
        let message: String
        if let handle, let text = sqlite3_errmsg(handle) {
            message = String(cString: text)
        } else {
            message = String(cString: sqlite3_errstr(code))
        }
        self.init(ResultCode(rawValue: code), message: message, sql: sql)
    }

    /// The primary result code (`SQLITE_BUSY` for `SQLITE_BUSY_SNAPSHOT`).
    public var resultCode: ResultCode { extendedResultCode.primaryResultCode }

    /// SQLite's short English name for the kind of failure ("constraint
    /// failed"), the same for every failure of its kind: unlike `message`,
    /// it names no table, column or value of the file.
    public var kind: String { String(cString: sqlite3_errstr(resultCode.rawValue)) }

    /// Another connection held a lock past the busy timeout.
    public var isBusy: Bool {
        switch extendedResultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return true
        default: return false
        }
    }

    /// The file is not a database, or its pages are damaged.
    public var isDamage: Bool {
        switch extendedResultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return true
        default: return false
        }
    }

    public var description: String {
        var text = "SQLite error \(extendedResultCode.rawValue): \(message)"
        if let sql { text += " (in: \(sql))" }
        return text
    }
}

@inline(__always)
func check(_ code: Int32, _ handle: OpaquePointer?, sql: String? = nil) throws {
    guard code == SQLITE_OK else { throw SQLiteError(handle: handle, code: code, sql: sql) }
}
