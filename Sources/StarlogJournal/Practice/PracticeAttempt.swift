import StarlogStorage

/// One rehearsed answer. It keeps the question's text, so deleting the
/// question or the story never loses it; `storyID` and `questionID` become
/// nil instead.
public struct PracticeAttempt: Sendable, Equatable, Identifiable {
    public let id: Int64
    public let sessionID: Int64
    public let questionID: Int64?
    /// The question as it was asked.
    public let question: String
    /// The slug of the principle the attempt was for (the question's, else
    /// the one given, else the story's only one); nil only for attempts
    /// recorded before that rule whose principle could not be told.
    public let principle: String?
    public let storyID: Int64?
    /// The story's title, when the story still exists.
    public let storyTitle: String?
    /// Seconds, when the answer was timed.
    public let duration: Int?
    /// 1 to 5.
    public let rating: Int
    public let notes: String
    /// UTC, ISO 8601.
    public let practicedAt: String

    static let columns = """
        a.id, a.session_id, a.question_id, a.question, p.slug, a.story_id, s.title,
        a.duration, a.rating, a.notes, a.practiced_at
        """
    static let from = """
        practice_attempt a
        LEFT JOIN principle p ON p.id = a.principle_id
        LEFT JOIN story s ON s.id = a.story_id
        """

    init(row: Statement) {
        id = row.int64(0)
        sessionID = row.int64(1)
        questionID = row.optionalInt64(2)
        question = row.text(3)
        principle = row.optionalText(4)
        storyID = row.optionalInt64(5)
        storyTitle = row.optionalText(6)
        duration = row.optionalInt64(7).map(Int.init)
        rating = row.int(8)
        notes = row.text(9)
        practicedAt = row.text(10)
    }

    /// `id`, `session_id`, `question_id`, `question`, `principle` (slug),
    /// `story_id`, `duration`, `rating`, `notes`, `practiced_at`.
    public var json: JSONValue {
        .object([
            .init("id", .int(id)),
            .init("session_id", .int(sessionID)),
            .init("question_id", questionID.map(JSONValue.int) ?? .null),
            .init("question", .string(question)),
            .init("principle", .string(principle)),
            .init("story_id", storyID.map(JSONValue.int) ?? .null),
            .init("duration", .int(duration)),
            .init("rating", .int(rating)),
            .init("notes", .string(notes)),
            .init("practiced_at", .string(practicedAt)),
        ])
    }
}

/// What a new attempt is made of, as a user gives it.
public struct AttemptDraft: Sendable, Equatable {
    /// A question from the bank…
    public var questionID: Int64?
    /// …or the text of one asked elsewhere.
    public var questionText: String?
    /// The principle a free-text question belongs to (slug, name or number).
    public var principle: String?
    public var storyID: Int64?
    /// Seconds; nil when the answer was not timed.
    public var duration: Int?
    /// 1 to 5.
    public var rating: Int
    public var notes: String
    /// When it happened (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SSZ`); now when nil.
    public var practicedAt: String?

    public init(
        questionID: Int64? = nil, questionText: String? = nil, principle: String? = nil, storyID: Int64? = nil,
        duration: Int? = nil, rating: Int, notes: String = "", practicedAt: String? = nil
    ) {
        self.questionID = questionID
        self.questionText = questionText
        self.principle = principle
        self.storyID = storyID
        self.duration = duration
        self.rating = rating
        self.notes = notes
        self.practicedAt = practicedAt
    }
}
