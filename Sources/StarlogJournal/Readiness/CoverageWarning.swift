/// What a coach would point out about the journal, in the coverage report
/// (most important first). The journal says what it found; the command line
/// words it and names the command that helps.
public enum CoverageWarning: Sendable, Equatable {
    /// The journal has no stories yet.
    case noStories
    /// No story ends in failure or a mixed result.
    case noSetback
    /// A story tagged with more than `CoverageRepository.maximumTags` principles.
    case crowded(StoryReference, tags: Int)
    /// This many more stories are crowded than the ones warned about.
    case moreCrowded(Int)
    /// A story that is the best story for at least
    /// `CoverageRepository.overusedBest` principles in scope (their names).
    case overusedBest(StoryReference, principles: [String])
    /// Stories with an empty Result: how many, and the first few ids.
    case noResult(count: Int, first: [Int64])
    /// Principles in scope whose answers are rated below 3 on average.
    case lowRatings([Principle])
    /// No attempt in the readiness window; `practisedBefore` when there
    /// were attempts earlier.
    case noRecentPractice(practisedBefore: Bool)
}
