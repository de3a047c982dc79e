#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StarlogStorage

/// One open journal file: the connection, migrated to the current schema,
/// and the repositories over it.
public final class Journal {
    /// The journal's file path.
    public let path: String
    /// The connection and clock the repositories share.
    let context: JournalContext
    /// The connection; the repositories share it.
    package var database: Database { context.database }
    public var clock: JournalClock { context.clock }

    public var stories: StoryRepository { context.stories }
    public var principles: PrincipleRepository { context.principles }
    public var search: StorySearch { context.search }

    /// True when the last write could not empty the WAL because another
    /// process read an older snapshot: text it deleted may remain in the
    /// file until a later write's checkpoint succeeds.
    public var deletedTextMayRemain: Bool { !database.lastCheckpointComplete }

    /// The migrations built into this binary.
    public static let migrator = Migrator(migrations: EmbeddedMigrations.all)

    /// "STRL", written by the first migration.
    static let applicationID: Int64 = 0x5354_524C

    /// Whether `open` made a new file.
    public private(set) var wasCreated = false

    private init(path: String, database: Database, clock: JournalClock) {
        self.path = path
        self.context = JournalContext(database: database, clock: clock)
    }

    /// Opens the journal at `path` for writing, creating it (folder `0700`,
    /// file `0600`) when it is missing and `create` is set, and migrating it
    /// forward. A file that is not a journal, or one from a newer starlog,
    /// is refused and left byte for byte as it was, and so is every file
    /// while the clock reads outside the times starlog stores.
    public static func open(
        at path: String, create: Bool = true, clock: JournalClock = .system, busyTimeout: Int32 = 5000
    ) throws -> Journal {
        try open(at: path, create: create, clock: clock, busyTimeout: busyTimeout, prepareObserver: nil)
    }

    /// `open`, with `prepareObserver` called with the SQL of each statement
    /// the connection prepares (the query-plan tests).
    package static func open(
        at path: String, create: Bool = true, clock: JournalClock = .system, busyTimeout: Int32 = 5000,
        prepareObserver: ((String) -> Void)?
    ) throws -> Journal {
        let clock = try clock.checked()
        var created: NewFile?
        if try !checkFile(at: path) {
            guard create else { throw missing(path) }
            try JournalFiles.createDirectories(forFile: path)
            created = try createNew(at: path, busyTimeout: busyTimeout)
        }
        if access(path, R_OK) != 0 {
            throw JournalError.failed("cannot read \(path): permission denied; check the file's owner and mode")
        }

        do {
            let database = try Database(path: path, configuration: Configuration(
                mode: .readWrite, busyTimeout: busyTimeout,
                writerLock: try WriterLock(databasePath: path), prepareObserver: prepareObserver))
            try inspect(database, path: path)
            try configure(database)
            let migrated = try migrator.migrate(database)
            if walHasFrames(path) {
                // Words a reader kept in the file at an earlier delete: purge them now.
                try database.writerLock?.acquire(timeout: busyTimeout)
                database.checkpoint()
                database.writerLock?.release()
            }
            let journal = Journal(path: path, database: database, clock: clock)
            journal.wasCreated = created != nil
            try journal.schedule.rebuildIfEmptied()
            if migrated.from != migrated.to {
                // A journal from an earlier release holds lint penalties made
                // by older rules; commands that only read cannot save new ones,
                // so they are checked once here, while the journal is open for
                // writing.
                _ = try journal.lint.refreshPenalties()
            }
            return journal
        } catch {
            // A journal this command made but could not open (a disk that
            // filled up as the WAL was made) is taken back, so a failed
            // command leaves the folder as it was.
            created?.removeIfUntouched()
            throw JournalError.describing(error, journalPath: path)
        }
    }

    /// A journal file this process moved into place, as it was then.
    struct NewFile {
        let path: String
        let inode: ino_t
        let size: off_t

        /// Removes the file, its WAL and its index, unless another process
        /// may have written to it since: the file is another, or has grown,
        /// or has a WAL with frames, or another writer holds the lock.
        func removeIfUntouched() {
            var now = stat()
            guard stat(path, &now) == 0, now.st_ino == inode, now.st_size == size else { return }
            var wal = stat()
            if stat(path + "-wal", &wal) == 0 && wal.st_size > 0 { return }
            guard let lock = try? WriterLock(databasePath: path), (try? lock.acquire(timeout: 0)) != nil else { return }
            defer { lock.release() }
            for suffix in ["-wal", "-shm", ""] { unlink(path + suffix) }
        }
    }

    /// Opens the journal at `path` for reading only: it is never created,
    /// changed or locked, so reading works on a read-only file, folder or
    /// medium, on a full disk, and while another process writes. When the
    /// WAL's index cannot be made beside the file, the file is opened
    /// immutable (it then holds every committed change, as each starlog
    /// write ends by emptying the WAL). A journal from an older starlog is
    /// first migrated, which needs write access.
    public static func openForReading(
        at path: String, clock: JournalClock = .system, busyTimeout: Int32 = 5000
    ) throws -> Journal {
        // The clock is not checked here: whatever the system clock reads, a
        // user can always read and export their journal. Only writing needs it.
        guard try checkFile(at: path) else { throw missing(path) }
        if access(path, R_OK) != 0 {
            throw JournalError.failed("cannot read \(path): permission denied; check the file's owner and mode")
        }
        purgeWithoutWaiting(path)
        do {
            var database = try Database(path: path, mode: .readOnly, busyTimeout: busyTimeout)
            do {
                try inspect(database, path: path)
            } catch let error as SQLiteError where !error.isDamage && !error.isBusy {
                // No -shm could be made (read-only folder or medium, full disk).
                guard !walHasFrames(path) else {
                    throw JournalError.failed("\(path) has recent changes in \(path)-wal that cannot be read without write access to its folder; copy the journal with its -wal and -shm files to a writable folder and read the copy")
                }
                database = try Database(path: path, mode: .immutable, busyTimeout: busyTimeout)
                try inspect(database, path: path)
            }
            if try database.userVersion() < migrator.latestVersion {
                guard access(path, W_OK) == 0 else {
                    throw JournalError.journalFile(.needsUpgrade(path))
                }
                _ = try open(at: path, create: false, clock: clock, busyTimeout: busyTimeout)
                return try openForReading(at: path, clock: clock, busyTimeout: busyTimeout)
            }
            return Journal(path: path, database: database, clock: clock)
        } catch {
            throw JournalError.describing(error, journalPath: path)
        }
    }

    /// A new, empty journal in memory: what a dry run of an import reports
    /// against when there is no journal yet (so it creates none).
    public static func inMemory(clock: JournalClock = .system) throws -> Journal {
        do {
            let database = try Database(path: ":memory:")
            try migrator.migrate(database)
            return Journal(path: ":memory:", database: database, clock: try clock.checked())
        } catch {
            throw JournalError.describing(error)
        }
    }

    /// True when nothing is at `path` (a journal would be created there).
    public static func isMissing(at path: String) throws -> Bool {
        try !checkFile(at: path)
    }

    /// True when a file is at `path` and may be a journal; false when
    /// nothing is there. Throws for what cannot be one: a folder, a device,
    /// an empty file, a symbolic link to nothing.
    static func checkFile(at path: String) throws -> Bool {
        var info = stat()
        if stat(path, &info) != 0 {
            let reason = errno
            var link = stat()
            if reason == ENOENT, lstat(path, &link) == 0, (link.st_mode & S_IFMT) == S_IFLNK {
                var target = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
                let count = readlink(path, &target, target.count - 1)
                let points = count > 0 ? String(decoding: target[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) : nil
                throw JournalError.journalFile(.danglingLink(path, target: points))
            }
            guard reason == ENOENT else {
                throw JournalError.failed("cannot reach \(path): \(String(cString: strerror(reason))); check the path and its folder's permissions")
            }
            return false
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw JournalError.journalFile(.folder(path))
        } else if (info.st_mode & S_IFMT) != S_IFREG {
            throw JournalError.journalFile(.notRegularFile(path))
        } else if info.st_size == 0 {
            throw JournalError.journalFile(.emptyFile(path))
        }
        return true
    }

    static func missing(_ path: String) -> JournalError {
        .journalFile(.missing(path))
    }

    /// True when the journal's WAL holds frames not yet copied into it.
    static func walHasFrames(_ path: String) -> Bool {
        var info = stat()
        return stat(path + "-wal", &info) == 0 && info.st_size > 0
    }

    /// A reader that can write the folder copies what an earlier delete left
    /// in the WAL into the file, but only when nobody holds the writer lock
    /// or reads an old snapshot at this moment: it never waits.
    static func purgeWithoutWaiting(_ path: String) {
        guard walHasFrames(path), access(path, W_OK) == 0, access(folder(of: path), W_OK) == 0,
              let lock = try? WriterLock(databasePath: path), (try? lock.acquire(timeout: 0)) != nil
        else { return }
        defer { lock.release() }
        // Closed (the last connection out empties the WAL) while the lock is held.
        guard let database = try? Database(path: path, mode: .readWrite, busyTimeout: 0),
              (try? inspect(database, path: path)) != nil else { return }
        database.checkpoint()
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Refuses files that are not starlog journals, or come from a newer
    /// starlog, using reads only.
    static func inspect(_ database: Database, path: String) throws {
        let application: Int64
        let version: Int
        let tables: Int64
        do {
            application = try database.integer("PRAGMA application_id") ?? 0
            version = try database.userVersion()
            tables = try database.integer("SELECT count(*) FROM sqlite_schema") ?? 0
        } catch let error as SQLiteError where error.isDamage {
            throw JournalError.journalFile(.notSQLite(path))
        }
        if application != applicationID && (version > 0 || tables > 0 || application != 0) {
            throw JournalError.journalFile(.notStarlog(path))
        }
        _ = try migrator.checkVersion(of: database)
    }

    /// Per-connection settings: WAL so readers never wait for a writer, and
    /// a full sync at each commit so a journal survives a power cut.
    static func configure(_ database: Database) throws {
        let mode = try database.first("PRAGMA journal_mode") { $0.text(0) } ?? ""
        if mode.lowercased() != "wal" {
            try database.execute("PRAGMA journal_mode = WAL")
        }
        try database.execute("PRAGMA synchronous = FULL")
        try database.execute("PRAGMA secure_delete = ON")
    }

    /// Builds a new journal beside `path` and moves it into place in one
    /// step, so a crash never leaves a half-made journal at `path`.
    ///
    /// The new file is built with a rollback journal, not a WAL: when its
    /// one transaction commits, the file alone holds the whole schema, and
    /// when it fails (a full disk) nothing is moved into place. The first
    /// open switches it to WAL.
    static func createNew(at path: String, busyTimeout: Int32) throws -> NewFile? {
        removeAbandonedCreations(of: path)
        let temporary = path + ".new-\(getpid())"
        let descriptor = createExclusive(temporary, mode: 0o600)
        guard descriptor >= 0 else {
            throw JournalError.failed("cannot create \(path): \(String(cString: strerror(errno))); check that its folder is writable")
        }
        close(descriptor)
        let registered = TemporaryFiles.register([temporary, temporary + "-journal"])
        defer {
            unlink(temporary)
            unlink(temporary + "-journal")
            TemporaryFiles.unregister(registered)
        }
        do {
            let database = try Database(path: temporary, mode: .readWrite, busyTimeout: busyTimeout)
            try database.execute("PRAGMA journal_mode = DELETE")
            try database.execute("PRAGMA synchronous = FULL")
            try migrator.migrate(database)
        } catch {
            throw JournalError.describing(error, journalPath: path)
        }
        guard OutputFile.sync(temporary) else {
            throw JournalError.outputFailed("cannot create \(path): \(String(cString: strerror(errno))); nothing was created. Free some space and try again")
        }
        var made = stat()
        guard stat(temporary, &made) == 0 else {
            throw JournalError.failed("cannot create \(path): \(String(cString: strerror(errno))); check that its folder is writable")
        }
        // link() fails when another process made the journal meanwhile: theirs wins.
        if link(temporary, path) != 0 {
            guard errno == EEXIST else {
                throw JournalError.failed("cannot create \(path): \(String(cString: strerror(errno))); check that its folder is writable")
            }
            return nil
        }
        OutputFile.syncFolder(of: path)
        return NewFile(path: path, inode: made.st_ino, size: made.st_size)
    }
}

extension Journal {
    /// Removes the `NAME.new-PID` files (with their `-wal` and `-shm`) that a
    /// creation killed before it finished left beside `path`. Files of a
    /// process that is still running are left alone: it may be creating the
    /// journal right now.
    static func removeAbandonedCreations(of path: String) {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { path[..<$0].isEmpty ? "/" : String(path[..<$0]) } ?? "."
        let prefix = (slash.map { String(path[path.index(after: $0)...]) } ?? path) + ".new-"
        guard let directory = opendir(folder) else { return }
        var abandoned: [String] = []
        while let entry = readdir(directory) {
            // Read in place: the record is only as long as its name, so
            // copying the whole 256-byte d_name field reads past its end.
            let name = withUnsafePointer(to: &entry.pointee.d_name) { field in
                String(cString: UnsafeRawPointer(field).assumingMemoryBound(to: CChar.self))
            }
            guard name.hasPrefix(prefix) else { continue }
            var digits = name.dropFirst(prefix.count)
            for suffix in ["-wal", "-shm", "-journal"] where digits.hasSuffix(suffix) { digits = digits.dropLast(suffix.count) }
            guard let pid = Int32(digits), pid > 0, pid != getpid() else { continue }
            // ESRCH: no such process. EPERM means it runs under another user.
            if kill(pid, 0) != 0 && errno == ESRCH { abandoned.append(name) }
        }
        closedir(directory)
        for name in abandoned { unlink(folder + "/" + name) }
    }
}
