#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StarlogStorage

/// What `backup` wrote.
public struct BackupReport: Sendable, Equatable {
    /// The backup file.
    public let path: String
    public let bytes: Int64
    public let stories: Int
}

extension Journal {
    /// Copies the journal to `destination` with SQLite's online backup API:
    /// a consistent snapshot even while another process writes. The copy is
    /// made private (`0600`) under a temporary name, checked, switched to a
    /// self-contained rollback journal, and only then moved into place. An
    /// existing file is replaced only with `force`. When `destination` is a
    /// folder the copy goes inside it, named by the date and time.
    public func backup(to destination: String, force: Bool = false) throws -> BackupReport {
        var path = destination
        var info = stat()
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            let stamp = String(clock.timestamp().filter { $0 != ":" && $0 != "-" && $0 != "Z" }.map { $0 == "T" ? "-" : $0 })
            path = (path.hasSuffix("/") ? path : path + "/") + "starlog-\(stamp).db"
        }
        if resolvedPath(path) == resolvedPath(self.path) {
            throw JournalError.invalidInput("\(path) is the journal itself; back it up to another file")
        }
        if lstat(path, &info) == 0 {
            guard force else {
                throw JournalError.failed("\(path) already exists; pass --force to replace it, or choose another file")
            }
            guard (info.st_mode & S_IFMT) == S_IFREG else {
                throw JournalError.failed("\(path) exists and is not a regular file; choose another file")
            }
        }
        let temporary = path + ".starlog-backup-\(getpid())"
        let descriptor = createExclusive(temporary, mode: 0o600)
        guard descriptor >= 0 else {
            throw JournalError.failed("cannot write \(path): \(String(cString: strerror(errno))); check that its folder exists and is writable")
        }
        close(descriptor)
        defer {
            unlink(temporary)
            unlink(temporary + "-journal")
            unlink(temporary + "-wal")
            unlink(temporary + "-shm")
        }
        let stories: Int
        do {
            // All pages in one step: in WAL mode this reads one snapshot and
            // never holds up writers in other processes.
            try database.backup(to: temporary, pagesPerStep: -1)
            let copy = try Database(path: temporary, mode: .readWrite, busyTimeout: 1000)
            try copy.execute("PRAGMA journal_mode = DELETE")
            let check = try copy.first("PRAGMA quick_check") { $0.text(0) } ?? ""
            guard check == "ok" else {
                throw JournalError.failed("the copy failed its integrity check (\(check)); \(path) was not written. Run `starlog check`")
            }
            stories = Int(try copy.integer("SELECT count(*) FROM story") ?? 0)
        } catch {
            throw JournalError.describing(error, journalPath: self.path)
        }
        if let file = fopen(temporary, "r") {
            fsync(fileno(file))
            fclose(file)
        }
        guard rename(temporary, path) == 0 else {
            throw JournalError.failed("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        var written = stat()
        _ = stat(path, &written)
        return BackupReport(path: path, bytes: Int64(written.st_size), stories: stories)
    }

    private func resolvedPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
