#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StarlogStorage

/// The work of one import, inside the transaction `importStories` opened.
final class StoryImporter {
    let journal: Journal
    var database: Database { journal.database }
    let lookup: PrincipleLookup
    /// Content hash → ids of stories with that hash, for the duplicate check.
    /// One id per hash; the rare further stories with a hash already
    /// taken go to `knownMore`. (An array per hash cost about 5 MB of
    /// memory at 100,000 stories.)
    private var known: [Int: Int64] = [:]
    private var knownMore: [Int: [Int64]] = [:]
    /// A story's id in the file → its id in the journal.
    private(set) var storyIDs: [Int64: Int64] = [:]
    let now: String

    init(journal: Journal) {
        self.journal = journal
        self.lookup = PrincipleLookup(repository: journal.principles)
        self.now = journal.clock.timestamp()
    }

    /// The text of the story table's full-text insert trigger while the
    /// import has lifted it (see `deferIndexing`).
    private var liftedIndexTrigger: String?

    /// The text of the readiness totals' insert triggers while the import
    /// has lifted them (see `deferTotals`).
    private var liftedTotalsTriggers: [String] = []

    /// The highest practice attempt id before the import (0 for none).
    private(set) var lastAttemptBefore: Int64 = 0

    /// Reads the hashes of the stories already in the journal, and defers
    /// the indexing of new stories to `finish`.
    func prepare() throws {
        if try database.tableExists("practice_attempt") {
            lastAttemptBefore = try database.integer("SELECT coalesce(max(id), 0) FROM practice_attempt") ?? 0
        }
        try database.forEach("SELECT id, title, situation, task, action, result, learnings FROM story") { row in
            let hash = Self.identity(title: row.text(1), situation: row.text(2), task: row.text(3),
                                     action: row.text(4), result: row.text(5), learnings: row.text(6))
            remember(hash, row.int64(0))
        }
        try deferIndexing()
        try deferTotals()
    }

    /// Lifts the readiness totals' per-row insert triggers for the import's
    /// transaction; `finishTotals` fills the totals in bulk and puts them
    /// back. Like the index trigger, a failed, dry or killed import rolls
    /// the lifting back.
    private func deferTotals() throws {
        for name in ReadinessTotals.insertTriggers {
            guard let trigger = try database.first(
                "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?", [name], { $0.text(0) }) else { continue }
            // The name is one of the program's own triggers.
            try database.execute("DROP TRIGGER main.\(name.quotedDatabaseIdentifier)")
            liftedTotalsTriggers.append(trigger)
        }
    }

    /// Brings the readiness totals up to date for everything the import
    /// wrote (call it after the import's last write) and restores their
    /// insert triggers.
    func finishTotals() throws {
        guard !liftedTotalsTriggers.isEmpty else { return }
        try ReadinessTotals.fill(database, attemptsAfter: lastAttemptBefore)
        for trigger in liftedTotalsTriggers { try database.execute(trigger) }
        liftedTotalsTriggers = []
    }

    /// FTS5 writes the words it holds to a new index segment at every
    /// statement savepoint, and each `INSERT INTO story` runs the insert
    /// trigger inside one. Story by story, an import built the index out of
    /// one tiny segment per story and merged them over and over (22% of an
    /// import's time at 1,000 stories, most of it at 100,000). So for the
    /// length of its transaction the import lifts that trigger, notes each
    /// new story's id, and `finish` indexes them all with one statement, as
    /// a bulk load does, then puts the trigger back from its own text. A
    /// failed, dry or killed import rolls back, and the trigger with it.
    private func deferIndexing() throws {
        let trigger = try database.first(
            "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'story_fts_after_insert' AND tbl_name = 'story'"
        ) { $0.text(0) }
        guard let trigger else { return }
        try database.execute("""
            CREATE TEMP TABLE IF NOT EXISTS import_new_story (id INTEGER PRIMARY KEY);
            DELETE FROM temp.import_new_story;
            DROP TRIGGER main.story_fts_after_insert;
            """)
        liftedIndexTrigger = trigger
    }

    /// Indexes the stories the import added and restores the insert trigger.
    func finish() throws {
        guard let trigger = liftedIndexTrigger else { return }
        try database.execute("""
            INSERT INTO story_fts (rowid, title, situation, task, action, result, learnings)
            SELECT s.id, s.title, s.situation, s.task, s.action, s.result, s.learnings
            FROM temp.import_new_story AS n JOIN story AS s ON s.id = n.id
            ORDER BY n.id;
            DROP TABLE temp.import_new_story;
            """)
        try database.execute(trigger)
        liftedIndexTrigger = nil
    }

    private func remember(_ hash: Int, _ id: Int64) {
        if known[hash] == nil { known[hash] = id } else { knownMore[hash, default: []].append(id) }
    }

    /// What makes two stories the same for an import: the same Situation,
    /// Task, Action and Result, whatever their titles (so notes imported
    /// again after the stories were retitled add nothing). A story whose
    /// four sections are all empty is the same as one with its title and
    /// learnings.
    static func identity(title: String, situation: String, task: String, action: String, result: String, learnings: String) -> Int {
        if situation.isEmpty && task.isEmpty && action.isEmpty && result.isEmpty {
            return hash("title", title, learnings)
        }
        return hash("star", situation, task, action, result)
    }

    static func hash(_ fields: String...) -> Int {
        var hasher = Hasher()
        for field in fields { hasher.combine(field) }
        return hasher.finalize()
    }

    /// The id of a story the journal already has that is the same as
    /// `draft` (see `identity`), if any.
    func existing(_ draft: StoryDraft, hash: Int) throws -> Int64? {
        guard let first = known[hash] else { return nil }
        let starless = draft.situation.isEmpty && draft.task.isEmpty && draft.action.isEmpty && draft.result.isEmpty
        for id in [first] + (knownMore[hash] ?? []) {
            let same = try database.cached(
                starless
                    ? "SELECT 1 FROM story WHERE id = ? AND situation = '' AND task = '' AND action = '' AND result = '' AND title = ? AND learnings = ?"
                    : "SELECT 1 FROM story WHERE id = ? AND situation = ? AND task = ? AND action = ? AND result = ?"
            ).first(starless ? [id, draft.title, draft.learnings] : [id, draft.situation, draft.task, draft.action, draft.result]) { _ in true }
            if same == true { return id }
        }
        return nil
    }

    /// Adds one story unless the journal has it; counts it either way.
    func add(_ draft: StoryDraft, fileID: Int64?, createdAt: String?, updatedAt: String?,
             place: String, into report: inout ImportReport) throws {
        let tags: [Principle]
        do {
            var seen = Set<Int64>()
            tags = try draft.principles.map(lookup.resolve).filter { seen.insert($0.id).inserted }
        } catch let error as JournalError {
            throw ImportProblem(place: place, cause: error)
        }
        let hash = Self.identity(title: draft.title, situation: draft.situation, task: draft.task,
                                 action: draft.action, result: draft.result, learnings: draft.learnings)
        if let id = try existing(draft, hash: hash) {
            report.duplicates += 1
            if let fileID { storyIDs[fileID] = id }
            return
        }
        var id: Int64? = nil
        if let fileID, try database.cached("SELECT count(*) FROM story WHERE id = ?").integer([fileID]) == 0 {
            id = fileID
        }
        let created = createdAt ?? now
        try database.cached("""
            INSERT INTO story (id, title, situation, task, action, result, learnings, outcome,
                               company, role, happened, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute([id, draft.title, draft.situation, draft.task, draft.action, draft.result, draft.learnings,
                  draft.outcome.rawValue, draft.company.nonBlank, draft.role.nonBlank, draft.when?.text,
                  created, updatedAt ?? created])
        let newID = database.lastInsertRowID
        if liftedIndexTrigger != nil {
            try database.cached("INSERT INTO temp.import_new_story (id) VALUES (?)").execute([newID])
        }
        for principle in tags {
            try database.cached("INSERT INTO story_principle (story_id, principle_id) VALUES (?, ?)").execute([newID, principle.id])
        }
        remember(hash, newID)
        if let fileID { storyIDs[fileID] = newID }
        report.added += 1
    }

    // MARK: Markdown

    func importMarkdown(_ stream: UnsafeMutablePointer<FILE>, into report: inout ImportReport) throws {
        var reader = StoryMarkdownReader { [lookup] in lookup.heading($0) }
        var line: UnsafeMutablePointer<CChar>?
        var capacity = 0
        var number = 0
        defer { free(line) }
        func drain() throws {
            for story in reader.ready { try addMarkdown(story, into: &report) }
            reader.ready.removeAll(keepingCapacity: true)
        }
        while true {
            let length = getline(&line, &capacity, stream)
            if length < 0 { break }
            number += 1
            var bytes = UnsafeBufferPointer(start: UnsafeRawPointer(line!).assumingMemoryBound(to: UInt8.self), count: length)
            if bytes.last == 0x0A { bytes = UnsafeBufferPointer(rebasing: bytes.dropLast()) }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw ImportProblem(line: number, "the text is not UTF-8; save the file as UTF-8 and try again")
            }
            try reader.feed(Substring(text))
            if !reader.ready.isEmpty { try drain() }
        }
        try reader.finish()
        try drain()
        report.empty = reader.emptySections
        report.strayFieldLines = reader.strayFieldLines
        report.leftOutLines = reader.leftOutLines
    }

    private func addMarkdown(_ story: MarkdownStory, into report: inout ImportReport) throws {
        var story = story
        try story.settleTitle()
        let place = "line \(story.principlesLine ?? story.line)"
        if story.hasNoText && (story.title ?? "").trimmed.isEmpty {
            report.empty += 1
            return
        }
        try add(story.draft, fileID: story.id, createdAt: story.createdAt, updatedAt: story.updatedAt, place: place, into: &report)
    }

    // MARK: JSON

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
        try reader.expect(UInt8(ascii: "["), "a list of stories")
        if reader.take(UInt8(ascii: "]")) { return }
        var index = 0
        repeat {
            _ = reader.peek()
            let line = reader.line
            let place = "stories[\(index)] (line \(line))"
            let node = try reader.value(depth: 1)
            try story(node, place: place, into: &report)
            index += 1
        } while try reader.separator(closing: UInt8(ascii: "]"))
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
                let wanted = String("\(framework)-\(slug)".prefix(FrameworkRepository.maximumSlug))
                var free = wanted
                var suffix = 2
                while try database.integer("SELECT count(*) FROM principle WHERE slug = ?", [free]) != 0 {
                    free = String(wanted.prefix(FrameworkRepository.maximumSlug - 1 - String(suffix).count)) + "-\(suffix)"
                    suffix += 1
                }
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
