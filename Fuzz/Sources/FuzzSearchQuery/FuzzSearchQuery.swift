#if canImport(Glibc)
import Glibc
#endif
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
func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        _ = try journal.search.search(SearchQuery(text), limit: 3)
    } catch {
        print("plain query rejected: \(text.debugDescription): \(error)")
        abort()
    }
    return 0
}

/// libFuzzer's entry point when it does not supply `main` itself.
@_extern(c, "LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

@main
enum Driver {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            guard let data else { return 0 }
            return fuzz(data, size)
        })
    }
}
