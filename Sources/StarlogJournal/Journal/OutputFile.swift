#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
private typealias Glibc = Darwin
#endif

/// A file written whole or not at all: the bytes go to a private (`0600`)
/// temporary file beside the target, which is flushed, synced and renamed
/// over the target only when complete. A failure, or a signal, removes the
/// temporary file; the target is then as it was.
public final class OutputFile {
    /// The file being written.
    public let path: String
    /// The temporary file beside it.
    public let temporary: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private let token: TemporaryFiles.Token
    private var finished = false

    /// Checks `path` may be written (see `checkTarget`), then creates the
    /// temporary file. `companions` are suffixes of further files that a
    /// writer of the temporary file may make beside it (SQLite's `-journal`),
    /// removed with it.
    public init(path: String, force: Bool, journal: String?, companions: [String] = []) throws {
        try Self.checkTarget(path, force: force, journal: journal)
        let folder = Journal.folder(of: path)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var template = Array((folder + "/." + name + ".starlog-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw JournalError.failed("cannot write \(path): \(String(cString: strerror(errno))); check that its folder exists and is writable")
        }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        fchmod(descriptor, 0o600)
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        self.path = path
        self.temporary = temporary
        self.descriptor = descriptor
        self.token = TemporaryFiles.register([temporary] + companions.map { temporary + $0 })
        buffer.reserveCapacity(1 << 16)
    }

    deinit {
        if !finished { discard() }
    }

    /// Refuses a target that is the journal (or its `-wal`, `-shm` or
    /// `-journal`, by name or as another name of the same file), a folder,
    /// something other than a regular file, or an existing file without `force`.
    public static func checkTarget(_ path: String, force: Bool, journal: String?) throws {
        if let journal {
            let target = resolved(path)
            let protected = ["", "-wal", "-shm", "-journal"].map { resolved(journal) + $0 }
            var targetInfo = stat(), journalInfo = stat()
            let sameFile = stat(path, &targetInfo) == 0 && stat(journal, &journalInfo) == 0
                && targetInfo.st_dev == journalInfo.st_dev && targetInfo.st_ino == journalInfo.st_ino
            if protected.contains(target) || sameFile {
                throw JournalError.invalidInput("\(path) is the journal itself (or one of its files); write to another file")
            }
        }
        var info = stat()
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            throw JournalError.invalidInput("\(path) is a folder; give a file path")
        }
        if lstat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFREG else {
                throw JournalError.failed("\(path) exists and is not a regular file; choose another file")
            }
            guard force else {
                throw JournalError.outputExists(path)
            }
        }
    }

    /// The absolute path with links in its folders resolved (the file itself
    /// may not exist yet).
    static func resolved(_ path: String) -> String {
        if let full = realpath(path, nil) {
            defer { free(full) }
            return String(cString: full)
        }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let folder = realpath(Journal.folder(of: path), nil) else { return path }
        defer { free(folder) }
        let base = String(cString: folder)
        return (base == "/" ? "" : base) + "/" + name
    }

    public func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { try flushBuffer() }
    }

    private func flushBuffer() throws {
        guard !buffer.isEmpty else { return }
        let ok = buffer.withUnsafeBytes { writeAll(descriptor, $0) }
        buffer.removeAll(keepingCapacity: true)
        guard ok else { throw failure() }
    }

    private func failure() -> JournalError {
        .outputFailed("cannot write \(path): \(String(cString: strerror(errno))); nothing was written. Free some space or choose another place, and try again")
    }

    /// Syncs the file and moves it over the target. On failure the
    /// temporary file is removed and the target left as it was.
    public func commit() throws {
        precondition(!finished, "committed twice")
        do {
            try flushBuffer()
            TestPause.at("output-before-rename")
            guard fsync(descriptor) == 0 else { throw failure() }
            let closed = close(descriptor)
            descriptor = -1
            guard closed == 0 else { throw failure() }
            guard rename(temporary, path) == 0 else { throw failure() }
        } catch {
            discard()
            throw error
        }
        finished = true
        TemporaryFiles.unregister(token)
        Self.syncFolder(of: path)
    }

    /// Moves a temporary file that another writer (SQLite) filled over the
    /// target, after syncing it; `commit` for files not written through `write`.
    public func commitWrittenElsewhere() throws {
        guard Self.sync(temporary) else {
            let error = failure()
            discard()
            throw error
        }
        try commit()
    }

    /// Removes the temporary file; the target is left as it was.
    public func discard() {
        guard !finished else { return }
        finished = true
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        unlink(temporary)
        TemporaryFiles.unregister(token)
    }

    /// fsync of the file at `path`; false (errno set) when it fails.
    static func sync(_ path: String) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        let synced = fsync(descriptor) == 0
        let saved = errno
        close(descriptor)
        errno = saved
        return synced
    }

    /// Syncs the folder holding `path`, so a rename into it survives a power cut.
    static func syncFolder(of path: String) {
        let descriptor = open(Journal.folder(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
