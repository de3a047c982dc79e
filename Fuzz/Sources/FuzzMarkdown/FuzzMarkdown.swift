#if canImport(Glibc)
import Glibc
#endif
import FuzzDriver
import StarlogJournal

/// Property: the Markdown reader either reads any text or reports a problem
/// with a place; it never crashes or hangs.
func fuzz(_ text: String) {
    let match: StoryMarkdownReader.PrincipleMatcher = { heading in
        heading.lowercased().contains("trust") ? "earn-trust" : nil
    }
    do {
        let reader = try StoryMarkdownReader.read(text, matchPrinciple: match)
        // A story the reader hands back always carries the line it started on.
        for story in reader.ready where story.line < 1 {
            print("story without a line: \(story)")
            abort()
        }
    } catch {
        if error.place.isEmpty {
            print("problem without a place: \(error.message)")
            abort()
        }
    }
}

@main
enum Main {
    static func main() { runFuzzer(fuzz) }
}
