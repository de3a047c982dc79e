import Foundation
import Testing

/// A journal for the report tests, made through the CLI: every status, an
/// interview, practice, and stories whose titles and text try to break out
/// of HTML.
enum ReportFixture {
    static let now = ["STARLOG_NOW": "2026-12-01T12:00:00Z", "TZ": "UTC0"]

    static let hostileTitles = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "</style><script>document.title='owned'</script>",
        "Bell\u{07} and escape\u{1B}[31m red \u{202E}reversed",
    ]

    /// Stories tagged so that ownership is ready, dive-deep unpractised,
    /// frugality thin and the rest gaps; an interview on 2026-12-11 for
    /// ownership, dive-deep, frugality and think-big.
    static func make(_ cli: CLIHarness) throws {
        @discardableResult func add(_ title: String, _ principles: [String], situation: String = "The service was slow. We had a week.",
                 result: String = "Latency fell 40% in two weeks; nobody was paged again.") throws -> String {
            var arguments = ["add", "--title", title, "--situation", situation, "--task", "I had to fix it.",
                             "--action", "I measured, found the slow query and rewrote it.", "--result", result]
            for principle in principles { arguments += ["--principle", principle] }
            return try cli.ok(arguments, environment: now).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let first = try add(hostileTitles[0], ["ownership", "dive-deep"],
                            situation: "<b>bold</b> & \"quoted\" </style> start. Then more.")
        try add(hostileTitles[1], ["ownership", "dive-deep"], result: "Saved $<i>3M</i> a year.")
        try add(hostileTitles[2], ["frugality"])
        try add(hostileTitles[3], ["customer-obsession", "invent-and-simplify", "learn-and-be-curious", "earn-trust"])
        try cli.ok(["practice", "log", "--question-text", "Tell me about ownership", "--principle", "ownership",
                    "--story", first, "--rating", "5", "--notes", "<img src=x onerror=alert(3)> lead with the number",
                    "--at", "2026-11-28"], environment: now)
        try cli.ok(["practice", "log", "--question-text", "Another", "--principle", "ownership",
                    "--story", first, "--rating", "3", "--at", "2026-11-10"], environment: now)
        try cli.ok(["interview", "add", "--company", "<b>Acme</b>", "--date", "2026-12-11", "--role", "SDE </title>",
                    "--principle", "ownership", "--principle", "dive-deep", "--principle", "frugality",
                    "--principle", "think-big"], environment: now)
    }

    /// What a hostile title must look like on the page: as written, its
    /// control characters made visible.
    static func shown(_ title: String) -> String {
        title.replacingOccurrences(of: "\u{07}", with: "\\x07")
            .replacingOccurrences(of: "\u{1B}", with: "\\x1b")
            .replacingOccurrences(of: "\u{202E}", with: "\\u202e")
    }

    /// The checks every page must pass: no script, no handler, nothing
    /// external, no control character.
    static func expectInert(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let page = HTMLScan(html)
        for name in ["script", "img", "iframe", "object", "embed", "link", "base", "form", "a", "b", "i"] {
            #expect(page.all(name).isEmpty, "a <\(name)> element on the page", sourceLocation: sourceLocation)
        }
        for element in page.elements {
            for key in element.attributes.keys {
                #expect(!key.hasPrefix("on"), "an event handler \(key) on <\(element.name)>", sourceLocation: sourceLocation)
                #expect(!["src", "href", "srcset", "action", "formaction", "xlink:href", "background"].contains(key),
                        "a \(key) attribute on <\(element.name)>", sourceLocation: sourceLocation)
            }
        }
        let lower = html.lowercased()
        for external in ["http://", "https://", "@import", "url("] {
            #expect(!lower.contains(external), "the page holds \(external)", sourceLocation: sourceLocation)
        }
        #expect(!html.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E },
                "a control character reached the page", sourceLocation: sourceLocation)
        #expect(page.unbalanced.isEmpty, "unbalanced tags: \(page.unbalanced)", sourceLocation: sourceLocation)
        #expect(page.all("style").count == 1, sourceLocation: sourceLocation)
    }
}

@Suite("Report command")
struct ReportCommandTests {
    func read(_ cli: CLIHarness, _ name: String) throws -> String {
        try String(contentsOf: cli.directory.appendingPathComponent(name), encoding: .utf8)
    }

    @Test("the report: every section, every status as text, hostile text shown as text, nothing external")
    func report() throws {
        let cli = try CLIHarness()
        try ReportFixture.make(cli)
        let out = try cli.ok(["report"], environment: ReportFixture.now)
        #expect(out == "Wrote the report to starlog-report.html\n")
        let html = try read(cli, "starlog-report.html")
        ReportFixture.expectInert(html)
        let page = HTMLScan(html)

        let sections = page.all("section").compactMap { $0.attributes["id"] }
        #expect(sections == ["interview", "readiness", "matrix", "practice", "due", "lint", "warnings"])
        #expect(page.all("h1").count == 1)
        #expect(page.text.contains("1 of 16 principles ready."))

        // Each tile: its status as a class and as a word.
        let tiles = page.all("li").compactMap { $0.attributes["class"] }.filter { $0.hasPrefix("tile ") }
        #expect(tiles.count == 16)
        #expect(tiles.filter { $0 == "tile ready" }.count == 1)
        #expect(tiles.filter { $0 == "tile unpractised" }.count == 1)
        #expect(tiles.filter { $0 == "tile thin" }.count == 5)
        #expect(tiles.filter { $0 == "tile gap" }.count == 9)
        for status in ["ready", "unpractised", "thin", "gap"] {
            #expect(page.texts.contains(" \(status)"), "the word \(status) beside its symbol")
        }

        // Hostile titles appear as text, exactly.
        for title in ReportFixture.hostileTitles {
            let shown = ReportFixture.shown(title)
            #expect(page.texts.contains { $0.contains(shown) }, "title \(shown) not shown as text")
        }
        #expect(page.texts.contains { $0.contains("<b>bold</b> & \"quoted\" </style> start") }, "the opening line as text")
        #expect(page.texts.contains { $0.contains("Next interview: <b>Acme</b> (SDE </title>)") })
        #expect(page.texts.contains("10"), "the countdown in days")

        // The chart: an SVG with a title, a description and labelled axes.
        let svg = try #require(page.all("svg").first)
        #expect(svg.attributes["role"] == "img")
        #expect(page.all("desc").count == 1)
        #expect(page.texts.contains("Attempts"))
        #expect(page.texts.contains("Mean rating (1–5)"))
        #expect(page.texts.contains { $0.hasPrefix("2 attempts in 12 weeks") })
        #expect(page.all("rect").count == 2, "two weeks with practice, one bar each")

        // The matrix: a cell per tagged pair in scope, holding the lint score.
        let cells = page.all("td").filter { $0.attributes["class"]?.hasPrefix("cell s") == true }
        #expect(cells.count == 9)
        // Dark variant and print rules.
        #expect(page.styles.first?.contains("prefers-color-scheme:dark") == true)
        #expect(page.styles.first?.contains("@media print") == true)
    }

    @Test("the file is private (0600), refused when it exists, replaced with --force, written where --output says")
    func files() throws {
        let cli = try CLIHarness()
        try ReportFixture.make(cli)
        let path = cli.directory.appendingPathComponent("starlog-report.html").path
        try cli.ok(["report"], environment: ReportFixture.now)
        let mode = try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: path))
        let refused = try cli.run(["report"], environment: ReportFixture.now)
        CLIHarness.expectOneLineError(refused, code: 1, containing: "--force")
        #expect(cli.bytes(path) == Data("mine".utf8))
        try cli.ok(["report", "--force"], environment: ReportFixture.now)
        #expect(try read(cli, "starlog-report.html").hasPrefix("<!DOCTYPE html>"))

        let other = cli.directory.appendingPathComponent("out/acme.html").path
        try FileManager.default.createDirectory(atPath: cli.directory.appendingPathComponent("out").path, withIntermediateDirectories: true)
        #expect(try cli.ok(["report", "--sheet", "-o", other], environment: ReportFixture.now) == "Wrote the cheat sheet to \(other)\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: cli.directory.appendingPathComponent("out").path)
        #expect(leftovers == ["acme.html"], "no temporary file left beside it")
        // Never over the journal.
        let journal = try cli.run(["report", "--force", "-o", cli.journal], environment: ReportFixture.now)
        CLIHarness.expectOneLineError(journal, code: 64, containing: "journal")
    }

    @Test("bad flags: --interview with --principle, an unknown interview, an unknown principle")
    func badFlags() throws {
        let cli = try CLIHarness()
        try ReportFixture.make(cli)
        let both = try cli.run(["report", "--interview", "1", "--principle", "ownership"])
        #expect(both.status == 64)
        CLIHarness.expectOneLineError(try cli.run(["report", "--interview", "9"]), code: 1, containing: "interview list")
        CLIHarness.expectOneLineError(try cli.run(["report", "--principle", "nonsense"]), code: 64)
        CLIHarness.expectOneLineError(try cli.run(["report", "--interview", "1", "--framework", "common"]), code: 64, containing: "not both")
        CLIHarness.expectOneLineError(try cli.run(["report", "--framework", "acme"]), code: 64, containing: "there is no framework 'acme'")
        let files = try FileManager.default.contentsOfDirectory(atPath: cli.directory.path)
        #expect(!files.contains { $0.hasSuffix(".html") }, "nothing written on a bad flag")
    }

    @Test("--framework shows that framework's principles, and the next interview only when it is of that framework")
    func framework() throws {
        let cli = try CLIHarness()
        try ReportFixture.make(cli)
        try cli.ok(["tag", "1", "conflict"], environment: ReportFixture.now)
        try cli.ok(["report", "--framework", "common", "-o", "common.html"], environment: ReportFixture.now)
        let common = HTMLScan(try read(cli, "common.html"))
        #expect(common.text.contains("Conflict with a Colleague"))
        #expect(common.text.contains("Leading Without Authority"))
        #expect(!common.text.contains("Customer Obsession"), "only the common themes")
        #expect(!common.text.contains("Acme"), "the upcoming interview tests amazon, not common")

        try cli.ok(["report", "-o", "default.html"], environment: ReportFixture.now)
        let amazon = HTMLScan(try read(cli, "default.html"))
        #expect(amazon.text.contains("Customer Obsession"))
        #expect(!amazon.text.contains("Conflict with a Colleague"), "the default scope is the next interview's framework, amazon")
        #expect(amazon.text.contains("Acme"))
    }

    @Test("an empty journal gets a friendly page that says what to do first, not empty charts")
    func empty() throws {
        let cli = try CLIHarness()
        try cli.ok(["init"])
        try cli.ok(["report"], environment: ReportFixture.now)
        let html = try read(cli, "starlog-report.html")
        ReportFixture.expectInert(html)
        let page = HTMLScan(html)
        #expect(page.all("svg").isEmpty)
        #expect(page.all("table").isEmpty)
        #expect(page.all("section").compactMap { $0.attributes["id"] } == ["start"])
        #expect(page.text.contains("There are no stories in it yet."))
        #expect(page.texts.contains("starlog add --principle ownership"))
    }

    @Test("the sheet: one card per planned principle of the next interview, with title, opening line, figures and last note")
    func sheet() throws {
        let cli = try CLIHarness()
        try ReportFixture.make(cli)
        try cli.ok(["report", "--sheet"], environment: ReportFixture.now)
        let html = try read(cli, "starlog-sheet.html")
        ReportFixture.expectInert(html)
        let page = HTMLScan(html)
        let cards = page.all("article")
        #expect(cards.count == 3, "ownership, dive-deep and frugality have a distinct story; think-big has none")
        #expect(page.texts.contains("Cheat sheet: <b>Acme</b> (SDE </title>), 2026-12-11"))
        for title in ReportFixture.hostileTitles.prefix(3) {
            #expect(page.texts.contains(title))
        }
        #expect(page.texts.contains("Latency fell 40% in two weeks"))
        #expect(page.texts.contains("Saved $<i>3M</i> a year."))
        #expect(page.texts.contains("Last note: <img src=x onerror=alert(3)> lead with the number"))
        #expect(page.styles.first?.contains("@page") == true)

        // Narrowed to principles, without an interview: the best story of each.
        try cli.ok(["report", "--sheet", "--principle", "frugality", "-o", "f.html"], environment: ReportFixture.now)
        let narrowed = HTMLScan(try read(cli, "f.html"))
        #expect(narrowed.all("article").count == 1)
        #expect(narrowed.texts.contains("Cheat sheet"))
    }

    @Test("--open hands the file to xdg-open; without an opener it says so and still succeeds")
    func open() throws {
        let cli = try CLIHarness()
        try ReportFixture.make(cli)
        let bin = cli.directory.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let log = cli.directory.appendingPathComponent("opened.txt").path
        let opener = bin.appendingPathComponent("xdg-open")
        try "#!/bin/sh\necho \"$1\" > \(log)\n".write(to: opener, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: opener.path)
        var environment = ReportFixture.now
        environment["PATH"] = bin.path + ":/usr/bin:/bin"
        try cli.ok(["report", "--open"], environment: environment)
        var waited = 0
        while !FileManager.default.fileExists(atPath: log), waited < 50 { usleep(20_000); waited += 1 }
        #expect(try String(contentsOfFile: log, encoding: .utf8) == "starlog-report.html\n")

        environment["PATH"] = cli.directory.appendingPathComponent("empty").path
        let none = try cli.run(["report", "--open", "--force"], environment: environment)
        #expect(none.status == 0)
        #expect(none.stderr.contains("no opener found"))
    }
}
