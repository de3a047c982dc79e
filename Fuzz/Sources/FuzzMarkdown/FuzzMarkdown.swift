#if canImport(Glibc)
import Glibc
#endif
import StarlogJournal

/// Property: the Markdown reader either reads any text or reports a problem
/// with a place; it never crashes or hangs.
func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
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
