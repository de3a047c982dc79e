import StarlogStorage

/// Changes to an interview; nil fields stay as they are.
public struct InterviewPatch: Sendable, Equatable {
    public var company: String?
    /// `YYYY-MM-DD`.
    public var date: String?
    /// An empty role clears it.
    public var role: String?
    /// Slug or name. Changing it keeps the principles only when no new
    /// ones are given and they belong to the new framework.
    public var framework: String?
    /// The new principles (replacing the old); an empty list means all of
    /// the framework's.
    public var principles: [String]?
    /// True to allow moving it to a past day.
    public var past: Bool

    public init(company: String? = nil, date: String? = nil, role: String? = nil, framework: String? = nil, principles: [String]? = nil,
                past: Bool = false) {
        self.past = past
        self.company = company
        self.date = date
        self.role = role
        self.framework = framework
        self.principles = principles
    }

    public var isEmpty: Bool { company == nil && date == nil && role == nil && framework == nil && principles == nil }
}

extension InterviewRepository {
    /// Changes interview `id`; returns it as saved. Nothing is written when
    /// any part is wrong.
    @discardableResult
    public func edit(_ id: Int64, _ patch: InterviewPatch) throws -> Interview {
        guard !patch.isEmpty else { throw InterviewError.nothingToChange }
        return try database.transaction {
            let current = try require(id)
            var draft = InterviewDraft(company: patch.company ?? current.company, date: patch.date ?? current.date,
                                       role: patch.role ?? current.role, framework: patch.framework ?? current.framework)
            // A day that has passed since it was recorded is not a typo.
            draft.past = patch.past || patch.date == nil || patch.date?.trimmed == current.date
            if let given = patch.principles {
                draft.principles = given
            } else {
                // The principles stay as they are while the framework does;
                // a new framework keeps only those that belong to it.
                let framework = try context.frameworks
                    .require(draft.framework ?? current.framework).slug
                draft.principles = current.principles
                    .filter { framework == current.framework || $0.framework == framework }.map(\.slug)
            }
            let checked = try check(draft)
            try refuseDuplicate(company: checked.company, date: checked.date, except: id)
            try database.run("UPDATE interview SET company = ?, role = ?, day = ?, framework = ? WHERE id = ?",
                             [checked.company, checked.role, checked.date, checked.framework, id])
            try database.run("DELETE FROM interview_principle WHERE interview_id = ?", [id])
            for principle in checked.scope {
                try database.run("INSERT INTO interview_principle (interview_id, principle_id) VALUES (?, ?)", [id, principle.id])
            }
            return try require(id)
        }
    }
}
