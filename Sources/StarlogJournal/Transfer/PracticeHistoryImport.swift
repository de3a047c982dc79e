import Foundation
import StarlogStorage

/// Restores the practice lists of a JSON dump (`questions`, `sessions`,
/// `attempts`) into the practice tables, column for column, after the
/// stories: ids are renumbered, links to stories, questions and sessions
/// follow them, and rows the journal already has are skipped. A journal
/// without the practice tables (schema 1) skips the lists.
final class PracticeHistoryImport {
    let importer: StoryImporter
    var database: Database { importer.database }
    var journal: Journal { importer.journal }
    /// Old ids in the file to new ids in the journal.
    private var questionIDs: [Int64: Int64] = [:]
    private var sessionIDs: [Int64: Int64] = [:]
    /// Each practice table's columns, read once (nil: the table is missing).
    private var tableColumns: [String: [String]?] = [:]

    init(importer: StoryImporter) {
        self.importer = importer
    }

    /// Lists of a dump, item by item, as the file is read: each is written
    /// at once, so a file of any size is imported in constant memory.
    func question(_ node: JSONValue, index: Int, line: Int, into report: inout ImportReport) throws {
        let place = "questions[\(index)] (from line \(line))"
        guard try columns("question") != nil else { return }
        let (id, added) = try insert(node, into: "question", place: place, questionIDs: questionIDs, sessionIDs: sessionIDs)
        if let old = try JSONFields(node: node, place: place).id("id"), let id { questionIDs[old] = id }
        if added { report.questionsAdded += 1 }
    }

    func session(_ node: JSONValue, index: Int, line: Int, into report: inout ImportReport) throws {
        let place = "sessions[\(index)] (from line \(line))"
        guard try columns("practice_session") != nil else { return }
        let (id, _) = try insert(node, into: "practice_session", place: place, questionIDs: questionIDs, sessionIDs: sessionIDs)
        if let old = try JSONFields(node: node, place: place).id("id"), let id { sessionIDs[old] = id }
    }

    func attempt(_ node: JSONValue, index: Int, line: Int, into report: inout ImportReport) throws {
        let place = "attempts[\(index)] (from line \(line))"
        guard try columns("practice_attempt") != nil else { return }
        let (_, added) = try insert(node, into: "practice_attempt", place: place, questionIDs: questionIDs, sessionIDs: sessionIDs)
        if added { report.attemptsAdded += 1 } else { report.attemptsDuplicate += 1 }
    }

    /// One interview, column for column, then its principles (slugs).
    func interview(_ node: JSONValue, index: Int, line: Int, into report: inout ImportReport) throws {
        let place = "interviews[\(index)] (from line \(line))"
        guard try columns("interview") != nil else { return }
        let (id, added) = try insert(node, into: "interview", place: place, questionIDs: questionIDs, sessionIDs: sessionIDs)
        guard let id else { return }
        for slug in try JSONFields(node: node, place: place).strings("principles") ?? [] {
            let principle: Principle
            do {
                principle = try importer.lookup.resolve(slug)
            } catch let error as JournalError {
                throw ImportProblem(place: place, cause: error)
            }
            try database.cached("INSERT OR IGNORE INTO interview_principle (interview_id, principle_id) VALUES (?, ?)").execute([id, principle.id])
        }
        if added { report.interviewsAdded += 1 }
        guard let entries = node["debrief"] else { return }
        guard case .array(let list) = entries else {
            throw ImportProblem(place: place, message: "'debrief' must be a list")
        }
        for (index, entry) in list.enumerated() {
            let where_ = "\(place) debrief[\(index)]"
            guard case .object = entry else { throw ImportProblem(place: where_, message: "each debrief entry must be an object") }
            let fields = JSONFields(node: entry, place: where_)
            guard let question = try fields.string("question"), !question.trimmed.isEmpty else {
                throw ImportProblem(place: where_, message: "a debrief entry needs its 'question'")
            }
            let rating = try fields.id("rating")
            if let rating, !(1...5).contains(rating) {
                throw ImportProblem(place: where_, message: "'rating' is 1 to 5, not \(rating)")
            }
            let story = try fields.id("story_id").flatMap { importer.storyIDs[$0] }
            var principle: Int64?
            if let slug = try fields.string("principle") {
                do {
                    principle = try importer.lookup.resolve(slug).id
                } catch let error as JournalError {
                    throw ImportProblem(place: where_, cause: error)
                }
            }
            let created = try fields.timestamp("created_at") ?? importer.now
            if try database.integer("SELECT count(*) FROM interview_debrief WHERE interview_id = ? AND question = ? AND created_at = ?",
                                    [id, question, created]) != 0 { continue }
            try database.run("""
                INSERT INTO interview_debrief (interview_id, question, story_id, principle_id, rating, notes, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [id, question, story, principle, rating, try fields.string("notes") ?? "", created])
            report.debriefsAdded += 1
        }
    }

    /// The columns of `table`, or nil when the journal has no such table.
    private func columns(_ table: String) throws -> [String]? {
        if let known = tableColumns[table] { return known }
        let found = try database.tableExists(table) ? try database.columns(of: table) : nil
        tableColumns[table] = found
        return found
    }

    /// Inserts one row unless an equal one exists; returns its id and whether it was added.
    private func insert(_ node: JSONValue, into table: String, place: String,
                        questionIDs: [Int64: Int64], sessionIDs: [Int64: Int64]) throws -> (Int64?, Bool) {
        guard case .object = node else {
            throw ImportProblem(place: place, message: "each item must be an object, not \(node.kind)")
        }
        let fields = JSONFields(node: node, place: place)
        var names: [String] = []
        var values: [SQLValue] = []
        var present = 0
        for (position, column) in (try columns(table) ?? []).enumerated() where column != "id" {
            let value: SQLValue?
            switch column {
            case "principle_id":
                if let slug = try fields.string("principle") {
                    do {
                        value = .integer(try importer.lookup.resolve(slug).id)
                    } catch let error as JournalError {
                        throw ImportProblem(place: place, cause: error)
                    }
                } else {
                    value = node["principle"] == nil ? nil : .null
                }
            case "story_id":
                value = try fields.id(column).map { old in importer.storyIDs[old].map(SQLValue.integer) ?? .null }
            case "session_id":
                value = try fields.id(column).map { old -> SQLValue in
                    guard let id = sessionIDs[old] else {
                        return .null
                    }
                    return .integer(id)
                }
            case "question_id":
                value = try fields.id(column).map { old in
                    if let id = questionIDs[old] { return .integer(id) }
                    return try builtinQuestion(fields, place: place) ?? .null
                }
            case "builtin":
                value = node[column] == nil ? nil : .integer(0)
            default:
                switch node[column] {
                case nil: value = nil
                case .null?: value = .null
                case .string(let text)?: value = .text(text)
                case .bool(let flag)?: value = .integer(flag ? 1 : 0)
                case .number(let text)?:
                    if let number = Int64(text) { value = .integer(number) } else { value = .real(Double(text) ?? 0) }
                case let other?:
                    throw ImportProblem(place: place, message: "'\(column)' must be text or a number, not \(other.kind)")
                }
            }
            if let value {
                names.append(column)
                values.append(value)
                present |= 1 << position
            }
        }
        guard !names.isEmpty else { return (nil, false) }
        let sql = statements(table, present: present, names: names)
        if let id = try database.cached(sql.find).integer(values) {
            return (id, false)
        }
        do {
            try database.cached(sql.insert).execute(values)
        } catch let error as SQLiteError where error.resultCode == .SQLITE_CONSTRAINT {
            // A NOT NULL, CHECK or UNIQUE rule of the table.
            if table == "question", let id = try existingQuestion(fields) { return (id, false) }
            throw ImportProblem(place: place, message: "the \(table.replacingOccurrences(of: "_", with: " ")) breaks a rule of the journal (a missing or out-of-range value)")
        }
        return (database.lastInsertRowID, true)
    }

    /// The duplicate check and the insert for rows of `table` that give
    /// `names` (the columns whose bits are set in `present`), built once:
    /// an import of 250,000 attempts asks for the same few shapes.
    private var statementCache: [String: [Int: (find: String, insert: String)]] = [:]

    private func statements(_ table: String, present: Int, names: [String]) -> (find: String, insert: String) {
        if let known = statementCache[table]?[present] { return known }
        // Identifiers are the journal's own column names (pragma_table_info).
        let quoted = names.map(\.quotedDatabaseIdentifier)
        let match = quoted.map { "\($0) IS ?" }.joined(separator: " AND ")
        let built = (find: "SELECT id FROM \(table.quotedDatabaseIdentifier) WHERE \(match) LIMIT 1",
                     insert: "INSERT INTO \(table.quotedDatabaseIdentifier) (\(quoted.joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: names.count).joined(separator: ", ")))")
        statementCache[table, default: [:]][present] = built
        return built
    }

    /// A built-in question an attempt pointed at, found again by its text.
    private func builtinQuestion(_ fields: JSONFields, place: String) throws -> SQLValue? {
        guard let text = try fields.string("question") else { return nil }
        return try database.cached("SELECT id FROM question WHERE text = ? LIMIT 1").integer([text]).map(SQLValue.integer)
    }

    private func existingQuestion(_ fields: JSONFields) throws -> Int64? {
        guard let text = try fields.string("text") else { return nil }
        return try database.cached("SELECT id FROM question WHERE text = ? LIMIT 1").integer([text])
    }
}
