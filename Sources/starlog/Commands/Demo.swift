#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import StarlogJournal

extension Starlog {
    struct Demo: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "demo",
            abstract: "Try starlog on a throw-away journal.",
            discussion: """
                Writes a sample journal of invented stories to a new temporary folder (or to \
                --db), then shows add, search and principles on it. Your own journal is never touched.
                """)

        @Option(help: ArgumentHelp("Where to write the sample journal (must not exist yet).", valueName: "path"))
        var db: String?

        func run() throws {
            let path = try db ?? Demo.temporaryPath()
            var info = stat()
            if stat(path, &info) == 0 {
                throw JournalError.invalidInput("\(path) already exists; the demo writes a new journal, so pass a new path")
            }
            let journal = try Journal.open(at: path, clock: JournalOptions.clock)
            Terminal.line(Style.dim.apply("A sample journal at \(path) (your own journal is not touched)."))
            Terminal.line()
            for draft in SampleStories.all {
                let story = try journal.stories.add(draft)
                Terminal.line("$ starlog add --title \"\(draft.title)\" \(draft.principles.map { "--principle \($0)" }.joined(separator: " ")) …")
                Terminal.line(String(story.id))
            }
            for query in ["latency", "\"deploy pipeline\"", "result:cost"] {
                Terminal.line()
                Terminal.line("$ starlog search '\(query)'")
                let hits = try journal.search.search(SearchQuery(query), limit: 3)
                Terminal.line(hits.map(Render.hit).joined(separator: "\n"))
            }
            Terminal.line()
            Terminal.line("$ starlog principles   (the first five)")
            for entry in try journal.principles.usage().prefix(5) {
                let count = entry.stories == 1 ? "1 story" : "\(entry.stories) stories"
                Terminal.line("\(entry.principle.position ?? 0)  \(entry.principle.name)  \(Style.dim.apply(entry.principle.slug))  \(count)")
            }
            Terminal.line()
            Terminal.line("Explore it:  starlog list --db \(path)")
            Terminal.line("Start yours: starlog add --title \"...\"   (see starlog add --help)")
        }

        static func temporaryPath() throws -> String {
            let base = Terminal.environment("TMPDIR").flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
            var template = Array((base + "/starlog-demo-XXXXXX").utf8CString)
            guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
                throw JournalError.failed("cannot make a temporary folder in \(base); set TMPDIR to a writable folder or pass --db")
            }
            return String(cString: made) + "/starlog.db"
        }
    }
}
