import Foundation
import Testing

extension CLIHarness {
    /// Runs `starlog ARGS` under a real pseudo-terminal (util-linux `script`)
    /// `columns` wide, typing `input`; returns the exit status and everything
    /// the terminal showed (stdout and stderr together, with CR LF endings
    /// turned into LF). `environment` adds to or, with "", removes from the
    /// usual variables.
    func terminal(
        _ arguments: [String], columns: Int = 80, input: String = "", environment: [String: String] = [:]
    ) throws -> (status: Int32, screen: String) {
        let quoted = CLIHarness.shellCommand(arguments)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-q", "-e", "-c", "stty cols \(columns) rows 40; exec \(quoted)", "/dev/null"]
        process.environment = childEnvironment(["TERM": "xterm"].merging(environment) { $1 })
        process.currentDirectoryURL = directory
        let inPipe = Pipe(), outPipe = Pipe()
        process.standardInput = inPipe
        process.standardOutput = outPipe
        process.standardError = outPipe
        try process.run()
        if !input.isEmpty { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
        let data = outPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try? inPipe.fileHandleForWriting.close()
        let screen = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        return (process.terminationStatus, screen)
    }
}

@Suite("Conventions of a command-line program")
struct ConventionTests {
    /// A journal with three dated stories.
    func journal() throws -> CLIHarness {
        let cli = try CLIHarness()
        try cli.ok(["add", "--title", "Cut checkout latency", "--when", "2023", "--principle", "dive-deep"])
        try cli.ok(["add", "--title", "another migration", "--when", "2021-05-20"])
        try cli.ok(["add", "--title", "Billing rewrite", "--when", "2024-02"])
        return cli
    }

    func ids(_ cli: CLIHarness, _ arguments: [String]) throws -> [Int] {
        let list = try #require(try JSONSerialization.jsonObject(with: Data(try cli.ok(arguments + ["--json"]).utf8)) as? [[String: Any]])
        return list.compactMap { $0["id"] as? Int }
    }

    @Test("#12 is accepted wherever a story id is taken")
    func hashIDs() throws {
        let cli = try journal()
        #expect(try cli.ok(["show", "#2"]).contains("another migration"))
        #expect(try cli.ok(["edit", "#2", "--role", "SRE", "--json"]).contains("\"role\": \"SRE\""))
        #expect(try cli.ok(["tag", "#2", "ownership"]).contains("Story 2: ownership"))
        #expect(try cli.ok(["lint", "#2"]).contains("#2 another migration"))
        #expect(try cli.ok(["practice", "log", "--story", "#2", "--question-text", "Why?", "--rating", "3", "--json"]).contains("\"story_id\": 2,"))
        let bad = try cli.run(["show", "#x"])
        #expect(bad.status == 64)
    }

    @Test("rm takes several ids, all or nothing; tag and untag take several joined by commas")
    func severalIDs() throws {
        let cli = try journal()
        let missing = try cli.run(["rm", "1", "99", "--yes"])
        CLIHarness.expectOneLineError(missing, code: 1, containing: "no story with id 99")
        #expect(try ids(cli, ["list"]) == [3, 2, 1], "nothing was deleted")

        let removed = try cli.ok(["rm", "1", "#3", "--yes"])
        #expect(removed.contains("Deleted story 1") && removed.contains("Deleted story 3"))
        #expect(try ids(cli, ["list"]) == [2])

        let fourth = try cli.ok(["add", "--title", "Fourth"]).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try cli.ok(["tag", "2,#\(fourth)", "dive-deep", "earn trust"]) == "Story 2: earn-trust, dive-deep\nStory \(fourth): earn-trust, dive-deep\n")
        #expect(try ids(cli, ["list", "--principle", "dive-deep"]) == [Int(fourth), 2])
        #expect(try cli.ok(["untag", "2,\(fourth)", "dive-deep"]) == "Story 2: earn-trust\nStory \(fourth): earn-trust\n")
        let partly = try cli.run(["tag", "2,77", "ownership"])
        CLIHarness.expectOneLineError(partly, code: 1, containing: "no story with id 77")
        #expect(try ids(cli, ["list", "--principle", "ownership"]).isEmpty, "story 2 was not tagged either")
    }

    @Test("answering no at rm's question deletes nothing and exits 0")
    func rmAnswerNo() throws {
        let cli = try journal()
        let (status, screen) = try cli.terminal(["rm", "1", "2"], input: "n\n")
        #expect(status == 0, "\(screen)")
        #expect(screen.contains("Delete 2 stories: 1 \"Cut checkout latency\", 2 \"another migration\"? [y/N]"))
        #expect(screen.contains("Nothing deleted."))
        #expect(try ids(cli, ["list"]) == [3, 2, 1])
        let (yesStatus, yesScreen) = try cli.terminal(["rm", "2"], input: "y\n")
        #expect(yesStatus == 0 && yesScreen.contains("Deleted story 2"), "\(yesScreen)")
    }

    @Test("empty results say so on a terminal, with the next step, and nothing on stderr through a pipe")
    func emptyResults() throws {
        let cli = try CLIHarness()
        try cli.ok(["init"])
        let cases: [([String], String)] = [
            (["list"], "No stories yet: add one with `starlog add`."),
            (["search", "kafka"], "No stories yet: add one with `starlog add`."),
            (["lint"], "add one with `starlog add`"),
            (["practice", "due"], "Nothing is due"),
            (["practice", "history"], "No practice yet"),
            (["interview", "list"], "No interviews yet; add one with `starlog interview add"),
        ]
        for (arguments, note) in cases {
            let (status, screen) = try cli.terminal(arguments)
            #expect(status == 0, "\(arguments): \(screen)")
            #expect(screen.contains(note), "\(arguments): \(screen)")
            let piped = try cli.run(arguments)
            #expect(piped.status == 0 && piped.stdout.isEmpty && piped.stderr.isEmpty, "\(arguments): \(piped)")
        }
        try cli.ok(["add", "--title", "Cut checkout latency"])
        let (_, searched) = try cli.terminal(["search", "kafka"])
        #expect(searched.contains("No stories match \"kafka\""), "\(searched)")
        let (_, filtered) = try cli.terminal(["list", "--outcome", "failure"])
        #expect(filtered.contains("No stories match"), "\(filtered)")
    }

    @Test("list --sort added|when|title, --since and --until by when; help says what newest means")
    func listOrders() throws {
        let cli = try journal()
        #expect(try ids(cli, ["list"]) == [3, 2, 1])
        #expect(try ids(cli, ["list", "--sort", "added"]) == [3, 2, 1])
        try cli.ok(["add", "--title", "undated"])
        #expect(try ids(cli, ["list", "--sort", "when"]) == [3, 1, 2, 4])
        #expect(try ids(cli, ["list", "--sort", "title"]) == [2, 3, 1, 4])
        #expect(try ids(cli, ["list", "--sort", "title", "--limit", "2"]) == [2, 3])
        // A story dated 2023 happened partly on or after 2023-06, and partly before 2023-02.
        #expect(try ids(cli, ["list", "--since", "2023-06"]) == [3, 1])
        #expect(try ids(cli, ["list", "--until", "2023-02"]) == [2, 1])
        #expect(try ids(cli, ["list", "--since", "2021-05-21", "--until", "2023"]) == [1])
        #expect(try ids(cli, ["list", "--since", "2025"]).isEmpty)
        CLIHarness.expectOneLineError(try cli.run(["list", "--since", "last week"]), code: 64)
        #expect(try cli.run(["list", "--sort", "size"]).status == 64)
        let help = try cli.ok(["list", "--help"])
        #expect(help.contains("Newest means most recently added"))
    }

    @Test("principles prints aligned columns")
    func principlesColumns() throws {
        let cli = try journal()
        let lines = try cli.ok(["principles"]).split(separator: "\n").map(String.init)
        #expect(lines.count == 17)
        #expect(lines[0].hasPrefix(" #  PRINCIPLE"))
        let slugColumn = try #require(lines[0].range(of: "SLUG")).lowerBound.utf16Offset(in: lines[0])
        let summaryColumn = try #require(lines[0].range(of: "SUMMARY")).lowerBound.utf16Offset(in: lines[0])
        for (line, slug) in zip(lines.dropFirst(), ["customer-obsession", "ownership", "invent-and-simplify"]) {
            #expect(line.range(of: slug)?.lowerBound.utf16Offset(in: line) == slugColumn, "\(line)")
        }
        let diveDeep = try #require(lines.first { $0.contains("dive-deep") })
        #expect(diveDeep.dropFirst(summaryColumn - 3).hasPrefix("1  "), "stories right-aligned before the summary: \(diveDeep)")
        #expect(!lines.contains { $0.hasSuffix(" ") })
    }

    @Test("show --markdown prints the form add --from reads")
    func showMarkdown() throws {
        let cli = try CLIHarness()
        try cli.ok(["add", "--title", "Cut checkout latency", "--situation", "Checkout was slow.\n\nTwo paragraphs.",
                    "--action", "I profiled it", "--result", "p99 fell 40%", "--outcome", "mixed", "--company", "Acme",
                    "--when", "2024-03", "--learnings", "Measure first", "--principle", "dive-deep", "--principle", "11"])
        let markdown = try cli.ok(["show", "1", "--markdown"])
        #expect(markdown.hasPrefix("---\n"))
        #expect(markdown.contains("**Situation:**"))
        let copied = try cli.ok(["add", "--from", "-", "--json"], input: markdown)
        let original = try #require(try JSONSerialization.jsonObject(with: Data(try cli.ok(["show", "1", "--json"]).utf8)) as? [String: Any])
        let copy = try #require(try JSONSerialization.jsonObject(with: Data(copied.utf8)) as? [String: Any])
        for key in ["title", "situation", "task", "action", "result", "learnings", "outcome", "company", "role", "when"] {
            #expect("\(original[key] ?? "nil")" == "\(copy[key] ?? "nil")", "\(key)")
        }
        #expect(copy["principles"] as? [String] == ["earn-trust", "dive-deep"])
        #expect(try cli.run(["show", "1", "--markdown", "--json"]).status == 64)
    }

    @Test("demo shows coverage, lint, plan and a practice log, and deletes its journal unless --keep")
    func demo() throws {
        let cli = try CLIHarness()
        let temporary = cli.directory.appendingPathComponent("tmp").path
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        let shown = try cli.run(["demo"], environment: ["TMPDIR": temporary])
        #expect(shown.status == 0, "\(shown.stderr)")
        for command in ["$ starlog add", "$ starlog search", "$ starlog principles", "$ starlog practice log",
                        "$ starlog coverage", "$ starlog lint", "$ starlog plan"] {
            #expect(shown.stdout.contains(command), "\(command)")
        }
        #expect(shown.stdout.contains("Recorded attempt 1"))
        #expect(shown.stdout.contains("Coverage (amazon): "))
        #expect(shown.stdout.contains("score "))
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary).isEmpty, "the temporary journal is gone")
        #expect(!FileManager.default.fileExists(atPath: cli.journal), "the user's journal is not touched")

        let kept = try cli.run(["demo", "--keep"], environment: ["TMPDIR": temporary])
        let folders = try FileManager.default.contentsOfDirectory(atPath: temporary)
        #expect(folders.count == 1)
        let path = temporary + "/" + (folders.first ?? "") + "/starlog.db"
        #expect(kept.stdout.contains("A sample journal at \(path)"))
        #expect(kept.stdout.contains("starlog list --db \(path)"))
        let listed = try cli.run(["list", "--db", path])
        #expect(listed.stdout.contains("Cut checkout latency"))
    }

    @Test("--color and STARLOG_COLOR: always beats a pipe, never beats a terminal, NO_COLOR only changes auto")
    func color() throws {
        let cli = try journal()
        let escape = "\u{1B}["
        #expect(!(try cli.ok(["list"]).contains(escape)))
        #expect(try cli.run(["list", "--color", "always"]).stdout.contains(escape))
        #expect(try cli.run(["list", "--color=always"]).stdout.contains(escape))
        #expect(try cli.run(["list"], environment: ["STARLOG_COLOR": "always"]).stdout.contains(escape))
        #expect(try cli.run(["list", "--color", "always"], environment: ["NO_COLOR": "1"]).stdout.contains(escape))
        #expect(!(try cli.run(["list", "--color", "auto"], environment: ["STARLOG_COLOR": "always"]).stdout.contains(escape)), "the flag beats the variable")
        #expect(try cli.run(["demo", "--color", "always"], environment: ["TMPDIR": cli.directory.path]).stdout.contains(escape))

        #expect(try cli.terminal(["list"], environment: ["NO_COLOR": ""]).screen.contains(escape))
        #expect(!(try cli.terminal(["list"], environment: ["NO_COLOR": "1"]).screen.contains(escape)))
        #expect(!(try cli.terminal(["list", "--color", "never"], environment: ["NO_COLOR": ""]).screen.contains(escape)))
        #expect(!(try cli.terminal(["list"], environment: ["NO_COLOR": "", "STARLOG_COLOR": "never"]).screen.contains(escape)))

        CLIHarness.expectOneLineError(try cli.run(["list"], environment: ["STARLOG_COLOR": "sometimes"]), code: 64, containing: "STARLOG_COLOR")
        #expect(try cli.run(["list", "--color", "sometimes"]).status == 64)
    }

    @Test("piped output is never cut; on a terminal tables fit the width and text wraps between words")
    func widths() throws {
        let cli = try CLIHarness()
        let title = "Rebuilt the payments team's on-call rotation after three outages in one quarter"
        let words = (1...40).map { "word\($0)" }.joined(separator: " ")
        try cli.ok(["add", "--title", title, "--situation", words, "--principle", "earn-trust", "--principle", "ownership"])

        for arguments in [["list"], ["coverage"], ["search", "rotation"], ["plan", "--principle", "earn-trust"]] {
            let piped = try cli.run(arguments, environment: ["COLUMNS": "40"])
            #expect(piped.stdout.contains(title), "\(arguments) cut its piped output:\n\(piped.stdout)")
        }
        let shownPiped = try cli.ok(["show", "1"])
        #expect(shownPiped.contains("  " + words), "piped show keeps each line whole")

        let (_, listed) = try cli.terminal(["list"], columns: 60, environment: ["NO_COLOR": "1"])
        let rows = listed.split(separator: "\n")
        #expect(rows.count == 2, "\(listed)")
        #expect(rows.allSatisfy { $0.count <= 60 }, "\(listed)")
        #expect(listed.contains("…"))

        let (_, shown) = try cli.terminal(["show", "1"], columns: 50, environment: ["NO_COLOR": "1"])
        let lines = shown.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= 50 }, "\(shown)")
        let situation = lines.filter { $0.hasPrefix("  word") }
        #expect(situation.count > 1, "\(shown)")
        #expect(situation.joined(separator: " ").split(separator: " ").joined(separator: " ") == words, "wrapped between words only")
    }

    @Test("the drill wraps its question between words on a narrow terminal")
    func drillWraps() throws {
        let cli = try CLIHarness()
        try cli.ok(["add", "--title", "Told the VP the launch would slip", "--principle", "earn-trust"])
        try cli.ok(["questions", "add", "--principle", "earn-trust",
                    "Describe the hardest conversation you had with a stakeholder who had stopped trusting your team entirely"])
        let (status, screen) = try cli.terminal(["practice", "--principle", "earn-trust", "--seed", "1"], columns: 40, input: "q\n", environment: ["NO_COLOR": "1"])
        #expect(status == 0, "\(screen)")
        let lines = screen.split(separator: "\n").map(String.init)
        let start = try #require(lines.firstIndex { $0.hasPrefix("Question 1 · ") })
        let question = lines[(start + 1)...].prefix { $0.hasPrefix("  ") && !$0.hasPrefix("  Due") }
        #expect(question.count > 1, "\(screen)")
        #expect(question.allSatisfy { $0.count <= 40 }, "\(screen)")
        let bank = try #require(try JSONSerialization.jsonObject(
            with: Data(try cli.ok(["questions", "--principle", "earn-trust", "--json"]).utf8)) as? [[String: Any]])
        let rejoined = question.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(bank.contains { $0["text"] as? String == rejoined }, "the lines rejoined at spaces give the question back: \(rejoined)")
    }

    @Test("a mistyped command suggests the closest; help for an unknown command is an error")
    func mistypedCommands() throws {
        let cli = try CLIHarness()
        CLIHarness.expectOneLineError(try cli.run(["serch", "kafka"]), code: 64, containing: "did you mean `starlog search`?")
        CLIHarness.expectOneLineError(try cli.run(["sh", "1"]), code: 64, containing: "did you mean `starlog show`?")
        CLIHarness.expectOneLineError(try cli.run(["practice", "hisotry"]), code: 64, containing: "did you mean `starlog practice history`?")
        CLIHarness.expectOneLineError(try cli.run(["interview", "lst"]), code: 64, containing: "did you mean `starlog interview list`?")
        CLIHarness.expectOneLineError(try cli.run(["help", "nonsense"]), code: 64, containing: "no command 'nonsense'")
        CLIHarness.expectOneLineError(try cli.run(["help", "serch"]), code: 64, containing: "did you mean `starlog search`?")
        CLIHarness.expectOneLineError(try cli.run(["help", "practice", "hisotry"]), code: 64, containing: "`starlog practice history`")
        CLIHarness.expectOneLineError(try cli.run(["frobnicate"]), code: 64, containing: "run `starlog --help`")
        #expect(try cli.ok(["help", "list"]).contains("List stories, newest first."))
        #expect(try cli.ok(["help", "practice", "history"]).contains("Past practice attempts"))
        #expect(!FileManager.default.fileExists(atPath: cli.journal), "no journal was made by a mistyped command")
        try cli.ok(["init"])
        #expect(try cli.ok(["ls"]).isEmpty, "aliases still work")
    }
}
