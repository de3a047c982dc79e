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
            let base = (path.hasSuffix("/") ? path : path + "/") + "starlog-\(stamp)"
            // Two backups within one second get their own names.
            path = base + ".db"
            var number = 2
            while lstat(path, &info) == 0 {
                path = base + "-\(number).db"
                number += 1
            }
        }
        let output = try OutputFile(path: path, force: force, journal: self.path, companions: ["-journal", "-wal", "-shm"])
        defer {
            unlink(output.temporary + "-journal")
            unlink(output.temporary + "-wal")
            unlink(output.temporary + "-shm")
        }
        let stories: Int
        do {
            // All pages in one step: in WAL mode this reads one snapshot and
            // never holds up writers in other processes.
            try database.backup(to: output.temporary, pagesPerStep: -1)
            let copy = try Database(path: output.temporary, mode: .readWrite, busyTimeout: 1000)
            try copy.execute("PRAGMA journal_mode = DELETE")
            let check = try copy.first("PRAGMA quick_check") { $0.text(0) } ?? ""
            guard check == "ok" else {
                throw JournalError.damaged(.backupCopy(check: check, path: path))
            }
            stories = Int(try copy.integer("SELECT count(*) FROM story") ?? 0)
            TestPause.at("backup-copied")
        } catch {
            output.discard()
            if let error = error as? SQLiteError, [.SQLITE_FULL, .SQLITE_IOERR].contains(error.resultCode) {
                throw JournalError.outputFailed("cannot write \(path): the disk is full or failed (\(error.kind)); nothing was written. Free some space or choose another place, and try again")
            }
            throw JournalError.describing(error, journalPath: self.path)
        }
        try output.commitWrittenElsewhere()
        var written = stat()
        _ = stat(path, &written)
        return BackupReport(path: path, bytes: Int64(written.st_size), stories: stories)
    }
}
