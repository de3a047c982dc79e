import StarlogStorage

/// What `starlog check` found.
public struct HealthReport: Sendable, Equatable {
    /// One problem, with what to do about it.
    public struct Problem: Sendable, Equatable {
        public let area: Area
        public let detail: String
        public let remedy: Remedy
    }

    /// The part of the journal a problem is in; the raw value is its name.
    public enum Area: String, Sendable {
        case database
        case links
        case searchIndex = "search index"
    }

    /// What fixes a problem; the command line words it.
    public enum Remedy: Sendable, Equatable {
        /// Restore a backup, or recover what SQLite can still read.
        case restoreOrRecover
        /// Report the problem: the stories themselves are intact.
        case report
        /// Rebuild the search index from the stories.
        case rebuildSearchIndex
    }

    public let problems: [Problem]
    public let stories: Int
    public let schemaVersion: Int

    public var isHealthy: Bool { problems.isEmpty }
}

/// Checks the database pages and the search index against the stories.
public struct HealthCheck {
    let database: Database

    public func run() throws -> HealthReport {
        var problems: [HealthReport.Problem] = []
        let integrity = try database.rows("PRAGMA integrity_check") { $0.text(0) }
        if integrity != ["ok"] {
            problems.append(.init(
                area: .database,
                detail: integrity.prefix(3).joined(separator: "; "),
                remedy: .restoreOrRecover))
        }
        let brokenLinks = try database.integer("SELECT count(*) FROM pragma_foreign_key_check") ?? 0
        if brokenLinks > 0 {
            problems.append(.init(
                area: .links, detail: "\(brokenLinks) rows point at missing stories or principles",
                remedy: .report))
        }
        do {
            // FTS5 runs its check as a write: on a read-only journal, run it
            // on a copy in memory.
            var checked = database
            if database.isReadOnly {
                checked = try Database(path: ":memory:")
                try database.copy(into: checked)
            }
            // With rank = 1 FTS5 also compares the index with the stories it indexes.
            try checked.run("INSERT INTO story_fts (story_fts, rank) VALUES ('integrity-check', 1)")
        } catch let error as SQLiteError where error.isDamage {
            problems.append(.init(
                area: .searchIndex, detail: "the search index does not match the stories",
                remedy: .rebuildSearchIndex))
        }
        let stories = Int(try database.integer("SELECT count(*) FROM story") ?? 0)
        return HealthReport(problems: problems, stories: stories, schemaVersion: try database.userVersion())
    }

    /// Rebuilds the search index from the stories.
    public func repairSearchIndex() throws {
        try database.transaction {
            try database.run("INSERT INTO story_fts (story_fts) VALUES ('rebuild')")
        }
    }
}

extension Journal {
    public var health: HealthCheck { context.health }
}

extension HealthReport {
    /// `ok`, `repaired` (null when no repair was asked for), `stories`,
    /// `schema_version` and the `problems`, each with its area, detail and
    /// remedy (as `wording` words it).
    public func json(repaired: Bool?, wording: (Remedy) -> String) -> JSONValue {
        .object([
            .init("ok", .bool(isHealthy)),
            .init("repaired", repaired.map(JSONValue.bool) ?? .null),
            .init("stories", .int(stories)),
            .init("schema_version", .int(schemaVersion)),
            .init("problems", .array(problems.map {
                .object([.init("area", .string($0.area.rawValue)), .init("detail", .string($0.detail)), .init("remedy", .string(wording($0.remedy)))])
            })),
        ])
    }
}
