import Foundation
import Testing

/// What a new user met in a first hour: help examples, suggested commands,
/// options given twice, words that look like options, messages.
@Suite("Rough edges a new user hits")
struct RoughEdgeTests {
    @Test("help examples stay whole at 80 columns", arguments: [[], ["interview", "add"], ["practice", "log"], ["add"], ["export"]])
    func helpAt80Columns(_ command: [String]) throws {
        let cli = try CLIHarness()
        let help = try cli.run(command + ["--help"], environment: ["COLUMNS": "80"])
        #expect(help.status == 0)
        let lines = help.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        var inExample = false
        for line in lines {
            // An example line (or its continuation) must fit and never wrap
            // onto a line of its own at the margin.
            if line.hasPrefix("  starlog ") || line.hasPrefix("    --") || line.hasPrefix("    ") && inExample {
                #expect(line.count <= 80, "\(line)")
            }
            #expect(!(line.first.map { !$0.isWhitespace } ?? false && line.hasPrefix("--")), "an option wrapped to the margin: \(line)")
            #expect(!line.hasPrefix("engineer"), "\(line)")
            inExample = line.hasSuffix("\\")
        }
        if command.isEmpty {
            #expect(help.stdout.contains("    --principle deliver-results"), "\(help.stdout)")
        }
    }

    @Test("the command practice due suggests runs as printed")
    func practiceDueSuggestion() throws {
        let cli = try CLIHarness()
        let then = ["STARLOG_NOW": "2026-11-01T12:00:00Z", "TZ": "UTC0"]
        #expect(try cli.run(["add", "--title", "Kept the launch", "--principle", "ownership"], environment: then).status == 0)
        let logged = try cli.run(["practice", "log", "--question-text", "Q", "--story", "1", "--rating", "1"], environment: then)
        #expect(logged.status == 0, "\(logged.stderr)")
        let later = ["STARLOG_NOW": "2026-12-01T12:00:00Z", "TZ": "UTC0"]
        let due = try cli.run(["practice", "due"], environment: later)
        #expect(due.status == 0, "\(due.stderr)")
        let pieces = due.stdout.components(separatedBy: "`")
        let suggested = try #require(pieces.first { $0.hasPrefix("starlog practice log") }, "\(due.stdout)")
        // Split as a shell would: words, and one double-quoted phrase.
        var arguments: [String] = []
        for (index, part) in suggested.components(separatedBy: "\"").enumerated() {
            if index % 2 == 1 { arguments.append(part) } else { arguments += part.split(separator: " ").map(String.init) }
        }
        #expect(arguments.first == "starlog")
        let run = try cli.run(Array(arguments.dropFirst()), environment: later)
        #expect(run.status == 0, "\(suggested): \(run.stderr)")
        #expect(run.stdout.contains("Recorded attempt 2"), "\(run.stdout)")
    }

    @Test("an option that takes one value, given twice, is refused instead of dropping one")
    func repeatedSingleOption() throws {
        let cli = try CLIHarness()
        try cli.ok(["init"])
        let both = try cli.run(["questions", "add", "--principle", "dive deep", "--principle", "ownership", "Why?"])
        CLIHarness.expectOneLineError(both, code: 64, containing: "--principle takes one value and was given more than once")
        #expect(try cli.ok(["questions", "--json"]).contains("Why?") == false)
        for arguments in [["add", "--title", "a", "--title", "b"], ["list", "--db", "a.db", "--db", "b.db"],
                          ["practice", "log", "--question-text", "Q", "--principle", "ownership", "--rating", "3", "--rating=4"],
                          ["export", "-o", "a.json", "--output", "b.json"], ["export", "-o", "a.json", "-o", "b.json"]] {
            CLIHarness.expectOneLineError(try cli.run(arguments), code: 64, containing: "given more than once")
        }
        #expect(!FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent("a.json").path))
        #expect(!FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent("b.json").path))
        // Repeatable options stay repeatable.
        let tagged = try cli.ok(["add", "--title", "t", "--principle", "ownership", "--principle", "dive-deep", "--json"])
        #expect(tagged.contains("ownership") && tagged.contains("dive-deep"))
    }

    /// Walks the parser's own description of every command
    /// (`--experimental-dump-help`) for options that take one value and
    /// have a short name, and gives each one twice by its short name.
    @Test("every short option that takes one value, given twice, is refused")
    func repeatedShortOptions() throws {
        let cli = try CLIHarness()
        try cli.ok(["init"])
        let dump = try #require(try cli.run(["--experimental-dump-help"]).json() as? [String: Any])
        var found: [(path: [String], short: String, long: String)] = []
        func walk(_ command: [String: Any], path: [String]) {
            for argument in command["arguments"] as? [[String: Any]] ?? [] {
                guard argument["kind"] as? String == "option", argument["isRepeating"] as? Bool == false else { continue }
                let names = argument["names"] as? [[String: String]] ?? []
                guard let long = names.first(where: { $0["kind"] == "long" })?["name"] else { continue }
                for name in names where name["kind"] == "short" {
                    found.append((path, "-" + (name["name"] ?? ""), "--" + long))
                }
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] {
                walk(sub, path: path + [sub["commandName"] as? String ?? ""])
            }
        }
        walk(try #require(dump["command"] as? [String: Any]), path: [])
        #expect(found.contains { $0.path == ["export"] && $0.short == "-o" }, "\(found)")
        for (path, short, long) in found {
            let result = try cli.run(path + [short, "first", short, "second"])
            CLIHarness.expectOneLineError(result, code: 64, containing: "\(long) takes one value and was given more than once")
        }
    }

    /// `Starlog.mayRepeatAnOption` skips the check when every option is
    /// spelled by a distinct long name, which is only sound while no
    /// option has two long names.
    @Test("no option of any command has two long names")
    func oneLongNamePerOption() throws {
        let cli = try CLIHarness()
        let dump = try #require(try cli.run(["--experimental-dump-help"]).json() as? [String: Any])
        var checked = 0
        func walk(_ command: [String: Any], path: [String]) {
            for argument in command["arguments"] as? [[String: Any]] ?? [] where argument["kind"] as? String == "option" {
                let names = argument["names"] as? [[String: String]] ?? []
                #expect(names.filter { $0["kind"] == "long" }.count <= 1, "\(path): \(names)")
                checked += 1
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] {
                walk(sub, path: path + [sub["commandName"] as? String ?? ""])
            }
        }
        walk(try #require(dump["command"] as? [String: Any]), path: [])
        #expect(checked > 50)
    }

    @Test("search -word says how to search for it; search -- -word does")
    func searchLeadingDash() throws {
        let cli = try CLIHarness()
        try cli.ok(["add", "--title", "The -kafka flag", "--action", "I set -kafka on the consumer"])
        let dashed = try cli.run(["search", "-kafka"])
        CLIHarness.expectOneLineError(dashed, code: 64, containing: "'-kafka' reads as an option")
        #expect(dashed.stderr.contains("starlog search -- -kafka"))
        let quoted = try cli.run(["search", "--", "-kafka"])
        #expect(quoted.status == 0, "\(quoted.stderr)")
        let empty = try cli.run(["search"])
        CLIHarness.expectOneLineError(empty, code: 64, containing: "nothing to search for")
    }

    @Test("messages never double their punctuation (?; or ?.)")
    func noDoubledPunctuation() throws {
        let cli = try CLIHarness()
        let file = cli.directory.appendingPathComponent("notes.json").path
        try Data(#"{"format": "starlog", "version": 1, "stories": [{"title": "t", "principles": ["dive dep"]}]}"#.utf8)
            .write(to: URL(fileURLWithPath: file))
        let imported = try cli.run(["import", file])
        CLIHarness.expectOneLineError(imported, code: 65, containing: "did you mean 'dive-deep' (Dive Deep)? Nothing was imported")
        let listed = try cli.run(["list", "--principle", "dive dep"])
        for result in [imported, listed] {
            #expect(!result.stderr.contains("?;") && !result.stderr.contains("?.") && !result.stderr.contains(".."), "\(result.stderr)")
        }
    }
}

@Suite("add --from and the editor: the forms the messages offer")
struct StoryFormTests {
    @Test("front matter with only a title, and a bare **Situation:** body, are each a story")
    func minimalForms() throws {
        let cli = try CLIHarness()
        let titled = try cli.run(["add", "--from", "-", "--json"], input: "---\ntitle: Only a title\n---\n")
        #expect(titled.status == 0, "\(titled.stderr)")
        #expect(titled.stdout.contains("\"title\" : \"Only a title\"") || titled.stdout.contains("\"title\": \"Only a title\""))
        let bare = try cli.run(["add", "--from", "-", "--json"],
                               input: "**Situation:** Deploys failed weekly. Nobody owned them.\n**Task:** Fix it.\n**Action:** I wrote checks.\n**Result:** None failed since.\n")
        #expect(bare.status == 0, "\(bare.stderr)")
        let story = try #require(try bare.json() as? [String: Any])
        #expect(story["title"] as? String == "Deploys failed weekly")
        #expect(story["result"] as? String == "None failed since.")
        let headed = try cli.run(["add", "--from", "-", "--json"], input: "## From the heading\n\n**Action:** I did it.\n")
        #expect((try headed.json() as? [String: Any])?["title"] as? String == "From the heading", "\(headed.stderr)")
    }

    @Test("a heading that contradicts the front matter's title is refused in a file, settled in the editor")
    func headingAgainstTitle() throws {
        let cli = try CLIHarness()
        let both = try cli.run(["add", "--from", "-"], input: "---\ntitle: One\n---\n\n## Two\n\n**Action:** a\n")
        CLIHarness.expectOneLineError(both, code: 65, containing: "line 5: the heading says 'Two' but the front matter's title is 'One'")
        try cli.ok(["add", "--title", "Old title", "--action", "a"])
        func editor(_ name: String, _ sed: String) throws -> String {
            let path = cli.directory.appendingPathComponent(name).path
            try Data("#!/bin/sh\nsed -i \(sed) \"$1\"\n".utf8).write(to: URL(fileURLWithPath: path))
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
            return path
        }
        // Only the heading changed: the heading wins.
        let heading = try cli.run(["edit", "1", "--editor", "--json"], environment: ["EDITOR": try editor("h.sh", "-e 's/^## Old title/## New heading/'")])
        #expect((try heading.json() as? [String: Any])?["title"] as? String == "New heading", "\(heading.stderr)")
        // Only the front matter changed: it wins.
        let front = try cli.run(["edit", "1", "--editor", "--json"], environment: ["EDITOR": try editor("f.sh", "-e 's/^title: New heading/title: From front/'")])
        #expect((try front.json() as? [String: Any])?["title"] as? String == "From front", "\(front.stderr)")
        // Both changed, differently: refused, the story kept.
        let clash = try cli.run(["edit", "1", "--editor"], environment: ["EDITOR": try editor("c.sh", "-e 's/^title: From front/title: A/' -e 's/^## From front/## B/'")])
        #expect(clash.status == 65, "\(clash.stderr)")
        #expect(clash.stderr.contains("the heading says 'B'"), "\(clash.stderr)")
        #expect(try cli.ok(["show", "1", "--json"]).contains("From front"))
    }
}
