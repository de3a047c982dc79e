#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
private typealias Glibc = Darwin
#endif
import StarlogStorage

/// Temporary files and folders to remove if a signal ends the process.
///
/// A private copy of a journal or an export must not outlive the command
/// that made it. While one exists its path is registered here; SIGINT,
/// SIGTERM and SIGHUP then remove every registered path and end the process
/// by the same signal, as if no handler had been installed. The handler only
/// calls `unlink`, `rmdir` and `raise`, which are safe in a signal handler,
/// and reads paths copied into C memory beforehand.
public enum TemporaryFiles {
    /// Slots for paths (C strings); a folder's slot is removed with `rmdir`.
    private static let capacity = 16
    nonisolated(unsafe) private static let paths: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        slots.initialize(repeating: nil, count: capacity)
        return slots
    }()
    nonisolated(unsafe) private static let folders: UnsafeMutablePointer<Bool> = {
        let flags = UnsafeMutablePointer<Bool>.allocate(capacity: capacity)
        flags.initialize(repeating: false, count: capacity)
        return flags
    }()
    /// Whether the handlers are installed. Its lock also serialises
    /// registrations between threads (a process that opens journals on
    /// several threads, such as the test runner). The signal handler never
    /// takes it: blocking the signals while the slots change keeps the
    /// handler from seeing them half-written.
    private static let installed = Locked(false)

    /// A registration to hand back to `unregister`.
    public struct Token: Sendable {
        let slots: [Int]
    }

    /// Registers files (removed before folders) and folders; installs the
    /// signal handlers the first time.
    @discardableResult
    public static func register(_ files: [String], folders folderPaths: [String] = []) -> Token {
        changingSlots { installed in
            if !installed { install(); installed = true }
            var taken: [Int] = []
            for (path, isFolder) in files.map({ ($0, false) }) + folderPaths.map({ ($0, true) }) {
                guard let slot = (0..<capacity).first(where: { paths[$0] == nil }) else { break }
                folders[slot] = isFolder
                paths[slot] = strdup(path)
                taken.append(slot)
            }
            return Token(slots: taken)
        }
    }

    /// Forgets paths once they are renamed into place or removed.
    public static func unregister(_ token: Token) {
        changingSlots { _ in
            for slot in token.slots {
                free(paths[slot])
                paths[slot] = nil
            }
        }
    }

    /// Runs `change` with the handled signals blocked and the lock held.
    private static func changingSlots<T>(_ change: (inout Bool) -> T) -> T {
        var blocked = sigset_t(), previous = sigset_t()
        sigemptyset(&blocked)
        for signal in handled { sigaddset(&blocked, signal) }
        sigprocmask(SIG_BLOCK, &blocked, &previous)
        defer { sigprocmask(SIG_SETMASK, &previous, nil) }
        return installed.withLock { change(&$0) }
    }

    private static let handled: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    private static func install() {
        for signal in handled {
            // A signal the caller chose to ignore (nohup) stays ignored.
            let previous = Glibc.signal(signal, SIG_IGN)
            if let previous, case let ignore = SIG_IGN,
               unsafeBitCast(previous, to: Int.self) == unsafeBitCast(ignore, to: Int.self) { continue }
            Glibc.signal(signal) { signal in
                TemporaryFiles.removeAllFromHandler()
                // Back to the default action, then end the process by it.
                Glibc.signal(signal, SIG_DFL)
                raise(signal)
            }
        }
    }

    /// Runs inside the signal handler: files first, then folders.
    private static func removeAllFromHandler() {
        for pass in [false, true] {
            for slot in 0..<capacity {
                guard let path = paths[slot], folders[slot] == pass else { continue }
                if pass { rmdir(path) } else { unlink(path) }
            }
        }
    }
}
