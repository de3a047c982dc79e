#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StarlogStorage

/// Creates `path` for writing with `mode`; fails when it exists.
func createExclusive(_ path: String, mode: mode_t) -> Int32 {
    #if canImport(Glibc)
    return Glibc.open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, mode)
    #else
    return Darwin.open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, mode)
    #endif
}

/// File-system steps for keeping journals private.
public enum JournalFiles {
    /// Creates the missing folders above `path` with mode `0700`; existing ones are left alone.
    public static func createDirectories(forFile path: String) throws {
        guard let slash = path.lastIndex(of: "/") else { return }
        let folder = String(path[..<slash])
        guard !folder.isEmpty else { return }
        var prefix = folder.hasPrefix("/") ? "" : "."
        for component in folder.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o700) != 0 && errno != EEXIST {
                throw JournalError.journalFile(.cannotCreateFolder(prefix, reason: String(cString: strerror(errno))))
            }
        }
        var info = stat()
        guard stat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw JournalError.journalFile(.notAFolder(folder))
        }
    }
}
