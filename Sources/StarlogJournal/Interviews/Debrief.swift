import StarlogStorage

/// One question asked at a real interview, the story told for it, and how it went.
public struct DebriefEntry: Sendable, Equatable, Identifiable {
    public let id: Int64
    public let interviewID: Int64
    public let question: String
    /// The story told; nil when none was, or it was deleted since.
    public let storyID: Int64?
    /// Its title, when the story is still in the journal.
    public let storyTitle: String?
    /// The principle the question probed, when known.
    public let principle: Principle?
    /// 1 to 5, how it went.
    public let rating: Int?
    public let notes: String
    /// UTC, ISO 8601.
    public let createdAt: String

    /// `id`, `interview_id`, `question`, `story_id`, `story_title`, `principle` (slug), `rating`, `notes`, `created_at`.
    public var json: JSONValue {
        .object([
            .init("id", .int(id)),
            .init("interview_id", .int(interviewID)),
            .init("question", .string(question)),
            .init("story_id", storyID.map { .int($0) } ?? .null),
            .init("story_title", .string(storyTitle)),
            .init("principle", .string(principle?.slug)),
            .init("rating", .int(rating)),
            .init("notes", .string(notes)),
            .init("created_at", .string(createdAt)),
        ])
    }
}

/// A debrief entry as a user gives it.
public struct DebriefDraft: Sendable, Equatable {
    public var question: String
    /// The story told (its id).
    public var storyID: Int64?
    /// Slug, name or number (within the interview's framework).
    public var principle: String?
    public var rating: Int?
    public var notes: String

    public init(question: String, storyID: Int64? = nil, principle: String? = nil, rating: Int? = nil, notes: String = "") {
        self.question = question
        self.storyID = storyID
        self.principle = principle
        self.rating = rating
        self.notes = notes
    }
}

/// A story already told at a company, and where.
public struct ToldStory: Sendable, Equatable {
    public let storyID: Int64
    public let interviewID: Int64
    /// `YYYY-MM-DD` of that interview.
    public let date: String
    public let question: String
}

extension InterviewRepository {
    /// Longest debrief question or notes, in characters.
    public static let maximumDebriefText = 2000

    /// Records what was asked at interview `id` and which story was told;
    /// returns the entry as saved.
    @discardableResult
    public func debrief(_ id: Int64, _ draft: DebriefDraft) throws -> DebriefEntry {
        let question = Question.clean(draft.question)
        guard !question.isEmpty else { throw InterviewError.emptyQuestion }
        guard question.count <= Self.maximumDebriefText else { throw InterviewError.tooLong(field: "question", limit: Self.maximumDebriefText) }
        guard draft.notes.count <= Self.maximumDebriefText else { throw InterviewError.tooLong(field: "notes", limit: Self.maximumDebriefText) }
        if let rating = draft.rating, !(1...5).contains(rating) { throw InterviewError.invalidRating(rating) }
        return try database.transaction {
            let interview = try require(id)
            if let story = draft.storyID {
                _ = try context.stories.require(story)
            }
            let principle = try draft.principle.map { try principles.resolve($0, in: interview.framework) }
            try database.run("""
                INSERT INTO interview_debrief (interview_id, question, story_id, principle_id, rating, notes, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [id, question, draft.storyID, principle?.id, draft.rating, draft.notes.trimmed, clock.timestamp()])
            let entry = database.lastInsertRowID
            guard let saved = try debriefs(of: id).first(where: { $0.id == entry }) else {
                throw InterviewError.noDebrief(interview: id, entry: entry)
            }
            return saved
        }
    }

    /// Interview `id`'s debrief, in the order it was recorded.
    public func debriefs(of id: Int64) throws -> [DebriefEntry] {
        let byID = Dictionary(uniqueKeysWithValues: try principles.all().map { ($0.id, $0) })
        return try database.rows("""
            SELECT d.id, d.interview_id, d.question, d.story_id, s.title, d.principle_id, d.rating, d.notes, d.created_at
            FROM interview_debrief d LEFT JOIN story s ON s.id = d.story_id
            WHERE d.interview_id = ? ORDER BY d.id
            """, [id]) {
            DebriefEntry(id: $0.int64(0), interviewID: $0.int64(1), question: $0.text(2), storyID: $0.optionalInt64(3),
                         storyTitle: $0.optionalText(4), principle: $0.optionalInt64(5).flatMap { byID[$0] },
                         rating: $0.optionalInt64(6).map(Int.init), notes: $0.text(7), createdAt: $0.text(8))
        }
    }

    /// Removes entry `entry` from interview `id`'s debrief.
    public func removeDebrief(_ id: Int64, entry: Int64) throws {
        try database.transaction {
            _ = try require(id)
            guard try database.integer("SELECT count(*) FROM interview_debrief WHERE id = ? AND interview_id = ?", [entry, id]) != 0 else {
                throw InterviewError.noDebrief(interview: id, entry: entry)
            }
            try database.run("DELETE FROM interview_debrief WHERE id = ?", [entry])
        }
    }

    /// Stories told at `company` (any case) at interviews other than
    /// `except`, and, when `except` is given, only at those before its day:
    /// the stories a later loop there should not repeat.
    public func toldStories(at company: String, except: Int64?) throws -> [ToldStory] {
        try database.rows("""
            SELECT d.story_id, i.id, i.day, d.question
            FROM interview_debrief d JOIN interview i ON i.id = d.interview_id
            WHERE d.story_id IS NOT NULL AND lower(trim(i.company)) = lower(trim(?)) AND i.id IS NOT ?
              AND (? IS NULL OR i.day < (SELECT day FROM interview WHERE id = ?))
            ORDER BY i.day, d.id
            """, [company, except, except, except]) {
            ToldStory(storyID: $0.int64(0), interviewID: $0.int64(1), date: $0.text(2), question: $0.text(3))
        }
    }
}
