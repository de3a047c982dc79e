/// Why a plan gave a principle no story (or no backup), for the command
/// line to turn into what to write.
public struct PlanAdvice: Sendable, Equatable {
    /// A story tagged with the principle, and the principle of the scope
    /// the plan told it for.
    public struct Told: Sendable, Equatable {
        public let storyID: Int64
        public let principle: Principle
    }

    /// The principle without a story.
    public let principle: Principle
    /// A second story is missing (`--backup 1`), not the first.
    public let backup: Bool
    /// Whether any story in scope is tagged with the principle.
    public let tagged: Bool
    /// Its tagged stories that the plan told, in the order of its candidates.
    public let told: [Told]
    /// A question from the bank that a new story could answer.
    public let example: String?
}
