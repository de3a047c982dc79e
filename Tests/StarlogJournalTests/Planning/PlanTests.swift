import StarlogJournal
import StarlogTestSupport
import Testing

@Suite("Loop planner")
struct PlanTests {
    func fit(_ story: Int64, _ principle: Int64, score: Int) -> StoryFit {
        StoryFit(storyID: story, title: "S\(story)", principleID: principle, score: score, tags: 1)
    }

    @Test("the exact plan beats greedy on a case built for it")
    func beatsGreedy() {
        // Story 1 fits both principles best; story 2 fits only principle A.
        // Greedy gives story 1 to A (the best single pair) and leaves B with nothing;
        // the exact plan gives A story 2 and B story 1.
        let tables = [
            [fit(1, 100, score: 100), fit(2, 100, score: 80)], // A
            [fit(1, 200, score: 90)],                           // B
        ]
        let greedy = LoopPlanner.greedy(tables)
        #expect(greedy.map { $0?.storyID } == [1, nil])
        let exact = LoopPlanner.assign(tables, excluding: [])
        #expect(exact.map { $0?.storyID } == [2, 1])
        let total = { (plan: [StoryFit?]) in plan.compactMap { $0?.fit }.reduce(0, +) }
        #expect(total(exact) > total(greedy))
    }

    @Test("the exact plan beats greedy on total fit even when both serve every principle")
    func beatsGreedyOnFit() {
        // A: s1 = 95, s2 = 90. B: s1 = 94, s3 = 20. Greedy: A-s1, B-s3 = 95+20 (+ focus 40).
        // Exact: A-s2, B-s1 = 90+94.
        let tables = [
            [fit(1, 1, score: 95), fit(2, 1, score: 90)],
            [fit(1, 2, score: 94), fit(3, 2, score: 20)],
        ]
        #expect(LoopPlanner.greedy(tables).map { $0?.storyID } == [1, 3])
        #expect(LoopPlanner.assign(tables, excluding: []).map { $0?.storyID } == [2, 1])
    }

    @Test("Hungarian matches brute force on random matrices")
    func bruteForce() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<200 {
            let rows = Int(generator.next() % 4) + 1
            let columns = rows + Int(generator.next() % 3)
            let cost = (0..<rows).map { _ in (0..<columns).map { _ in Int64(generator.next() % 50) - 25 } }
            let chosen = Hungarian.solve(cost)
            #expect(Set(chosen).count == rows)
            let total = chosen.enumerated().map { cost[$0.offset][$0.element] }.reduce(0, +)
            var best = Int64.max
            func search(_ row: Int, _ used: Set<Int>, _ sum: Int64) {
                if row == rows { best = min(best, sum); return }
                for column in 0..<columns where !used.contains(column) {
                    search(row + 1, used.union([column]), sum + cost[row][column])
                }
            }
            search(0, [], 0)
            #expect(total == best)
        }
    }

    @Test("a journal plan: distinct stories, gaps named with what to write, --backup 1")
    func journalPlan() throws {
        let test = try TestJournal()
        let full = "I led the work and measured it; latency fell 40% in 3 weeks after I changed the cache."
        let a = try test.add("Shared", principles: ["dive-deep", "ownership"]) {
            $0.situation = full; $0.task = full; $0.action = full; $0.result = full
        }
        let b = try test.add("Ownership only", principles: ["ownership"]) {
            $0.situation = full; $0.task = full; $0.action = full; $0.result = full
        }
        let c = try test.add("Thin ownership", principles: ["ownership"])
        let plan = try test.journal.planner.plan(principles: ["ownership", "dive-deep", "frugality"], backups: 1)
        let byslug = Dictionary(uniqueKeysWithValues: plan.principles.map { ($0.principle.slug, $0) })
        #expect(byslug["dive-deep"]?.story?.storyID == a.id)
        #expect(byslug["ownership"]?.story?.storyID == b.id)
        #expect(byslug["ownership"]?.backup?.storyID == c.id)
        #expect(byslug["frugality"]?.story == nil)
        let frugality = try #require(byslug["frugality"]?.advice)
        #expect(!frugality.tagged && !frugality.backup && frugality.told.isEmpty)
        #expect(frugality.principle.slug == "frugality" && frugality.example != nil, "a bank question it could answer")
        #expect(byslug["dive-deep"]?.backup == nil)
        let diveDeep = try #require(byslug["dive-deep"]?.advice)
        #expect(diveDeep.backup && diveDeep.tagged)
        #expect(diveDeep.told.map(\.storyID) == [a.id] && diveDeep.told.map(\.principle.slug) == ["dive-deep"], "its main story")
        #expect(plan.unassigned.map(\.principle.slug) == ["frugality"])
        let told = plan.principles.compactMap { $0.story?.storyID } + plan.principles.compactMap { $0.backup?.storyID }
        #expect(Set(told).count == told.count, "no story told twice")
        let json = plan.json(wording: { "\($0)" }).rendered(pretty: false)
        #expect(json.hasPrefix(#"{"interview":null,"principles":[{"slug":"ownership","name":"Ownership","story":{"id":2,"#))
        #expect(json.contains(#""unassigned":["frugality"]"#))
        #expect(try test.journal.planner.plan(principles: []).principles.count == 16, "no scope: the default framework, amazon")
        #expect(throws: JournalError.self) { try test.journal.planner.plan(principles: ["ownership"], backups: 2) }
    }
}

/// The planner against scipy's `linear_sum_assignment`, an independent exact
/// solver: `Tests/Fixtures/assignment_reference.json`, written by
/// `Tests/Fixtures/generate_assignment.py`, holds 150 random fit matrices
/// and the greatest total fit scipy finds for each.
@Suite("Loop planner against scipy")
struct AssignmentReferenceTests {
    struct Case { let fits: [[Int]]; let total: Int; let parts: [[[Int]]]? }

    static func cases() throws -> [Case] {
        let document = try #require(try Fixture.json("assignment_reference.json") as? [String: Any])
        let list = try #require(document["cases"] as? [[String: Any]])
        return try list.map { entry in
            Case(fits: try #require(entry["fits"] as? [[Int]]), total: try #require(entry["total"] as? Int),
                 parts: entry["parts"] as? [[[Int]]])
        }
    }

    @Test("Hungarian reaches scipy's optimum on every matrix, with distinct columns")
    func hungarian() throws {
        let cases = try Self.cases()
        #expect(cases.count >= 100)
        for (index, test) in cases.enumerated() {
            let assignment = Hungarian.solve(test.fits.map { $0.map { -Int64($0) } })
            #expect(Set(assignment).count == test.fits.count && assignment.allSatisfy { $0 >= 0 }, "case \(index)")
            let total = assignment.enumerated().map { test.fits[$0][$1] }.reduce(0, +)
            #expect(total == test.total, "case \(index): \(total) vs scipy's \(test.total)")
        }
    }

    @Test("the planner's assignment of real StoryFits (lint, focus, rating) reaches scipy's optimum")
    func planner() throws {
        let cases = try Self.cases().filter { $0.parts != nil }
        #expect(cases.count >= 40)
        for (index, test) in cases.enumerated() {
            let parts = try #require(test.parts)
            let tables = parts.enumerated().map { row, cells in
                cells.enumerated().map { column, cell in
                    StoryFit(storyID: Int64(column + 1), title: "S", principleID: Int64(row + 1), score: cell[0], tags: cell[1],
                             attempts: 1, meanRating: Double(cell[2]))
                }
            }
            for (row, table) in tables.enumerated() {
                #expect(table.map(\.fit) == test.fits[row], "case \(index): StoryFit.fit is the fixture's formula")
            }
            let plan = LoopPlanner.assign(tables, excluding: [])
            #expect(plan.allSatisfy { $0 != nil } && Set(plan.compactMap { $0?.storyID }).count == plan.count, "case \(index)")
            #expect(plan.compactMap { $0?.fit }.reduce(0, +) == test.total, "case \(index)")
        }
    }
}
