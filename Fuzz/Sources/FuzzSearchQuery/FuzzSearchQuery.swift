#if canImport(Glibc)
import Glibc
#endif
import FuzzDriver
import StarlogJournal

/// One journal for the whole run, with a few stories to match against.
nonisolated(unsafe) let journal: Journal = {
    var template = Array("/tmp/starlog-fuzz-XXXXXX".utf8CString)
    let folder = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
    let journal = try! Journal.open(at: folder + "/fuzz.db")
    for (title, action) in [("Launch", "I led the launch; it's done"), ("Café", "naïve façade – 漢字 🌟")] {
        var draft = StoryDraft(title: title)
        draft.action = action
        _ = try! journal.stories.add(draft)
    }
    return journal
}()

/// Property: any bytes, read as text, are a plain query FTS5 accepts.
func fuzz(_ text: String) {
    do {
        _ = try journal.search.search(SearchQuery(text), limit: 3)
    } catch {
        print("plain query rejected: \(text.debugDescription): \(error)")
        abort()
    }
}

@main
enum Main {
    static func main() { runFuzzer(fuzz) }
}
