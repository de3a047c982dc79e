#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CSV
import Foundation
import StarlogStorage

/// The forms `starlog export` writes.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// The complete, versioned dump that `import` restores.
    case json
    /// One story a section, in the form `import` and `add --from` read.
    case markdown
    /// One row per story, for spreadsheets.
    case csv
}

/// The shape of the JSON dump:
///
///     {"format": "starlog", "version": 1, "exported_at": "…",
///      "frameworks": [ frameworks the user added ],
///      "principles": [ principles of other frameworks ],
///      "stories": [ story objects as `show --json` prints them ],
///      "questions": [ the user's own questions ],
///      "sessions": [ practice sessions ], "attempts": [ practice attempts ],
///      "interviews": [ interviews, each with its "principles" (slugs)
///                      and its "debrief" ],
///      "hidden_questions": [ texts of built-in questions the user hid ]}
///
/// The practice lists appear once the journal has those tables; their rows
/// are written column for column (a `principle_id` as its `principle`
/// slug), so a later schema's columns travel without a change here.
public enum JournalExport {
    /// The `version` this starlog writes, and the newest it reads.
    public static let formatVersion = 1

    /// The CSV columns, in order.
    public static let csvHeader = [
        "id", "title", "situation", "task", "action", "result", "learnings", "outcome",
        "company", "role", "when", "principles", "created_at", "updated_at",
    ]

    /// A CSV cell as written: text a spreadsheet would run as a formula
    /// (it starts with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a
    /// single quote in front, so the spreadsheet shows it as text. This is
    /// OWASP's advice for CSV injection; the quote is part of the cell.
    public static func csvCell(_ text: String) -> String {
        guard let first = text.utf8.first, [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"),
                                             UInt8(ascii: "@"), 0x09, 0x0D].contains(first) else { return text }
        return "'" + text
    }

    /// Practice tables exported after the stories: (JSON key, table, only the user's rows).
    static let practiceTables: [(key: String, table: String)] = [
        ("questions", "question"),
        ("sessions", "practice_session"),
        ("attempts", "practice_attempt"),
    ]

    /// Where each table a user fills goes in the dump: a list of its own,
    /// or inside another table's objects. `DumpCompletenessTests` fails when
    /// the schema holds a table that is neither here nor in `derivedTables`,
    /// so a new table cannot be left out of the dump unnoticed.
    public static let dumpedTables: [String: String] = [
        "principle": "principles (those of other frameworks; the built-in ones ship with starlog)",
        "story": "stories",
        "story_principle": "stories[].principles",
        "question": "questions (the user's own)",
        "practice_session": "sessions",
        "practice_attempt": "attempts",
        "interview": "interviews",
        "interview_principle": "interviews[].principles",
        "framework": "frameworks (those the user added; the built-in ones ship with starlog)",
        "interview_debrief": "interviews[].debrief",
    ]

    /// Tables rebuilt from the dumped ones, so not dumped themselves.
    public static let derivedTables: [String: String] = [
        "story_fts": "the search index, rebuilt from the stories",
        "review_state": "the spaced-repetition schedule, rebuilt from the attempts",
        "story_principle_fit": "what ranks each tagged story for its principle, kept by triggers as tags, attempts and stories are written",
    ]
}

extension JournalExport {
    /// Writes the story in `row` (selected with `StoryRepository.columns`)
    /// exactly as `Story(row:).json.rendered(indent: 2)` would, straight
    /// from the columns: building a `Story` and a `JSONValue` tree per story
    /// was a third of an export's time. `ExportImportTests` holds the two
    /// to the same bytes.
    static func writeStory(_ row: Statement, into output: inout [UInt8]) {
        func key(_ name: StaticString, first: Bool = false) {
            output.append(static: first ? "{\n      \"" : ",\n      \"")
            output.append(static: name)
            output.append(static: "\": ")
        }
        func text(_ column: Int32) {
            row.withTextBytes(column) { JSONValue.quote(bytes: $0, into: &output) }
        }
        func optional(_ column: Int32) {
            if row.isNull(column) { output.append(static: "null") } else { text(column) }
        }
        key("id", first: true); output.append(contentsOf: String(row.int64(0)).utf8)
        key("title"); text(1)
        key("situation"); text(2)
        key("task"); text(3)
        key("action"); text(4)
        key("result"); text(5)
        key("learnings"); text(6)
        key("outcome"); JSONValue.quote((Outcome(rawValue: row.text(7)) ?? .success).rawValue, into: &output)
        key("company"); optional(8)
        key("role"); optional(9)
        key("when")
        if let when = row.optionalText(10).flatMap(StoryDate.init)?.text {
            JSONValue.quote(when, into: &output)
        } else {
            output.append(static: "null")
        }
        key("created_at"); text(11)
        key("updated_at"); text(12)
        key("principles")
        let slugs = row.text(13).utf8.split(separator: UInt8(ascii: " "))
        if slugs.isEmpty {
            output.append(contentsOf: "[]".utf8)
        } else {
            output.append(UInt8(ascii: "["))
            for (offset, slug) in slugs.enumerated() {
                output.append(contentsOf: (offset == 0 ? "\n        " : ",\n        ").utf8)
                JSONValue.quote(String(decoding: slug, as: UTF8.self), into: &output)
            }
            output.append(contentsOf: "\n      ]".utf8)
        }
        output.append(contentsOf: "\n    }".utf8)
    }
}

extension Journal {
    /// Writes every story (and, for JSON, the rest of the journal) to `sink`,
    /// one story at a time. Returns the number of stories written.
    @discardableResult
    public func export(_ format: ExportFormat, to sink: ExportSink) throws -> Int {
        // One read transaction: the export is a consistent snapshot.
        try database.transaction(.deferred) {
            switch format {
            case .json: return try exportJSON(to: sink)
            case .markdown: return try exportMarkdown(to: sink)
            case .csv: return try exportCSV(to: sink)
            }
        }
    }

    /// Calls `body` with each story, oldest first, without loading them all.
    func eachStory(_ body: (Story) throws -> Void) throws {
        try eachStoryRow { try body(Story(row: $0)) }
    }

    /// Calls `body` with each story's row (`StoryRepository.columns`), oldest first.
    func eachStoryRow(_ body: (Statement) throws -> Void) throws {
        try database.forEach("SELECT \(StoryRepository.columns) FROM story s ORDER BY s.id", [], body)
    }

    private func exportJSON(to sink: ExportSink) throws -> Int {
        try sink.write("{\n  \"format\": \"starlog\",\n  \"version\": \(JournalExport.formatVersion),\n")
        try sink.write("  \"exported_at\": " + JSONValue.string(clock.timestamp()).rendered() + ",\n")
        let allPrinciples = try principles.all()
        let custom = allPrinciples.filter { !$0.builtin }.map { principle in
            JSONValue.object([
                .init("slug", .string(principle.slug)),
                .init("name", .string(principle.name)),
                .init("summary", .string(principle.summary)),
                .init("framework", .string(principle.framework)),
                .init("number", .int(principle.position)),
            ])
        }
        let frameworks = try context.frameworks.all()
            .filter { !$0.builtin }.map { framework in
                JSONValue.object([
                    .init("slug", .string(framework.slug)),
                    .init("name", .string(framework.name)),
                    .init("source", .string(framework.source)),
                    .init("as_of", .string(framework.asOf)),
                    .init("created_at", .string(framework.createdAt)),
                ])
            }
        try sink.write("  \"frameworks\": " + JSONValue.array(frameworks).rendered(indent: 1) + ",\n")
        try sink.write("  \"principles\": " + JSONValue.array(custom).rendered(indent: 1) + ",\n")
        try sink.write("  \"stories\": [")
        // Rendered as UTF-8 into one buffer, written out every 64 KB.
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 17)
        func flush(whenFull: Bool = true) throws {
            guard !whenFull || buffer.count >= 1 << 16 else { return }
            try sink.write(bytes: buffer)
            buffer.removeAll(keepingCapacity: true)
        }
        var count = 0
        try eachStoryRow { row in
            buffer.append(contentsOf: (count == 0 ? "\n    " : ",\n    ").utf8)
            JournalExport.writeStory(row, into: &buffer)
            try flush()
            count += 1
        }
        try flush(whenFull: false)
        try sink.write(count == 0 ? "]" : "\n  ]")
        let slugs = Dictionary(uniqueKeysWithValues: allPrinciples.map { ($0.id, $0.slug) })
        var keys: [[UInt8]] = []
        for (key, table) in JournalExport.practiceTables where try database.tableExists(table) {
            try sink.write(",\n  " + JSONValue.string(key).rendered() + ": [")
            var rows = 0
            try eachRow(of: table, userOnly: true) { names, row in
                // Each row is written straight from the statement, in the
                // layout `JSONValue.rendered` gives an object at depth 2.
                if rows == 0 {
                    keys = names.enumerated().map { index, name in
                        var key: [UInt8] = Array((index == 0 ? "\n      " : ",\n      ").utf8)
                        JSONValue.quote(name == "principle_id" ? "principle" : name, into: &key)
                        key.append(contentsOf: ": ".utf8)
                        return key
                    }
                }
                buffer.append(contentsOf: (rows == 0 ? "\n    {" : ",\n    {").utf8)
                for (index, name) in names.enumerated() {
                    buffer.append(contentsOf: keys[index])
                    let value = row.value(Int32(index))
                    if name == "principle_id" {
                        if case .integer(let id) = value, let slug = slugs[id] {
                            JSONValue.quote(slug, into: &buffer)
                        } else {
                            buffer.append(contentsOf: "null".utf8)
                        }
                        continue
                    }
                    switch value {
                    case .null, .blob: buffer.append(contentsOf: "null".utf8)
                    case .integer(let number): buffer.append(contentsOf: String(number).utf8)
                    case .real(let number): JSONValue.double(number).write(into: &buffer)
                    case .text(let text): JSONValue.quote(text, into: &buffer)
                    }
                }
                buffer.append(contentsOf: (names.isEmpty ? "}" : "\n    }").utf8)
                try flush()
                rows += 1
            }
            try flush(whenFull: false)
            try sink.write(rows == 0 ? "]" : "\n  ]")
        }
        if try database.tableExists("interview") {
            try exportInterviews(to: sink, slugs: slugs)
        }
        let hidden = try database.rows("SELECT text FROM question WHERE builtin = 1 AND hidden = 1 ORDER BY id") { JSONValue.string($0.text(0)) }
        try sink.write(",\n  \"hidden_questions\": " + JSONValue.array(hidden).rendered(indent: 1))
        try sink.write("\n}\n")
        return count
    }

    /// Interviews column for column, each with the slugs of its principles.
    private func exportInterviews(to sink: ExportSink, slugs: [Int64: String]) throws {
        var scope: [Int64: [String]] = [:]
        try database.forEach("SELECT interview_id, principle_id FROM interview_principle ORDER BY interview_id, principle_id") { row in
            if let slug = slugs[row.int64(1)] { scope[row.int64(0), default: []].append(slug) }
        }
        var debriefs: [Int64: [JSONValue]] = [:]
        _ = try database.rows("""
            SELECT interview_id, question, story_id, principle_id, rating, notes, created_at
            FROM interview_debrief ORDER BY interview_id, id
            """) { row -> Void in
            debriefs[row.int64(0), default: []].append(.object([
                .init("question", .string(row.text(1))),
                .init("story_id", row.optionalInt64(2).map { JSONValue.int($0) } ?? .null),
                .init("principle", .string(row.optionalInt64(3).flatMap { slugs[$0] })),
                .init("rating", row.optionalInt64(4).map { JSONValue.int($0) } ?? .null),
                .init("notes", .string(row.text(5))),
                .init("created_at", .string(row.text(6))),
            ]))
        }
        var items: [JSONValue] = []
        try eachRow(of: "interview", userOnly: false) { names, row in
            var members: [JSONValue.Member] = []
            var id: Int64 = 0
            for (index, name) in names.enumerated() {
                let value: JSONValue
                switch row.value(Int32(index)) {
                case .null, .blob: value = .null
                case .integer(let number):
                    value = .int(number)
                    if name == "id" { id = number }
                case .real(let number): value = .double(number)
                case .text(let text): value = .string(text)
                }
                members.append(.init(name, value))
            }
            members.append(.init("principles", .array((scope[id] ?? []).map { .string($0) })))
            members.append(.init("debrief", .array(debriefs[id] ?? [])))
            items.append(.object(members))
        }
        try sink.write(",\n  \"interviews\": " + JSONValue.array(items).rendered(indent: 1))
    }

    /// Calls `body` with the column names and each row of `table`, by id;
    /// with `userOnly`, rows marked `builtin` are left out.
    func eachRow(of table: String, userOnly: Bool, _ body: ([String], Statement) throws -> Void) throws {
        let names = try database.columns(of: table)
        // Table and column names come from sqlite_schema, never from a user.
        let quoted = names.map(\.quotedDatabaseIdentifier)
        var sql = "SELECT \(quoted.joined(separator: ", ")) FROM \(table.quotedDatabaseIdentifier)"
        if userOnly && names.contains("builtin") { sql += " WHERE builtin = 0" }
        if names.contains("id") { sql += " ORDER BY id" }
        try database.forEach(sql) { row in try body(names, row) }
    }

    private func exportMarkdown(to sink: ExportSink) throws -> Int {
        var count = 0
        try eachStory { story in
            try sink.write((count == 0 ? "" : "\n") + StoryMarkdown.render(story))
            count += 1
        }
        return count
    }

    private func exportCSV(to sink: ExportSink) throws -> Int {
        try sink.write(try csvRow(JournalExport.csvHeader))
        var count = 0
        try eachStory { story in
            try sink.write(try csvRow([
                String(story.id), story.title, story.situation, story.task, story.action, story.result,
                story.learnings, story.outcome.rawValue, story.company ?? "", story.role ?? "",
                story.when?.text ?? "", story.principles.joined(separator: ";"), story.createdAt, story.updatedAt,
            ]))
            count += 1
        }
        return count
    }

    /// One CSV record (RFC 4180: quoted when needed, CRLF after it), each
    /// cell made safe from formula injection (`JournalExport.csvCell`).
    private func csvRow(_ fields: [String]) throws -> String {
        let writer = try CSVWriter(stream: OutputStream.toMemory(), newline: .crlf)
        try writer.write(row: fields.map(JournalExport.csvCell))
        writer.stream.close()
        guard let data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else {
            throw JournalError.failed("the CSV writer produced nothing")
        }
        return String(decoding: data, as: UTF8.self) + "\r\n"
    }
}
