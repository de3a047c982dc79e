#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CSV
import Foundation
import StarlogStorage

/// Where an export goes: stdout, or a file written whole or not at all
/// (see `OutputFile`). Every write to stdout is checked: a full disk or an
/// I/O error throws `outputFailed`, and a reader that closed the pipe ends
/// the command quietly.
public final class ExportSink {
    private let file: OutputFile?
    private var buffer: [UInt8] = []
    /// How text is shown on stdout, when it is not written as it is (on a
    /// terminal, where stored text must not steer the terminal).
    private let shown: (@Sendable (String) -> String)?

    private init(file: OutputFile?, shown: (@Sendable (String) -> String)? = nil) {
        self.file = file
        self.shown = shown
    }

    /// Writes to stdout: as it is, or through `shown` when given (whole
    /// characters at a time).
    public static func standardOutput(shown: (@Sendable (String) -> String)? = nil) throws -> ExportSink {
        // Whatever was printed before goes out first, in order.
        if fflush(nil) != 0 { throw standardOutputFailure() }
        return ExportSink(file: nil, shown: shown)
    }

    /// Writes to `path`, which must not be the journal at `journal` or one
    /// of its files, and must not exist unless `force` is set.
    public static func file(at path: String, force: Bool = false, journal: String? = nil) throws -> ExportSink {
        ExportSink(file: try OutputFile(path: path, force: force, journal: journal))
    }

    public func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    public func write(bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    private func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard bytes.count > 0 else { return }
        if let file { return try file.write(bytes) }
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { try flushStandardOutput() }
    }

    private func flushStandardOutput(final: Bool = false) throws {
        guard !buffer.isEmpty else { return }
        var kept: [UInt8] = []
        if let shown {
            // Shown a whole character at a time: an unfinished UTF-8
            // sequence, or a CR that may start a CRLF, waits for the next write.
            let cut = final ? buffer.count : Self.wholeCharacters(buffer)
            kept = Array(buffer[cut...])
            buffer = Array(shown(String(decoding: buffer[..<cut], as: UTF8.self)).utf8)
        }
        let ok = buffer.withUnsafeBytes { writeAll(STDOUT_FILENO, $0) }
        buffer.removeAll(keepingCapacity: true)
        buffer.append(contentsOf: kept)
        if !ok { throw Self.standardOutputFailure() }
    }

    /// The length of `bytes` without a last character that may be unfinished:
    /// a UTF-8 sequence cut short, or a carriage return.
    static func wholeCharacters(_ bytes: [UInt8]) -> Int {
        var end = bytes.count
        // Back over continuation bytes to the last sequence's lead byte.
        var start = end
        while start > 0, end - start < 4, bytes[start - 1] & 0xC0 == 0x80 { start -= 1 }
        if start > 0 {
            let lead = bytes[start - 1]
            let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
            if end - (start - 1) < length { end = start - 1 }
        }
        if end > 0, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return end
    }

    /// The error for a failed write to stdout; a closed pipe ends the process.
    static func standardOutputFailure() -> JournalError {
        let reason = errno
        endQuietlyOnClosedPipe(reason)
        return .standardOutput(reason: String(cString: strerror(reason)))
    }

    /// Finishes the output: writes out stdout, or syncs the file and moves it into place.
    public func commit() throws {
        if let file { return try file.commit() }
        try flushStandardOutput(final: true)
    }

    /// Drops a file that was not finished.
    public func discard() {
        file?.discard()
        buffer.removeAll()
    }
}
