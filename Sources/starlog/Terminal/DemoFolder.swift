#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StarlogJournal

/// The throw-away folder `starlog demo` writes its sample journal to.
enum DemoFolder {
    /// Deletes the temporary journal, its WAL files and the folder made for it.
    static func remove(journal path: String) {
        for suffix in ["", "-wal", "-shm", ".lock"] { unlink(path + suffix) }
        if let slash = path.lastIndex(of: "/") { rmdir(String(path[..<slash])) }
    }

    static func temporaryPath() throws -> String {
        let base = Terminal.environment("TMPDIR").flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((base + "/starlog-demo-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw JournalError.failed("cannot make a temporary folder in \(base); set TMPDIR to a writable folder or pass --db")
        }
        return String(cString: made) + "/starlog.db"
    }
}
