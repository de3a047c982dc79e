#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StarlogStorage

/// A JSON dump (or `list --json` output), a member at a time.
extension StoryImporter {
    func importJSON(_ reader: JSONStreamReader, into report: inout ImportReport) throws {
        guard let first = reader.peek() else { throw reader.truncated() }
        if first == UInt8(ascii: "[") {
            try stories(reader, into: &report)
            guard reader.atEnd else { throw ImportProblem(line: reader.line, "unexpected text after the JSON") }
            return
        }
        try reader.expect(UInt8(ascii: "{"), "'{' or '['")
        var format: String?
        var version: Int?
        let history = PracticeHistoryImport(importer: self)
        // Practice lists normally follow the stories (export writes them so)
        // and are written as they are read; any that come first are held
        // until the stories their attempts point at are in.
        var storiesRead = false
        var held: [(key: String, node: JSONValue, index: Int, line: Int)] = []
        func practice(_ key: String, _ node: JSONValue, _ index: Int, _ line: Int) throws {
            switch key {
            case "questions": try history.question(node, index: index, line: line, into: &report)
            case "sessions": try history.session(node, index: index, line: line, into: &report)
            default: try history.attempt(node, index: index, line: line, into: &report)
            }
        }
        if !reader.take(UInt8(ascii: "}")) {
            repeat {
                let keyLine = reader.line
                let key = try reader.string()
                try reader.expect(UInt8(ascii: ":"), "':' after a key")
                switch key {
                case "format":
                    guard case .string(let text) = try reader.value() else {
                        throw ImportProblem(line: keyLine, "'format' must be \"starlog\"")
                    }
                    format = text
                    guard text == "starlog" else {
                        throw ImportProblem(line: keyLine, "this is not a starlog export (format \(Excerpt.quoted(text)))")
                    }
                case "version":
                    guard case .number(let text) = try reader.value(), let number = Int(text) else {
                        throw ImportProblem(line: keyLine, "'version' must be a whole number")
                    }
                    version = number
                    guard number <= JournalExport.formatVersion else {
                        throw ImportProblem(line: keyLine, "the file is export version \(number), newer than this starlog reads (\(JournalExport.formatVersion)); upgrade starlog")
                    }
                case "stories":
                    guard format != nil else {
                        throw ImportProblem(line: keyLine, "'stories' comes before \"format\": \"starlog\"; this is not a starlog export")
                    }
                    try stories(reader, into: &report)
                    storiesRead = true
                case "frameworks": try frameworks(reader, into: &report)
                case "principles": try customPrinciples(reader, into: &report)
                case "hidden_questions":
                    try eachItem(reader, key: key) { node, index, line in
                        guard case .string(let text) = node else {
                            throw ImportProblem(line: line, "hidden_questions[\(index)] must be a question's text")
                        }
                        try database.run("UPDATE question SET hidden = 1 WHERE builtin = 1 AND text = ?", [text])
                    }
                case "interviews":
                    try eachItem(reader, key: key) { node, index, line in
                        try history.interview(node, index: index, line: line, into: &report)
                    }
                case "questions", "sessions", "attempts":
                    try eachItem(reader, key: key) { node, index, line in
                        if storiesRead || key != "attempts" {
                            try practice(key, node, index, line)
                        } else {
                            held.append((key, node, index, line))
                        }
                    }
                default: _ = try reader.value()
                }
            } while try reader.separator(closing: UInt8(ascii: "}"))
        }
        guard reader.atEnd else { throw ImportProblem(line: reader.line, "unexpected text after the JSON") }
        guard format == "starlog", version != nil else {
            throw ImportProblem(place: "the top object", message: "it has no \"format\": \"starlog\" and \"version\"; this is not a starlog export")
        }
        for item in held { try practice(item.key, item.node, item.index, item.line) }
    }

    /// Reads the list under `key` one item at a time.
    private func eachItem(_ reader: JSONStreamReader, key: String, _ body: (JSONValue, Int, Int) throws -> Void) throws {
        let line = reader.line
        guard reader.peek() == UInt8(ascii: "[") else {
            _ = try reader.value()
            throw ImportProblem(line: line, "'\(key)' must be a list")
        }
        try reader.expect(UInt8(ascii: "["), "a list")
        if reader.take(UInt8(ascii: "]")) { return }
        var index = 0
        repeat {
            _ = reader.peek()
            let itemLine = reader.line
            try body(try reader.value(depth: 1), index, itemLine)
            index += 1
        } while try reader.separator(closing: UInt8(ascii: "]"))
    }

    /// Reads the `stories` list one object at a time.
    private func stories(_ reader: JSONStreamReader, into report: inout ImportReport) throws {
        try eachItem(reader, key: "stories") { node, index, line in
            try story(node, place: "stories[\(index)] (line \(line))", into: &report)
        }
        // What follows may refer to these stories.
        try addWaitingStories(into: &report)
    }

    private func story(_ node: JSONValue, place: String, into report: inout ImportReport) throws {
        guard case .object = node else {
            throw ImportProblem(place: place, message: "a story must be an object, not \(node.kind)")
        }
        let fields = JSONFields(node: node, place: place)
        guard let title = try fields.string("title")?.trimmed, !title.isEmpty else {
            throw ImportProblem(place: place, message: "the story has no 'title'")
        }
        var draft = StoryDraft(title: title)
        draft.situation = try fields.string("situation") ?? ""
        draft.task = try fields.string("task") ?? ""
        draft.action = try fields.string("action") ?? ""
        draft.result = try fields.string("result") ?? ""
        draft.learnings = try fields.string("learnings") ?? ""
        if let text = try fields.string("outcome"), let outcome = try StoryFieldText.outcome(text, at: place) {
            draft.outcome = outcome
        }
        draft.company = try fields.string("company")
        draft.role = try fields.string("role")
        if let text = try fields.string("when") { draft.when = try StoryFieldText.when(text, at: place) }
        draft.principles = try fields.strings("principles") ?? []
        let created = try fields.timestamp("created_at")
        let updated = try fields.timestamp("updated_at")
        try add(draft, fileID: try fields.id("id"), createdAt: created, updatedAt: updated, place: place, into: &report)
    }

    /// Frameworks a user added, added when the journal lacks their slug. One
    /// the journal made for a principle that named it (its name is its
    /// slug) takes the file's name, source and date.
    private func frameworks(_ reader: JSONStreamReader, into report: inout ImportReport) throws {
        try eachItem(reader, key: "frameworks") { node, index, line in
            let fields = JSONFields(node: node, place: "frameworks[\(index)] (from line \(line))")
            guard case .object = node, let slug = try fields.string("slug"), let given = try fields.string("name"),
                  !given.trimmed.isEmpty else {
                throw ImportProblem(place: fields.place, message: "a framework needs a 'slug' and a 'name'")
            }
            try Self.requireSlug(slug, place: fields.place)
            let name = try Self.checkedName(given, place: fields.place)
            var asOf = try fields.string("as_of")
            if let day = asOf, !day.isEmpty {
                guard let parsed = LocalDay(day) else {
                    throw ImportProblem(place: fields.place, message: "'as_of' must be YYYY-MM-DD, not \(Excerpt.quoted(day))")
                }
                asOf = parsed.description
            } else {
                asOf = nil
            }
            let source = try fields.string("source")
            let created = try fields.timestamp("created_at") ?? now
            if try database.integer("SELECT count(*) FROM framework WHERE slug = ?", [slug]) != 0 {
                try database.run("""
                    UPDATE framework SET name = ?, source = ?, as_of = ? WHERE slug = ? AND builtin = 0 AND name = slug
                    """, [name.trimmed, source, asOf, slug])
                return
            }
            try database.run("INSERT INTO framework (slug, name, source, as_of, builtin, created_at) VALUES (?, ?, ?, ?, 0, ?)",
                             [slug, name.trimmed, source, asOf, created])
            report.frameworksAdded += 1
        }
        lookup.reload()
    }

    /// Refuses what the framework rules would not take as a slug.
    static func requireSlug(_ slug: String, place: String) throws {
        guard FrameworkFile.isSlug(slug) else {
            throw ImportProblem(place: place, message: "\(Excerpt.quoted(slug)) is not a slug (lower-case letters, digits and hyphens, not digits alone)")
        }
    }

    /// A framework's or principle's name, cleaned and checked by the framework rules.
    static func checkedName(_ name: String, place: String) throws -> String {
        do {
            return try FrameworkRepository.checkedName(name)
        } catch {
            throw ImportProblem(place: place, message: "'name' must be 1 to \(FrameworkRepository.maximumName) characters and more than digits")
        }
    }

    /// Principles of other frameworks, added when the journal lacks their slug.
    private func customPrinciples(_ reader: JSONStreamReader, into report: inout ImportReport) throws {
        let line = reader.line
        guard case .array(let list) = try reader.value() else {
            throw ImportProblem(line: line, "'principles' must be a list")
        }
        for (index, node) in list.enumerated() {
            let fields = JSONFields(node: node, place: "principles[\(index)] (from line \(line))")
            guard var slug = try fields.string("slug"), let given = try fields.string("name") else {
                throw ImportProblem(place: fields.place, message: "a principle needs a 'slug' and a 'name'")
            }
            try Self.requireSlug(slug, place: fields.place)
            let name = try Self.checkedName(given, place: fields.place)
            let summary: String
            do {
                summary = try FrameworkRepository.checkedText(try fields.string("summary"), field: .summary) ?? ""
            } catch {
                throw ImportProblem(place: fields.place, message: "'summary' can be at most \(FrameworkRepository.maximumText) characters")
            }
            let frameworkText = try fields.string("framework") ?? ""
            let framework = frameworkText.isEmpty ? "custom" : frameworkText
            try Self.requireSlug(framework, place: fields.place)
            if let holder = try database.first("SELECT framework, builtin FROM principle WHERE slug = ?", [slug], { ($0.text(0), $0.int64(1) != 0) }) {
                // The same principle, imported before or the user's own.
                if holder.0 == framework && !holder.1 { continue }
                // Another principle here has the slug (a built-in theme of
                // this journal): the file's principle keeps its name under
                // its framework's slug, and the file's tags follow it.
                if let same = try database.first("SELECT slug FROM principle WHERE framework = ? AND name = ? AND builtin = 0",
                                                 [framework, name], { $0.text(0) }) {
                    lookup.rename(slug, to: same)
                    continue
                }
                let free = try journal.frameworks.freeSlug(explicit: nil, name: slug, framework: framework)
                lookup.rename(slug, to: free)
                slug = free
            }
            // A number out of range or taken in its framework gives way to the next free one.
            var number = try fields.id("number").flatMap { (1...Int64(FrameworkRepository.maximumNumber)).contains($0) ? $0 : nil }
            if let wanted = number,
               try database.integer("SELECT count(*) FROM principle WHERE framework = ? AND position = ?", [framework, wanted]) != 0 {
                number = nil
            }
            let position = try number ?? database.integer(
                "SELECT coalesce(max(position), 0) + 1 FROM principle WHERE framework = ?", [framework]) ?? 1
            try database.run("INSERT INTO principle (slug, name, summary, framework, position, builtin) VALUES (?, ?, ?, ?, ?, 0)",
                             [slug, name, summary, framework, position])
            report.principlesAdded += 1
        }
        lookup.reload()
    }
}
