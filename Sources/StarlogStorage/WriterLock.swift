#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CSQLite

/// An advisory lock that serialises writers and checkpoints across the
/// processes that share one database file.
///
/// SQLite before 3.51.3 has a rare race between a writer that resets the WAL
/// and a checkpoint running in another connection (sqlite.org/wal.html,
/// "walresetbug"); it can lose committed transactions. Debian's 3.40 has it.
/// Every starlog process takes this lock around each write transaction (whose
/// commit may checkpoint) and around closing the connection (the last one out
/// checkpoints), so no two of those ever overlap. Readers do not take it.
///
/// The lock is `flock(2)` on the folder that holds the database. Not on the
/// file itself: closing any descriptor of the database file would drop the
/// POSIX locks SQLite holds on it, while a folder's descriptor can be closed
/// freely. Two journals in one folder simply share the lock.
public final class WriterLock: @unchecked Sendable {
    private let descriptor: Int32
    private var depth = 0

    /// A lock for the database at `databasePath`, whose folder must exist.
    public init(databasePath: String) throws {
        let folder: String
        if let slash = databasePath.lastIndex(of: "/") {
            folder = slash == databasePath.startIndex ? "/" : String(databasePath[..<slash])
        } else {
            folder = "."
        }
        #if canImport(Glibc)
        let descriptor = Glibc.open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        #else
        let descriptor = Darwin.open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        #endif
        guard descriptor >= 0 else {
            throw SQLiteError(code: SQLITE_CANTOPEN, message: "cannot open the journal's folder for locking")
        }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Takes the lock, waiting up to `timeout` milliseconds for another
    /// process to release it; throws `SQLITE_BUSY` when it does not.
    public func acquire(timeout: Int32) throws {
        if depth > 0 { depth += 1; return }
        var waited: Int32 = 0
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                throw SQLiteError(code: SQLITE_IOERR, message: "cannot lock the database file")
            }
            guard waited < timeout else {
                throw SQLiteError(code: SQLITE_BUSY, message: "another process is writing to the database")
            }
            let step: Int32 = waited < 50 ? 2 : 10
            usleep(UInt32(step) * 1000)
            waited += step
        }
        depth = 1
    }

    /// Releases the lock once every `acquire` has been matched.
    public func release() {
        guard depth > 0 else { return }
        depth -= 1
        if depth == 0 { flock(descriptor, LOCK_UN) }
    }
}
