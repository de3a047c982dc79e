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
        case .journalFile(let problem):
            return journalFile(problem, message: error.message)
        case .principle(let failure):
            return principle(failure, message: error.message)
        case .input(let problem):
            return input(problem, message: error.message)
        case .importFailed(let file, let problem):
            return MessageText.join("\(file) \(problem.place): \(problem.cause.map(message) ?? problem.message)", "nothing was imported")
        case .searchQuery:
            return MessageText.join(error.message, "drop --raw to search for the words as typed")
        case .outputExists:
            return error.message + "; pass --force to replace it, or choose another file"
        case .standardOutput:
            return error.message + "; free some space or write elsewhere (--output FILE), and try again"
        case .damaged(let damage):
            return damaged(damage, message: error.message)
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

    /// A journal path or file that cannot be used, and what to pass instead.
    static func journalFile(_ problem: JournalError.FileProblem, message: String) -> String {
        switch problem {
        case .emptyPath: return "--db needs a file path"
        case .noHome: return message + "; pass --db PATH or set STARLOG_DB"
        case .missing(let path):
            return message + "; create one with `starlog init --db \(path)` (or add a story with `starlog add`), or pass the --db of an existing journal"
        case .danglingLink: return message + "; fix or remove the link, or pass another --db"
        case .folder(let path): return message + "; pass --db with a file path such as \(path)/starlog.db"
        case .notRegularFile: return message + "; pass --db with a journal file's path"
        case .emptyFile: return message + "; delete it (starlog will create a new journal there) or pass another --db"
        case .notSQLite: return message + ". Pass --db with your journal's path, or restore a backup"
        case .notStarlog: return message + ". Pass --db with your journal's path"
        case .needsUpgrade(let path): return message + "; run `starlog init --db \(path)` where the file can be written"
        case .cannotCreateFolder: return message + "; create it or pass another --db"
        case .notAFolder: return message + "; pass another --db"
        }
    }

    /// A principle that names none, and the command that lists them.
    static func principle(_ failure: PrincipleIndex.Failure, message: String) -> String {
        switch failure {
        case .empty:
            return message + "; run `starlog principles` to see them"
        case .noNumber(_, let framework, let count):
            return count == 0
                ? message + "; run `starlog principles --framework \(framework)` to see them"
                : message + " (run `starlog principles --framework \(framework)`)"
        case .unknown(_, let suggestion):
            return suggestion == nil ? message + "; run `starlog principles` to see them" : message
        case .ambiguous:
            return message
        case .unknownFramework(let text, let suggestion):
            let hint = suggestion.map { "did you mean '\($0)'? " } ?? ""
            return "there is no framework \(Excerpt.quoted(text)); \(hint)run `starlog framework` to see them"
        }
    }

    /// An input with nothing to import, and what to give instead.
    static func input(_ problem: JournalError.InputProblem, message: String) -> String {
        switch problem {
        case .folder: return message + "; pass a .json or .md file"
        case .notAFile: return message + "; pass a file, or a pipe with -"
        case .csv: return message + "; import a `starlog export --format json` file instead; nothing was imported"
        case .noStory:
            return message + ": expected a `starlog export` JSON file, or Markdown with a heading naming a principle followed by **Situation:**, **Task:**, **Action:**, **Result:** fields; nothing was imported"
        case .severalStories: return message + "; `starlog import FILE` adds several at once"
        case .untitledText: return message + "; fill in `title:` or **Situation:**"
        }
    }

    /// Damage, and that `check` says more.
    static func damaged(_ damage: JournalError.Damage, message: String) -> String {
        switch damage {
        case .journal: return message + "; run `starlog check` for details, or restore a backup"
        case .upgradeBreaksLinks, .upgradeFailed:
            return message + ". Keep using the starlog that wrote it, run `starlog check`, and report the problem"
        case .principleVanished: return message + "; run `starlog check`"
        case .backupCopy: return message + ". Run `starlog check`"
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
