import StarlogStorage

/// A change to a user's framework: only the fields given change. An empty
/// `source` or `asOf` clears it. The slug never changes: interviews and
/// principles refer to it.
public struct FrameworkPatch: Sendable, Equatable {
    public var name: String?
    public var source: String?
    /// `YYYY-MM-DD`.
    public var asOf: String?

    public init(name: String? = nil, source: String? = nil, asOf: String? = nil) {
        self.name = name
        self.source = source
        self.asOf = asOf
    }

    public var isEmpty: Bool { name == nil && source == nil && asOf == nil }
}

extension FrameworkRepository {
    /// Changes the name, source or as-of day of a user's framework (`text`
    /// as `require` accepts it); returns it as saved. Refused for the
    /// built-in frameworks.
    @discardableResult
    public func edit(_ text: String, _ patch: FrameworkPatch) throws -> Framework {
        guard !patch.isEmpty else { throw FrameworkError.nothingToChange }
        let name = try patch.name.map(Self.checkedName)
        let source = try Self.checkedText(patch.source, field: .source)
        let asOf = try Self.checkedDay(patch.asOf)
        return try database.transaction {
            let framework = try require(text)
            guard !framework.builtin else { throw FrameworkError.builtinFramework(framework.slug) }
            try database.run("""
                UPDATE framework SET name = coalesce(?, name),
                    source = CASE WHEN ? THEN ? ELSE source END,
                    as_of = CASE WHEN ? THEN ? ELSE as_of END
                WHERE id = ?
                """, [name, patch.source != nil, source, patch.asOf != nil, asOf, framework.id])
            return try require(framework.slug)
        }
    }
}
