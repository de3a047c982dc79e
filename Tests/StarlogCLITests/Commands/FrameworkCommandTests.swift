import Foundation
import Testing

/// `framework`, `principles add/edit/rm`, scope by framework, and the
/// framework file, end to end through the built binary.
@Suite("Framework commands, end to end")
struct FrameworkCommandTests {
    static let acme = """
        name: Acme Values
        slug: acme
        source: https://acme.example/careers/values
        as_of: 2026-03-01
        principles:
          - number: 1
            name: Customers First
            summary: Start from what the customer needs.
            questions:
              - Tell me about a time you changed a plan for a customer.
          - number: 2
            name: Ship Small
            summary: Small steps, shipped often.
          - number: 3
            name: Ownership
            summary: Finish what you start.

        """

    func write(_ cli: CLIHarness, _ name: String, _ text: String) throws -> String {
        let path = cli.directory.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("import a framework file, list it, look up by FRAMEWORK:NUMBER, export it back unchanged")
    func roundTrip() throws {
        let cli = try CLIHarness()
        let file = try write(cli, "acme.yaml", Self.acme)
        let imported = try cli.ok(["framework", "import", file])
        #expect(imported.hasPrefix("Added framework acme (Acme Values) with 3 principles and 1 question."))
        let list = try cli.ok(["framework"])
        #expect(list.contains("amazon *") && list.contains("common") && list.contains("Acme Values"))
        let frameworks = try #require(try cli.run(["framework", "--json"]).json() as? [[String: Any]])
        #expect(frameworks.map { $0["slug"] as? String } == ["amazon", "common", "acme"])

        let principles = try cli.ok(["principles", "--framework", "acme"])
        #expect(principles.contains("Customers First") && principles.contains("acme-ownership"), "Ownership's slug is taken by amazon's")
        try cli.ok(["add", "--title", "Shipped the fix", "--principle", "acme:2", "--principle", "customers first"])
        #expect(try cli.ok(["list", "--principle", "ship-small"]).contains("Shipped the fix"))
        let ambiguous = try cli.run(["list", "--principle", "Ownership"])
        CLIHarness.expectOneLineError(ambiguous, code: 64, containing: "'ownership' (amazon:2), 'acme-ownership' (acme:3)")

        let exported = try cli.ok(["framework", "export", "acme"])
        let again = try write(cli, "again.yaml", exported)
        let other = cli.directory.appendingPathComponent("other.db").path
        try cli.ok(["framework", "import", again, "--db", other])
        #expect(try cli.ok(["framework", "export", "acme", "--db", other]) == exported, "a round trip changes nothing")
        #expect(exported.contains("slug: acme-ownership") && exported.contains("as_of: 2026-03-01"))

        let out = cli.directory.appendingPathComponent("acme-out.yaml").path
        #expect(try cli.ok(["framework", "export", "acme", "--output", out]).contains("to \(out)"))
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: out)), as: UTF8.self) == exported)
        CLIHarness.expectOneLineError(try cli.run(["framework", "export", "acme", "--output", out]), code: 1)
        CLIHarness.expectOneLineError(try cli.run(["framework", "export", "nope"]), code: 64, containing: "no framework 'nope'")
    }

    @Test("text YAML would read as null, true or a number survives a round trip; an entry without a number follows the highest")
    func awkwardValues() throws {
        let cli = try CLIHarness()
        let file = try write(cli, "odd.yaml", """
            name: "Null"
            slug: odd
            principles:
              - number: 5
                name: "true"
                summary: "~"
                questions: ["123", "null"]
              - name: "NULL"
                summary: "3.5"

            """)
        try cli.ok(["framework", "import", file])
        let principles = try #require(try cli.run(["principles", "--framework", "odd", "--json"]).json() as? [[String: Any]])
        #expect(principles.map { $0["name"] as? String } == ["true", "NULL"])
        #expect(principles.map { $0["number"] as? Int } == [5, 6], "the unnumbered entry takes the next number, not its place")
        let exported = try cli.ok(["framework", "export", "odd"])
        let again = try write(cli, "again.yaml", exported)
        let other = cli.directory.appendingPathComponent("other.db").path
        try cli.ok(["framework", "import", again, "--db", other])
        #expect(try cli.ok(["framework", "export", "odd", "--db", other]) == exported, "a round trip changes nothing")
        let copy = try #require(try cli.run(["principles", "--framework", "odd", "--json", "--db", other]).json() as? [[String: Any]])
        #expect(copy.map { $0["summary"] as? String } == ["~", "3.5"])
        #expect(try cli.ok(["questions", "--principle", "odd:5", "--db", other]).contains("123"))
    }

    @Test("malformed framework files and ones the journal's rules refuse: exit 65 with the line or the entry, nothing changed")
    func malformed() throws {
        let cli = try CLIHarness()
        try cli.ok(["init"])
        let before = cli.bytes(cli.journal)
        let cases: [(String, String)] = [
            ("name: [unclosed\n", "not valid YAML"),
            ("- a\n- b\n", "must be `key: value` lines"),
            ("slug: acme\nprinciples:\n  - name: A\n", "has no 'name'"),
            ("name: Acme\nslug: Acme Corp\nprinciples:\n  - name: A\n", "is not a slug"),
            ("name: Acme\nslug: acme\nprinciples: []\n", "has no principles"),
            ("name: Acme\nslug: acme\nprinciples:\n  - name: A\n    number: two\n", "line 5: 'number' in principles[1] must be a whole number"),
            ("name: Acme\nslug: acme\nprinciples:\n  - name: A\n    number: 1\n  - name: B\n    number: 1\n", "two principles have number 1"),
            ("name: Acme\nslug: acme\nas_of: 2026-02-30\nprinciples:\n  - name: A\n", "as_of '2026-02-30' is not a day"),
            ("name: Acme\nslug: acme\nprinciples:\n  - name: A\n    sumary: typo\n", "unknown key 'sumary'"),
            ("name: Acme\nslug: acme\nprinciples:\n  - name: A\n    number: 1000\n", "line 5: number 1000 in principles[1] is not a principle number"),
            ("name: Acme\nslug: acme\nprinciples:\n  - name: A\n    questions: [" + (1...101).map { "q\($0)" }.joined(separator: ", ") + "]\n",
             "principles[1] lists more than 100 questions"),
            // The journal's rules for names, summaries and questions, at their line.
            ("name: Acme\nslug: acme\nprinciples:\n  - name: \(String(repeating: "x", count: 201))\n",
             "line 4: the name of principles[1] can be at most 200 characters"),
            ("name: \(String(repeating: "x", count: 201))\nslug: acme\nprinciples:\n  - name: A\n",
             "line 1: the name of the framework can be at most 200 characters"),
            ("name: Acme\nslug: acme\nprinciples:\n  - name: A\n    summary: \(String(repeating: "x", count: 1001))\n",
             "line 5: the summary of principles[1] can be at most 1000 characters"),
            ("name: Acme\nslug: acme\nprinciples:\n  - name: A\n    questions:\n      - \(String(repeating: "x", count: 1001))\n",
             "line 6: a question of principles[1] is longer than 1000 characters"),
            ("name: Acme\nslug: acme\nprinciples:\n  - name: '123'\n", "line 4: '123' in principles[1] is not a name"),
            // Clashes with what the journal holds: a file problem too.
            ("name: Mine\nslug: amazon\nprinciples:\n  - name: A\n", "the journal has a framework 'amazon' already; give the file another `slug:`"),
            ("name: Acme\nslug: acme\nprinciples:\n  - name: Mine\n    slug: ownership\n",
             "the slug 'ownership' of principles[1] belongs to 'Ownership' (amazon)"),
        ]
        for (index, (text, fragment)) in cases.enumerated() {
            let file = try write(cli, "bad\(index).yaml", text)
            let result = try cli.run(["framework", "import", file])
            CLIHarness.expectOneLineError(result, code: 65, containing: fragment)
            #expect(result.stderr.contains("nothing was imported"), "\(result.stderr)")
        }
        #expect(cli.bytes(cli.journal) == before, "nothing changed")

        let file = try write(cli, "acme.yaml", Self.acme)
        try cli.ok(["framework", "import", file])
        let after = cli.bytes(cli.journal)
        CLIHarness.expectOneLineError(try cli.run(["framework", "import", file]), code: 65, containing: "the journal has a framework 'acme' already")
        // A file whose principle slug another framework holds adds nothing at all.
        let clash = try write(cli, "clash.yaml", "name: Beta\nslug: beta\nprinciples:\n  - name: First\n  - name: Trust\n    slug: earn-trust\n")
        CLIHarness.expectOneLineError(try cli.run(["framework", "import", clash]), code: 65, containing: "the slug 'earn-trust' of principles[2] belongs to 'Earn Trust'")
        #expect(cli.bytes(cli.journal) == after)
        #expect(!(try cli.ok(["framework"])).contains("beta"))
    }

    @Test("framework add and rm; principles add, edit, rm; built-ins stay; --force asks and --yes confirms")
    func addAndRemove() throws {
        let cli = try CLIHarness()
        #expect(try cli.ok(["framework", "add", "globex", "--name", "Globex", "--as-of", "2026-04-01"]).hasPrefix("Added framework globex: Globex"))
        #expect(try cli.ok(["principles", "add", "--framework", "globex", "--name", "Bias to Ship"]).hasPrefix("Added globex:1 Bias to Ship (bias-to-ship)"))
        #expect(try cli.ok(["principles", "add", "--framework", "globex", "--name", "Candour", "--number", "5", "--summary", "Say it plainly."])
            .hasPrefix("Added globex:5 Candour (candour)"))
        #expect(try cli.ok(["principles", "edit", "5", "--framework", "globex", "--name", "Candor"]).hasPrefix("Changed globex:5 Candor (candour)"))
        let json = try #require(try cli.run(["principles", "--framework", "globex", "--json"]).json() as? [[String: Any]])
        #expect(json.map { $0["number"] as? Int } == [1, 5] && json.allSatisfy { $0["framework"] as? String == "globex" })

        let before = cli.bytes(cli.journal)
        CLIHarness.expectOneLineError(try cli.run(["framework", "add", "globex", "--name", "Again"]), code: 1, containing: "exists already")
        CLIHarness.expectOneLineError(try cli.run(["framework", "add", "Globex Inc", "--name", "G"]), code: 64, containing: "is not a slug")
        CLIHarness.expectOneLineError(try cli.run(["framework", "add", "x", "--name", "X", "--as-of", "April"]), code: 64, containing: "YYYY-MM-DD")
        CLIHarness.expectOneLineError(try cli.run(["principles", "add", "--framework", "globx", "--name", "N"]), code: 64, containing: "did you mean 'globex'")
        CLIHarness.expectOneLineError(try cli.run(["principles", "add", "--framework", "globex", "--name", "N", "--number", "5"]), code: 1, containing: "number 5 of 'globex' is Candor")
        CLIHarness.expectOneLineError(try cli.run(["principles", "edit", "globex:1"]), code: 64, containing: "nothing to change")
        CLIHarness.expectOneLineError(try cli.run(["principles", "rm", "earn-trust"]), code: 1, containing: "built-in principle")
        CLIHarness.expectOneLineError(try cli.run(["principles", "edit", "11", "--summary", "x"]), code: 1, containing: "built-in principle")
        CLIHarness.expectOneLineError(try cli.run(["framework", "rm", "amazon"]), code: 1, containing: "built in")
        CLIHarness.expectOneLineError(try cli.run(["framework", "rm", "common", "--force", "--yes"]), code: 1, containing: "built in")
        CLIHarness.expectOneLineError(try cli.run(["principles", "rm", "globex:9"]), code: 64, containing: "no principle number 9 in 'globex'")
        #expect(cli.bytes(cli.journal) == before, "nothing changed")

        try cli.ok(["add", "--title", "Shipped it", "--principle", "globex:1"])
        CLIHarness.expectOneLineError(try cli.run(["principles", "rm", "bias-to-ship"]), code: 1, containing: "1 story is tagged with 'bias-to-ship'")
        CLIHarness.expectOneLineError(try cli.run(["framework", "rm", "globex"]), code: 1, containing: "pass --force")
        CLIHarness.expectOneLineError(try cli.run(["framework", "rm", "globex", "--force"]), code: 64, containing: "add --yes")
        try cli.ok(["interview", "add", "--company", "Globex", "--date", "2099-01-02", "--framework", "globex"])
        CLIHarness.expectOneLineError(try cli.run(["framework", "rm", "globex", "--force", "--yes"]), code: 1, containing: "interview #1 tests 'globex'")
        try cli.ok(["interview", "rm", "1", "--yes"])
        #expect(try cli.ok(["principles", "rm", "candour"]).hasPrefix("Removed globex:5 Candor (candour)"))
        #expect(try cli.ok(["framework", "rm", "globex", "--force", "--yes"]).hasPrefix("Removed framework globex with 1 principle and 1 story tag"))
        #expect(try cli.ok(["show", "1"]).contains("none (add some"))
    }

    @Test("coverage, plan, questions and practice due take --framework; with none, the next interview's framework, else amazon")
    func scope() throws {
        let cli = try CLIHarness()
        let now = ["STARLOG_NOW": "2026-05-28T12:00:00Z", "TZ": "UTC0"]
        try cli.ok(["framework", "import", try write(cli, "acme.yaml", Self.acme)], environment: now)
        try cli.ok(["add", "--title", "Kept a customer", "--principle", "acme:1", "--principle", "conflict"], environment: now)
        #expect(try cli.ok(["coverage"], environment: now).hasPrefix("Coverage (amazon): 0 of 16 principles ready"))
        #expect(try cli.ok(["coverage", "--framework", "common"], environment: now).contains("Coverage (common): 0 of 11 principles ready"))
        let scoped = try #require(try cli.run(["coverage", "--framework", "acme", "--principle", "1", "--json"], environment: now).json() as? [String: Any])
        #expect((scoped["principles"] as? [[String: Any]])?.map { $0["slug"] as? String } == ["customers-first"] && scoped["framework"] as? String == "acme")
        // An upcoming interview at Acme puts acme in scope; a past one does not.
        try cli.ok(["interview", "add", "--company", "Old", "--date", "2026-05-01", "--framework", "common", "--past"], environment: now)
        #expect(try cli.ok(["coverage"], environment: now).hasPrefix("Coverage (amazon)"))
        try cli.ok(["interview", "add", "--company", "Acme", "--date", "2026-06-10", "--framework", "acme"], environment: now)
        #expect(try cli.ok(["coverage"], environment: now).hasPrefix("Coverage (acme): 0 of 3 principles ready, 1 thin, 2 gap"))
        #expect(try cli.ok(["plan"], environment: now).contains("1 of 3 principles with a distinct story"))
        #expect(try cli.ok(["plan", "--framework", "common"], environment: now).contains("1 of 11 principles with a distinct story"))
        let questions = try #require(try cli.run(["questions", "--json"], environment: now).json() as? [[String: Any]])
        #expect(questions.map { $0["principle"] as? String } == ["customers-first"])
        let common = try #require(try cli.run(["questions", "--framework", "common", "--json"], environment: now).json() as? [[String: Any]])
        #expect(Set(common.compactMap { $0["principle"] as? String }).count == 11 && common.count >= 33)
        #expect(try cli.run(["practice", "due", "--framework", "acme", "--json"], environment: now).status == 0)
        CLIHarness.expectOneLineError(try cli.run(["coverage", "--framework", "acm"], environment: now), code: 64, containing: "did you mean 'acme'")
        CLIHarness.expectOneLineError(try cli.run(["plan", "--interview", "2", "--framework", "acme"], environment: now), code: 64, containing: "not both")
    }

    @Test("framework edit renames a framework in place and changes or clears its source and as-of day; refusals change nothing")
    func edit() throws {
        let cli = try CLIHarness()
        try cli.ok(["framework", "import", try write(cli, "acme.yaml", Self.acme)])
        try cli.ok(["add", "--title", "Kept a customer", "--principle", "acme:1"])
        try cli.ok(["interview", "add", "--company", "Acme", "--date", "2099-01-02", "--framework", "acme"])
        #expect(try cli.ok(["framework", "edit", "acme", "--name", "Acme Values 2027", "--source", ""]) == "Changed framework acme: Acme Values 2027\n")
        let changed = try #require(try cli.run(["framework", "edit", "acme", "--as-of", "2027-01-10", "--json"]).json() as? [String: Any])
        #expect(changed["slug"] as? String == "acme" && changed["name"] as? String == "Acme Values 2027")
        #expect(changed["source"] is NSNull && changed["as_of"] as? String == "2027-01-10", "an empty --source clears it; --as-of alone leaves the name")
        let listed = try #require(try cli.run(["framework", "--json"]).json() as? [[String: Any]])
        #expect(listed.first { $0["slug"] as? String == "acme" }?["name"] as? String == "Acme Values 2027")
        // The slug stays: its principles, tags, questions and interview are untouched.
        #expect(try cli.ok(["list", "--principle", "acme:1"]).contains("Kept a customer"))
        #expect(try cli.ok(["questions", "--framework", "acme"]).contains("changed a plan for a customer"))
        #expect(try cli.ok(["interview", "list"]).contains("acme"))
        #expect(try cli.ok(["framework", "export", "acme"]).contains("name: Acme Values 2027"))

        let before = cli.bytes(cli.journal)
        CLIHarness.expectOneLineError(try cli.run(["framework", "edit", "acme"]), code: 64, containing: "nothing to change; pass --name, --source or --as-of")
        CLIHarness.expectOneLineError(try cli.run(["framework", "edit", "amazon", "--name", "Mine"]), code: 1, containing: "'amazon' is built in")
        CLIHarness.expectOneLineError(try cli.run(["framework", "edit", "common", "--source", "x"]), code: 1, containing: "'common' is built in")
        CLIHarness.expectOneLineError(try cli.run(["framework", "edit", "acm", "--name", "X"]), code: 64, containing: "did you mean 'acme'")
        CLIHarness.expectOneLineError(try cli.run(["framework", "edit", "acme", "--name", " "]), code: 64, containing: "a name cannot be empty")
        CLIHarness.expectOneLineError(try cli.run(["framework", "edit", "acme", "--as-of", "2026-02-30"]), code: 64, containing: "is not a day")
        CLIHarness.expectOneLineError(try cli.run(["framework", "edit", "acme", "--name", String(repeating: "n", count: 201)]), code: 64, containing: "at most 200 characters")
        #expect(cli.bytes(cli.journal) == before, "a refused edit changes nothing")
    }

    @Test("questions --all lists the questions of every framework; with --framework or --principle it is a usage error")
    func allQuestions() throws {
        let cli = try CLIHarness()
        try cli.ok(["framework", "import", try write(cli, "acme.yaml", Self.acme)])
        func slugs(_ arguments: [String]) throws -> [String] {
            let list = try #require(try cli.run(arguments + ["--json"]).json() as? [[String: Any]])
            return list.compactMap { $0["principle"] as? String }
        }
        let all = try slugs(["questions", "--all"])
        let amazon = try slugs(["questions"])
        let common = try slugs(["questions", "--framework", "common"])
        let acme = try slugs(["questions", "--framework", "acme"])
        #expect(!amazon.isEmpty && !common.isEmpty && acme == ["customers-first"])
        #expect(all == amazon + common + acme, "every framework's questions, the built-in frameworks first")
        let text = try cli.ok(["questions", "--all"])
        #expect(text.contains("Customers First  customers-first") && text.contains("Earn Trust  earn-trust"))

        let before = cli.bytes(cli.journal)
        CLIHarness.expectOneLineError(try cli.run(["questions", "--all", "--framework", "acme"]), code: 64, containing: "--all and --framework cannot be used together")
        CLIHarness.expectOneLineError(try cli.run(["questions", "--all", "--principle", "earn-trust"]), code: 64, containing: "--all and --principle cannot be used together")
        #expect(cli.bytes(cli.journal) == before)
    }
}
