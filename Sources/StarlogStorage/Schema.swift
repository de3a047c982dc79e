extension Database {
    /// True when the database has a table named `table`.
    public func tableExists(_ table: String) throws -> Bool {
        try integer("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?", [table]) != 0
    }

    /// The column names of `table`, in order; none when there is no such table.
    public func columns(of table: String) throws -> [String] {
        try rows("SELECT name FROM pragma_table_info(?) ORDER BY cid", [table]) { $0.text(0) }
    }
}

extension String {
    /// The string as an SQL identifier: in double quotes, each `"` doubled.
    /// For table and column names the program owns or read from the
    /// schema; values are always bound parameters instead.
    public var quotedDatabaseIdentifier: String {
        // By scalar: a `"` with a combining mark after it is still a quote to SQLite.
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in unicodeScalars {
            quoted.append(scalar)
            if scalar == "\"" { quoted.append("\"") }
        }
        quoted.append("\"")
        return String(quoted)
    }
}
