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
        case .attempt(let problem):
            return attempt(problem)
        case .noQuestions(let scope):
            return error.message + (scope.first.map { "; add one with `starlog questions add --principle \($0.slug) \"...\"`" }
                ?? "; add a question with `starlog questions add --principle P \"...\"`")
        default:
            return error.message
        }
    }

    /// Why `practice log` cannot record an attempt, and which flags help.
    static func attempt(_ problem: JournalError.AttemptProblem) -> String {
        switch problem {
        case .durationOverADay(let duration):
            return "a duration of \(duration) seconds is longer than a day; give it in seconds, for example --duration 150"
        case .twoQuestions:
            return "give either --question ID or --question-text, not both"
        case .noQuestion:
            return "an attempt needs a question: pass --question ID (see `starlog questions`) or --question-text \"...\""
        case .principleOfBankQuestion:
            return "--principle goes with --question-text; a question from the bank already has its principle"
        case .emptyQuestionText:
            return "the question text is empty; pass --question-text \"...\" or --question ID"
        case .whichPrinciple(nil, _):
            return "say which principle this answer was for: pass --principle P (slug, name or number), or --question ID from the bank"
        case .whichPrinciple(let story?, let tags) where tags.isEmpty:
            return "story #\(story) has no principles, so say which principle this answer was for: pass --principle P"
        case .whichPrinciple(let story?, let tags):
            let names = tags.prefix(3).joined(separator: ", ") + (tags.count > 3 ? ", ..." : "")
            return "story #\(story) is tagged \(names); say which principle this answer was for with --principle P"
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
