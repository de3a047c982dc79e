import Foundation
import PropertyBased
import StarlogJournal
import Testing

/// Random damage to a valid import file: flipped, dropped and inserted
/// bytes, a cut-off end, hostile fragments.
enum Mutation {
    static let fragments: [String] = [
        "\"", "{", "}", "[", "]", ",", ":", "null", "true", "-1", "1e999", "\\", "\\u0000", "\u{0}", "\n", "---", "**Situation:**",
        "## 11. Earn Trust", "principles: [nope]", "outcome: win", "when: 2024-13", "\"id\": \"x\"", "🌟", "\u{FEFF}",
    ]

    static func apply(_ text: String, seed: UInt64) -> String {
        var generator = SeededGenerator(seed: seed)
        var bytes = Array(text.utf8)
        let edits = 1 + Int(generator.next() % 4)
        for _ in 0..<edits where !bytes.isEmpty {
            let at = Int(generator.next() % UInt64(bytes.count))
            switch generator.next() % 5 {
            case 0: bytes[at] = UInt8(truncatingIfNeeded: generator.next())
            case 1: bytes.removeSubrange(at..<min(bytes.count, at + 1 + Int(generator.next() % 40)))
            case 2: bytes.insert(contentsOf: Array(fragments[Int(generator.next() % UInt64(fragments.count))].utf8), at: at)
            case 3: bytes.removeSubrange(at..<bytes.count)
            default: bytes.swapAt(at, Int(generator.next() % UInt64(bytes.count)))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

@Suite("Import of damaged files")
struct ImportMutationTests {
    /// A journal with every kind of record, exported as JSON and Markdown.
    static func exports() throws -> (json: String, markdown: String, folder: URL) {
        let source = try TestJournal()
        for draft in SampleStories.all { try source.journal.stories.add(draft) }
        let folder = source.directory.deletingLastPathComponent().appendingPathComponent("starlog-mutation-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var texts: [String] = []
        for format in [ExportFormat.json, .markdown] {
            let path = folder.appendingPathComponent("export.\(format.rawValue)").path
            let sink = try ExportSink.file(at: path)
            _ = try source.journal.export(format, to: sink)
            try sink.commit()
            texts.append(try String(contentsOfFile: path, encoding: .utf8))
        }
        return (texts[0], texts[1], folder)
    }

    @Test("mutated JSON and Markdown files never crash, and a rejected one changes nothing", arguments: [ImportFormat.json, .markdown])
    func mutations(_ format: ImportFormat) async throws {
        let (json, markdown, folder) = try Self.exports()
        let original = format == .json ? json : markdown
        let target = try TestJournal()
        try target.add("Already here", principles: ["11"]) { $0.action = "existing words" }
        let file = folder.appendingPathComponent("mutated").path
        var rejected = 0, accepted = 0
        await propertyCheck(count: 150, input: Gen<UInt64>.value(in: 0...UInt64.max)) { seed in
            let text = Mutation.apply(original, seed: seed)
            _ = FileManager.default.createFile(atPath: file, contents: Data(text.utf8))
            let before = FileManager.default.contents(atPath: target.path)
            let storiesBefore = (try? target.journal.stories.count()) ?? -1
            do {
                _ = try target.journal.importStories(from: file, format: format)
                accepted += 1
            } catch let error as JournalError {
                rejected += 1
                #expect([.usage, .data].contains(error.category), "\(error)")
                #expect((try? target.journal.stories.count()) == storiesBefore)
                #expect(FileManager.default.contents(atPath: target.path) == before, "a rejected import must leave the file byte-identical")
            } catch {
                Issue.record("seed \(seed): not a JournalError: \(error)")
            }
        }
        print("mutations \(format): \(rejected) rejected, \(accepted) accepted")
        #expect(rejected + accepted == 150)
        #expect(rejected > 0, "the mutations should break some files")
        #expect(try target.journal.health.run().isHealthy)
    }
}
