#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StarlogJournal

/// Writing a story in the user's editor: `$EDITOR`, else `$VISUAL`, else `vi`.
///
/// The text lives in a private file (`0600`, in a `0700` folder of its own)
/// that is removed once the story is saved or nothing changed. When the text
/// cannot be saved, a person on a terminal is asked whether to re-open it;
/// otherwise the file is kept and its path given in the error.
enum StoryEditor {
    enum Outcome {
        /// The text was saved.
        case saved
        /// The file came back unchanged or empty: nothing to do.
        case unchanged
    }

    /// The editor command, as the shell will read it.
    static var command: String {
        for name in ["EDITOR", "VISUAL"] {
            if let value = Terminal.environment(name), !value.trimmingSpaces().isEmpty { return value }
        }
        return "vi"
    }

    /// Opens `initial` in the editor; `save` gets the text written back and
    /// throws when it cannot be used. `retry` is the command that takes the
    /// kept file back (`starlog add`).
    static func edit(_ initial: String, retry: String, save: (String) throws -> Void) throws -> Outcome {
        let folder = try makePrivateFolder()
        let path = folder + "/story.md"
        try TextFile.createPrivate(path, text: initial)
        var keep = false
        defer {
            if !keep {
                unlink(path)
                rmdir(folder)
            }
        }
        while true {
            let status = run(command, on: path)
            guard status == 0 else {
                keep = true
                throw JournalError.failed("the editor (\(command)) exited with status \(status); nothing was saved. Your text is kept in \(path)")
            }
            let text = try TextFile.read(path)
            if text == initial || text.trimmingSpaces().isEmpty { return .unchanged }
            do {
                try save(text)
                return .saved
            } catch let error as JournalError {
                switch error {
                case .invalidInput, .badData: break
                default: keep = true; throw error
                }
                if Terminal.stdinIsTTY && Terminal.stderrIsTTY {
                    Terminal.writeError("starlog: \(error.message)\nRe-open the editor to fix it? [Y/n] ")
                    let answer = Terminal.readLine()?.trimmingSpaces().lowercased() ?? "n"
                    if answer.isEmpty || answer == "y" || answer == "yes" { continue }
                }
                keep = true
                let kept = MessageText.then(error.message, sentence: "your text is kept in \(path); fix it and run `\(retry) --from \(path)`")
                throw error.exitCode == 64 ? JournalError.invalidInput(kept) : JournalError.badData(kept)
            }
        }
    }

    /// A new folder only the user can enter, under `$TMPDIR` (else /tmp).
    static func makePrivateFolder() throws -> String {
        var base = Terminal.environment("TMPDIR") ?? "/tmp"
        if base.isEmpty { base = "/tmp" }
        while base.count > 1 && base.hasSuffix("/") { base.removeLast() }
        var template = Array((base + "/starlog-edit-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in mkdtemp(buffer.baseAddress!) }
        guard made != nil else {
            throw JournalError.failed("cannot create a private folder in \(base): \(String(cString: strerror(errno))); set TMPDIR to a writable folder")
        }
        let folder = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        chmod(folder, 0o700)
        return folder
    }

    /// Runs `editor path` through the shell (so `EDITOR="code -w"` works)
    /// and returns its exit status.
    static func run(_ editor: String, on path: String) -> Int32 {
        Terminal.flush()
        let quoted = "'" + path.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
        let status = system(editor + " " + quoted)
        if status == -1 { return 127 }
        // The wait status: the exit code is in the second byte; a signal in the first.
        if status & 0x7f != 0 { return 128 + (status & 0x7f) }
        return (status >> 8) & 0xff
    }
}
