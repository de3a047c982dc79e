import StarlogJournal
import StarlogTestSupport
import Testing

/// The distance behind every did-you-mean, held to rapidfuzz's optimal
/// string alignment distance (Tests/Fixtures/generate_edit_distance.py).
@Suite("Edit distance against rapidfuzz")
struct EditDistanceTests {
    @Test("400 pairs of short words, swaps among the edits: the same distance as rapidfuzz's OSA")
    func matchesReference() throws {
        let document = try #require(try Fixture.json("edit_distance_reference.json") as? [String: Any])
        let cases = try #require(document["cases"] as? [[String: Any]])
        #expect(cases.count == 400)
        var mismatches: [String] = []
        for item in cases {
            let a = try #require(item["a"] as? String), b = try #require(item["b"] as? String)
            let expected = try #require(item["distance"] as? Int)
            let got = PrincipleRepository.editDistance(a, b)
            if got != expected { mismatches.append("\(a.debugDescription) → \(b.debugDescription): \(got), rapidfuzz \(expected)") }
            #expect(PrincipleRepository.editDistance(b, a) == got, "symmetric: \(a) \(b)")
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) differ: \(mismatches.prefix(5))")
    }
}
