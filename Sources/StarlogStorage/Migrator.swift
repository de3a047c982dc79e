/// One schema change: the SQL that takes the schema from `version - 1` to `version`.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    public let sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }
}

/// Why a migration could not run.
public enum MigrationError: Error, Sendable, Equatable {
    /// The file records a schema version newer than any this program knows.
    case newerSchema(found: Int, known: Int)
    /// A migration left rows that break a foreign key.
    case foreignKeyViolation(version: Int)
    /// A migration's SQL failed on what the file holds (a constraint, a
    /// clash of names); `kind` is SQLite's short name for the failure.
    case failed(version: Int, kind: String)
}

/// Applies migrations in order and records the version reached in
/// `PRAGMA user_version`. Pending migrations run together in one
/// `BEGIN IMMEDIATE` transaction, each followed by its version, so a journal
/// is either fully migrated or left as it was.
public struct Migrator: Sendable {
    public let migrations: [Migration]

    public init(migrations: [Migration]) {
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    /// The version the last migration leads to.
    public var latestVersion: Int { migrations.last?.version ?? 0 }

    /// Checks the database's version without changing anything.
    public func checkVersion(of database: Database) throws -> Int {
        let found = try database.userVersion()
        if found > latestVersion { throw MigrationError.newerSchema(found: found, known: latestVersion) }
        return found
    }

    /// Brings the database up to `latestVersion`. Returns the versions it
    /// moved between (equal when nothing was pending).
    ///
    /// Foreign keys are switched off around the transaction (the pragma
    /// does nothing inside one), so a migration that rebuilds a table
    /// (create the new one, copy, drop the old, rename) does not cascade
    /// the drop into the rows that reference it. Before the commit
    /// `foreign_key_check` must find no broken link; then foreign keys are
    /// switched back on. This is the order SQLite's documentation gives for
    /// schema changes (lang_altertable.html, "other kinds of table schema
    /// changes").
    @discardableResult
    public func migrate(_ database: Database) throws -> (from: Int, to: Int) {
        let before = try checkVersion(of: database)
        if before == latestVersion { return (before, before) }
        let enforced = try database.integer("PRAGMA foreign_keys") == 1
        try database.execute("PRAGMA foreign_keys = OFF")
        defer { if enforced { try? database.execute("PRAGMA foreign_keys = ON") } }
        return try database.transaction(.immediate) {
            // Another process may have migrated while this one waited for the lock.
            let current = try checkVersion(of: database)
            for migration in migrations where migration.version > current {
                do {
                    try database.execute(migration.sql)
                } catch let error as SQLiteError where [.SQLITE_CONSTRAINT, .SQLITE_ERROR, .SQLITE_MISMATCH].contains(error.resultCode) {
                    // Not the disk or a lock: the data this migration met.
                    throw MigrationError.failed(version: migration.version, kind: error.kind)
                }
                let violations = try database.integer("SELECT count(*) FROM pragma_foreign_key_check") ?? 0
                guard violations == 0 else { throw MigrationError.foreignKeyViolation(version: migration.version) }
                // The version is an integer the program owns, not user input.
                try database.execute("PRAGMA user_version = \(migration.version)")
            }
            return (current, latestVersion)
        }
    }
}
