@testable import StarlogJournal
import Testing

/// The classifier's sums must not depend on a dictionary's iteration order,
/// which differs between two dictionaries of the same keys (and between
/// runs): otherwise two principles that tie could swap places from one run
/// of `answer` to the next.
@Suite("Classifier arithmetic is independent of dictionary order")
struct ClassifierDeterminismTests {
    /// The same weights, in dictionaries built so that they iterate in
    /// different orders.
    func twoOrders(_ count: Int) -> ([String: Double], [String: Double]) {
        var generator = SeededGenerator(seed: 7)
        let pairs = (0..<count).map { ("term\($0)", Double.random(in: 1e-6...1e3, using: &generator)) }
        var first: [String: Double] = [:]
        for (term, weight) in pairs { first[term] = weight }
        var second: [String: Double] = [:]
        second.reserveCapacity(count * 16)
        for (term, weight) in pairs.reversed() { second[term] = weight }
        return (first, second)
    }

    @Test("cosine is bit-for-bit equal whatever order the terms were stored in")
    func sameBits() throws {
        let (first, second) = twoOrders(400)
        try #require(Array(first.keys) != Array(second.keys), "the two dictionaries must iterate differently for this test to mean anything")
        var longer = first
        for extra in 0..<100 { longer["extra\(extra)"] = Double(extra) }
        let query = PrincipleClassifier.Vector(weights: longer)
        let a = PrincipleClassifier.cosine(PrincipleClassifier.Vector(weights: first), query)
        let b = PrincipleClassifier.cosine(PrincipleClassifier.Vector(weights: second), query)
        #expect(a.bitPattern == b.bitPattern, "\(a) against \(b)")
    }
}
