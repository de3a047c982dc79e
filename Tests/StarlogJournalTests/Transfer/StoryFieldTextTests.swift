import Foundation
import StarlogJournal
import Testing

/// A story's fields are read by one set of rules whether they come in a
/// Markdown note's front matter or a JSON dump: the same values are taken,
/// and the same values are refused with the same message.
@Suite("Story fields read alike from Markdown and JSON")
struct StoryFieldTextTests {
    /// Imports one story whose front matter, or JSON object, holds `fields`
    /// (each value written as a quoted string in both forms).
    func importOne(_ fields: [(String, String)], as format: String, into test: TestJournal) throws -> Story? {
        let path = test.directory.appendingPathComponent("story-\(UUID().uuidString).\(format == "json" ? "json" : "md")").path
        let text: String
        if format == "json" {
            let members = fields.map { "\"\($0.0)\": \(Self.quoted($0.1))" }.joined(separator: ", ")
            text = #"{"format": "starlog", "version": 1, "stories": [{"title": "Field test", "# + members + "}]}"
        } else {
            text = "---\ntitle: Field test\n" + fields.map { "\($0.0): \(Self.quoted($0.1))\n" }.joined() + "---\n**Situation:** s\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        _ = try test.journal.importStories(from: path)
        return try test.journal.stories.list().last
    }

    static func quoted(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The message of the problem an import of `fields` fails with, without its place.
    func refusal(_ fields: [(String, String)], as format: String) throws -> String? {
        let test = try TestJournal()
        do {
            _ = try importOne(fields, as: format, into: test)
            return nil
        } catch JournalError.importFailed(_, let problem) {
            #expect(try test.journal.stories.list().isEmpty, "a refused import adds nothing")
            return problem.message
        }
    }

    @Test("the same bad value gets the same message in both forms", arguments: [
        [("when", "2024-13")], [("when", "last spring")], [("outcome", "great")],
        [("created_at", "March 1st")], [("updated_at", "yesterday")],
    ])
    func sameRefusals(_ fields: [(String, String)]) throws {
        let markdown = try refusal(fields, as: "markdown")
        let json = try refusal(fields, as: "json")
        #expect(markdown != nil, "\(fields) should be refused")
        #expect(markdown == json)
    }

    @Test("the same loosely written values are taken by both forms")
    func sameValuesTaken() throws {
        let fields = [("outcome", " Mixed "), ("when", " 2024-03 "), ("created_at", " 2024-03-01T09:30:00Z ")]
        var read: [String] = []
        for format in ["markdown", "json"] {
            let test = try TestJournal()
            let story = try #require(try importOne(fields, as: format, into: test), "\(format) took nothing")
            read.append("\(story.outcome) \(story.when?.text ?? "-") \(story.createdAt)")
        }
        #expect(read == ["mixed 2024-03 2024-03-01T09:30:00Z", "mixed 2024-03 2024-03-01T09:30:00Z"])
    }

    @Test("an id is read alike: a positive whole number, else refused")
    func ids() throws {
        let test = try TestJournal()
        let markdown = test.directory.appendingPathComponent("id.md").path
        try "---\nid: -3\ntitle: T\n---\n**Situation:** s\n".write(toFile: markdown, atomically: true, encoding: .utf8)
        let json = test.directory.appendingPathComponent("id.json").path
        try #"{"format": "starlog", "version": 1, "stories": [{"title": "T", "id": -3}]}"#.write(toFile: json, atomically: true, encoding: .utf8)
        var messages: [String] = []
        for path in [markdown, json] {
            do {
                _ = try test.journal.importStories(from: path)
            } catch JournalError.importFailed(_, let problem) {
                messages.append(problem.message)
            }
        }
        #expect(messages == ["'id' must be a positive whole number, not '-3'", "'id' must be a positive whole number, not '-3'"])
    }
}
