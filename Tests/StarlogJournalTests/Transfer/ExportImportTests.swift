import CSV
import Foundation
import StarlogJournal
import StarlogStorage
import StarlogTestSupport
import Testing

/// JSON, Markdown and CSV exports, and importing them back.
@Suite struct ExportImportTests {
    /// A journal with stories whose text is as awkward as a user's can be.
    static func populated() throws -> TestJournal {
        let test = try TestJournal()
        try test.add("Cut checkout latency", principles: ["deliver-results", "dive deep"]) {
            $0.situation = "Checkout p99 was 2.1 s; carts were abandoned."
            $0.task = "Halve it before the sale."
            $0.action = "I profiled the payment call.\nThen I batched the fraud checks."
            $0.result = "p99 fell to 600 ms, abandonment dropped 8%."
            $0.learnings = "Measure first."
            $0.company = "Acme"
            $0.role = "Staff engineer"
            $0.when = StoryDate("2024-03-15")
        }
        try test.add("Hostile \"quotes\", commas, and\na line break", principles: ["11"]) {
            $0.situation = MarkdownStoryTests.hostile
            $0.task = "  blanks around  "
            $0.action = "tab\there, emoji 🚀, accents café, NUL-free"
            $0.result = "=SUM(A1:A2)"
            $0.outcome = .failure
            $0.company = "O'Brien & Sons, \"Ltd\""
        }
        try test.add("Title only")
        return test
    }

    func export(_ test: TestJournal, _ format: ExportFormat, name: String) throws -> String {
        let path = test.directory.appendingPathComponent(name).path
        let sink = try ExportSink.file(at: path)
        try test.journal.export(format, to: sink)
        try sink.commit()
        return path
    }

    func expectSameStories(_ a: Journal, _ b: Journal, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let left = try a.stories.list().sorted { $0.id < $1.id }
        let right = try b.stories.list().sorted { $0.id < $1.id }
        #expect(left.count == right.count, sourceLocation: sourceLocation)
        for (x, y) in zip(left, right) {
            #expect(x == y, sourceLocation: sourceLocation)
        }
    }

    @Test func jsonRoundTripKeepsEveryField() throws {
        let source = try Self.populated()
        let path = try export(source, .json, name: "dump.json")
        let target = try TestJournal()
        let report = try target.journal.importStories(from: path)
        #expect(report.format == .json)
        #expect(report.added == 3)
        try expectSameStories(source.journal, target.journal)
        // Idempotent: the same file again adds nothing.
        let again = try target.journal.importStories(from: path)
        #expect(again.added == 0)
        #expect(again.duplicates == 3)
        #expect(try target.journal.stories.count() == 3)
    }

    @Test func markdownRoundTripKeepsEveryField() throws {
        let source = try Self.populated()
        let path = try export(source, .markdown, name: "stories.md")
        let target = try TestJournal()
        let report = try target.journal.importStories(from: path)
        #expect(report.format == .markdown)
        #expect(report.added == 3)
        #expect(report.empty == 0)
        try expectSameStories(source.journal, target.journal)
        #expect(try target.journal.importStories(from: path).duplicates == 3)
    }

    @Test func jsonDumpIsVersionedAndComplete() throws {
        let source = try Self.populated()
        let story = try source.journal.stories.list().first!
        let question = try source.journal.questions.add(principle: "earn-trust", text: "Tell me about a time you owned a mistake.")
        try source.journal.practice.record(AttemptDraft(questionID: question.id, storyID: story.id, duration: 120, rating: 4, notes: "too long", practicedAt: "2026-05-01T10:00:00Z"))
        let path = try export(source, .json, name: "dump.json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        #expect(object["format"] as? String == "starlog")
        #expect(object["version"] as? Int == 1)
        #expect((object["stories"] as? [Any])?.count == 3)
        let questions = try #require(object["questions"] as? [[String: Any]])
        #expect(questions.map { $0["text"] as? String } == ["Tell me about a time you owned a mistake."])
        #expect(questions.first?["principle"] as? String == "earn-trust")
        let attempts = try #require(object["attempts"] as? [[String: Any]])
        #expect(attempts.count == 1)
        #expect(attempts.first?["rating"] as? Int == 4)
        #expect((object["sessions"] as? [Any])?.count == 1)

        // Restored into a new journal: the practice history follows the stories.
        let target = try TestJournal()
        let report = try target.journal.importStories(from: path)
        #expect(report.questionsAdded == 1)
        #expect(report.attemptsAdded == 1)
        let restored = try target.journal.practice.history()
        #expect(restored.count == 1)
        #expect(restored.first?.rating == 4)
        #expect(restored.first?.duration == 120)
        #expect(restored.first?.notes == "too long")
        #expect(restored.first?.storyTitle == story.title)
        #expect(restored.first?.question == "Tell me about a time you owned a mistake.")
        // Again: nothing more.
        let again = try target.journal.importStories(from: path)
        #expect(again.attemptsAdded == 0)
        #expect(try target.journal.practice.count() == 1)
    }

    @Test func csvQuotesHostileText() throws {
        let source = try Self.populated()
        let path = try export(source, .csv, name: "stories.csv")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let rows = CSVTestReader.parse(text)
        #expect(rows.first == JournalExport.csvHeader)
        #expect(rows.count == 4)
        let stories = try source.journal.stories.list().sorted { $0.id < $1.id }
        for (row, story) in zip(rows.dropFirst(), stories) {
            #expect(row[0] == String(story.id))
            #expect(row[1] == story.title)
            #expect(row[2] == story.situation)
            #expect(row[3] == story.task)
            #expect(row[4] == story.action)
            #expect(row[5] == (story.result.hasPrefix("=") ? "'" + story.result : story.result))
            #expect(row[8] == (story.company ?? ""))
            #expect(row[11] == story.principles.joined(separator: ";"))
        }
    }

    @Test("CSV cells a spreadsheet would run as a formula start with a quote; read back by two readers")
    func csvFormulaInjection() throws {
        let test = try TestJournal()
        let hostile = ["=HYPERLINK(\"https://evil.example\",\"click\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
                       "\t=1+1", "\r=1+1"]
        for (index, text) in hostile.enumerated() {
            try test.add("Story \(index)") {
                $0.situation = text; $0.task = text; $0.action = text; $0.result = text; $0.learnings = text
                $0.company = text; $0.role = text
            }
        }
        try test.add(hostile[0]) { $0.result = "a = b, and 'quoted' stays" }
        let path = try export(test, .csv, name: "formulas.csv")
        let text = try String(contentsOfFile: path, encoding: .utf8)

        // CSV.swift's own reader, a second reader beside the test-support one.
        let stream = try #require(InputStream(fileAtPath: path))
        let reader = try CSVReader(stream: stream, hasHeaderRow: true, trimFields: false)
        var csvSwiftRows: [[String]] = []
        while let row = reader.next() { csvSwiftRows.append(row) }
        let testRows = Array(CSVTestReader.parse(text).dropFirst())
        #expect(testRows == csvSwiftRows)
        #expect(testRows.count == hostile.count + 1)

        let stories = try test.journal.stories.list().sorted { $0.id < $1.id }
        for (index, text) in hostile.enumerated() {
            let row = testRows[index]
            let story = stories[index]
            #expect(row[1] == "Story \(index)")
            // The journal may trim a leading tab or CR; what it stored is what is quoted.
            let stored = [story.situation, story.task, story.action, story.result, story.learnings, story.company ?? "", story.role ?? ""]
            for (column, value) in zip([2, 3, 4, 5, 6, 8, 9], stored) {
                #expect(value == text || value == String(text.dropFirst()), "\(value.debugDescription)")
                #expect(row[column] == "'" + value, "column \(column) of \(row)")
            }
        }
        // A leading tab or carriage return, kept as it is, is quoted too.
        #expect(JournalExport.csvCell("\t=1") == "'\t=1" && JournalExport.csvCell("\r=1") == "'\r=1")
        #expect(JournalExport.csvCell("plain - text") == "plain - text" && JournalExport.csvCell("") == "")
        let last = try #require(testRows.last)
        #expect(last[1] == "'" + hostile[0])
        #expect(last[5] == "a = b, and 'quoted' stays")
        // No cell of the file starts with a formula character.
        for row in testRows {
            for cell in row {
                #expect(!["=", "+", "-", "@", "\t", "\r"].contains(cell.first.map(String.init) ?? ""), "\(cell)")
            }
        }
    }

    @Test func malformedJSONChangesNothingAndNamesThePlace() throws {
        let test = try TestJournal()
        try test.add("Keep me")
        let cases: [(String, String)] = [
            (#"{"format": "starlog", "version": 1, "stories": [{"title": "a"}, {"title": "b""#, "ends early"),
            ("{\"format\": \"starlog\", \"version\": 1, \"stories\": [\n{\"title\": \"a\"},\n{\"title\": \"b\", \"principles\": [\"earn trst\"]}]}", "stories[1] (line 3)"),
            (#"{"format": "starlog", "version": 1, "stories": [{"title": "a", "situation": 5}]}"#, "'situation' must be text"),
            (#"{"format": "starlog", "version": 1, "stories": [{"title": "a", "principles": "earn-trust"}]}"#, "'principles' must be a list"),
            (#"{"format": "starlog", "version": 1, "stories": [{"title": "a", "outcome": "great"}]}"#, "not an outcome"),
            (#"{"format": "starlog", "version": 2, "stories": []}"#, "newer"),
            (#"{"stories": [{"title": "a"}]}"#, "not a starlog export"),
            (#"{"format": "starlog", "version": 1, "stories": [{"title": ""}]}"#, "no 'title'"),
            // User principles and frameworks follow the rules `principles add` and `framework add` do.
            (#"{"format": "starlog", "version": 1, "principles": [{"slug": "kind", "name": "  "}]}"#, "'name' must be 1 to 200 characters"),
            (#"{"format": "starlog", "version": 1, "principles": [{"slug": "kind", "name": "Kind", "framework": "Acme Corp"}]}"#, "'Acme Corp' is not a slug"),
            (#"{"format": "starlog", "version": 1, "principles": [{"slug": "42", "name": "Kind"}]}"#, "'42' is not a slug"),
            (#"{"format": "starlog", "version": 1, "frameworks": [{"slug": "acme", "name": "123"}]}"#, "'name' must be 1 to 200"),
        ]
        for (index, (json, fragment)) in cases.enumerated() {
            let path = test.directory.appendingPathComponent("bad\(index).json").path
            try json.write(toFile: path, atomically: true, encoding: .utf8)
            #expect {
                _ = try test.journal.importStories(from: path)
            } throws: { error in
                guard let error = error as? JournalError, error.category == .data else { return false }
                let message = error.message
                return message.contains(fragment) && message.lowercased().contains("nothing was imported")
            }
        }
        #expect(try test.journal.stories.list().map(\.title) == ["Keep me"])
        #expect(try test.journal.principles.all(in: "custom").isEmpty && test.journal.principles.all(in: "acme").isEmpty)
    }

    @Test("an imported principle whose number is taken, missing or out of range takes the next free one")
    func importedPrincipleNumbers() throws {
        let test = try TestJournal()
        let path = test.directory.appendingPathComponent("principles.json").path
        try #"""
            {"format": "starlog", "version": 1, "principles": [
              {"slug": "be-kind", "name": "Be Kind", "framework": "acme", "number": 2},
              {"slug": "ship-small", "name": "Ship Small", "framework": "acme", "number": 2},
              {"slug": "own-it", "name": "Own It", "framework": "acme"},
              {"slug": "far-out", "name": "Far Out", "framework": "acme", "number": 100000}]}
            """#.write(toFile: path, atomically: true, encoding: .utf8)
        _ = try test.journal.importStories(from: path)
        #expect(try test.journal.principles.all(in: "acme").map { "\($0.position ?? 0) \($0.slug)" }
                == ["2 be-kind", "3 ship-small", "4 own-it", "5 far-out"])
    }

    @Test func aListOfStoriesFromListJSONImportsToo() throws {
        let test = try TestJournal()
        let path = test.directory.appendingPathComponent("list.json").path
        try #"[{"id": 9, "title": "From list --json", "principles": ["ownership"], "rank": 1}]"#.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try test.journal.importStories(from: path).added == 1)
        let story = try #require(try test.journal.stories.find(9))
        #expect(story.principles == ["ownership"])
    }

    @Test("a dump of a journal whose theme was renamed for a principle of the user's reads back into a fresh journal")
    func renamedThemeRoundTrip() throws {
        let source = try OldJournal(schema: 7)
        let path = source.path
        do {
            // A principle of the user's holding the slug a theme wants.
            let database = try source.database()
            try database.run("INSERT INTO principle (slug, name, summary, framework, position, builtin) VALUES ('conflict', 'My Conflict', '', 'custom', 1, 0)")
        }
        let old = try Journal.open(at: path)
        #expect(try old.principles.resolve("common-conflict").builtin)
        try old.stories.add({ var draft = StoryDraft(title: "Both"); draft.principles = ["conflict", "common-conflict"]; return draft }())
        let dump = source.directory.appendingPathComponent("dump.json").path
        let sink = try ExportSink.file(at: dump)
        try old.export(.json, to: sink)
        try sink.commit()

        let target = try TestJournal()
        let report = try target.journal.importStories(from: dump)
        #expect(report.added == 1 && report.principlesAdded == 1)
        let story = try #require(try target.journal.stories.list().first)
        let tags = try story.principles.map { try target.journal.principles.resolve($0) }
        // The user's principle keeps its name under its framework's slug; the theme is the theme.
        #expect(tags.map { "\($0.slug) \($0.name) \($0.framework) \($0.builtin)" }.sorted()
                == ["conflict Conflict with a Colleague common true", "custom-conflict My Conflict custom false"])
        // Again: the same story and principle, nothing new.
        let again = try target.journal.importStories(from: dump)
        #expect(again.added == 0 && again.duplicates == 1 && again.principlesAdded == 0)
        #expect(try target.journal.principles.all(in: "custom").map(\.slug) == ["custom-conflict"])
    }
}
