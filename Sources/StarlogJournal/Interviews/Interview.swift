import StarlogStorage

/// An interview (or a loop of them) the user is preparing for.
public struct Interview: Sendable, Equatable, Identifiable {
    public let id: Int64
    public let company: String
    public let role: String?
    /// `YYYY-MM-DD`.
    public let date: String
    /// The slug of the framework it tests.
    public let framework: String
    /// The principles it is expected to probe, in framework order; empty
    /// means every principle of its framework.
    public let principles: [Principle]
    /// UTC, ISO 8601.
    public let createdAt: String

    /// The interview's day, a local calendar day.
    public var day: LocalDay { LocalDay(date) ?? LocalDay(number: 0) }

    /// Whole local days from `today` to the interview's day: 0 on the day,
    /// negative once it has passed.
    public func daysLeft(from today: LocalDay) -> Int {
        day - today
    }

    /// Midnight UTC at the start of the interview's day.
    public var start: Int64 { Timestamp.parse(date) ?? 0 }

    /// "in 12 days", "tomorrow", "today", "3 days ago".
    public static func describe(daysLeft days: Int) -> String {
        switch days {
        case 0: return "today"
        case 1: return "tomorrow"
        case -1: return "yesterday"
        case ..<0: return "\(-days) days ago"
        default: return "in \(days) days"
        }
    }

    /// `id`, `company`, `role`, `date`, `framework`, `principles` (slugs), `days_left`, `created_at`.
    public func json(today: LocalDay) -> JSONValue {
        .object([
            .init("id", .int(id)),
            .init("company", .string(company)),
            .init("role", .string(role)),
            .init("date", .string(date)),
            .init("framework", .string(framework)),
            .init("principles", .array(principles.map { .string($0.slug) })),
            .init("days_left", .int(daysLeft(from: today))),
            .init("created_at", .string(createdAt)),
        ])
    }
}

/// What a new interview is made of, as a user types it.
public struct InterviewDraft: Sendable, Equatable {
    public var company: String
    public var date: String
    public var role: String?
    /// The framework it tests (slug or name); when nil, the one its
    /// principles share, else `amazon`.
    public var framework: String?
    /// Slugs, names or numbers (within `framework`).
    public var principles: [String]
    /// True to record an interview that has already happened (for its
    /// debrief); a past day is refused otherwise, as a likely typo.
    public var past: Bool

    public init(company: String, date: String, role: String? = nil, framework: String? = nil, principles: [String] = [],
                past: Bool = false) {
        self.company = company
        self.date = date
        self.role = role
        self.framework = framework
        self.principles = principles
        self.past = past
    }
}

/// Interviews and their principles, mapped onto `interview` and
/// `interview_principle`.
public struct InterviewRepository: JournalRepository {
    let context: JournalContext

    public static let maximumText = 200

    /// Checks `draft` and saves it; nothing is written when any part is
    /// wrong. A past day needs `draft.past` (to record its debrief); the
    /// same company on the same day twice is refused.
    @discardableResult
    public func add(_ draft: InterviewDraft) throws -> Interview {
        let checked = try check(draft)
        let now = clock.now()
        return try database.transaction {
            try refuseDuplicate(company: checked.company, date: checked.date, except: nil)
            try database.run(
                "INSERT INTO interview (company, role, day, framework, created_at) VALUES (?, ?, ?, ?, ?)",
                [checked.company, checked.role, checked.date, checked.framework, Timestamp.format(now)])
            let id = database.lastInsertRowID
            for principle in checked.scope {
                try database.run("INSERT INTO interview_principle (interview_id, principle_id) VALUES (?, ?)", [id, principle.id])
            }
            return try require(id)
        }
    }

    /// A draft's fields, checked and resolved.
    struct Checked {
        var company: String
        var role: String?
        var date: String
        var framework: String
        var scope: [Principle]
    }

    func check(_ draft: InterviewDraft) throws -> Checked {
        let company = draft.company.trimmed
        guard !company.isEmpty else {
            throw InterviewError.noCompany
        }
        guard company.count <= Self.maximumText, (draft.role?.count ?? 0) <= Self.maximumText else {
            throw InterviewError.companyOrRoleTooLong(limit: Self.maximumText)
        }
        let date = draft.date.trimmed
        guard let day = LocalDay(date) else {
            throw JournalError.invalidInput("\(Excerpt.quoted(draft.date)) is not a day; write the interview's date as YYYY-MM-DD (for example 2026-07-14)")
        }
        let today = clock.today
        guard day >= today || draft.past else { throw InterviewError.inThePast(date: date, today: today.description) }
        let frameworks = context.frameworks
        let given = try draft.framework.map { try frameworks.require($0).slug }
        let scope = try principles.resolve(all: draft.principles, in: given)
        let framework = given ?? scope.first?.framework ?? Framework.defaultSlug
        let role = draft.role?.trimmed
        return Checked(company: company, role: (role?.isEmpty ?? true) ? nil : role, date: date, framework: framework, scope: scope)
    }

    /// Refuses a second interview at `company` (any case) on `date`.
    func refuseDuplicate(company: String, date: String, except: Int64?) throws {
        if let existing = try database.integer(
            "SELECT id FROM interview WHERE day = ? AND lower(trim(company)) = lower(?) AND id IS NOT ? LIMIT 1",
            [date, company, except]) {
            throw InterviewError.duplicate(id: existing, company: company, date: date)
        }
    }

    /// Every interview, soonest first.
    public func list() throws -> [Interview] {
        let rows = try database.rows("SELECT id, company, role, day, created_at, framework FROM interview ORDER BY day, id") {
            (id: $0.int64(0), company: $0.text(1), role: $0.optionalText(2), day: $0.text(3), created: $0.text(4),
             framework: $0.text(5))
        }
        let links = try database.rows("""
            SELECT ip.interview_id, \(Principle.columns)
            FROM interview_principle ip JOIN principle p ON p.id = ip.principle_id
            ORDER BY \(Principle.order)
            """) { (interview: $0.int64(0), principle: Principle(row: $0, offset: 1)) }
        var byInterview: [Int64: [Principle]] = [:]
        for link in links { byInterview[link.interview, default: []].append(link.principle) }
        return rows.map {
            Interview(id: $0.id, company: $0.company, role: $0.role, date: $0.day, framework: $0.framework,
                      principles: byInterview[$0.id] ?? [], createdAt: $0.created)
        }
    }

    /// Interviews from today on, soonest first.
    public func upcoming() throws -> [Interview] {
        let today = clock.today
        return try list().filter { $0.daysLeft(from: today) >= 0 }
    }

    /// The interview with `id`, or nil.
    public func find(_ id: Int64) throws -> Interview? {
        try list().first { $0.id == id }
    }

    /// The interview with `id`, or an error that says how to find one.
    public func require(_ id: Int64) throws -> Interview {
        guard let interview = try find(id) else {
            throw JournalError.notFound(.interview, id: id)
        }
        return interview
    }

    /// Deletes the interview with `id`; returns it as it was.
    @discardableResult
    public func remove(_ id: Int64) throws -> Interview {
        try database.transaction {
            let interview = try require(id)
            try database.run("DELETE FROM interview WHERE id = ?", [id])
            return interview
        }
    }

    /// The principles in an interview's scope: its own, or all of its
    /// framework's when it names none.
    public func scope(of interview: Interview) throws -> [Principle] {
        interview.principles.isEmpty ? try principles.all(in: interview.framework) : interview.principles
    }
}

extension Journal {
    /// Interviews the user is preparing for.
    public var interviews: InterviewRepository {
        context.interviews
    }
}
