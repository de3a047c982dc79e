/// Where the journal lives: `--db` wins, then `STARLOG_DB`, then
/// `$XDG_DATA_HOME/starlog/starlog.db`, then `~/.local/share/starlog/starlog.db`.
public enum JournalLocation {
    /// The journal path for this run.
    /// Environment variables are read through `variable`, and only when no
    /// flag is given.
    public static func resolve(flag: String?, variable: (String) -> String?) throws -> String {
        if let flag {
            guard !flag.isEmpty else { throw JournalError.journalFile(.emptyPath) }
            return flag
        }
        if let path = variable("STARLOG_DB"), !path.isEmpty { return path }
        if let data = variable("XDG_DATA_HOME"), data.hasPrefix("/") {
            return data + "/starlog/starlog.db"
        }
        guard let home = variable("HOME"), !home.isEmpty else {
            throw JournalError.journalFile(.noHome)
        }
        return home + "/.local/share/starlog/starlog.db"
    }
}
