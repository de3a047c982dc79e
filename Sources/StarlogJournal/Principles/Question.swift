import StarlogStorage

/// A behavioural question tied to one principle: one of starlog's own
/// (`builtin`) or one a user added.
public struct Question: Sendable, Equatable, Identifiable {
    public let id: Int64
    public let principleID: Int64
    /// The principle's slug, `earn-trust`.
    public let principle: String
    /// The principle's name, `Earn Trust`.
    public let principleName: String
    public let text: String
    public let builtin: Bool
    /// A built-in question the user hid: listed, never drilled.
    public let hidden: Bool

    static let columns = "q.id, q.principle_id, p.slug, p.name, q.text, q.builtin, q.hidden"
    static let from = "question q JOIN principle p ON p.id = q.principle_id"
    /// A principle's questions: built-in ones first, then a user's, oldest first.
    static let bankOrder = "q.builtin DESC, q.id"
    static let order = "\(Principle.order), \(bankOrder)"

    init(row: Statement, offset: Int32 = 0) {
        id = row.int64(offset)
        principleID = row.int64(offset + 1)
        principle = row.text(offset + 2)
        principleName = row.text(offset + 3)
        text = row.text(offset + 4)
        builtin = row.int64(offset + 5) != 0
        hidden = row.int64(offset + 6) != 0
    }

    /// `id`, `principle` (its slug), `text`, `builtin`, as the JSON output shapes it.
    public var json: JSONValue {
        .object([
            .init("id", .int(id)),
            .init("principle", .string(principle)),
            .init("text", .string(text)),
            .init("builtin", .bool(builtin)),
        ])
    }
}

/// The question bank, mapped onto the `question` table.
public struct QuestionRepository: JournalRepository {
    let context: JournalContext

    /// Longest question a user may add, in characters.
    public static let maximumLength = 1000

    /// The bank in framework order, built-in questions before a user's own;
    /// only those of `principle` when it is given (slug, name, or number
    /// within `framework`); else those of `framework` when it is given;
    /// else every question.
    public func list(principle: String? = nil, framework: String? = nil) throws -> [Question] {
        let frameworks = context.frameworks
        let scope = try framework.map { try frameworks.require($0).slug }
        if let principle {
            let resolved = try principles.resolve(principle, in: scope)
            return try database.rows(
                "SELECT \(Question.columns) FROM \(Question.from) WHERE q.principle_id = ? ORDER BY \(Question.order)",
                [resolved.id]) { Question(row: $0) }
        }
        if let scope {
            return try database.rows(
                "SELECT \(Question.columns) FROM \(Question.from) WHERE p.framework = ? ORDER BY \(Question.order)",
                [scope]) { Question(row: $0) }
        }
        return try database.rows("SELECT \(Question.columns) FROM \(Question.from) ORDER BY \(Question.order)") {
            Question(row: $0)
        }
    }

    /// Changes the text of a user's own question; returns it as saved.
    @discardableResult
    public func edit(_ id: Int64, text: String) throws -> Question {
        let cleaned = Question.clean(text)
        guard !cleaned.isEmpty else { throw QuestionError.empty }
        guard cleaned.count <= Self.maximumLength else { throw QuestionError.tooLong(limit: Self.maximumLength, length: cleaned.count) }
        return try database.transaction {
            let question = try require(id)
            guard !question.builtin else { throw QuestionError.builtin(id: id) }
            if let existing = try database.integer(
                "SELECT id FROM question WHERE principle_id = ? AND text = ? AND id <> ?", [question.principleID, cleaned, id]) {
                throw QuestionError.duplicate(id: existing)
            }
            try database.run("UPDATE question SET text = ? WHERE id = ?", [cleaned, id])
            return try require(id)
        }
    }

    /// Hides a built-in question from the drill (`hidden` true), or shows it again.
    @discardableResult
    public func setHidden(_ id: Int64, _ hidden: Bool) throws -> Question {
        try database.transaction {
            let question = try require(id)
            guard question.builtin else { throw QuestionError.notBuiltin(id: id) }
            try database.run("UPDATE question SET hidden = ? WHERE id = ?", [hidden ? 1 : 0, id])
            return try require(id)
        }
    }

    /// The question with `id`, or nil.
    public func find(_ id: Int64) throws -> Question? {
        try database.first("SELECT \(Question.columns) FROM \(Question.from) WHERE q.id = ?", [id]) { Question(row: $0) }
    }

    /// The question with `id`, or an error that says how to find one.
    public func require(_ id: Int64) throws -> Question {
        guard let question = try find(id) else {
            throw JournalError.notFound(.question, id: id)
        }
        return question
    }

    /// Adds a user's own question to `principle`; returns it as saved.
    @discardableResult
    public func add(principle: String, text: String) throws -> Question {
        let resolved = try principles.resolve(principle)
        let cleaned = Question.clean(text)
        guard !cleaned.isEmpty else {
            throw QuestionError.emptyFor(principle: resolved.slug)
        }
        guard cleaned.count <= Self.maximumLength else {
            throw JournalError.invalidInput("a question can be at most \(Self.maximumLength) characters; this one has \(cleaned.count)")
        }
        return try database.transaction {
            if let existing = try database.integer(
                "SELECT id FROM question WHERE principle_id = ? AND text = ?", [resolved.id, cleaned]) {
                throw JournalError.failed("that question is already in the bank as #\(existing) under \(resolved.name)")
            }
            try database.run(
                "INSERT INTO question (principle_id, text, builtin, created_at) VALUES (?, ?, 0, ?)",
                [resolved.id, cleaned, clock.timestamp()])
            return try require(database.lastInsertRowID)
        }
    }

    /// Deletes a user's own question. Built-in ones stay; attempts keep the
    /// question's text.
    public func delete(_ id: Int64) throws {
        try database.transaction {
            let question = try require(id)
            guard !question.builtin else {
                throw JournalError.failed("question \(id) is built in and cannot be removed; only questions you added can be")
            }
            try database.run("DELETE FROM question WHERE id = ?", [id])
        }
    }

    /// The number of questions in the bank.
    package func count() throws -> Int {
        Int(try database.integer("SELECT count(*) FROM question") ?? 0)
    }
}

extension Question {
    /// Text folded onto one line with single spaces, trimmed.
    static func clean(_ text: String) -> String {
        text.spacesFolded
    }
}

extension Journal {
    /// The question bank.
    public var questions: QuestionRepository {
        context.questions
    }
}
