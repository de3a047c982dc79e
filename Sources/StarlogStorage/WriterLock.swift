#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
///
/// Within one process the lock is re-entrant: nested `acquire` calls count
/// up, and only the matching last `release` lets it go. The count is kept
/// under a mutex, so the lock may be shared between threads.
public final class WriterLock: @unchecked Sendable {
    /// Why the folder lock could not be taken.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The folder that holds the database could not be opened (`errno`).
        case cannotOpenFolder(String, errno: Int32)
        /// `flock` on the folder failed for a reason other than another holder (`errno`).
        case cannotLockFolder(String, errno: Int32)
        /// Another process held the lock past the timeout.
        case busy

        public var description: String {
            switch self {
            case .cannotOpenFolder(let folder, let code):
                return "cannot open the folder \(folder) to lock it: \(String(cString: strerror(code)))"
            case .cannotLockFolder(let folder, let code):
                return "cannot lock the folder \(folder): \(String(cString: strerror(code)))"
            case .busy:
                return "another process is writing to the database"
            }
        }
    }

    private let descriptor: Int32
    /// The folder that is locked.
    public let folder: String
    /// How many `acquire` calls of this process hold the lock.
    private let depth = Locked(0)

    /// A lock for the database at `databasePath`, whose folder must exist.
    public init(databasePath: String) throws(Failure) {
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
        guard descriptor >= 0 else { throw .cannotOpenFolder(folder, errno: errno) }
        self.descriptor = descriptor
        self.folder = folder
    }

    deinit {
        close(descriptor)
    }

    /// Takes the lock, waiting up to `timeout` milliseconds for another
    /// process to release it; throws `Failure.busy` when it does not.
    public func acquire(timeout: Int32) throws(Failure) {
        try depth.withLock { (depth: inout Int) throws(Failure) in
            if depth > 0 { depth += 1; return }
            var waited: Int32 = 0
            while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
                let code = errno
                guard code == EWOULDBLOCK || code == EINTR else { throw .cannotLockFolder(folder, errno: code) }
                guard waited < timeout else { throw .busy }
                let step: Int32 = waited < 50 ? 2 : 10
                usleep(UInt32(step) * 1000)
                waited += step
            }
            depth = 1
        }
    }

    /// Releases the lock once every `acquire` has been matched.
    public func release() {
        depth.withLock { depth in
            guard depth > 0 else { return }
            depth -= 1
            if depth == 0 { flock(descriptor, LOCK_UN) }
        }
    }
}
