#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StarlogStorage

/// Reading an input whole, with a limit, before anything is written.
public enum InputFile {
    /// The largest import file: far above any real journal's export
    /// (100,000 stories make about 150 MB), far below what would exhaust memory.
    public static let importLimit = 512 << 20
    /// The largest story file for `add --from` and `edit --from`, or the editor's text.
    public static let storyLimit = 16 << 20

    /// The bytes of `path` (stdin for "-"). Only a regular file or a pipe
    /// (or a terminal, for stdin) is read: a device such as /dev/zero never
    /// ends. More than `limit` bytes is refused with a message that names
    /// the limit.
    public static func readAll(_ path: String, limit: Int, limitName: String) throws -> [UInt8] {
        let name = path == "-" ? "stdin" : path
        let descriptor: Int32
        if path == "-" {
            descriptor = dup(STDIN_FILENO)
        } else {
            var info = stat()
            guard stat(path, &info) == 0 else {
                throw JournalError.badData("cannot read \(path): \(String(cString: strerror(errno))); check the path")
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                throw JournalError.input(.folder(path))
            }
            descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY)
        }
        guard descriptor >= 0 else {
            throw JournalError.badData("cannot read \(name): \(String(cString: strerror(errno))); check the path and its permissions")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw JournalError.badData("cannot read \(name): \(String(cString: strerror(errno)))")
        }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFREG || kind == S_IFIFO || kind == S_IFSOCK || (path == "-" && isatty(descriptor) != 0) else {
            throw JournalError.input(.notAFile(name))
        }
        let megabytes = limit >> 20
        if kind == S_IFREG && Int(info.st_size) > limit {
            throw JournalError.badData("\(name) is larger than \(limitName) of \(megabytes) MB; split it into smaller files")
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw JournalError.badData("reading \(name) failed: \(String(cString: strerror(errno))); nothing was changed")
            }
            if count == 0 { break }
            guard bytes.count + count <= limit else {
                throw JournalError.badData("\(name) is larger than \(limitName) of \(megabytes) MB; split it into smaller files")
            }
            bytes.append(contentsOf: chunk[..<count])
        }
        return bytes
    }

    /// Drops a UTF-8 byte-order mark, and turns old Mac line ends (a lone
    /// carriage return) into line feeds; Windows line ends are kept.
    public static func normalize(_ bytes: inout [UInt8]) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard bytes.contains(0x0D) else { return }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        for (index, byte) in bytes.enumerated() {
            if byte == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A) {
                result.append(0x0A)
            } else {
                result.append(byte)
            }
        }
        bytes = result
    }
}
