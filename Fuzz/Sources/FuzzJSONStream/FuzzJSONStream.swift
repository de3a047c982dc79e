#if canImport(Glibc)
import Glibc
#endif
import FuzzDriver
import StarlogJournal

/// Reads `bytes` as a stream of top-level JSON values, as an import does:
/// the values read, or the problem that stopped it.
func readAll(_ bytes: [UInt8]) -> (values: [JSONValue], problem: ImportProblem?) {
    var copy = bytes.isEmpty ? [0x20] : bytes
    return copy.withUnsafeMutableBytes { buffer in
        guard let stream = fmemopen(buffer.baseAddress, buffer.count, "rb") else { abort() }
        defer { fclose(stream) }
        let reader = JSONStreamReader(stream: stream)
        var values: [JSONValue] = []
        do throws(ImportProblem) {
            while !reader.atEnd { values.append(try reader.value()) }
            return (values, nil)
        } catch {
            return (values, error)
        }
    }
}

/// Properties: any input is read or refused with a problem on a line the
/// input has, never a crash or a hang; and a value read, written out again
/// by `JSONValue.rendered`, reads back as the same value.
func fuzz(_ text: String) {
    let bytes = Array(text.utf8)
    let (values, problem) = readAll(bytes)
    if let problem {
        let lines = bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        guard problem.place.hasPrefix("line "), let line = Int(problem.place.dropFirst(5)), (1...lines).contains(line) else {
            print("problem outside the input (\(lines) lines): \(problem.place): \(problem.message)")
            abort()
        }
    }
    for value in values {
        for pretty in [true, false] {
            let again = readAll(Array(value.rendered(pretty: pretty).utf8))
            guard again.problem == nil, again.values == [value] else {
                print("\(value) written as \(value.rendered(pretty: pretty)) reads back as \(again)")
                abort()
            }
        }
    }
}

@main
enum Main {
    static func main() { runFuzzer(fuzz) }
}
