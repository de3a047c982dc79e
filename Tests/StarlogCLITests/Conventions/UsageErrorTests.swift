import ArgumentParser
import Foundation
import StarlogJournal
import Testing

@testable import starlog

/// Usage errors checked in-process, as swift-argument-parser's own examples
/// are: the arguments are parsed (and, when parsing accepts them, run
/// against a journal that must not change), and the failure becomes the
/// one line and exit code that `main` would print.
@Suite("Usage errors, in-process")
struct UsageErrorTests {
    /// What `main` would do with `arguments`, without ending the process:
    /// the error it fails with, or nil when the command ran.
    func failure(_ arguments: [String], journal: String) -> (message: String, code: Int32)? {
        do {
            var command = try Starlog.parseChecked(arguments + ["--db", journal])
            try command.run()
            return nil
        } catch {
            return Starlog.failure(for: error)
        }
    }

    @Test("usage errors exit 64 with one line and change nothing", arguments: [
        ["add", "--title", "   "],
        ["add", "--title", "T", "--outcome", "win"],
        ["add", "--title", "T", "--when", "2024-13"],
        ["add", "--title", "T", "--principle", "earn-trsut"],
        ["show", "abc"],
        ["show", "-3"],
        ["list", "--limit", "0"],
        ["list", "--outcome", "nope"],
        ["search"],
        ["search", "  "],
        ["tag", "1"],
        ["nosuchcommand"],
        ["add", "--title", "A", "--title", "B"],
    ])
    func usageErrors(_ arguments: [String]) throws {
        let test = try TestFolder()
        let journal = test.path("journal.db")
        let opened = try Journal.open(at: journal)
        _ = try opened.stories.add(StoryDraft(title: "Existing"))
        let before = try Data(contentsOf: URL(fileURLWithPath: journal))

        let result = try #require(failure(arguments, journal: journal), "\(arguments) should fail")
        #expect(result.code == 64, "\(result)")
        let line = Terminal.errorLine(result.message)
        #expect(line.hasPrefix("starlog: error: ") && line.hasSuffix("\n"))
        #expect(line.filter(\.isNewline).count == 1, "one line: \(line)")
        #expect(!line.contains("SQLITE_") && !line.contains("Fatal error"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: journal)) == before, "a failed command leaves the journal as it was")
    }

    @Test("a mistyped command or principle names the closest match")
    func suggestions() throws {
        let test = try TestFolder()
        let journal = test.path("journal.db")
        #expect(failure(["serch", "x"], journal: journal)?.message == "`starlog` has no command 'serch'; did you mean `starlog search`?")
        let principle = try #require(failure(["add", "--title", "T", "--principle", "earn-trsut"], journal: journal))
        #expect(principle.message.contains("did you mean 'earn-trust'"), "\(principle.message)")
        // Two letters swapped count as one slip, even in a short word.
        #expect(failure(["practice", "lgo"], journal: journal)?.message
                == "`starlog practice` has no command 'lgo'; did you mean `starlog practice log`?")
        #expect(failure(["add", "--title", "T", "--principle", "onwership"], journal: journal)?.message.contains("did you mean 'ownership'") == true)
    }

    @Test("an option given twice is refused by either of its names")
    func repeatedOption() throws {
        #expect(throws: (any Error).self) { try Starlog.parseChecked(["export", "-o", "a", "--output", "b"]) }
        do {
            _ = try Starlog.parseChecked(["export", "-o", "a", "--output", "b"])
        } catch {
            #expect(Starlog.failure(for: error)?.message
                == "--output takes one value and was given more than once; give it once (see `starlog help` or `starlog COMMAND --help`)")
            #expect(Starlog.failure(for: error)?.code == 64)
        }
        // The check is skipped only where nothing can repeat.
        #expect(Starlog.mayRepeatAnOption(["show", "--db", "a.db", "12", "--json"]) == false)
        #expect(Starlog.mayRepeatAnOption(["add", "--title=a", "--title", "b"]))
        #expect(Starlog.mayRepeatAnOption(["export", "-o", "a", "--output", "b"]))
        #expect(Starlog.mayRepeatAnOption(["export", "--output", "a", "-o", "b"]))
        #expect(Starlog.mayRepeatAnOption(["search", "--", "--db", "--db"]) == false)
        #expect(throws: (any Error).self) { try Starlog.parseChecked(["list", "--db", "a.db", "--limit", "2", "--db=b.db"]) }
    }

    @Test("the rules the journal defines are worded with the flags that set them", arguments: [
        (["list", "--limit", "0"], "--limit must be 1 or more (see `starlog help` or `starlog COMMAND --help`)"),
        (["practice", "history", "--limit=-2"], "--limit must be 1 or more (see `starlog help` or `starlog COMMAND --help`)"),
        (["plan", "--principle", "ownership", "--backup", "2"], "--backup is 0 or 1, not 2 (see `starlog help` or `starlog COMMAND --help`)"),
        (["add", "--title", " \t "], "a story needs a title; pass --title \"...\""),
    ])
    func ruleWording(_ arguments: [String], message: String) throws {
        let test = try TestFolder()
        let result = try #require(failure(arguments, journal: test.path("journal.db")), "\(arguments) should fail")
        #expect(result.message == message)
        #expect(result.code == 64)
    }

    @Test("an attempt practice log cannot record is worded with its flags", arguments: [
        (["--question", "1", "--question-text", "X", "--rating", "3"], "give either --question ID or --question-text, not both"),
        (["--rating", "3"], "an attempt needs a question: pass --question ID (see `starlog questions`) or --question-text \"...\""),
        (["--question", "1", "--principle", "ownership", "--rating", "3"],
         "--principle goes with --question-text; a question from the bank already has its principle"),
        (["--question-text", "  ", "--rating", "3"], "the question text is empty; pass --question-text \"...\" or --question ID"),
        (["--question", "1", "--rating", "3", "--duration", "90000"],
         "a duration of 90000 seconds is longer than a day; give it in seconds, for example --duration 150"),
        (["--question-text", "Q", "--rating", "3"],
         "say which principle this answer was for: pass --principle P (slug, name or number), or --question ID from the bank"),
        (["--story", "1", "--question-text", "Q", "--rating", "3"],
         "story #1 has no principles, so say which principle this answer was for: pass --principle P"),
        (["--story", "2", "--question-text", "Q", "--rating", "3"],
         "story #2 is tagged ownership, bias-for-action, frugality, ...; say which principle this answer was for with --principle P"),
    ])
    func attemptWording(_ arguments: [String], message: String) throws {
        let test = try TestFolder()
        let journal = test.path("journal.db")
        let opened = try Journal.open(at: journal)
        _ = try opened.stories.add(StoryDraft(title: "Untagged"))
        var tagged = StoryDraft(title: "Everything")
        tagged.principles = ["ownership", "dive-deep", "earn-trust", "frugality", "bias-for-action"]
        _ = try opened.stories.add(tagged)
        let result = try #require(failure(["practice", "log"] + arguments, journal: journal), "\(arguments) should fail")
        #expect(result.message == message)
        #expect(result.code == 64)
        #expect(try opened.practice.count() == 0)
    }

    @Test("a drill with no question to ask says how to add one")
    func noQuestions() throws {
        let test = try TestFolder()
        let opened = try Journal.open(at: test.path("journal.db"))
        let ownership = try opened.principles.resolve("ownership")
        #expect(ErrorView.message(.noQuestions([])) == "the question bank is empty; add a question with `starlog questions add --principle P \"...\"`")
        #expect(ErrorView.message(.noQuestions([ownership]))
            == "there are no questions for Ownership; add one with `starlog questions add --principle ownership \"...\"`")
        #expect(JournalError.noQuestions([]).exitCode == 1)
    }

    @Test("a journal path that cannot be used says what to pass instead")
    func journalFiles() throws {
        let test = try TestFolder()
        func failing(_ arguments: [String]) -> (message: String, code: Int32)? {
            do {
                var command = try Starlog.parseChecked(arguments)
                try command.run()
                return nil
            } catch {
                return Starlog.failure(for: error)
            }
        }
        let missing = test.path("missing.db")
        #expect(failing(["show", "1", "--db", missing])?.message
            == "there is no journal at \(missing); create one with `starlog init --db \(missing)` (or add a story with `starlog add`), or pass the --db of an existing journal")
        #expect(failing(["list", "--db", test.url.path])?.message
            == "\(test.url.path) is a folder, not a journal file; pass --db with a file path such as \(test.url.path)/starlog.db")
        let empty = test.path("empty.db")
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        #expect(failing(["list", "--db", empty])?.message
            == "\(empty) is an empty file, not a journal; delete it (starlog will create a new journal there) or pass another --db")
        let link = test.path("link.db")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: test.path("nowhere.db"))
        #expect(failing(["list", "--db", link])?.message
            == "\(link) is a symbolic link to \(test.path("nowhere.db")), which does not exist; fix or remove the link, or pass another --db")
        let file = test.path("file")
        #expect(FileManager.default.createFile(atPath: file, contents: Data("x".utf8)))
        #expect(failing(["add", "--title", "T", "--db", file + "/journal.db"])?.message
            == "cannot reach \(file)/journal.db: Not a directory; check the path and its folder's permissions")
        #expect(ErrorView.message(.journalFile(.notAFolder(file))) == "\(file) is not a folder; pass another --db")
        #expect(ErrorView.message(.journalFile(.cannotCreateFolder("/x", reason: "Permission denied")))
            == "cannot create the folder /x: Permission denied; create it or pass another --db")
        let emptyPath = try #require(failing(["list", "--db", ""]))
        #expect(emptyPath.message == "--db needs a file path" && emptyPath.code == 64)
        #expect(failing(["list", "--db", empty])?.code == 1)
    }

    @Test("a missing record is exit 1 and names the command that lists the ids", arguments: [
        (["show", "42"], "no story with id 42; run `starlog list` to see the ids"),
        (["questions", "rm", "9999"], "no question with id 9999; run `starlog questions` to see the ids"),
        (["coverage", "--interview", "7"], "no interview with id 7; run `starlog interview list` to see them"),
        (["practice", "log", "--question", "1", "--rating", "3", "--session", "7"],
         "no practice session with id 7; run `starlog practice history` to see the sessions"),
        (["practice", "log", "--question", "1", "--story", "42", "--rating", "3"], "no story with id 42; run `starlog list` to see the ids"),
    ])
    func notFound(_ arguments: [String], message: String) throws {
        let test = try TestFolder()
        let journal = test.path("journal.db")
        _ = try Journal.open(at: journal)
        let result = try #require(failure(arguments, journal: journal), "\(arguments) should fail")
        #expect(result.message == message)
        #expect(result.code == 1)
    }

    @Test("the journal option may come before the command; `help` must name a real command")
    func parsing() throws {
        let command = try Starlog.parseChecked(["--db", "/tmp/x.db", "list"])
        #expect((command as? Starlog.List)?.journal.db == "/tmp/x.db")
        do {
            _ = try Starlog.parseChecked(["help", "serch"])
            Issue.record("help for a command that does not exist parsed")
        } catch {
            #expect(Starlog.failure(for: error)?.message == "`starlog` has no command 'serch'; did you mean `starlog search`?")
        }
    }
}

/// A temporary folder, removed when the test ends.
final class TestFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("starlog-usage-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}

extension UsageErrorTests {
    /// The journal's structured errors, worded by the command line: each
    /// line and exit code as the journal layer used to write them itself.
    @Test("structured journal errors get the commands and flags that help from the command line, word for word")
    func structuredWording() {
        let unknown = JournalError.principle(.unknown("zz", suggestion: nil))
        let cases: [(JournalError, String, Int32)] = [
            (.principle(.empty), "a principle cannot be empty; run `starlog principles` to see them", 64),
            (.principle(.noNumber(17, framework: "amazon", count: 16)),
             "there is no principle number 17 in 'amazon'; its principles are numbered 1 to 16 (run `starlog principles --framework amazon`)", 64),
            (.principle(.noNumber(1, framework: "acme", count: 0)),
             "the framework 'acme' has no numbered principles; run `starlog principles --framework acme` to see them", 64),
            (unknown, "unknown principle 'zz'; run `starlog principles` to see them", 64),
            (.principle(.unknownFramework("gogle", suggestion: "google")),
             "there is no framework 'gogle'; did you mean 'google'? run `starlog framework` to see them", 64),
            (.principle(.unknownFramework("zzz", suggestion: nil)), "there is no framework 'zzz'; run `starlog framework` to see them", 64),
            (.input(.folder("notes")), "notes is a folder; pass a .json or .md file", 65),
            (.input(.notAFile("/dev/zero")),
             "/dev/zero is not a regular file or a pipe (a device such as /dev/zero never ends); pass a file, or a pipe with -", 65),
            (.input(.csv("out.csv")),
             "out.csv is a CSV file, which starlog writes for spreadsheets but does not read; import a `starlog export --format json` file instead; nothing was imported", 65),
            (.input(.noStory("notes.md")),
             "notes.md holds no story starlog can read: expected a `starlog export` JSON file, or Markdown with a heading naming a principle followed by **Situation:**, **Task:**, **Action:**, **Result:** fields; nothing was imported", 65),
            (.input(.severalStories(2)), "the text holds 2 stories; `starlog import FILE` adds several at once", 65),
            (.importFailed(file: "in.json", ImportProblem(place: "stories[0] (from line 3)", cause: unknown)),
             "in.json stories[0] (from line 3): unknown principle 'zz'; run `starlog principles` to see them; nothing was imported", 65),
            (.importFailed(file: "in.md", ImportProblem(line: 9, "what?")), "in.md line 9: what? Nothing was imported", 65),
            (.searchQuery("fts5: syntax error near \"\""),
             "invalid search query: fts5: syntax error near \"\"; drop --raw to search for the words as typed", 65),
            (.outputExists("out.json"), "out.json already exists; pass --force to replace it, or choose another file", 1),
            (.standardOutput(reason: "No space left on device"),
             "cannot write the output: No space left on device; free some space or write elsewhere (--output FILE), and try again", 74),
            (.damaged(.journal("j.db")), "j.db is damaged or is not a starlog journal; run `starlog check` for details, or restore a backup", 1),
            (.damaged(.upgradeBreaksLinks("j.db", version: 8)),
             "upgrading j.db to schema 8 would break its links; nothing was changed. Keep using the starlog that wrote it, run `starlog check`, and report the problem", 1),
            (.damaged(.upgradeFailed("j.db", version: 8, kind: "constraint failed")),
             "upgrading j.db to schema 8 failed on what it holds (constraint failed); nothing was changed. Keep using the starlog that wrote it, run `starlog check`, and report the problem", 1),
            (.input(.untitledText), "the story has no title and no text; fill in `title:` or **Situation:**", 65),
            (.damaged(.principleVanished("7")), "principle 7 vanished from the journal; run `starlog check`", 1),
            (.damaged(.backupCopy(check: "page 3 is never used", path: "b.db")),
             "the copy failed its integrity check (page 3 is never used); b.db was not written. Run `starlog check`", 1),
        ]
        for (error, line, code) in cases {
            let failure = Starlog.failure(for: error)
            #expect(failure?.message == line)
            #expect(failure?.code == code, "\(error)")
            #expect(!error.message.contains("`") && !error.message.contains("--"), "the journal's own words name no command or flag: \(error.message)")
        }
        let phrased: [(any Error, String)] = [
            (QuestionError.emptyFor(principle: "dive-deep"),
             "a question cannot be empty; pass its text, for example: starlog questions add --principle dive-deep \"Tell me about...\""),
            (InterviewError.noCompany, "an interview needs a company; pass --company \"...\""),
            (InterviewError.companyOrRoleTooLong(limit: 200), "--company and --role can be at most 200 characters"),
        ]
        for (error, line) in phrased {
            #expect(Starlog.failure(for: error)?.message == line)
            #expect(Starlog.failure(for: error)?.code == 64)
        }
    }
}
