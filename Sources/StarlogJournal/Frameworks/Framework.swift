import StarlogStorage

/// A named set of principles: the values one company (or one kind of
/// interview) tests. Built in: `amazon` and `common`; a user adds others.
public struct Framework: Sendable, Equatable, Identifiable {
    public let id: Int64
    /// `amazon`, `common`, `acme`.
    public let slug: String
    /// `Amazon Leadership Principles`.
    public let name: String
    /// Where the values were copied from (a careers page), when known.
    public let source: String?
    /// The day they were copied, `YYYY-MM-DD`, when known.
    public let asOf: String?
    public let builtin: Bool
    /// UTC, ISO 8601.
    public let createdAt: String

    /// The framework a bare principle number means when nothing else is in scope.
    public static let defaultSlug = "amazon"

    static let columns = "f.id, f.slug, f.name, f.source, f.as_of, f.builtin, f.created_at"
    /// Built-in frameworks first, then by slug.
    static let order = "f.builtin DESC, f.slug"

    init(row: Statement, offset: Int32 = 0) {
        id = row.int64(offset)
        slug = row.text(offset + 1)
        name = row.text(offset + 2)
        source = row.optionalText(offset + 3)
        asOf = row.optionalText(offset + 4)
        builtin = row.int64(offset + 5) != 0
        createdAt = row.text(offset + 6)
    }

    /// `slug`, `name`, `source`, `as_of`, `builtin`.
    public var json: JSONValue {
        .object([
            .init("slug", .string(slug)),
            .init("name", .string(name)),
            .init("source", .string(source)),
            .init("as_of", .string(asOf)),
            .init("builtin", .bool(builtin)),
        ])
    }
}

/// A framework with how much of the journal uses it.
public struct FrameworkUsage: Sendable, Equatable {
    public let framework: Framework
    /// Its principles.
    public let principles: Int
    /// Stories tagged with at least one of its principles.
    public let stories: Int
    /// Interviews that test it.
    public let interviews: Int

    /// The framework's members, its counts, and `default`: whether it is
    /// the framework in scope when a command is given none (`scope`).
    public func json(scope: String) -> JSONValue {
        guard case .object(var members) = framework.json else { return framework.json }
        members.append(.init("principles", .int(principles)))
        members.append(.init("stories", .int(stories)))
        members.append(.init("interviews", .int(interviews)))
        members.append(.init("default", .bool(framework.slug == scope)))
        return .object(members)
    }
}

/// A new framework, as a user gives it.
public struct FrameworkDraft: Sendable, Equatable {
    public var slug: String
    public var name: String
    public var source: String?
    /// `YYYY-MM-DD`.
    public var asOf: String?

    public init(slug: String, name: String, source: String? = nil, asOf: String? = nil) {
        self.slug = slug
        self.name = name
        self.source = source
        self.asOf = asOf
    }
}

/// A new principle of a framework, as a user gives it.
public struct PrincipleDraft: Sendable, Equatable {
    /// The framework's slug.
    public var framework: String
    public var name: String
    public var summary: String
    /// Its number in the framework; the next free one when nil.
    public var number: Int?
    /// Its slug; made from the name when nil.
    public var slug: String?

    public init(framework: String, name: String, summary: String = "", number: Int? = nil, slug: String? = nil) {
        self.framework = framework
        self.name = name
        self.summary = summary
        self.number = number
        self.slug = slug
    }
}

/// Changes to a user's principle; nil fields stay as they are.
public struct PrinciplePatch: Sendable, Equatable {
    public var name: String?
    public var summary: String?
    public var number: Int?

    public init(name: String? = nil, summary: String? = nil, number: Int? = nil) {
        self.name = name
        self.summary = summary
        self.number = number
    }

    public var isEmpty: Bool { name == nil && summary == nil && number == nil }
}

/// What removing a framework or a principle took with it.
public struct FrameworkRemoval: Sendable, Equatable {
    /// The principles removed.
    public let principles: [Principle]
    /// Story tags removed.
    public let untagged: Int
}
