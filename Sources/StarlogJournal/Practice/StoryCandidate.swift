import StarlogStorage

/// A story offered for a question in the drill, with how it has gone.
public struct StoryCandidate: Sendable, Equatable {
    public let id: Int64
    public let title: String
    public let outcome: Outcome
    public let attempts: Int
    /// The best rating any attempt with it got.
    public let bestRating: Int?
    public let lastPracticed: String?
}
