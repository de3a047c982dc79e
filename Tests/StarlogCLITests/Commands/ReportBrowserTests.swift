import Foundation
import Testing

/// Headless Chromium (Debian's `chromium` package), run as a user's
/// browser would open the report: no network, a fresh profile per run.
enum Chromium {
    static let path: String? = {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser"] {
            for folder in folders + ["/usr/bin"] where FileManager.default.isExecutableFile(atPath: folder + "/" + name) {
                return folder + "/" + name
            }
        }
        return nil
    }()

    static let skipReason: Comment = "headless Chromium is not installed (apt-get install chromium); .ci/run installs it"

    /// Runs Chromium headless on `page` with `arguments`; returns stdout.
    /// Killed after a minute so a hung browser fails the test instead of the run.
    @discardableResult
    static func run(_ arguments: [String], page: URL, in folder: URL) throws -> String {
        let profile = folder.appendingPathComponent("profile-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(path))
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                             "--disable-dev-shm-usage", "--user-data-dir=" + profile.path] + arguments + [page.absoluteString]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: timer)
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        timer.cancel()
        try? FileManager.default.removeItem(at: profile)
        #expect(process.terminationStatus == 0, "chromium \(arguments) exited with \(process.terminationStatus)")
        return String(decoding: data, as: UTF8.self)
    }

    /// Width and height from a PNG's header.
    static func pngSize(_ data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
              String(decoding: bytes[12..<16], as: UTF8.self) == "IHDR" else { return nil }
        func int(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (int(16), int(20))
    }

    /// Pages in a PDF: its page objects (`/Type /Page`, not `/Pages`).
    static func pdfPages(_ data: Data) -> Int {
        let text = String(decoding: data, as: Unicode.ASCII.self)
        let pattern = try! NSRegularExpression(pattern: "/Type\\s*/Page(?![a-zA-Z])")
        return pattern.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
    }
}

@Suite("Report in a browser", .enabled(if: Chromium.path != nil, Chromium.skipReason))
struct ReportBrowserTests {
    @Test("the report renders: a screenshot of the expected size, far from blank")
    func screenshot() throws {
        let cli = try CLIHarness()
        try ReportFixture.make(cli)
        try cli.ok(["report"], environment: ReportFixture.now)
        let page = cli.directory.appendingPathComponent("starlog-report.html")
        let blankPage = cli.directory.appendingPathComponent("blank.html")
        try "<!DOCTYPE html><html><body></body></html>".write(to: blankPage, atomically: true, encoding: .utf8)

        let shot = cli.directory.appendingPathComponent("report.png"), blank = cli.directory.appendingPathComponent("blank.png")
        try Chromium.run(["--hide-scrollbars", "--window-size=1280,900", "--screenshot=" + shot.path], page: page, in: cli.directory)
        try Chromium.run(["--hide-scrollbars", "--window-size=1280,900", "--screenshot=" + blank.path], page: blankPage, in: cli.directory)
        let image = try Data(contentsOf: shot), empty = try Data(contentsOf: blank)
        let size = try #require(Chromium.pngSize(image), "not a PNG")
        #expect(size.width == 1280 && size.height == 900)
        // A blank page compresses to almost nothing; text, tiles and colour do not.
        #expect(image.count > 8 * empty.count, "report \(image.count) bytes against \(empty.count) for a blank page")

        // The phone width renders too.
        let phone = cli.directory.appendingPathComponent("phone.png")
        try Chromium.run(["--hide-scrollbars", "--window-size=390,844", "--screenshot=" + phone.path], page: page, in: cli.directory)
        let phoneSize = try #require(Chromium.pngSize(try Data(contentsOf: phone)))
        #expect(phoneSize.width == 390 && phoneSize.height == 844)
    }

    @Test("no script ran: the DOM Chromium built holds the hostile titles as text and no injected element")
    func dom() throws {
        let cli = try CLIHarness()
        try ReportFixture.make(cli)
        try cli.ok(["report"], environment: ReportFixture.now)
        try cli.ok(["report", "--sheet"], environment: ReportFixture.now)
        for (name, title) in [("starlog-report.html", "starlog report, 2026-12-01"), ("starlog-sheet.html", "starlog cheat sheet, 2026-12-01")] {
            let page = cli.directory.appendingPathComponent(name)
            let dump = try Chromium.run(["--dump-dom"], page: page, in: cli.directory)
            let dom = HTMLScan(dump)
            #expect(dom.all("script").isEmpty && dom.all("img").isEmpty, "\(name): an injected element in the DOM")
            #expect(dom.elements.allSatisfy { $0.attributes.keys.allSatisfy { !$0.hasPrefix("on") } })
            #expect(dom.all("title").count >= 1)
            #expect(dom.texts.contains(title), "\(name): the page title changed, so a script ran")
            for hostile in ReportFixture.hostileTitles.prefix(3) {
                #expect(dom.texts.contains { $0.contains(hostile) }, "\(name): \(hostile) is not text in the DOM")
            }
            #expect(dom.all("article").count == (name == "starlog-sheet.html" ? 3 : 0))
        }
    }

    @Test("the sheet prints on exactly one page, A4 and Letter, even with all sixteen principles and long text")
    func onePage() throws {
        let cli = try CLIHarness()
        let principles = ["customer-obsession", "ownership", "invent-and-simplify", "are-right-a-lot", "learn-and-be-curious",
                          "hire-and-develop-the-best", "insist-on-the-highest-standards", "think-big", "bias-for-action",
                          "frugality", "earn-trust", "dive-deep", "have-backbone-disagree-and-commit", "deliver-results",
                          "strive-to-be-earths-best-employer", "success-and-scale-bring-broad-responsibility"]
        let long = String(repeating: "a long stretch of words that runs on and on ", count: 6)
        for (index, principle) in principles.enumerated() {
            try cli.ok(["add", "--title", "Story \(index) with a title far longer than a card has room for, " + long,
                        "--situation", "It began when " + long + ". Then more.",
                        "--result", "Cut costs 40% in 3 weeks " + long + "; saved $2M; doubled the rate " + long,
                        "--principle", principle], environment: ReportFixture.now)
        }
        try cli.ok(["report", "--sheet"], environment: ReportFixture.now)
        let html = try String(contentsOf: cli.directory.appendingPathComponent("starlog-sheet.html"), encoding: .utf8)
        #expect(HTMLScan(html).all("article").count == 16)
        for paper in ["A4", "letter"] {
            let page = cli.directory.appendingPathComponent("sheet-\(paper).html")
            let sized = html.replacingOccurrences(of: "</head>", with: "<style>@page{size:\(paper)}</style></head>")
            try sized.write(to: page, atomically: true, encoding: .utf8)
            let pdf = cli.directory.appendingPathComponent("sheet-\(paper).pdf")
            try Chromium.run(["--no-pdf-header-footer", "--print-to-pdf=" + pdf.path], page: page, in: cli.directory)
            #expect(Chromium.pdfPages(try Data(contentsOf: pdf)) == 1, "\(paper): not one page")
        }
    }
}
