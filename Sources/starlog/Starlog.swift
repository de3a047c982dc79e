#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import StarlogJournal

@main
struct Starlog: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "starlog",
        abstract: "A private journal of STAR career stories for behavioural interviews.",
        discussion: """
            Write each story once in STAR form (Situation, Task, Action, Result), tag it \
            with the principles it shows (Amazon's sixteen Leadership Principles are built \
            in), and find it again in seconds with full-text search. Everything lives in \
            one SQLite file you own.

            The journal is --db PATH, else $STARLOG_DB, else \
            $XDG_DATA_HOME/starlog/starlog.db (~/.local/share/starlog/starlog.db).

            Start with `starlog demo` to see it on a throw-away journal, or:
              starlog add --title "Cut checkout latency" --result "p99 down 40%" \\
                --principle deliver-results
              starlog search latency
            """,
        version: version,
        subcommands: [
            Init.self, Add.self, Show.self, List.self, Edit.self, Remove.self, Tag.self, Untag.self,
            Search.self, Answer.self, Match.self, Principles.self, Check.self, Demo.self,
            Questions.self, Practice.self, Coverage.self,
            Lint.self, Interview.self, Framework.self, Plan.self, Report.self,
            Import.self, Export.self, Backup.self,
        ]
    )

    /// Parses, runs, and maps every failure to one line on stderr and the
    /// exit code listed in the README.
    static func main() {
        if let code = runCommand() {
            Foundation_exit(code)
        }
        Terminal.flush()
    }

    /// Runs the command line; nil on success, else the exit code of the
    /// failure `fail` reported. The error is released before the process
    /// exits, so nothing it carried is left allocated at exit.
    static func runCommand() -> Int32? {
        do {
            if let value = Terminal.invalidColorVariable {
                throw UsageError("STARLOG_COLOR is '\(value)'; set it to auto, always or never, or unset it")
            }
            var command = try parseChecked(Array(CommandLine.arguments.dropFirst()))
            try command.run()
            return nil
        } catch {
            return fail(error)
        }
    }

    /// The command that `arguments` (without the program's name) ask for,
    /// parsed and checked as `main` does before running it.
    static func parseChecked(_ arguments: [String]) throws -> any ParsableCommand {
        let arguments = movingLeadingJournalOption(arguments)
        try checkCommandNames(arguments)
        let command = try parseAsRoot(arguments)
        try refuseRepeatedOptions(of: command, in: arguments)
        return command
    }

    /// An option that takes one value keeps only the last when given twice
    /// (`--principle "dive deep" --principle ownership`, or `-o a -o b`);
    /// rather than drop one silently, such a command is refused, whichever
    /// of its names (`-o`, `--output`) each use spells. Repeatable options
    /// (arrays) and flags are left alone.
    static func refuseRepeatedOptions(of command: any ParsableCommand, in arguments: [String]) throws {
        if mayRepeatAnOption(arguments) == false { return }
        let single = singleValueOptions(of: type(of: command))
        var seen: Set<String> = []
        for argument in arguments {
            if argument == "--" { break }
            let spelled = String(argument.split(separator: "=", maxSplits: 1).first ?? "")
            guard let name = single[spelled] else { continue }
            guard seen.insert(name).inserted else {
                throw ValidationError("\(name) takes one value and was given more than once; give it once")
            }
        }
    }

    /// False when no two of `arguments` can name the same option: every
    /// option given is spelled by a long name, and no two alike. No option
    /// has two long names (a test walks every command for that), so then
    /// nothing is repeated, and the parser's description of the command,
    /// which costs a fifth of a short command's run to make, is not needed.
    static func mayRepeatAnOption(_ arguments: [String]) -> Bool {
        var spellings: [Substring] = []
        for argument in arguments {
            if argument == "--" { break }
            guard argument.hasPrefix("-") else { continue }
            let spelled = argument.split(separator: "=", maxSplits: 1).first ?? ""
            if !spelled.hasPrefix("--") || spellings.contains(spelled) { return true }
            spellings.append(spelled)
        }
        return false
    }

    /// Every name of each option of `command` that takes one value, mapped
    /// to the name an error shows (the long one): `-o` and `--output` both
    /// to `--output`. Read from the parser's own description of the
    /// command, so a short name added later is covered too.
    static func singleValueOptions(of command: any ParsableCommand.Type) -> [String: String] {
        var result: [String: String] = [:]
        for argument in namedArguments(of: command) where argument.takesValue && !argument.repeats {
            for spelled in argument.spellings { result[spelled] = argument.shown }
        }
        return result
    }

    /// An option or flag of a command, as the parser describes it.
    struct NamedArgument {
        /// `-o`, `--output`.
        let spellings: [String]
        /// The name an error shows: the long one.
        let shown: String
        /// An option (it takes a value), not a flag.
        let takesValue: Bool
        let repeats: Bool
    }

    /// Every option and flag of `command`, read from the parser's own
    /// description of it, so one added later is covered too.
    static func namedArguments(of command: any ParsableCommand.Type) -> [NamedArgument] {
        var bytes = Array(command._dumpHelp().utf8)
        let description: JSONValue? = bytes.withUnsafeMutableBytes { buffer in
            guard let stream = fmemopen(buffer.baseAddress, buffer.count, "r") else { return nil }
            defer { fclose(stream) }
            return try? JSONStreamReader(stream: stream).value()
        }
        guard case .array(let arguments)? = description?["command"]?["arguments"] else { return [] }
        return arguments.compactMap { argument -> NamedArgument? in
            guard case .string(let kind)? = argument["kind"], kind == "option" || kind == "flag",
                  case .array(let names)? = argument["names"] else { return nil }
            var spellings: [String] = []
            var shown: String?
            for name in names {
                guard case .string(let length)? = name["kind"], case .string(let text)? = name["name"] else { continue }
                let spelled = (length == "long" ? "--" : "-") + text
                spellings.append(spelled)
                if length == "long" || shown == nil { shown = spelled }
            }
            guard let shown else { return nil }
            let repeats: Bool
            if case .bool(let value)? = argument["isRepeating"] { repeats = value } else { repeats = false }
            return NamedArgument(spellings: spellings, shown: shown, takesValue: kind == "option", repeats: repeats)
        }
    }

    /// `starlog --db PATH list` reads as `starlog list --db PATH`: the
    /// journal option may come before the command name too.
    static func movingLeadingJournalOption(_ arguments: [String]) -> [String] {
        guard let first = arguments.first else { return arguments }
        if first == "--db", arguments.count >= 3 {
            return Array(arguments.dropFirst(2)) + Array(arguments.prefix(2))
        }
        if first.hasPrefix("--db="), arguments.count >= 2 {
            return Array(arguments.dropFirst()) + [first]
        }
        return arguments
    }

    /// Refuses a command name that does not exist before the parser sees it,
    /// suggesting the closest: `starlog serch` → did you mean `search`?
    /// `starlog help NAME` must name a real command too. Under a command with
    /// a default subcommand (`practice`, `interview`), a word is only taken
    /// for a mistyped subcommand when it is within two edits of one.
    static func checkCommandNames(_ arguments: [String]) throws {
        var words = arguments[...]
        let askingForHelp = words.first == "help"
        if askingForHelp { words = words.dropFirst() }
        var command: any ParsableCommand.Type = Starlog.self
        var path = ["starlog"]
        for word in words {
            if word.hasPrefix("-") { break }
            let subcommands = command.configuration.subcommands
            if subcommands.isEmpty { break }
            if let next = subcommands.first(where: { names(of: $0).contains(word) }) {
                command = next
                path.append(next._commandName)
                continue
            }
            let candidates = subcommands.flatMap { Starlog.names(of: $0) }
            let prefixed = candidates.filter { $0.hasPrefix(word) }
            let nearest = candidates.map { (name: $0, distance: PrincipleRepository.editDistance(word, $0)) }
                .min { $0.distance < $1.distance }
            let close = prefixed.count == 1 ? prefixed[0]
                : nearest.flatMap { $0.distance <= min(2, max(1, word.count / 2)) ? $0.name : nil }
            let place = path.joined(separator: " ")
            if command.configuration.defaultSubcommand != nil && !askingForHelp {
                guard let close else { break }
                throw UsageError("`\(place)` has no command '\(word)'; did you mean `\(place) \(close)`?")
            }
            if let close {
                throw UsageError("`\(place)` has no command '\(word)'; did you mean `\(place) \(close)`?")
            }
            throw UsageError("`\(place)` has no command '\(word)'; run `\(place) --help` to see the commands")
        }
    }

    /// A command's name and aliases.
    static func names(of command: any ParsableCommand.Type) -> [String] {
        [command._commandName] + command.configuration.aliases
    }

    /// Help and version go to stdout as usual; every failure becomes one
    /// line on stderr and the exit code returned here, the one place that
    /// maps failures to exit codes (`main` ends the process with it).
    static func fail(_ error: any Error) -> Int32 {
        if let code = error as? ExitCode {
            return code.rawValue
        }
        switch error as? QuietEnd {
        case .interrupted?: return 130
        case .problemsFound?: return 1
        case nil: break
        }
        guard let failure = failure(for: error) else {
            // Help or version, which the parser prints itself.
            exit(withError: error)
        }
        Terminal.error(failure.message)
        return failure.code
    }

    /// The message and exit code (listed in the README) of a failed command;
    /// nil for an `ExitCode` and for help or version.
    static func failure(for error: any Error) -> (message: String, code: Int32)? {
        if error is ExitCode || error is QuietEnd { return nil }
        if let usage = error as? UsageError {
            return (usage.message, ExitCode.validationFailure.rawValue)
        }
        if let failure = error as? Failure {
            return (ErrorView.message(failure.problem) + failure.note, failure.problem.exitCode)
        }
        if let problem = Phrasing.phrase(error) {
            return (problem.message, problem.exitCode)
        }
        if JournalError.recognizes(error) {
            let problem = JournalError.describing(error)
            return (ErrorView.message(problem), problem.exitCode)
        }
        let code = exitCode(for: error)
        if code == .success { return nil }
        let message = message(for: error)
            .split(whereSeparator: \.isNewline)
            .map { $0.trimmed }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
        return ("\(message.lowercasedFirst()) (see `starlog help` or `starlog COMMAND --help`)",
                code == .failure ? ExitCode.validationFailure.rawValue : code.rawValue)
    }

    /// A journal error with a note the command adds to its message; its
    /// exit code is the error's.
    struct Failure: Error {
        let problem: JournalError
        let note: String
        init(_ problem: JournalError, note: String) {
            self.problem = problem
            self.note = note
        }
    }
}

extension JournalError {
    /// The exit code of each kind of failure, as the README lists them
    /// (sysexits.h where one fits).
    var exitCode: Int32 {
        switch category {
        case .usage: return 64
        case .data: return 65
        case .failure: return 1
        case .output: return 74
        case .busy: return 75
        }
    }
}

/// A command that ends with nothing more to say: it has printed what
/// happened, and its exit status (mapped in `Starlog.fail`) tells a script.
enum QuietEnd: Error {
    /// Ctrl-C stopped it; 130, as a shell reports SIGINT.
    case interrupted
    /// It found problems and listed them; 1.
    case problemsFound
}

/// A usage error whose message is complete as it stands (exit 64).
struct UsageError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

extension StringProtocol {
    func lowercasedFirst() -> String {
        guard let first = first else { return "" }
        // Keep acronyms and quoted names as they are.
        if dropFirst().first?.isUppercase == true { return String(self) }
        return first.lowercased() + dropFirst()
    }
}
