import StarlogJournal

/// Errors of the journal as the command line words them: the journal's
/// message, and for the kinds that a command helps with, that command.
enum ErrorView {
    /// The line a user sees for `error` (after `starlog: error: `).
    static func message(_ error: JournalError) -> String {
        switch error {
        case .notFound(let record, _):
            return error.message + "; " + listing(record)
        case .invalid(.limit):
            return "--limit must be 1 or more"
        case .invalid(.backups(let backups)):
            return "--backup is 0 or 1, not \(backups)"
        case .invalid(.untitledStory):
            return "a story needs a title; pass --title \"...\""
        default:
            return error.message
        }
    }

    /// Where the ids of `record` are shown.
    static func listing(_ record: JournalError.Record) -> String {
        switch record {
        case .story: return "run `starlog list` to see the ids"
        case .question: return "run `starlog questions` to see the ids"
        case .interview: return "run `starlog interview list` to see them"
        case .practiceAttempt: return "run `starlog practice history` to see them"
        case .practiceSession: return "run `starlog practice history` to see the sessions"
        }
    }
}
