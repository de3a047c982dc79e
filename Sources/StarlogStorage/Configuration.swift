/// How a connection opens and behaves, fixed when it opens.
public struct Configuration {
    /// How a connection opens its file.
    public enum OpenMode: Sendable {
        /// Read and write; the file must exist.
        case readWrite
        /// Read and write, creating the file when it is missing.
        case readWriteCreate
        /// Read only; the file must exist.
        case readOnly
        /// Read only, on a file that nothing can change while it is open (a
        /// read-only folder or medium, a full disk): SQLite then reads the
        /// file alone and never needs its `-wal` or `-shm` beside it.
        case immutable
    }

    /// How the connection opens its file.
    public var mode: OpenMode
    /// How long, in milliseconds, a statement waits for another
    /// connection's lock before it fails with `SQLITE_BUSY`; the writer
    /// lock waits as long.
    public var busyTimeout: Int32
    /// When set, write transactions and the final close take this lock, and
    /// each write transaction ends with a truncating checkpoint.
    public var writerLock: WriterLock?
    /// Called with the SQL of each statement the connection prepares (the
    /// query-plan tests see every query a command runs through it).
    public var prepareObserver: ((String) -> Void)?

    public init(
        mode: OpenMode = .readWriteCreate, busyTimeout: Int32 = 5000,
        writerLock: WriterLock? = nil, prepareObserver: ((String) -> Void)? = nil
    ) {
        self.mode = mode
        self.busyTimeout = busyTimeout
        self.writerLock = writerLock
        self.prepareObserver = prepareObserver
    }
}
