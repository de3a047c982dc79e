import Foundation
import Testing

/// Where a shell lives, when it is installed.
func shellPath(_ name: String) -> String? {
    ["/usr/bin/", "/bin/", "/usr/local/bin/"].map { $0 + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
}

extension CLIHarness {
    /// The completion script `starlog` generates for `shell`, written to a file.
    func completionScript(_ shell: String) throws -> String {
        let script = try run(["--generate-completion-script", shell])
        #expect(script.status == 0, "\(script.stderr)")
        let path = directory.appendingPathComponent("starlog.\(shell)").path
        try script.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// What bash offers for Tab at the end of `line`: the generated script is
    /// sourced in a real bash, which calls its completion function the way
    /// bash's `complete -F` does (command, current word, previous word).
    func bashComplete(_ line: String, environment: [String: String] = [:]) throws -> (offers: [String], stderr: String) {
        let script = try completionScript("bash")
        let driver = """
            source "$1"
            COMP_LINE="$2"; COMP_POINT=${#COMP_LINE}
            read -ra COMP_WORDS <<< "$COMP_LINE"
            if [[ "$COMP_LINE" == *" " ]]; then COMP_WORDS+=(""); fi
            COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            COMPREPLY=()
            _starlog starlog "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let folder = CLIHarness.binary.deletingLastPathComponent().path
        var env = environment
        env["PATH"] = folder + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let result = try runProgram("/bin/bash", ["-c", driver, "bash", script, line], environment: env)
        #expect(result.status == 0, "\(result.stderr)")
        return (result.stdout.split(separator: "\n").map(String.init), result.stderr)
    }

    /// Runs any program in this test's folder with the harness's environment.
    func runProgram(_ path: String, _ arguments: [String], environment: [String: String] = [:]) throws -> CLIResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = childEnvironment(environment)
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
    }
}

@Suite("Shell completion of commands and values")
struct CompletionTests {
    func journal() throws -> CLIHarness {
        let cli = try CLIHarness()
        try cli.ok(["add", "--title", "Cut checkout latency", "--principle", "dive-deep"])
        try cli.ok(["add", "--title", "Owning a missed deadline"])
        try cli.ok(["interview", "add", "--company", "Acme", "--date", "2030-01-15"])
        return cli
    }

    @Test("bash completes commands, principle slugs, story and interview ids, outcomes, formats and files")
    func bash() throws {
        let cli = try journal()
        try Data().write(to: cli.directory.appendingPathComponent("notes.md"))
        #expect(try cli.bashComplete("starlog tag 1 dive").offers == ["dive-deep"])
        #expect(try cli.bashComplete("starlog sh").offers == ["show"])
        #expect(try cli.bashComplete("starlog show ").offers == ["2", "1"])
        #expect(try cli.bashComplete("starlog rm 1 ").offers == ["2", "1"])
        #expect(try cli.bashComplete("starlog tag 2,").offers == ["2,2", "2,1"])
        #expect(try cli.bashComplete("starlog list --principle own").offers == ["ownership"])
        #expect(try cli.bashComplete("starlog add --principle earn").offers == ["earn-trust"])
        #expect(try cli.bashComplete("starlog practice due --principle deliver").offers == ["deliver-results"])
        #expect(try cli.bashComplete("starlog list --outcome ").offers == ["success", "failure", "mixed"])
        #expect(try cli.bashComplete("starlog export --format ").offers == ["json", "markdown", "csv"])
        #expect(try cli.bashComplete("starlog interview rm ").offers == ["1"])
        #expect(try cli.bashComplete("starlog coverage --interview ").offers == ["1"])
        #expect(try cli.bashComplete("starlog import no").offers == ["notes.md"])
        #expect(try cli.bashComplete("starlog add --from no").offers == ["notes.md"])
        #expect(try cli.bashComplete("starlog export --output no").offers == ["notes.md"])
        #expect(try cli.bashComplete("starlog list --color ").offers == ["auto", "always", "never"])
    }

    @Test("--db on the command line names the journal completion reads")
    func otherJournal() throws {
        let cli = try journal()
        let other = cli.directory.appendingPathComponent("other.db").path
        try cli.ok(["add", "--db", other, "--title", "Only here"])
        try cli.ok(["add", "--db", other, "--title", "And here"])
        try cli.ok(["add", "--db", other, "--title", "Third"])
        #expect(try cli.bashComplete("starlog show --db \(other) ").offers == ["3", "2", "1"])
    }

    @Test("with no journal yet, completion creates none, prints nothing on stderr, and still offers the built-in principles")
    func noJournal() throws {
        let cli = try CLIHarness()
        let story = try cli.bashComplete("starlog show ")
        #expect(story.offers.isEmpty && story.stderr.isEmpty, "\(story)")
        let direct = try cli.run(["---completion", "show", "--", "positional@0", "2", "0", "starlog", "show", ""])
        #expect(direct.status == 0 && direct.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty && direct.stderr.isEmpty, "\(direct)")
        #expect(try cli.bashComplete("starlog tag 1 dive").offers == ["dive-deep"])
        #expect(try cli.bashComplete("starlog interview rm ").offers.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: cli.journal), "completion never creates a journal")
        #expect(!FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent("home").path))

        let notAJournal = cli.directory.appendingPathComponent("text.db")
        try Data("hello".utf8).write(to: notAJournal)
        let odd = try cli.bashComplete("starlog show ", environment: ["STARLOG_DB": notAJournal.path])
        #expect(odd.offers.isEmpty && odd.stderr.isEmpty, "\(odd)")
        #expect(try Data(contentsOf: notAJournal) == Data("hello".utf8))
    }

    @Test("zsh and fish get story titles and principle names as descriptions")
    func descriptions() throws {
        let cli = try journal()
        let call = ["---completion", "show", "--", "positional@0", "2", "0", "starlog", "show", ""]
        let zsh = try cli.run(call, environment: ["SAP_SHELL": "zsh"])
        #expect(zsh.stdout.hasPrefix("2:Owning a missed deadline\n1:Cut checkout latency\n"), "\(zsh.stdout)")
        let fish = try cli.run(call, environment: ["SAP_SHELL": "fish"])
        #expect(fish.stdout == "2\tOwning a missed deadline\n1\tCut checkout latency\n", "\(fish.stdout)")
        let principle = try cli.run(
            ["---completion", "add", "--", "--principle", "3", "4", "starlog", "add", "--principle", "dive"],
            environment: ["SAP_SHELL": "fish"])
        #expect(principle.stdout == "dive-deep\tDive Deep\n", "\(principle.stdout)")
    }

    @Test("the zsh and fish scripts parse", .enabled(if: shellPath("zsh") != nil || shellPath("fish") != nil,
                                                        "neither zsh nor fish is installed"))
    func syntax() throws {
        let cli = try CLIHarness()
        for shell in ["zsh", "fish"] {
            guard let path = shellPath(shell) else { continue }
            let script = try cli.completionScript(shell)
            let checked = try cli.runProgram(path, ["-n", script])
            #expect(checked.status == 0, "\(shell) -n: \(checked.stderr)")
        }
    }
}
