import Foundation
import StarlogStorage
import Testing

@Suite("Row iteration and the statement cache")
struct RowIterationTests {
    @Test("forEach visits every row in order with its bound values, and runs again afterwards")
    func forEachVisitsRows() throws {
        let (db, _) = try temporaryDatabase()
        try db.execute("CREATE TABLE t (a INTEGER, b TEXT)")
        for number in 1...5 { try db.run("INSERT INTO t VALUES (?, ?)", [number, "row \(number)"]) }
        var seen: [String] = []
        try db.forEach("SELECT a, b FROM t WHERE a >= ? ORDER BY a", [3]) { row in
            seen.append("\(row.int(0)):\(row.text(1))")
        }
        #expect(seen == ["3:row 3", "4:row 4", "5:row 5"])
        var count = 0
        try db.forEach("SELECT a FROM t WHERE a >= ? ORDER BY a", [5]) { _ in count += 1 }
        #expect(count == 1)
    }

    @Test("an error thrown by the body stops the loop and leaves the statement reusable")
    func forEachStopsOnError() throws {
        let (db, _) = try temporaryDatabase()
        try db.execute("CREATE TABLE t (a INTEGER)")
        for number in 1...3 { try db.run("INSERT INTO t VALUES (?)", [number]) }
        struct Stop: Error {}
        let statement = try db.cached("SELECT a FROM t ORDER BY a")
        var seen: [Int] = []
        #expect(throws: Stop.self) {
            try statement.forEach { row in
                seen.append(row.int(0))
                if row.int(0) == 2 { throw Stop() }
            }
        }
        #expect(seen == [1, 2])
        #expect(try statement.rows { $0.int(0) } == [1, 2, 3], "reset: the next run starts from the first row")
    }

    @Test("a loop may run the same SQL inside itself: forEach prepares its own statement")
    func nestedSameSQL() throws {
        let (db, _) = try temporaryDatabase()
        try db.execute("CREATE TABLE t (a INTEGER)")
        for number in 1...3 { try db.run("INSERT INTO t VALUES (?)", [number]) }
        var pairs = 0
        try db.forEach("SELECT a FROM t") { _ in
            try db.forEach("SELECT a FROM t") { _ in pairs += 1 }
        }
        #expect(pairs == 9)
    }

    /// The statements a connection prepares while `body` runs.
    func prepared(_ body: (Database) throws -> Void) throws -> [String] {
        final class Seen { var sql: [String] = [] }
        let seen = Seen()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("starlog-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try Database(path: folder.appendingPathComponent("test.db").path,
                              configuration: Configuration(prepareObserver: { seen.sql.append($0) }))
        try db.execute("CREATE TABLE t (a INTEGER)")
        try body(db)
        return seen.sql
    }

    @Test("only statements asked for with `cached` stay cached")
    func cacheIsOptIn() throws {
        let plain = try prepared { db in
            for number in 1...3 { try db.run("INSERT INTO t VALUES (?)", [number]) }
            for _ in 1...2 { _ = try db.integer("SELECT count(*) FROM t") }
        }
        #expect(plain.filter { $0 == "INSERT INTO t VALUES (?)" }.count == 3, "run prepares each time")
        #expect(plain.filter { $0 == "SELECT count(*) FROM t" }.count == 2, "integer prepares each time")

        let cached = try prepared { db in
            for number in 1...3 { try db.cached("INSERT INTO t VALUES (?)").execute([number]) }
            #expect(try db.cached("SELECT count(*) FROM t").integer() == 3)
            #expect(try db.cached("SELECT count(*) FROM t").integer() == 3)
        }
        #expect(cached.filter { $0 == "INSERT INTO t VALUES (?)" }.count == 1, "cached prepares once")
        #expect(cached.filter { $0 == "SELECT count(*) FROM t" }.count == 1)
    }
}
