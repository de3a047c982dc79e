#if canImport(Glibc)
import Glibc
#endif

/// libFuzzer's entry point when it does not supply `main` itself.
@_extern(c, "LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// The input under test, as text.
nonisolated(unsafe) private var target: ((String) -> Void)?

/// Hands the process to libFuzzer, which calls `body` with each input read
/// as UTF-8 text (invalid bytes replaced). `body` aborts on a finding.
public func runFuzzer(_ body: @escaping (String) -> Void) -> Never {
    target = body
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        guard let data else { return 0 }
        target?(String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self))
        return 0
    })
}
