import Foundation
import StarlogStorage
import Testing

@Suite("Writer lock")
struct WriterLockTests {
    func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("starlog-lock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("a second holder of the folder lock waits, then fails with `busy`; the first can re-enter")
    func busyAndReentrant() throws {
        let path = try folder().appendingPathComponent("journal.db").path
        // Two locks are two open descriptors: flock makes them exclude each other.
        let first = try WriterLock(databasePath: path)
        let second = try WriterLock(databasePath: path)
        try first.acquire(timeout: 0)
        try first.acquire(timeout: 0)
        #expect(throws: WriterLock.Failure.busy) { try second.acquire(timeout: 20) }
        first.release()
        #expect(throws: WriterLock.Failure.busy, "still held once") { try second.acquire(timeout: 0) }
        first.release()
        try second.acquire(timeout: 0)
        second.release()
    }

    @Test("acquire and release from many threads keep the count straight")
    func threads() throws {
        let path = try folder().appendingPathComponent("journal.db").path
        let lock = try WriterLock(databasePath: path)
        try lock.acquire(timeout: 0)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<200 {
                try? lock.acquire(timeout: 0)
                lock.release()
            }
        }
        let other = try WriterLock(databasePath: path)
        #expect(throws: WriterLock.Failure.busy, "the outer acquire still holds it") { try other.acquire(timeout: 0) }
        lock.release()
        try other.acquire(timeout: 0)
        other.release()
    }

    @Test("a missing folder is reported as the folder, not as the database file")
    func missingFolder() throws {
        let path = try folder().appendingPathComponent("gone/journal.db").path
        let failure = #expect(throws: WriterLock.Failure.self) { _ = try WriterLock(databasePath: path) }
        guard case .cannotOpenFolder(let folder, _)? = failure else {
            Issue.record("expected cannotOpenFolder, got \(String(describing: failure))")
            return
        }
        #expect(path.hasPrefix(folder) && folder.hasSuffix("/gone"))
        #expect(failure?.description.contains("cannot open the folder") == true)
    }
}
