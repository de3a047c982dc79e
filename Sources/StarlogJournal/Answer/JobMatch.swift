/// A principle a job description stresses, with the sentences that show it.
public struct StressedPrinciple: Sendable, Equatable {
    public let principle: Principle
    /// The sum of the scores of the sentences it was the likeliest principle of.
    public let weight: Double
    /// Those sentences, in the order of the text, each with the words it
    /// shares with the principle's nearest text.
    public let sentences: [(text: String, words: [String])]

    public static func == (a: StressedPrinciple, b: StressedPrinciple) -> Bool {
        a.principle == b.principle && a.weight == b.weight
            && a.sentences.map(\.text) == b.sentences.map(\.text) && a.sentences.map(\.words) == b.sentences.map(\.words)
    }
}

/// What a job description or a recruiter's email stresses, and how ready
/// the journal is for exactly those principles.
public struct JobMatch: Sendable, Equatable {
    /// Most stressed first.
    public let principles: [StressedPrinciple]
    /// Coverage of exactly those principles, in the same order; nil when
    /// the text stresses none.
    public let coverage: CoverageReport?

    /// One thing to do before the interview.
    public enum Step: Sendable, Equatable {
        /// The principle has no story.
        case write(Principle)
        /// The principle has one story; a second gives a choice.
        case writeSecond(Principle)
        /// The principle's stories were not rehearsed well lately: rehearse its best.
        case rehearse(Principle, story: StoryReference?)
    }

    /// What to do first: gaps, then principles with one story, then those
    /// not rehearsed lately; within each, the most stressed first. Ready
    /// principles need nothing.
    public var firstSteps: [Step] {
        let lines = coverage?.principles ?? []
        return lines.filter { $0.status == .gap }.map { .write($0.principle) }
            + lines.filter { $0.status == .thin }.map { .writeSecond($0.principle) }
            + lines.filter { $0.status == .unpractised }.map { .rehearse($0.principle, story: $0.bestStory) }
    }
}

/// Reads a job description sentence by sentence: each sentence goes
/// through the principle classifier, and counts for its likeliest
/// principle when that principle's nearest text is near enough and shares
/// at least two of its words (one shared word, a job title's `manager`, is
/// too little to go on).
public struct JobMatcher {
    let journal: Journal

    /// A sentence counts when its likeliest principle's nearest text has at
    /// least this similarity.
    public static let minimumSimilarity = 0.2

    /// The principles of `scope` that `text` stresses, with coverage for them.
    public func match(_ text: String, scope: [Principle]) throws -> JobMatch {
        let classifier = try journal.classifier(for: scope)
        var found: [Int64: (principle: Principle, weight: Double, sentences: [(text: String, words: [String])])] = [:]
        var order: [Int64] = []
        for sentence in Self.sentences(of: text) {
            guard let guess = try classifier.classify(sentence, limit: 1).first,
                  let nearest = guess.evidence.first, nearest.similarity >= Self.minimumSimilarity, nearest.words.count >= 2 else { continue }
            if found[guess.principle.id] == nil { order.append(guess.principle.id) }
            found[guess.principle.id, default: (guess.principle, 0, [])].weight += guess.score
            found[guess.principle.id]?.sentences.append((sentence, nearest.words))
        }
        let stressed = order.compactMap { found[$0] }
            .map { StressedPrinciple(principle: $0.principle, weight: $0.weight, sentences: $0.sentences) }
            .enumerated()
            .sorted { ($0.element.weight, -$0.offset) > ($1.element.weight, -$1.offset) }
            .map(\.element)
        let coverage = stressed.isEmpty ? nil : try journal.coverage.report(principles: stressed.map(\.principle.slug))
        return JobMatch(principles: stressed, coverage: coverage)
    }

    /// The sentences of a text: split at `.`, `!`, `?`, `;` and line breaks,
    /// with list markers and surrounding spaces trimmed; empty ones dropped.
    static func sentences(of text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        func flush() {
            let trimmed = current.drop { $0.isWhitespace || "-*•·>#".contains($0) }.trimmingTrailingSpaces()
            if trimmed.contains(where: \.isLetter) { sentences.append(trimmed) }
            current = ""
        }
        for character in text {
            if character.isNewline {
                flush()
            } else {
                current.append(character)
                if ".!?;".contains(character) { flush() }
            }
        }
        flush()
        return sentences
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}

extension Journal {
    /// Reads job descriptions against the journal.
    public var jobMatcher: JobMatcher { JobMatcher(journal: self) }
}

extension JobMatch {
    /// `principles` (each `slug`, `name`, `weight`, `sentences` with
    /// `text` and `words`), then `coverage` as `starlog coverage --json`
    /// prints it, its warnings as `wording` words them (null when nothing
    /// is stressed).
    public func json(wording: (CoverageWarning) -> String) -> JSONValue {
        .object([
            .init("principles", .array(principles.map { stressed in
                .object([
                    .init("slug", .string(stressed.principle.slug)),
                    .init("name", .string(stressed.principle.name)),
                    .init("weight", .rounded(stressed.weight, places: 3)),
                    .init("sentences", .array(stressed.sentences.map { sentence in
                        .object([.init("text", .string(sentence.text)), .init("words", .array(sentence.words.map(JSONValue.string)))])
                    })),
                ])
            })),
            .init("coverage", coverage?.json(wording: wording) ?? .null),
        ])
    }
}
