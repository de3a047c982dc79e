/// A story the answer offers, for one of the likely principles.
public struct AnswerStory: Sendable, Equatable {
    /// The principle it is offered for.
    public let principle: Principle
    public let ranked: RankedStory
}

/// A story left out of an answer, and why.
public struct ExcludedStory: Sendable, Equatable {
    public let storyID: Int64
    public let title: String
    /// Where it was told already, in the journal's words (`Acme on 2026-05-02`).
    public let toldAt: String

    public init(storyID: Int64, title: String, toldAt: String) {
        self.storyID = storyID
        self.title = title
        self.toldAt = toldAt
    }
}

/// What to write when no story fits: the likeliest principle and one of
/// its questions.
public struct StoryToWrite: Sendable, Equatable {
    public let principle: Principle
    /// A question of the principle to write the story against; nil when its bank is empty.
    public let question: Question?
}

/// Which of the user's stories answers a question, and why.
public struct QuestionAnswer: Sendable, Equatable {
    public let question: String
    /// The principles in scope the question was weighed against.
    public let scope: [Principle]
    /// The likely principles, most likely first.
    public let principles: [PrincipleGuess]
    /// The best stories, best first.
    public let stories: [AnswerStory]
    /// Stories left out (told already at this company).
    public let excluded: [ExcludedStory]
    /// Set when no story fits.
    public let toWrite: StoryToWrite?
}

/// Answers "which of my stories fits this question?" from what the journal
/// holds: the principle classifier names the likely principles, and
/// `StoryRanking` orders each one's stories.
public struct QuestionAnswerer {
    let journal: Journal

    /// How many likely principles an answer names at most, and takes stories from.
    public static let principleCount = 3

    /// The answer to `question` within `scope` (not empty), leaving out
    /// `excluded` stories; at most `limit` stories.
    public func answer(_ question: String, scope: [Principle], excluded: [ExcludedStory] = [], limit: Int = 5) throws -> QuestionAnswer {
        let guesses = try journal.classifier(for: scope).classify(question, limit: Self.principleCount)
        let skip = Set(excluded.map(\.storyID))
        var stories: [AnswerStory] = []
        var seen = Set<Int64>()
        for guess in guesses where stories.count < limit {
            // At most the stories still wanted, plus as many as may repeat ones already taken.
            let wanted = limit - stories.count + seen.count
            for ranked in try journal.storyRanking.rank(question: question, principle: guess.principle, excluding: skip, limit: wanted)
            where stories.count < limit && seen.insert(ranked.fit.storyID).inserted {
                stories.append(AnswerStory(principle: guess.principle, ranked: ranked))
            }
        }
        var toWrite: StoryToWrite?
        if stories.isEmpty, let principle = guesses.first?.principle ?? scope.first {
            // A question the user hid is never the one suggested.
            let bank = try journal.questions.list(principle: principle.slug).filter { !$0.hidden }
            let best = bank.max { a, b in Self.shared(question, a.text) < Self.shared(question, b.text) }
            toWrite = StoryToWrite(principle: principle, question: best)
        }
        return QuestionAnswer(question: question, scope: scope, principles: guesses, stories: stories,
                              excluded: excluded, toWrite: toWrite)
    }

    /// How many lower-cased words two texts share (a tie-break for the
    /// question to suggest; the first in bank order wins ties).
    static func shared(_ a: String, _ b: String) -> Int {
        let words = Set(QuestionTokenizer.words(of: a.lowercased()))
        return Set(QuestionTokenizer.words(of: b.lowercased())).intersection(words).count
    }
}

extension Journal {
    /// Answers questions with the user's stories.
    public var answerer: QuestionAnswerer { QuestionAnswerer(journal: self) }
}

extension QuestionAnswerer {
    /// The principles a question is weighed against: interview
    /// `interview`'s (all of its framework's when it names none), else
    /// `framework`'s (slug or name), else the default framework's (the next
    /// upcoming interview's, else `amazon`).
    public func scope(framework: String? = nil, interview: Int64? = nil) throws -> [Principle] {
        if let interview {
            let interviews = journal.interviews
            return try interviews.scope(of: interviews.require(interview))
        }
        return try journal.principles.all(in: journal.frameworks.scope(framework).slug)
    }

    /// The stories already told at interview `id`'s company, at its other
    /// interviews (from their debriefs): an answer for that interview
    /// leaves them out.
    public func excluded(forInterview id: Int64) throws -> [ExcludedStory] {
        let interviews = journal.interviews
        let interview = try interviews.require(id)
        var seen = Set<Int64>()
        var excluded: [ExcludedStory] = []
        for told in try interviews.toldStories(at: interview.company, except: interview.id)
        where seen.insert(told.storyID).inserted {
            guard let story = try journal.stories.find(told.storyID) else { continue }
            let company = try interviews.require(told.interviewID).company
            excluded.append(ExcludedStory(storyID: told.storyID, title: story.title, toldAt: "\(company) on \(told.date)"))
        }
        return excluded
    }
}

extension ClassifierEvidence {
    /// `text`, `source` (name, summary, bank, own, practised or debriefed), `similarity`, `words`.
    public var json: JSONValue {
        .object([
            .init("text", .string(example.text)),
            .init("source", .string(example.source.rawValue)),
            .init("similarity", .rounded(similarity, places: 3)),
            .init("words", .array(words.map(JSONValue.string))),
        ])
    }
}

extension PrincipleGuess {
    /// `slug`, `name`, `framework`, `confidence`, `score`, `evidence`.
    public var json: JSONValue {
        .object([
            .init("slug", .string(principle.slug)),
            .init("name", .string(principle.name)),
            .init("framework", .string(principle.framework)),
            .init("confidence", .rounded(confidence, places: 3)),
            .init("score", .rounded(score, places: 3)),
            .init("evidence", .array(evidence.map(\.json))),
        ])
    }
}

extension QuestionAnswer {
    /// `question`, `principles` (the likely ones), `stories` (each `id`,
    /// `title`, `principle`, `tagged_principles`, `lint_score`, `attempts`,
    /// `best_rating`, `mean_rating`, `last_practiced`, `shared_words`,
    /// `snippet`), `excluded` (`id`, `title`, `told_at`) and `write` (the
    /// principle and question to write a story for, or null).
    public var json: JSONValue {
        .object([
            .init("question", .string(question)),
            .init("principles", .array(principles.map(\.json))),
            .init("stories", .array(stories.map { story in
                let fit = story.ranked.fit
                return .object([
                    .init("id", .int(fit.storyID)),
                    .init("title", .string(fit.title)),
                    .init("principle", .string(story.principle.slug)),
                    .init("tagged_principles", .int(fit.tags)),
                    .init("lint_score", .int(fit.score)),
                    .init("attempts", .int(fit.attempts)),
                    .init("best_rating", .int(fit.bestRating)),
                    .init("mean_rating", .rounded(fit.meanRating, places: 2)),
                    .init("last_practiced", .string(fit.lastPracticed)),
                    .init("shared_words", .array(story.ranked.sharedWords.map(JSONValue.string))),
                    .init("snippet", .string(story.ranked.snippet.map { $0.filter { $0 != SearchHit.highlightStart && $0 != SearchHit.highlightEnd } })),
                ])
            })),
            .init("excluded", .array(excluded.map { story in
                .object([.init("id", .int(story.storyID)), .init("title", .string(story.title)), .init("told_at", .string(story.toldAt))])
            })),
            .init("write", toWrite.map { write in
                .object([
                    .init("principle", .string(write.principle.slug)),
                    .init("question", write.question?.json ?? .null),
                ])
            } ?? .null),
        ])
    }
}
