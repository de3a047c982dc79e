import StarlogStorage

/// The orders stories can be listed in.
public enum StorySort: String, CaseIterable, Sendable {
    /// Most recently added first (the order of `created_at`).
    case added
    /// Most recent `when` first; stories without one last.
    case when
    /// By title, A to Z, ignoring case.
    case title
}

/// Filters for listing stories; nil means any.
public struct StoryFilter: Sendable, Equatable {
    public var principle: String?
    public var outcome: Outcome?
    public var company: String?
    /// Stories whose `when` ends on or after this date (a story dated 2023
    /// is kept by `since: 2023-06`); stories without a `when` are left out.
    public var since: StoryDate?
    /// Stories whose `when` starts on or before this date; stories without a
    /// `when` are left out.
    public var until: StoryDate?
    public var sort: StorySort
    public var limit: Int?

    public init(
        principle: String? = nil, outcome: Outcome? = nil, company: String? = nil,
        since: StoryDate? = nil, until: StoryDate? = nil, sort: StorySort = .added, limit: Int? = nil
    ) {
        self.principle = principle
        self.outcome = outcome
        self.company = company
        self.since = since
        self.until = until
        self.sort = sort
        self.limit = limit
    }
}

/// Stories and their principle tags, mapped onto the `story` and
/// `story_principle` tables.
public struct StoryRepository: JournalRepository {
    let context: JournalContext

    /// The columns `Story.init(row:)` reads, in order. The last one is the
    /// story's principle slugs, space-separated, in framework order.
    static let columns = """
        s.id, s.title, s.situation, s.task, s.action, s.result, s.learnings, s.outcome,
        s.company, s.role, s.happened, s.created_at, s.updated_at,
        (SELECT group_concat(slug, ' ') FROM (
            SELECT p.slug FROM story_principle sp JOIN principle p ON p.id = sp.principle_id
            WHERE sp.story_id = s.id
            ORDER BY \(Principle.order)))
        """

    /// Adds a story; returns it as saved.
    @discardableResult
    public func add(_ draft: StoryDraft) throws -> Story {
        let title = try InputRules.storyTitle(draft.title)
        let tags = try principles.resolve(all: draft.principles)
        let now = clock.timestamp()
        return try database.transaction {
            try database.run("""
                INSERT INTO story (title, situation, task, action, result, learnings, outcome,
                                   company, role, happened, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [title, draft.situation, draft.task, draft.action, draft.result, draft.learnings,
                      draft.outcome.rawValue, draft.company.nonBlank, draft.role.nonBlank, draft.when?.text, now, now])
            let id = database.lastInsertRowID
            for principle in tags {
                try database.run("INSERT INTO story_principle (story_id, principle_id) VALUES (?, ?)", [id, principle.id])
            }
            return try saved(id)
        }
    }

    /// The story with `id`, or nil.
    public func find(_ id: Int64) throws -> Story? {
        try database.cached("SELECT \(Self.columns) FROM story s WHERE s.id = ?").first([id]) { Story(row: $0) }
    }

    /// The story with `id`, or an error that says how to find one.
    public func require(_ id: Int64) throws -> Story {
        guard let story = try find(id) else {
            throw JournalError.notFound(.story, id: id)
        }
        return story
    }

    /// Stories in `filter.sort` order (newest added first by default),
    /// narrowed by `filter`.
    ///
    /// The page is chosen first, walking `story_by_created` newest first
    /// (the index holds `created_at` and `id`, so no story row is read) and
    /// stopping at the limit; only the stories on the page are then read
    /// whole, with their principles. Sorting the matching rows instead
    /// copied every match's text into a sorter and ran the principle
    /// subquery for each: 5x slower for a principle with 1,300 stories.
    public func list(_ filter: StoryFilter = StoryFilter()) throws -> [Story] {
        var conditions: [String] = []
        var values: [any SQLBindable] = []
        if let principle = filter.principle {
            // Newest first walks story_by_created and stops at the page's
            // end: one probe of the story's tags per story it passes. In
            // other orders every story of the principle is sorted, so they
            // are read from the principle's side.
            conditions.append(filter.sort == .added
                ? "EXISTS (SELECT 1 FROM story_principle sp WHERE sp.story_id = c.id AND sp.principle_id = ?)"
                : "c.id IN (SELECT story_id FROM story_principle WHERE principle_id = ?)")
            values.append(try principles.resolve(principle).id)
        }
        if let outcome = filter.outcome {
            conditions.append("c.outcome = ?")
            values.append(outcome.rawValue)
        }
        if let company = filter.company {
            conditions.append("c.company = ? COLLATE NOCASE")
            values.append(company.trimmed)
        }
        // Dates compare as text: "2023" < "2023-06" < "2023-06-15", and a
        // trailing "~" (above every digit and "-") marks the end of a period.
        if let since = filter.since {
            conditions.append("c.happened || '~' >= ?")
            values.append(since.text)
        }
        if let until = filter.until {
            conditions.append("c.happened <= ?")
            values.append(until.text + "~")
        }
        // The page carries the columns it is ordered by, so the outer query
        // orders the page alone.
        let columns: String, hint: String
        switch filter.sort {
        case .added: (columns, hint) = ("c.id, c.created_at", " INDEXED BY story_by_created")
        case .when: (columns, hint) = ("c.id, c.happened, c.created_at", "")
        case .title: (columns, hint) = ("c.id, c.title", "")
        }
        func order(_ t: String) -> String {
            switch filter.sort {
            case .added: return "\(t).created_at DESC, \(t).id DESC"
            case .when: return "\(t).happened IS NULL, \(t).happened DESC, \(t).created_at DESC, \(t).id DESC"
            case .title: return "\(t).title COLLATE NOCASE, \(t).id"
            }
        }
        var sql = "WITH page AS (SELECT \(columns) FROM story c\(hint)"
        for (index, condition) in conditions.enumerated() {
            sql += (index == 0 ? " WHERE " : " AND ") + condition
        }
        sql += " ORDER BY \(order("c")) LIMIT ?)"
        sql += " SELECT \(Self.columns) FROM page JOIN story s ON s.id = page.id"
        sql += " ORDER BY \(order("page"))"
        values.append(filter.limit ?? -1)
        return try database.rows(sql, values) { Story(row: $0) }
    }

    /// The number of stories in the journal.
    package func count() throws -> Int {
        Int(try database.integer("SELECT count(*) FROM story") ?? 0)
    }

    /// Applies `patch` to story `id`; returns the story as saved.
    @discardableResult
    public func update(_ id: Int64, _ patch: StoryPatch) throws -> Story {
        let tags = try patch.principles.map { try principles.resolve(all: $0) }
        return try database.transaction {
            let before = try require(id)
            var story = before
            if let title = patch.title {
                story.title = title.trimmed
                guard !story.title.isEmpty else {
                    throw JournalError.invalidInput("a story's title cannot be empty")
                }
            }
            if let text = patch.situation { story.situation = text }
            if let text = patch.task { story.task = text }
            if let text = patch.action { story.action = text }
            if let text = patch.result { story.result = text }
            if let text = patch.learnings { story.learnings = text }
            if let outcome = patch.outcome { story.outcome = outcome }
            if let company = patch.company { story.company = company.nonBlank }
            if let role = patch.role { story.role = role.nonBlank }
            if let when = patch.when { story.when = when.trimmed.isEmpty ? nil : try StoryDate.parse(when) }
            try database.run("""
                UPDATE story SET title = ?, situation = ?, task = ?, action = ?, result = ?, learnings = ?,
                                 outcome = ?, company = ?, role = ?, happened = ?, updated_at = ?
                WHERE id = ?
                """, [story.title, story.situation, story.task, story.action, story.result, story.learnings,
                      story.outcome.rawValue, story.company, story.role, story.when?.text, clock.timestamp(), id])
            if story.title != before.title || story.situation != before.situation || story.task != before.task
                || story.action != before.action || story.result != before.result || story.learnings != before.learnings {
                try purgeReplacedText()
            }
            if let tags {
                try database.run("DELETE FROM story_principle WHERE story_id = ?", [id])
                for principle in tags {
                    try database.run("INSERT INTO story_principle (story_id, principle_id) VALUES (?, ?)", [id, principle.id])
                }
            }
            return try saved(id)
        }
    }

    /// Deletes story `id` and its tags; practice history keeps its attempts.
    public func delete(_ id: Int64) throws {
        try delete([id])
    }

    /// Deletes the stories `ids` and their tags in one transaction: when one
    /// of them does not exist, none is deleted. Practice history keeps its
    /// attempts.
    public func delete(_ ids: [Int64]) throws {
        try database.transaction {
            for id in ids {
                try database.run("DELETE FROM story WHERE id = ?", [id])
                guard database.changes == 1 else {
                    throw JournalError.notFound(.story, id: id)
                }
            }
            try purgeReplacedText()
        }
    }

    /// Deleted means gone: `secure_delete` zeroes the freed rows, but FTS5
    /// keeps a deleted story's tokens in its index segments until they are
    /// merged (its own secure-delete option needs SQLite 3.42). Merging every
    /// segment drops them; the commit's truncating checkpoint then empties
    /// the WAL.
    func purgeReplacedText() throws {
                try database.run("INSERT INTO story_fts (story_fts) VALUES ('optimize')")
    }

    /// Adds principles to story `id`; ones it already has are left alone.
    @discardableResult
    public func tag(_ id: Int64, with texts: [String]) throws -> Story {
        try tag([id], with: texts)[0]
    }

    /// Adds principles to the stories `ids` in one transaction: when one of
    /// them does not exist, none is changed. Returns them as saved.
    @discardableResult
    public func tag(_ ids: [Int64], with texts: [String]) throws -> [Story] {
        let tags = try principles.resolve(all: texts)
        return try database.transaction {
            for id in ids { _ = try require(id) }
            return try ids.map { id in
                for principle in tags {
                    try database.run("INSERT OR IGNORE INTO story_principle (story_id, principle_id) VALUES (?, ?)", [id, principle.id])
                }
                try touch(id)
                return try saved(id)
            }
        }
    }

    /// Removes principles from story `id`; ones it does not have are ignored.
    @discardableResult
    public func untag(_ id: Int64, from texts: [String]) throws -> Story {
        try untag([id], from: texts)[0]
    }

    /// Removes principles from the stories `ids` in one transaction: when
    /// one of them does not exist, none is changed. Returns them as saved.
    @discardableResult
    public func untag(_ ids: [Int64], from texts: [String]) throws -> [Story] {
        let tags = try principles.resolve(all: texts)
        return try database.transaction {
            for id in ids { _ = try require(id) }
            return try ids.map { id in
                for principle in tags {
                    try database.run("DELETE FROM story_principle WHERE story_id = ? AND principle_id = ?", [id, principle.id])
                }
                try touch(id)
                return try saved(id)
            }
        }
    }

    /// The story as just written, with its lint penalty cached.
    private func saved(_ id: Int64) throws -> Story {
        let story = try require(id)
        try LintRepository.cache(story, in: database)
        return story
    }

    private func touch(_ id: Int64) throws {
        try database.run("UPDATE story SET updated_at = ? WHERE id = ?", [clock.timestamp(), id])
    }
}

extension Story {
    /// Reads a row selected with `StoryRepository.columns`, starting at `offset`.
    init(row: Statement, offset: Int32 = 0) {
        self.init(
            id: row.int64(offset),
            title: row.text(offset + 1),
            situation: row.text(offset + 2),
            task: row.text(offset + 3),
            action: row.text(offset + 4),
            result: row.text(offset + 5),
            learnings: row.text(offset + 6),
            outcome: Outcome(rawValue: row.text(offset + 7)) ?? .success,
            company: row.optionalText(offset + 8),
            role: row.optionalText(offset + 9),
            when: row.optionalText(offset + 10).flatMap(StoryDate.init),
            createdAt: row.text(offset + 11),
            updatedAt: row.text(offset + 12),
            principles: row.text(offset + 13).utf8.split(separator: UInt8(ascii: " ")).map { String(decoding: $0, as: UTF8.self) })
    }
}

extension Optional where Wrapped == String {
    /// nil for a missing or blank string, else the string trimmed.
    var nonBlank: String? {
        guard let text = self?.trimmed, !text.isEmpty else { return nil }
        return text
    }
}

extension String {
    var nonBlank: String? { Optional(self).nonBlank }
}
