#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a text the classifier learned from came from.
public enum ClassifierSource: String, Sendable, CaseIterable {
    /// The principle's name.
    case name
    /// The principle's one-line summary.
    case summary
    /// A question of the built-in bank.
    case bank
    /// A question the user added to the bank.
    case own
    /// The question text of a past practice attempt, under its principle.
    case practised
    /// A question asked at a real interview, under the principle its debrief records.
    case debriefed
}

/// One labelled text the classifier is built from.
public struct ClassifierExample: Sendable, Equatable {
    public let principleID: Int64
    public let source: ClassifierSource
    public let text: String

    public init(principleID: Int64, source: ClassifierSource, text: String) {
        self.principleID = principleID
        self.source = source
        self.text = text
    }
}

/// A labelled text a question is near, and why.
public struct ClassifierEvidence: Sendable, Equatable {
    public let example: ClassifierExample
    /// Cosine similarity of the two texts' weighted terms, 0 to 1.
    public let similarity: Double
    /// The question's own words whose stems the text shares, in the
    /// question's order, each once.
    public let words: [String]
}

/// A principle a question may test.
public struct PrincipleGuess: Sendable, Equatable {
    public let principle: Principle
    /// The nearest text's similarity plus half the second nearest's.
    public let score: Double
    /// This principle's share of the scores of every principle in scope, 0 to 1.
    public let confidence: Double
    /// The principle's texts nearest to the question, nearest first (at most two).
    public let evidence: [ClassifierEvidence]
}

/// Names the principles a question most likely tests: a TF-IDF
/// nearest-neighbour model over the labelled texts the journal holds.
///
/// How it scores:
/// 1. Every text (each principle's name, its summary, its bank questions
///    the user has not hidden, the user's own questions, the question of
///    each past practice attempt under that attempt's principle, and each
///    debriefed interview question under the principle its debrief
///    records) and the question
///    are split into stems with the story index's tokenizer. Stems of
///    words that say nothing of a subject (`tell`, `time`, `describe`) and
///    one-letter stems are dropped.
/// 2. A stem weighs `(1 + ln tf) × ln(1 + N / df)`: `tf` its count in the
///    text, `N` the number of texts, `df` how many hold it. A stem found in
///    no text weighs nothing.
/// 3. Similarity is the cosine of the two weighted stem vectors.
/// 4. A principle scores its nearest text's similarity plus half its
///    second nearest's; its confidence is its share of the scores of all
///    the principles in scope. A question sharing no stem with any text
///    gets no guess.
///
/// No network, no model weights: the model is rebuilt from the journal
/// for each question, so practising a question under a principle teaches it.
public struct PrincipleClassifier {
    /// Sums run over `terms` in sorted order, never in a dictionary's
    /// order (which changes from run to run), so that equal inputs give
    /// bit-for-bit equal scores and ties always break the same way.
    struct Vector {
        let weights: [String: Double]
        /// The keys of `weights`, sorted.
        let terms: [String]

        init(weights: [String: Double]) {
            self.weights = weights
            terms = weights.keys.sorted()
        }
    }

    struct Document {
        let example: ClassifierExample
        let vector: Vector
    }

    public let principles: [Principle]
    let documents: [Document]
    let inverseFrequency: [String: Double]
    let stopTerms: Set<String>
    let tokenizer: QuestionTokenizer

    /// Weight of the second nearest text in a principle's score.
    public static let secondWeight = 0.5

    /// A model of `principles` learned from `examples` (examples of other
    /// principles are ignored).
    public init(principles: [Principle], examples: [ClassifierExample]) throws {
        let tokenizer = try QuestionTokenizer()
        let inScope = Set(principles.map(\.id))
        let kept = examples.filter { inScope.contains($0.principleID) }
        let stop = Set(try tokenizer.tokens(of: [Self.stopWords.joined(separator: " ")]).first?.map(\.term) ?? [])
        let counts = try tokenizer.tokens(of: kept.map(\.text)).map { Self.counts($0, stop: stop) }
        var frequency: [String: Int] = [:]
        for document in counts { for term in document.keys { frequency[term, default: 0] += 1 } }
        let total = Double(max(1, kept.count))
        let inverse = frequency.mapValues { log(1 + total / Double($0)) }
        self.principles = principles
        self.tokenizer = tokenizer
        self.stopTerms = stop
        self.inverseFrequency = inverse
        self.documents = zip(kept, counts).map { example, counts in
            Document(example: example, vector: Self.vector(counts, inverse: inverse))
        }
    }

    /// How often each stem occurs, leaving out stop words and one-letter
    /// stems (the `s` of `team's`).
    static func counts(_ tokens: [QuestionTokenizer.Token], stop: Set<String>) -> [String: Int] {
        tokens.reduce(into: [String: Int]()) { counts, token in
            if token.term.unicodeScalars.count > 1 && !stop.contains(token.term) { counts[token.term, default: 0] += 1 }
        }
    }

    /// Weighted, unit-length vector of term counts; terms unknown to the
    /// model are left out.
    static func vector(_ counts: [String: Int], inverse: [String: Double]) -> Vector {
        var weights: [String: Double] = [:]
        for (term, count) in counts {
            guard let idf = inverse[term] else { continue }
            weights[term] = (1 + log(Double(count))) * idf
        }
        let norm = sqrt(weights.keys.sorted().reduce(0) { $0 + weights[$1, default: 0] * weights[$1, default: 0] })
        if norm > 0 { weights = weights.mapValues { $0 / norm } }
        return Vector(weights: weights)
    }

    static func cosine(_ a: Vector, _ b: Vector) -> Double {
        let (small, large) = a.weights.count <= b.weights.count ? (a, b) : (b, a)
        var sum = 0.0
        for term in small.terms { sum += small.weights[term, default: 0] * (large.weights[term] ?? 0) }
        return sum
    }

    /// The principles `question` most likely tests, most likely first (at
    /// most `limit`); empty when it shares no stem with anything the model
    /// learned from.
    public func classify(_ question: String, limit: Int = 3) throws -> [PrincipleGuess] {
        let tokens = try tokenizer.tokens(of: [question]).first ?? []
        let query = Self.vector(Self.counts(tokens, stop: stopTerms), inverse: inverseFrequency)
        guard !query.weights.isEmpty else { return [] }

        var nearest: [Int64: [(document: Document, similarity: Double)]] = [:]
        for document in documents {
            let similarity = Self.cosine(query, document.vector)
            guard similarity > 0 else { continue }
            var list = nearest[document.example.principleID, default: []]
            list.append((document, similarity))
            list.sort { $0.similarity > $1.similarity }
            if list.count > 2 { list.removeLast() }
            nearest[document.example.principleID] = list
        }
        let scores = nearest.mapValues { list in
            list.enumerated().reduce(0.0) { $0 + $1.element.similarity * ($1.offset == 0 ? 1 : Self.secondWeight) }
        }
        let total = scores.keys.sorted().reduce(0.0) { $0 + (scores[$1] ?? 0) }
        guard total > 0 else { return [] }

        let words = QuestionTokenizer.words(of: question)
        let order = Dictionary(principles.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let ranked = principles.filter { scores[$0.id] != nil }.sorted { a, b in
            let (sa, sb) = (scores[a.id] ?? 0, scores[b.id] ?? 0)
            return sa != sb ? sa > sb : (order[a.id] ?? 0) < (order[b.id] ?? 0)
        }
        return ranked.prefix(max(0, limit)).map { principle in
            let evidence = (nearest[principle.id] ?? []).map { entry in
                ClassifierEvidence(
                    example: entry.document.example, similarity: entry.similarity,
                    words: Self.sharedWords(tokens: tokens, words: words, with: entry.document.vector))
            }
            let score = scores[principle.id] ?? 0
            return PrincipleGuess(principle: principle, score: score, confidence: score / total, evidence: evidence)
        }
    }

    /// The question's words whose stems `vector` holds, each once, in order.
    static func sharedWords(tokens: [QuestionTokenizer.Token], words: [String], with vector: Vector) -> [String] {
        var seen = Set<String>()
        var shared: [String] = []
        for token in tokens where vector.weights[token.term] != nil && seen.insert(token.term).inserted {
            shared.append(words.indices.contains(token.position) ? words[token.position].lowercased() : token.term)
        }
        return shared
    }

    /// Words of a behavioural question that say nothing about its subject.
    static let stopWords: [String] = [
        "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been", "before",
        "being", "but", "by", "can", "could", "describe", "did", "do", "does", "done", "each", "ever", "example",
        "explain", "for", "from", "get", "give", "got", "had", "has", "have", "how", "i", "if", "in", "instance",
        "into", "is", "it", "its", "just", "me", "might", "more", "most", "my", "of", "on", "once", "one", "or",
        "other", "our", "out", "over", "please", "share", "should", "situation", "so", "some", "such",
        "talk", "tell", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
        "through", "time", "times", "to", "up", "us", "very", "walk", "was", "way", "we", "were", "what", "when",
        "where", "which", "while", "who", "why", "will", "with", "would", "you", "your", "yourself",
    ]
}
