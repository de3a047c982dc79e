import Foundation
import StarlogJournal
import StarlogStorage

/// A fresh journal in a temporary file, removed when the test ends.
final class TestJournal {
    /// One day, in seconds.
    static let day: Int64 = 86_400
    /// A fixed moment for clocks in tests: 2026-05-29T00:00:00Z.
    static let start: Int64 = 1_780_012_800

    let directory: URL
    let journal: Journal
    var path: String { journal.path }

    init(clock: JournalClock = .fixed(1_780_000_000)) throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("starlog-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        journal = try Journal.open(at: directory.appendingPathComponent("journal.db").path, clock: clock, busyTimeout: 200)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Adds a story with `title` and the given principles.
    @discardableResult
    func add(_ title: String, principles: [String] = [], configure: (inout StoryDraft) -> Void = { _ in }) throws -> Story {
        var draft = StoryDraft(title: title)
        draft.principles = principles
        configure(&draft)
        return try journal.stories.add(draft)
    }
}
