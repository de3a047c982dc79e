extension FrameworkRepository {
    /// The principles a command works on: `texts` as a user types them (a
    /// bare number read in `framework`); when there are none, every
    /// principle of `framework`, else of the default scope (the next
    /// upcoming interview's framework, else `amazon`).
    public func principlesInScope(_ texts: [String], framework: String?) throws -> [Principle] {
        if texts.isEmpty {
            return try principles.all(in: scope(framework).slug)
        }
        return try principles.resolve(all: texts, in: framework.map { try require($0).slug })
    }
}
