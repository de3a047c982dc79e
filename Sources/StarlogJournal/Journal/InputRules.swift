/// Rules for values a user gives, defined once: the command line checks
/// them before it opens the journal, and the journal again for every caller.
public enum InputRules {
    /// A limit on how many results to show: none, or 1 or more.
    public static func checkLimit(_ limit: Int?) throws(JournalError) {
        if let limit, limit < 1 { throw .invalid(.limit(limit)) }
    }

    /// Backup stories per principle in a plan: 0 or 1.
    public static func checkBackups(_ backups: Int) throws(JournalError) {
        guard (0...1).contains(backups) else { throw .invalid(.backups(backups)) }
    }

    /// A new story's title, trimmed; it cannot be blank.
    public static func storyTitle(_ title: String) throws(JournalError) -> String {
        let trimmed = title.trimmed
        guard !trimmed.isEmpty else { throw .invalid(.untitledStory) }
        return trimmed
    }
}
