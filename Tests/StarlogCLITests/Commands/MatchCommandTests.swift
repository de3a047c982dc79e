import Foundation
import Testing

/// `starlog match` on three job descriptions written for these tests.
@Suite struct MatchCommandTests {
    static let ownership = """
        Senior Engineer, Payments Platform
        You will own the reliability of our payment services end to end and take responsibility for problems even when they cross team boundaries.
        We need someone who delivers results: you ship on time, hit ambitious targets and meet deadlines despite setbacks.
        You act on behalf of the whole company, and think about the long term rather than the quick win.
        Benefits include a pension and 25 days of holiday.
        """
    static let customers = """
        Product Manager, Consumer App
        Our customers come first: you will start from what the customer needs and work backwards.
        You will talk to users every week and turn customer problems into product decisions.
        You will keep the trust of our customers when we make hard trade-offs.
        The office is in Dublin.
        """
    static let hiring = """
        Engineering Manager
        - You will hire great engineers and raise the bar with every hiring decision.
        - You will develop the people on your team: coaching, mentoring and giving difficult feedback so they grow.
        - You will help your reports earn promotions and build their careers.
        We offer a hybrid schedule.
        """

    func stressed(_ cli: CLIHarness, _ text: String) throws -> (slugs: [String], json: [String: Any]) {
        let path = cli.directory.appendingPathComponent("job.txt").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let json = try #require(try cli.run(["match", "--json", path]).json() as? [String: Any])
        let slugs = (json["principles"] as? [[String: Any]] ?? []).compactMap { $0["slug"] as? String }
        return (slugs, json)
    }

    @Test func ownershipAndDelivery() throws {
        let cli = try CLIHarness()
        try cli.ok(["add", "--title", "Owned the outage", "--principle", "ownership"])
        let before = cli.bytes(cli.journal)
        let (slugs, json) = try stressed(cli, Self.ownership)
        #expect(slugs.contains("ownership") && slugs.contains("deliver-results"), "\(slugs)")
        #expect(!slugs.contains("customer-obsession") && !slugs.contains("hire-and-develop-the-best"))
        let coverage = try #require(json["coverage"] as? [String: Any])
        let covered = (coverage["principles"] as? [[String: Any]] ?? []).compactMap { $0["slug"] as? String }
        #expect(covered == slugs, "coverage for exactly the stressed principles, in their order")
        #expect((coverage["gaps"] as? [String])?.contains("deliver-results") == true)
        #expect(cli.bytes(cli.journal) == before)

        let text = try cli.ok(["match", "-"], input: Self.ownership)
        #expect(text.hasPrefix("Principles it stresses\n"))
        #expect(text.contains("\"We need someone who delivers results: you ship on time, hit ambitious targets and meet deadlines despite setbacks.\""))
        #expect(!text.contains("pension"))
        #expect(text.contains("write a story for Deliver Results: starlog add --principle deliver-results"))
        #expect(text.contains("write a second story for Ownership"))
    }

    @Test func customers() throws {
        let cli = try CLIHarness()
        try cli.ok(["init"])
        let (slugs, json) = try stressed(cli, Self.customers)
        #expect(slugs.first == "customer-obsession", "\(slugs)")
        let first = try #require((json["principles"] as? [[String: Any]])?.first)
        #expect((first["sentences"] as? [[String: Any]])?.count == 3)
        #expect(!slugs.contains("hire-and-develop-the-best"))
    }

    @Test func hiringAndDevelopingPeople() throws {
        let cli = try CLIHarness()
        try cli.ok(["init"])
        let (slugs, json) = try stressed(cli, Self.hiring)
        #expect(slugs == ["hire-and-develop-the-best"], "\(slugs)")
        let sentences = (json["principles"] as? [[String: Any]])?.first?["sentences"] as? [[String: Any]] ?? []
        #expect(sentences.first?["text"] as? String == "You will hire great engineers and raise the bar with every hiring decision.", "list markers trimmed")
    }

    @Test func badInputIsOneLine() throws {
        let cli = try CLIHarness()
        try cli.ok(["init"])
        let before = cli.bytes(cli.journal)
        CLIHarness.expectOneLineError(try cli.run(["match", "missing.txt"]), code: 65)
        CLIHarness.expectOneLineError(try cli.run(["match", "-", "--framework", "acme"], input: "Hire people."), code: 64, containing: "there is no framework 'acme'")
        let nothing = try cli.ok(["match", "-"], input: "The office is in Dublin.")
        #expect(nothing.hasPrefix("No principle stands out"))
        #expect(cli.bytes(cli.journal) == before)
    }
}
