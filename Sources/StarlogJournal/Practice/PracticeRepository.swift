import StarlogStorage

/// Practice sessions and attempts, mapped onto `practice_session` and
/// `practice_attempt`.
public struct PracticeRepository: JournalRepository {
    /// The text of a question asked elsewhere, cleaned (one line, single
    /// spaces); refused when empty or longer than a bank question may be.
    public static func askedQuestionText(_ text: String) throws -> String {
        let cleaned = Question.clean(text)
        guard !cleaned.isEmpty else {
            throw JournalError.attempt(.emptyQuestionText)
        }
        guard cleaned.count <= QuestionRepository.maximumLength else {
            throw JournalError.invalidInput("a question can be at most \(QuestionRepository.maximumLength) characters")
        }
        return cleaned
    }

    let context: JournalContext
    var questions: QuestionRepository { context.questions }

    /// Longest duration accepted: a day, in seconds.
    public static let maximumDuration = 86_400
    public static let maximumNotes = 10_000

    /// Starts a sitting; returns its id.
    public func startSession() throws -> Int64 {
        try database.transaction {
            try database.run("INSERT INTO practice_session (started_at) VALUES (?)", [clock.timestamp()])
            return database.lastInsertRowID
        }
    }

    /// Marks a sitting as over.
    public func endSession(_ id: Int64) throws {
        try database.run("UPDATE practice_session SET ended_at = ? WHERE id = ? AND ended_at IS NULL", [clock.timestamp(), id])
    }

    /// True when a session with `id` exists.
    public func sessionExists(_ id: Int64) throws -> Bool {
        try database.integer("SELECT 1 FROM practice_session WHERE id = ?", [id]) != nil
    }

    /// Checks `draft` and saves it in one transaction, in `session` or, when
    /// it is nil, in a new session of its own. Nothing is written when any
    /// part of the draft is wrong.
    @discardableResult
    public func record(_ draft: AttemptDraft, session: Int64? = nil) throws -> PracticeAttempt {
        guard (1...5).contains(draft.rating) else {
            throw JournalError.invalidInput("a rating is a whole number from 1 to 5, not \(draft.rating)")
        }
        if let duration = draft.duration {
            guard duration >= 0 else {
                throw JournalError.invalidInput("a duration is a number of seconds, 0 or more, not \(duration)")
            }
            guard duration <= Self.maximumDuration else {
                throw JournalError.attempt(.durationOverADay(duration))
            }
        }
        guard draft.notes.count <= Self.maximumNotes else {
            throw JournalError.invalidInput("notes can be at most \(Self.maximumNotes) characters")
        }
        let practicedAt = try resolveTime(draft.practicedAt)

        var questionID: Int64?
        var questionText: String
        var principleID: Int64?
        switch (draft.questionID, draft.questionText) {
        case (.some, .some):
            throw JournalError.attempt(.twoQuestions)
        case (nil, nil):
            throw JournalError.attempt(.noQuestion)
        case (.some(let id), nil):
            if draft.principle != nil {
                throw JournalError.attempt(.principleOfBankQuestion)
            }
            let question = try questions.require(id)
            questionID = question.id
            questionText = question.text
            principleID = question.principleID
        case (nil, .some(let text)):
            questionText = try Self.askedQuestionText(text)
            principleID = try draft.principle.map { try principles.resolve($0).id }
        }

        return try database.transaction {
            if let storyID = draft.storyID, try database.integer("SELECT 1 FROM story WHERE id = ?", [storyID]) == nil {
                throw JournalError.notFound(.story, id: storyID)
            }
            if principleID == nil { principleID = try onlyPrinciple(ofStory: draft.storyID) }
            let sessionID: Int64
            if let session {
                guard try sessionExists(session) else {
                    throw JournalError.notFound(.practiceSession, id: session)
                }
                sessionID = session
            } else {
                try database.run(
                    "INSERT INTO practice_session (started_at, ended_at) VALUES (?, ?)", [practicedAt, practicedAt])
                sessionID = database.lastInsertRowID
            }
            try database.run("""
                INSERT INTO practice_attempt (session_id, question_id, question, principle_id, story_id,
                                              duration, rating, notes, practiced_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [sessionID, questionID, questionText, principleID, draft.storyID,
                      draft.duration.map(Int64.init), Int64(draft.rating), draft.notes, practicedAt])
            let attemptID = database.lastInsertRowID
            // The pair's spaced-repetition state, in the same transaction.
            try context.schedule
                .update(storyID: draft.storyID, principleID: principleID)
            return try require(attemptID)
        }
    }

    /// The principle of an attempt that neither its question nor
    /// the draft gives: the story's only principle. Anything else is an
    /// error that asks which principle.
    func onlyPrinciple(ofStory storyID: Int64?) throws -> Int64 {
        guard let storyID else {
            throw JournalError.attempt(.whichPrinciple(storyID: nil, tags: []))
        }
        let tags = try database.rows("""
            SELECT p.id, p.slug FROM story_principle sp JOIN principle p ON p.id = sp.principle_id
            WHERE sp.story_id = ? ORDER BY \(Principle.order) LIMIT 4
            """, [storyID]) { (id: $0.int64(0), slug: $0.text(1)) }
        if tags.count == 1 { return tags[0].id }
        if tags.isEmpty {
            throw JournalError.attempt(.whichPrinciple(storyID: storyID, tags: []))
        }
        throw JournalError.attempt(.whichPrinciple(storyID: storyID, tags: tags.map(\.slug)))
    }

    /// Now, or the time a user gave, checked and written as stored.
    func resolveTime(_ text: String?) throws -> String {
        let now = clock.now()
        guard let text = text?.trimmed, !text.isEmpty else { return Timestamp.format(now) }
        guard let seconds = clock.moment(text), Timestamp.clockRange.contains(seconds) else {
            throw JournalError.invalidInput("\(Excerpt.quoted(text)) is not a time; write a local day or time (YYYY-MM-DD, YYYY-MM-DD HH:MM) or a UTC time (YYYY-MM-DDTHH:MM:SSZ)")
        }
        guard seconds <= now + 60 else {
            throw JournalError.invalidInput("\(Excerpt.quoted(text)) is in the future (it is now \(clock.localTime(now)) local time); an attempt is recorded when it happened")
        }
        return Timestamp.format(seconds)
    }

    /// The attempt with `id`, or nil.
    public func find(_ id: Int64) throws -> PracticeAttempt? {
        try database.first("SELECT \(PracticeAttempt.columns) FROM \(PracticeAttempt.from) WHERE a.id = ?", [id]) {
            PracticeAttempt(row: $0)
        }
    }

    /// The attempt with `id`, or an error.
    public func require(_ id: Int64) throws -> PracticeAttempt {
        guard let attempt = try find(id) else {
            throw JournalError.notFound(.practiceAttempt, id: id)
        }
        return attempt
    }

    /// Past attempts, newest first. With `principle`, only the attempts
    /// made for it (each attempt is for exactly one principle).
    public func history(principle: String? = nil, limit: Int? = nil) throws -> [PracticeAttempt] {
        try InputRules.checkLimit(limit)
        if let principle {
            let id = try principles.resolve(principle).id
            return try database.rows("""
                SELECT \(PracticeAttempt.columns) FROM \(PracticeAttempt.from)
                WHERE a.principle_id = ?
                ORDER BY a.practiced_at DESC, a.id DESC LIMIT ?
                """, [id, Int64(limit ?? -1)]) { PracticeAttempt(row: $0) }
        }
        return try database.rows("""
            SELECT \(PracticeAttempt.columns) FROM \(PracticeAttempt.from)
            ORDER BY a.practiced_at DESC, a.id DESC LIMIT ?
            """, [Int64(limit ?? -1)]) { PracticeAttempt(row: $0) }
    }

    /// The attempts of one session, in the order they were made.
    package func attempts(inSession session: Int64) throws -> [PracticeAttempt] {
        try database.rows("""
            SELECT \(PracticeAttempt.columns) FROM \(PracticeAttempt.from)
            WHERE a.session_id = ? ORDER BY a.id
            """, [session]) { PracticeAttempt(row: $0) }
    }

    /// The latest attempt with `storyID` that left notes, or nil: what the
    /// user meant to change when the story comes up again.
    public func lastNotes(storyID: Int64) throws -> PracticeAttempt? {
        try database.first("""
            SELECT \(PracticeAttempt.columns) FROM \(PracticeAttempt.from)
            WHERE a.story_id = ? AND a.notes <> ''
            ORDER BY a.practiced_at DESC, a.id DESC LIMIT 1
            """, [storyID]) { PracticeAttempt(row: $0) }
    }

    /// The number of attempts in the journal.
    package func count() throws -> Int {
        Int(try database.integer("SELECT count(*) FROM practice_attempt") ?? 0)
    }

    /// The stories tagged with principle `principleID`, best first by the
    /// one definition of best story (`StoryFit.isBetter`), with how each
    /// has gone for that principle.
    public func candidates(forPrinciple principleID: Int64) throws -> [StoryCandidate] {
        return try context.fits.ranked(principleID: principleID).map { fit in
            StoryCandidate(id: fit.storyID, title: fit.title, outcome: fit.outcome, attempts: fit.attempts,
                           bestRating: fit.bestRating, lastPracticed: fit.lastPracticed)
        }
    }
}

extension Journal {
    /// Practice sessions and attempts.
    public var practice: PracticeRepository {
        context.practice
    }
}
