import StarlogStorage

/// Frameworks and a user's own principles in them, mapped onto `framework`
/// and `principle`. Every change is checked whole before anything is written.
public struct FrameworkRepository: JournalRepository {
    let context: JournalContext

    /// Longest name, in characters.
    public static let maximumName = 200
    /// Longest summary or source, in characters.
    public static let maximumText = 1000
    /// Longest slug, in characters.
    public static let maximumSlug = 60
    /// The highest number a principle can have within its framework.
    public static let maximumNumber = 999

    /// Every framework, built-in ones first, then by slug.
    public func all() throws -> [Framework] {
        try database.rows("SELECT \(Framework.columns) FROM framework f ORDER BY \(Framework.order)") {
            Framework(row: $0)
        }
    }

    /// Every framework with its principles, tagged stories and interviews.
    public func usage() throws -> [FrameworkUsage] {
        try database.rows("""
            SELECT \(Framework.columns),
                   (SELECT count(*) FROM principle p WHERE p.framework = f.slug),
                   (SELECT count(DISTINCT sp.story_id) FROM story_principle sp
                    JOIN principle p ON p.id = sp.principle_id WHERE p.framework = f.slug),
                   (SELECT count(*) FROM interview i WHERE i.framework = f.slug)
            FROM framework f ORDER BY \(Framework.order)
            """) {
            FrameworkUsage(framework: Framework(row: $0), principles: $0.int(7), stories: $0.int(8), interviews: $0.int(9))
        }
    }

    /// The framework a user means by `text`: its slug, or its name in any case.
    public func require(_ text: String) throws -> Framework {
        let wanted = text.trimmed
        let frameworks = try all()
        if let match = frameworks.first(where: { $0.slug == wanted })
            ?? frameworks.first(where: { $0.slug == wanted.lowercased() || $0.name.lowercased() == wanted.lowercased() }) {
            return match
        }
        throw FrameworkError.unknownFramework(wanted, suggestion: PrincipleIndex.nearest(wanted.lowercased(), in: frameworks.map(\.slug)))
    }

    /// The framework in scope when a command is given none: the one the
    /// next upcoming interview tests (today counts), else `amazon`.
    public func defaultScope() throws -> Framework {
        let today = clock.today.description
        let next = try database.first("""
            SELECT i.framework FROM interview i JOIN framework f ON f.slug = i.framework
            WHERE i.day >= ? ORDER BY i.day, i.id LIMIT 1
            """, [today]) { $0.text(0) }
        return try require(next ?? Framework.defaultSlug)
    }

    /// `explicit` when given (slug or name), else the default scope.
    public func scope(_ explicit: String?) throws -> Framework {
        if let explicit { return try require(explicit) }
        return try defaultScope()
    }

    /// Checks `draft` and saves it as a new framework with no principles.
    @discardableResult
    public func add(_ draft: FrameworkDraft) throws -> Framework {
        let slug = try Self.checkedSlug(draft.slug)
        let name = try Self.checkedName(draft.name)
        let source = try Self.checkedText(draft.source, field: .source)
        let asOf = try Self.checkedDay(draft.asOf)
        return try database.transaction {
            if try database.integer("SELECT count(*) FROM framework WHERE slug = ?", [slug]) != 0 {
                throw FrameworkError.frameworkExists(slug)
            }
            try database.run("INSERT INTO framework (slug, name, source, as_of, builtin, created_at) VALUES (?, ?, ?, ?, 0, ?)",
                             [slug, name, source, asOf, clock.timestamp()])
            return try require(slug)
        }
    }

    /// Removes a user's framework with its principles (and their questions).
    /// Refused for built-in frameworks, for one that interviews test, and,
    /// unless `force`, while stories are tagged with its principles.
    @discardableResult
    public func remove(_ text: String, force: Bool = false) throws -> FrameworkRemoval {
        try database.transaction {
            let framework = try require(text)
            guard !framework.builtin else { throw FrameworkError.builtinFramework(framework.slug) }
            let interviews = try database.rows("SELECT id FROM interview WHERE framework = ? ORDER BY day, id", [framework.slug]) { $0.int64(0) }
            guard interviews.isEmpty else { throw FrameworkError.frameworkHasInterviews(framework.slug, interviews: interviews) }
            let tagged = try taggedStories(framework: framework.slug)
            guard force || tagged == 0 else { throw FrameworkError.frameworkInUse(framework.slug, stories: tagged) }
            let removed = try principles.all(in: framework.slug)
            try refuseInterviews(naming: removed)
            let untagged = try database.integer("""
                SELECT count(*) FROM story_principle sp JOIN principle p ON p.id = sp.principle_id WHERE p.framework = ?
                """, [framework.slug]) ?? 0
            try database.run("DELETE FROM principle WHERE framework = ?", [framework.slug])
            try database.run("DELETE FROM framework WHERE slug = ?", [framework.slug])
            return FrameworkRemoval(principles: removed, untagged: Int(untagged))
        }
    }

    /// The number of stories tagged with `principle`.
    public func taggedStories(principle: Principle) throws -> Int {
        Int(try database.integer("SELECT count(*) FROM story_principle WHERE principle_id = ?", [principle.id]) ?? 0)
    }

    /// The number of stories tagged with a principle of `framework`.
    public func taggedStories(framework: String) throws -> Int {
        Int(try database.integer("""
            SELECT count(DISTINCT sp.story_id) FROM story_principle sp
            JOIN principle p ON p.id = sp.principle_id WHERE p.framework = ?
            """, [framework]) ?? 0)
    }

    // MARK: Principles

    /// Adds a user's principle to a framework; returns it as saved.
    @discardableResult
    public func addPrinciple(_ draft: PrincipleDraft) throws -> Principle {
        let name = try Self.checkedName(draft.name)
        let summary = try Self.checkedText(draft.summary, field: .summary) ?? ""
        if let number = draft.number, !(1...Self.maximumNumber).contains(number) { throw FrameworkError.invalidNumber(number) }
        let explicitSlug = try draft.slug.map(Self.checkedSlug)
        return try database.transaction {
            let framework = try require(draft.framework)
            let members = try principles.all(in: framework.slug)
            if let same = members.first(where: { $0.name.lowercased() == name.lowercased() }) {
                throw FrameworkError.nameTaken(framework: framework.slug, name: name, by: same)
            }
            let number = draft.number ?? ((members.compactMap(\.position).max() ?? 0) + 1)
            if let holder = members.first(where: { $0.position == number }) {
                throw FrameworkError.numberTaken(framework: framework.slug, number: number, by: holder)
            }
            let slug = try freeSlug(explicit: explicitSlug, name: name, framework: framework.slug)
            try database.run("""
                INSERT INTO principle (slug, name, summary, framework, position, builtin) VALUES (?, ?, ?, ?, ?, 0)
                """, [slug, name, summary, framework.slug, number])
            return try principles.resolve(slug)
        }
    }

    /// A slug no principle holds: `explicit` when given (refused if taken),
    /// else the name's, else the name's with the framework in front.
    func freeSlug(explicit: String?, name: String, framework: String) throws -> String {
        func holder(_ slug: String) throws -> Principle? {
            try database.first("SELECT \(Principle.columns) FROM principle p WHERE p.slug = ?", [slug]) { Principle(row: $0) }
        }
        if let explicit {
            if let taken = try holder(explicit) { throw FrameworkError.slugTaken(explicit, by: taken) }
            return explicit
        }
        let base = PrincipleRepository.normalize(name)
        // A slug of digits alone would read as a number, so it takes the framework in front.
        let plain = base.isEmpty ? "\(framework)-principle"
            : base.allSatisfy(\.isASCIIDigit) ? "\(framework)-\(base.prefix(Self.maximumSlug - framework.count - 1))"
            : String(base.prefix(Self.maximumSlug))
        var candidate = plain
        var counter = 1
        while let taken = try holder(candidate) {
            counter += 1
            if counter > 50 { throw FrameworkError.slugTaken(plain, by: taken) }
            candidate = counter == 2 ? "\(framework)-\(plain)" : "\(framework)-\(plain)-\(counter - 1)"
        }
        return candidate
    }

    /// Changes a user's principle (`text` as any lookup accepts it, a bare
    /// number within `framework`); returns it as saved.
    @discardableResult
    public func editPrinciple(_ text: String, in framework: String? = nil, _ patch: PrinciplePatch) throws -> Principle {
        guard !patch.isEmpty else { throw FrameworkError.nothingToChange }
        let name = try patch.name.map(Self.checkedName)
        let summary = try patch.summary.map { try Self.checkedText($0, field: .summary) ?? "" }
        if let number = patch.number, !(1...Self.maximumNumber).contains(number) { throw FrameworkError.invalidNumber(number) }
        return try database.transaction {
            let principle = try principles.resolve(text, in: framework.map { try require($0).slug })
            guard !principle.builtin else { throw FrameworkError.builtinPrinciple(slug: principle.slug) }
            let members = try principles.all(in: principle.framework).filter { $0.id != principle.id }
            if let name, let same = members.first(where: { $0.name.lowercased() == name.lowercased() }) {
                throw FrameworkError.nameTaken(framework: principle.framework, name: name, by: same)
            }
            if let number = patch.number, let holder = members.first(where: { $0.position == number }) {
                throw FrameworkError.numberTaken(framework: principle.framework, number: number, by: holder)
            }
            try database.run("""
                UPDATE principle SET name = coalesce(?, name), summary = coalesce(?, summary), position = coalesce(?, position)
                WHERE id = ?
                """, [name, summary, patch.number, principle.id])
            return try principles.resolve(principle.slug)
        }
    }

    /// Removes a user's principle with its questions. Refused for built-in
    /// ones and, unless `force`, while stories are tagged with it. Practice
    /// attempts keep their text and rating.
    @discardableResult
    public func removePrinciple(_ text: String, in framework: String? = nil, force: Bool = false) throws -> FrameworkRemoval {
        try database.transaction {
            let principle = try principles.resolve(text, in: framework.map { try require($0).slug })
            guard !principle.builtin else { throw FrameworkError.builtinPrinciple(slug: principle.slug) }
            try refuseInterviews(naming: [principle])
            let tagged = Int(try database.integer("SELECT count(*) FROM story_principle WHERE principle_id = ?", [principle.id]) ?? 0)
            guard force || tagged == 0 else { throw FrameworkError.principleInUse(slug: principle.slug, stories: tagged) }
            try database.run("DELETE FROM principle WHERE id = ?", [principle.id])
            return FrameworkRemoval(principles: [principle], untagged: tagged)
        }
    }

    // MARK: Checks

    /// Refuses when an interview lists one of `removed`: the link would go
    /// with the principle, and an interview whose list empties tests its
    /// whole framework instead.
    func refuseInterviews(naming removed: [Principle]) throws {
        for principle in removed {
            let interviews = try database.rows("""
                SELECT ip.interview_id FROM interview_principle ip JOIN interview i ON i.id = ip.interview_id
                WHERE ip.principle_id = ? ORDER BY i.day, i.id
                """, [principle.id]) { $0.int64(0) }
            guard interviews.isEmpty else { throw FrameworkError.principleInInterviews(slug: principle.slug, interviews: interviews) }
        }
    }

    static func checkedSlug(_ text: String) throws -> String {
        let slug = text.trimmed
        guard FrameworkFile.isSlug(slug) else { throw FrameworkError.invalidSlug(text) }
        return slug
    }

    static func checkedName(_ text: String) throws(FrameworkError) -> String {
        let name = Question.clean(text)
        guard !name.isEmpty else { throw FrameworkError.emptyName }
        guard name.count <= maximumName else { throw FrameworkError.tooLong(field: .name, limit: maximumName) }
        guard !name.allSatisfy(\.isASCIIDigit) else { throw FrameworkError.invalidSlug(text) }
        return name
    }

    static func checkedText(_ text: String?, field: FrameworkError.Field) throws(FrameworkError) -> String? {
        guard let text else { return nil }
        let cleaned = Question.clean(text)
        guard cleaned.count <= maximumText else { throw FrameworkError.tooLong(field: field, limit: maximumText) }
        return cleaned.isEmpty ? nil : cleaned
    }

    static func checkedDay(_ text: String?) throws -> String? {
        guard let text, !text.trimmed.isEmpty else { return nil }
        guard let day = LocalDay(text.trimmed) else { throw FrameworkError.invalidDate(text) }
        return day.description
    }
}

extension JournalContext {
    var frameworks: FrameworkRepository { FrameworkRepository(context: self) }
}

extension Journal {
    /// Frameworks and a user's own principles.
    public var frameworks: FrameworkRepository { context.frameworks }
}
