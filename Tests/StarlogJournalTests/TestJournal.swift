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

/// A journal file at schema `version`, made by the shipped migrations' own
/// SQL, as an earlier release left it; its folder is removed when this is
/// released.
final class OldJournal {
    let directory: URL
    let path: String

    init(schema version: Int) throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("starlog-schema\(version)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("old.db").path
        let database = try Database(path: path)
        try Migrator(migrations: Journal.migrator.migrations.filter { $0.version <= version }).migrate(database)
    }

    /// A connection to the file, to fill it as that release would have.
    func database() throws -> Database {
        try Database(path: path)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }
}
