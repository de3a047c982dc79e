#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StarlogJournal

/// Writing a story in the user's editor: `$VISUAL`, else `$EDITOR` (git's
/// order), else `vi` on a terminal.
///
/// The text lives in a private file (`0600`, in a `0700` folder of its own)
/// that is removed in every outcome: saved, unchanged, failed, or the
/// process ended by SIGINT, SIGTERM or SIGHUP. When the text cannot be
/// saved (it does not parse, names an unknown principle, or the journal
/// refuses it), a person on a terminal is asked whether to re-open it;
/// otherwise, so that their writing is not lost, it is moved to a draft file
/// (`0600`) under `$XDG_STATE_HOME/starlog/drafts` (else
/// `~/.local/state/starlog/drafts`), whose path the error gives. A later
/// `add --from DRAFT` or `edit ID --from DRAFT` that succeeds removes it.
enum StoryEditor {
    enum Outcome {
        /// The text was saved.
        case saved
        /// The file came back unchanged or empty: nothing to do.
        case unchanged
    }

    /// The editor command, as the shell will read it. With neither variable
    /// set, `vi` on a terminal; off a terminal there is nobody to use it, so
    /// that is an error rather than a wait that never ends.
    static func command() throws -> String {
        for name in ["VISUAL", "EDITOR"] {
            if let value = Terminal.environment(name), !value.trimmed.isEmpty { return value }
        }
        guard Terminal.stdinIsTTY else {
            throw JournalError.invalidInput("no editor to open: set VISUAL or EDITOR (for example EDITOR=nano), or pass the story with --from FILE or field flags")
        }
        return "vi"
    }

    /// Opens `initial` in the editor; `save` gets the text written back and
    /// throws when it cannot be used. `retry` is the command that takes a
    /// saved draft back (`starlog add`).
    static func edit(_ initial: String, retry: String, save: (String) throws -> Void) throws -> Outcome {
        let command = try command()
        let folder = try makePrivateFolder()
        let path = folder + "/story.md"
        let token = TemporaryFiles.register([path], folders: [folder])
        var keep = false
        defer {
            if !keep {
                unlink(path)
                rmdir(folder)
                TemporaryFiles.unregister(token)
            }
        }
        try TextFile.createPrivate(path, text: initial)
        while true {
            let status = run(command, on: path)
            let text = (try? TextFile.read(path)) ?? initial
            guard status == 0 else {
                let problem = "the editor (\(command)) exited with status \(status); nothing was saved"
                if text == initial { throw JournalError.failed(problem) }
                throw keepDraft(text, problem: JournalError.failed(problem), retry: retry, keep: &keep, temporary: path)
            }
            if text == initial || text.trimmed.isEmpty { return .unchanged }
            do {
                try save(text)
                return .saved
            } catch let error as JournalError {
                switch error.exitCode {
                case JournalError.invalidInput("").exitCode, JournalError.badData("").exitCode:
                    // Input the user can fix in the editor.
                    if Terminal.stdinIsTTY && Terminal.stderrIsTTY {
                        Terminal.writeError("starlog: \(ErrorView.message(error))\nRe-open the editor to fix it? [Y/n] ")
                        let answer = Terminal.readLine()?.trimmed.lowercased() ?? "n"
                        if answer.isEmpty || answer == "y" || answer == "yes" { continue }
                    }
                default: break
                }
                throw keepDraft(text, problem: error, retry: retry, keep: &keep, temporary: path)
            }
        }
    }

    /// Saves `text` as a draft and returns `problem` with where it went; when
    /// no draft can be written, keeps the temporary file instead and says so.
    static func keepDraft(_ text: String, problem: JournalError, retry: String, keep: inout Bool, temporary: String) -> JournalError {
        let place: String
        if let draft = try? saveDraft(text) {
            place = draft
        } else {
            keep = true
            place = temporary
        }
        let message = MessageText.then(ErrorView.message(problem), sentence: "your text is kept in \(place); fix it and run `\(retry) --from \(place)`")
        // The same exit code as the problem, with where the text went.
        if case .locked = problem {
            return .failed(MessageText.then(ErrorView.message(problem), sentence: "your text is kept in \(place); run `\(retry) --from \(place)` once it is free"))
        }
        switch problem.exitCode {
        case JournalError.invalidInput("").exitCode: return .invalidInput(message)
        case JournalError.badData("").exitCode: return .badData(message)
        case JournalError.outputFailed("").exitCode: return .outputFailed(message)
        default: return .failed(message)
        }
    }

    /// The folder drafts are kept in.
    static func draftsFolder() -> String? {
        if let state = Terminal.environment("XDG_STATE_HOME"), state.hasPrefix("/") {
            return state + "/starlog/drafts"
        }
        guard let home = Terminal.environment("HOME"), !home.isEmpty else { return nil }
        return home + "/.local/state/starlog/drafts"
    }

    /// Writes `text` to a new draft file (`0600`, folders `0700`) and returns its path.
    static func saveDraft(_ text: String) throws -> String {
        guard let folder = draftsFolder() else { throw JournalError.failed("HOME is not set") }
        try JournalFiles.createDirectories(forFile: folder + "/x")
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        var stamp = [UInt8](repeating: 0, count: 32)
        let length = stamp.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                strftime($0, buffer.count, "%Y%m%d-%H%M%S", &parts)
            }
        }
        let base = folder + "/story-" + String(decoding: stamp[..<length], as: UTF8.self)
        var path = base + ".md"
        var number = 2
        var info = stat()
        while lstat(path, &info) == 0 {
            path = base + "-\(number).md"
            number += 1
        }
        let file = try OutputFile(path: path, force: false, journal: nil)
        try file.write(text)
        try file.commit()
        return path
    }

    /// The one story in the Markdown file at `path` (stdin for `-`), for
    /// `add --from` and `edit --from`.
    static func story(in path: String, journal: Journal) throws -> MarkdownStory {
        guard let story = try journal.parseStory(markdown: try TextFile.read(path)) else {
            throw JournalError.badData("\(path == "-" ? "stdin" : path) holds no story: give it a title: in the front matter or a **Situation:**")
        }
        return story
    }

    /// After a story read from `path` was saved: a draft this editor kept is
    /// removed, as it has done its work.
    static func removeIfDraft(_ path: String) {
        guard path != "-", let folder = draftsFolder(),
              let full = realpath(path, nil) else { return }
        defer { free(full) }
        let resolved = String(cString: full)
        guard let drafts = realpath(folder, nil) else { return }
        defer { free(drafts) }
        if resolved.hasPrefix(String(cString: drafts) + "/story-") && resolved.hasSuffix(".md") {
            unlink(resolved)
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
