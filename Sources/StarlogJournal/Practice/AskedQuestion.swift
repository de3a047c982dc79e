/// A question asked elsewhere (a mock interview, a friend's list, a
/// recruiter's email), to drill under the principle the user confirms from
/// the classifier's guesses.
public struct AskedQuestion: Sendable, Equatable {
    /// The question, cleaned as a practice attempt's question text is.
    public let text: String
    /// The principles it was weighed against, and a typed principle's
    /// number is read in: the framework in scope's.
    public let scope: [Principle]
    /// The classifier's likeliest principles, most likely first (at most
    /// `guessLimit`); empty when the question shares no word with anything
    /// the classifier learned from.
    public let guesses: [PrincipleGuess]

    /// How many guesses the user chooses from.
    public static let guessLimit = 3

    /// `text` against the principles of `framework` (slug or name; the
    /// default framework when nil), guessed by the classifier `answer` uses.
    /// An empty or over-long question is refused as `practice log` refuses it.
    public init(journal: Journal, text: String, framework: String? = nil) throws {
        self.text = try PracticeRepository.askedQuestionText(text)
        scope = try journal.answerer.scope(framework: framework)
        guesses = try journal.classifier(for: scope).classify(self.text, limit: Self.guessLimit)
    }

    /// The framework a typed principle's bare number is read in.
    var framework: String? { scope.first?.framework }
}

extension Question {
    /// A question asked elsewhere, under `principle`: not in the bank, so
    /// its `id` is 0 and it is neither built in nor hidden.
    init(asked text: String, principle: Principle) {
        id = 0
        principleID = principle.id
        self.principle = principle.slug
        principleName = principle.name
        self.text = text
        builtin = false
        hidden = false
    }
}

extension Journal {
    /// The stories of `principle` for a question's `text`, most relevant
    /// first, by the ranking `answer` uses (`StoryRanking`).
    func drillCandidates(for text: String, principle: Principle) throws -> [StoryCandidate] {
        try storyRanking.rank(question: text, principle: principle).map { ranked in
            StoryCandidate(id: ranked.fit.storyID, title: ranked.fit.title, outcome: ranked.fit.outcome,
                           attempts: ranked.fit.attempts, bestRating: ranked.fit.bestRating,
                           lastPracticed: ranked.fit.lastPracticed)
        }
    }
}
