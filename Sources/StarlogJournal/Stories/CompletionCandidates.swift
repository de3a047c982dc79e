#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StarlogStorage

/// What shell completion offers, read from a journal that is opened read-only:
/// completion never creates, migrates or writes a journal, and any failure
/// (no journal yet, not a journal, a lock held too long) means no candidates
/// rather than an error, since a completion must print nothing but candidates.
public struct CompletionCandidates {
    /// nil when there is no readable journal at the path.
    let database: Database?

    public init(path: String) {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0,
            access(path, R_OK) == 0
        else {
            database = nil
            return
        }
        database = try? Database(path: path, mode: .readOnly, busyTimeout: 200)
    }

    /// Story ids with their titles, newest first.
    public func stories() -> [(id: Int64, title: String)] {
        guard let database else { return [] }
        let rows = try? database.rows("SELECT id, title FROM story ORDER BY created_at DESC, id DESC LIMIT 500") {
            (id: $0.int64(0), title: $0.text(1))
        }
        return rows ?? []
    }

    /// Interview ids with `company day`, soonest first.
    public func interviews() -> [(id: Int64, label: String)] {
        guard let database else { return [] }
        let rows = try? database.rows("SELECT id, company, day FROM interview ORDER BY day, id") {
            (id: $0.int64(0), label: ($0.text(1)) + " " + ($0.text(2)))
        }
        return rows ?? []
    }

    /// Principle slugs with their names, in framework order. With no journal
    /// yet, the built-in principles, read from the schema built into the
    /// binary (an in-memory database: nothing is written to disk).
    public func principles() -> [(slug: String, name: String)] {
        let sql = "SELECT p.slug, p.name FROM principle p ORDER BY \(Principle.order)"
        if let database {
            return (try? database.rows(sql) { (slug: $0.text(0), name: $0.text(1)) }) ?? []
        }
        guard let memory = try? Database(path: ":memory:"), (try? Journal.migrator.migrate(memory)) != nil else { return [] }
        return (try? memory.rows(sql) { (slug: $0.text(0), name: $0.text(1)) }) ?? []
    }
}
