#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
private typealias Glibc = Darwin
#endif

/// Writes all of `bytes` to `descriptor`, retrying after interruptions and
/// short writes; false (errno set) on failure.
func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
    var offset = 0
    while offset < bytes.count {
        let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        if written < 0 {
            if errno == EINTR { continue }
            return false
        }
        offset += written
    }
    return true
}

/// A reader that closed the pipe (`starlog list | head`) ends the command
/// quietly, the way the default action of SIGPIPE would have.
public func endQuietlyOnClosedPipe(_ error: Int32) {
    guard error == EPIPE else { return }
    signal(SIGPIPE, SIG_DFL)
    raise(SIGPIPE)
    exit(141)
}
