import Foundation
import StarlogJournal
import Testing

/// The streaming JSON reader of `import`, checked against Foundation's
/// JSONSerialization (a parser starlog did not write) and on the ways JSON
/// goes wrong.
@Suite("JSON stream reader")
struct JSONStreamReaderTests {
    /// Reads `bytes` as one JSON document: one value, then only white space.
    static func read(_ bytes: [UInt8]) throws -> JSONValue {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("starlog-json-\(UUID().uuidString).json")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let reader = try JSONStreamReader(path: url.path)
        let value = try reader.value()
        guard reader.atEnd else { throw ImportProblem(line: reader.line, "text after the value") }
        return value
    }

    static func read(_ text: String) throws -> JSONValue { try read(Array(text.utf8)) }

    /// The problem reading `text` reports.
    static func problem(_ text: String) -> ImportProblem? {
        do {
            _ = try read(text)
            return nil
        } catch let problem as ImportProblem {
            return problem
        } catch {
            Issue.record("not an ImportProblem: \(error)")
            return nil
        }
    }

    /// True when `value` is what Foundation made of the same text.
    static func same(_ value: JSONValue, _ object: Any) -> Bool {
        switch value {
        case .null: return object is NSNull
        case .bool(let flag):
            return (object as? NSNumber)?.boolValue == flag
        case .number(let text):
            guard let number = object as? NSNumber, let double = Double(text) else { return false }
            return number.doubleValue == double
        case .int, .double: return false  // the reader keeps a number's text
        case .string(let text): return (object as? String) == text
        case .array(let items):
            guard let array = object as? [Any], array.count == items.count else { return false }
            return zip(items, array).allSatisfy { same($0, $1) }
        case .object(let members):
            guard let dictionary = object as? [String: Any], dictionary.count == Set(members.map(\.key)).count else { return false }
            // Foundation keeps the last of a repeated key.
            var last: [String: JSONValue] = [:]
            for member in members { last[member.key] = member.value }
            return last.allSatisfy { key, value in dictionary[key].map { same(value, $0) } ?? false }
        }
    }

    /// A random Foundation JSON tree: strings from every plane, control
    /// characters, quotes and backslashes; integers and fractions.
    static func randomObject(_ generator: inout SeededGenerator, depth: Int = 0) -> Any {
        let pick = Int(generator.next() % (depth > 3 ? 5 : 7))
        switch pick {
        case 0: return NSNull()
        case 1: return generator.next() % 2 == 0
        case 2: return Int64(bitPattern: generator.next()) >> Int64(generator.next() % 63)
        case 3: return Double(Int64(bitPattern: generator.next()) % 1_000_000) / 1024
        case 4:
            let alphabet: [Character] = Array("a \"\\/\n\t\r\u{0}\u{1F}é漢🌟\u{7F}\u{2028}e\u{301}") + ["\u{10FFFF}"]
            return String((0..<Int(generator.next() % 12)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
        case 5: return (0..<Int(generator.next() % 4)).map { _ in randomObject(&generator, depth: depth + 1) }
        default:
            var object: [String: Any] = [:]
            for index in 0..<Int(generator.next() % 4) {
                object["k\(index)\u{1}\"\(generator.next() % 10)"] = randomObject(&generator, depth: depth + 1)
            }
            return object
        }
    }

    @Test("reads what Foundation writes, as Foundation reads it")
    func agreesWithFoundation() throws {
        var generator = SeededGenerator(seed: 7)
        for round in 0..<400 {
            let object = [Self.randomObject(&generator), Self.randomObject(&generator)] as [Any]
            let options: JSONSerialization.WritingOptions = round % 2 == 0 ? [.prettyPrinted, .fragmentsAllowed] : [.fragmentsAllowed]
            let data = try JSONSerialization.data(withJSONObject: object, options: options)
            let value = try Self.read([UInt8](data))
            let reread = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            #expect(Self.same(value, reread), "round \(round): \(String(decoding: data, as: UTF8.self))")
        }
    }

    @Test("escapes decode to the characters they name, surrogate pairs included")
    func escapes() throws {
        let text = #""\"\\\/\b\f\n\r\t\u0041\u00e9\u6f22\ud83c\udf1f\u0000""#
        #expect(try Self.read(text) == .string("\"\\/\u{8}\u{C}\n\r\tAé漢🌟\u{0}"))
        let reread = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        #expect(Self.same(try Self.read(text), reread))
    }

    @Test("a string or a document longer than the 64 KiB buffer reads whole, and lines still count")
    func acrossTheBuffer() throws {
        // Escapes and multi-byte characters land on and around the buffer's edge.
        let piece = String(repeating: "x", count: 65_530) + "\\n漢\\u00e9🌟" + String(repeating: "y", count: 70_000)
        let document = "[\n\"" + piece + "\",\n" + String(repeating: "1,\n", count: 30_000) + "tru]"
        let problem = try #require(Self.problem(document))
        #expect(problem.place == "line 30003", "the 'tru' after 2 + 30,000 lines")
        let value = try Self.read("[\"" + piece + "\"]")
        #expect(value == .array([.string(String(repeating: "x", count: 65_530) + "\n漢é🌟" + String(repeating: "y", count: 70_000))]))
    }

    @Test("each malformed document is one problem that names its line", arguments: [
        ("{\n\"a\": 1,\n\"b\": tru\n}", "line 3", "unexpected text where a JSON value should be"),
        ("[1, 2", "line 1", "the JSON ends early (is the file cut short?)"),
        ("{\"a\" 1}", "line 1", "expected ':' after a key but found '1'"),
        ("[1 2]", "line 1", "expected ',' or ']' but found '2'"),
        ("\"a\nb\"", "line 2", "a string has a raw control character or line break (is a quote missing?)"),
        (#""\x""#, "line 1", "'\\x' is not a JSON escape"),
        (#""\ud83c""#, "line 1", "a \\u escape is half of a surrogate pair"),
        (#""\ud83c\u0041""#, "line 1", "a \\u escape is half of a surrogate pair"),
        (#""\u12g4""#, "line 1", "a \\u escape needs four hex digits"),
        (#""\udc00""#, "line 1", "a \\u escape names no character"),
        ("1.2.3", "line 1", "'1.2.3' is not a number"),
        ("@", "line 1", "unexpected '@' where a JSON value should be"),
        ("", "line 1", "the JSON ends early (is the file cut short?)"),
    ])
    func malformed(_ text: String, _ place: String, _ message: String) throws {
        let problem = try #require(Self.problem(text))
        #expect(problem.place == place)
        #expect(problem.message == message)
    }

    @Test("a string that is not UTF-8 is refused")
    func invalidUTF8() throws {
        #expect(throws: ImportProblem(line: 1, "a string is not valid UTF-8")) { try Self.read([0x22, 0xC3, 0x28, 0x22]) }
    }

    @Test("nesting stops at the limit instead of exhausting the stack")
    func nesting() throws {
        let deepest = JSONStreamReader.maximumDepth
        #expect(throws: Never.self) {
            _ = try Self.read(String(repeating: "[", count: deepest) + String(repeating: "]", count: deepest))
        }
        let problem = try #require(Self.problem(String(repeating: "[", count: 100_000)))
        #expect(problem.message == "the JSON is nested too deeply")
    }
}
