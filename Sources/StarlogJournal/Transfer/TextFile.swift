#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StarlogStorage

/// Whole-file reads and private writes, without Foundation.
public enum TextFile {
    /// The text of `path`, or of stdin for "-"; throws `badData` when it
    /// cannot be read or is not UTF-8.
    public static func read(_ path: String) throws -> String {
        var bytes = try InputFile.readAll(path, limit: InputFile.storyLimit, limitName: "the limit for one story")
        InputFile.normalize(&bytes)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw JournalError.badData("\(path == "-" ? "stdin" : path) is not UTF-8 text; save it as UTF-8 and try again")
        }
        return text
    }

    /// Creates `path` (which must not exist) with mode `0600` holding `text`.
    public static func createPrivate(_ path: String, text: String) throws {
        let descriptor = createExclusive(path, mode: 0o600)
        guard descriptor >= 0, let stream = fdopen(descriptor, "w") else {
            throw JournalError.failed("cannot create \(path): \(String(cString: strerror(errno)))")
        }
        var text = text
        let written = text.withUTF8 { fwrite($0.baseAddress, 1, $0.count, stream) }
        let closed = fclose(stream) == 0
        guard written == text.utf8.count, closed else {
            throw JournalError.failed("cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }
}
