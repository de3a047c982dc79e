#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Set by the SIGINT/SIGTERM/SIGHUP handler that `LineInput.catchSignals`
/// installs; read by `LineInput`.
nonisolated(unsafe) private var caughtSignal: sig_atomic_t = 0

/// What one read from the terminal gave.
enum LineRead: Equatable {
    case line(String)
    case endOfInput
    case interrupted
}

/// Lines from standard input, read with poll(2) so a caller can redraw a
/// clock while it waits and notice Ctrl-C at once.
struct LineInput {
    private var buffer: [UInt8] = []
    private var ended = false

    /// Catches SIGINT, SIGTERM and SIGHUP, so that a read returns
    /// `.interrupted` instead of the process ending.
    static func catchSignals() {
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = { _ in caughtSignal = 1 }
            #else
            action.__sigaction_u.__sa_handler = { _ in caughtSignal = 1 }
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0 // no SA_RESTART: a blocked read or poll returns at once
            sigaction(signal, &action, nil)
        }
    }

    /// Forgets a caught signal, so the next read waits for input again.
    static func clearSignal() {
        caughtSignal = 0
    }

    /// The next line, blocking until it comes.
    mutating func readLine() -> LineRead {
        while true {
            if let result = readLine(timeoutMilliseconds: -1) { return result }
        }
    }

    /// The next line, or nil when none came within the timeout.
    mutating func readLine(timeoutMilliseconds: Int32) -> LineRead? {
        if caughtSignal != 0 { return .interrupted }
        if let line = takeLine() { return .line(line) }
        if ended {
            if buffer.isEmpty { return .endOfInput }
            let rest = String(decoding: buffer, as: UTF8.self)
            buffer.removeAll()
            return .line(rest)
        }
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, timeoutMilliseconds)
        if caughtSignal != 0 { return .interrupted }
        if ready < 0 { return errno == EINTR ? nil : .endOfInput }
        if ready == 0 { return nil }
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
        if caughtSignal != 0 { return .interrupted }
        if count < 0 { return errno == EINTR || errno == EAGAIN ? nil : .endOfInput }
        if count == 0 {
            ended = true
        } else {
            buffer.append(contentsOf: chunk[0..<count])
        }
        return readLine(timeoutMilliseconds: 0)
    }

    private mutating func takeLine() -> String? {
        guard let newline = buffer.firstIndex(of: 10) else { return nil }
        var line = Array(buffer[..<newline])
        buffer.removeSubrange(...newline)
        if line.last == 13 { line.removeLast() }
        return String(decoding: line, as: UTF8.self)
    }
}

/// Seconds on a clock that never jumps.
func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1_000_000_000
}
