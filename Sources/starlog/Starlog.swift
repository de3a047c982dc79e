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
              starlog add --title "Cut checkout latency" --result "p99 down 40%" --principle deliver-results
              starlog search latency
            """,
        version: version,
        subcommands: [
            Init.self, Add.self, Show.self, List.self, Edit.self, Remove.self, Tag.self, Untag.self,
            Search.self, Principles.self, Check.self, Demo.self,
            Questions.self, Practice.self, Coverage.self,
            Lint.self, InterviewCommand.self, Plan.self,
            Import.self, Export.self, Backup.self,
        ]
    )

    /// Parses, runs, and maps every failure to one line on stderr and the
    /// exit code of SPEC §8.
    static func main() {
        do {
            var command = try parseAsRoot(movingLeadingJournalOption(Array(CommandLine.arguments.dropFirst())))
            try command.run()
        } catch {
            fail(error)
        }
        Terminal.flush()
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

    /// Help and version go to stdout as usual; every failure becomes one
    /// line on stderr with its exit code.
    static func fail(_ error: any Error) -> Never {
        if let code = error as? ExitCode {
            Foundation_exit(code.rawValue)
        }
        if JournalError.recognizes(error) {
            let problem = JournalError.describing(error)
            Terminal.error(problem.message)
            Foundation_exit(problem.exitCode)
        }
        let code = exitCode(for: error)
        if code == .success {
            exit(withError: error)
        }
        let message = message(for: error)
            .split(whereSeparator: \.isNewline)
            .map { $0.trimmingSpaces() }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
        Terminal.error("\(message.lowercasedFirst()) (see `starlog help` or `starlog COMMAND --help`)")
        Foundation_exit(code == .failure ? ExitCode.validationFailure.rawValue : code.rawValue)
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while slice.first?.isWhitespace == true { slice.removeFirst() }
        while slice.last?.isWhitespace == true { slice.removeLast() }
        return String(slice)
    }

    func lowercasedFirst() -> String {
        guard let first = first else { return "" }
        // Keep acronyms and quoted names as they are.
        if dropFirst().first?.isUppercase == true { return String(self) }
        return first.lowercased() + dropFirst()
    }
}
