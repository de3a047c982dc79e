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
                --db), then shows add, search, principles, a practice log, coverage, lint and a \
                plan on it. The temporary journal is deleted at the end unless --keep is given \
                (a --db journal is always kept). Your own journal is never touched.
                """)

        @Option(help: ArgumentHelp("Where to write the sample journal (must not exist yet; kept).", valueName: "path"), completion: .file())
        var db: String?

        @Flag(help: "Keep the temporary sample journal, and say where it is.")
        var keep = false

        @Option(help: ColorChoice.help)
        var color: ColorChoice?

        func run() throws {
            let temporary = db == nil
            let path = try db ?? DemoFolder.temporaryPath()
            var info = stat()
            if stat(path, &info) == 0 {
                throw JournalError.invalidInput("\(path) already exists; the demo writes a new journal, so pass a new path")
            }
            let kept = keep || !temporary
            defer { if !kept { DemoFolder.remove(journal: path) } }
            try DemoScript.play(at: path, kept: kept)
        }
    }
}
