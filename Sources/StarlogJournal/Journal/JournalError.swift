import StarlogStorage

/// Everything that can go wrong for a user, with the one-line message they
/// see and the exit code listed in the README. No SQLite code or bound value ever
/// reaches the message.
public enum JournalError: Error, Equatable, Sendable {
    /// A flag or argument value is wrong (exit 64).
    case invalidInput(String)
    /// Input data could not be used: an import file, a `--raw` query (exit 65).
    case badData(String)
    /// The thing asked for does not exist, or the request cannot be met (exit 1).
    case failed(String)
    /// The journal file was refused and left untouched (exit 1).
    case refused(String)
    /// Another process held the journal's lock past the busy timeout (exit 75).
    case locked(path: String)
    /// Output could not be written: a full disk, an I/O error (exit 74).
    case outputFailed(String)
    /// No record of that kind has the id asked for (exit 1).
    case notFound(Record, id: Int64)
    /// A value `InputRules` refuses (exit 64).
    case invalid(Invalid)
    /// A practice attempt that cannot be recorded as given (exit 64).
    case attempt(AttemptProblem)
    /// The journal's path or file cannot be used (exit 64 for a path that
    /// cannot be worked out, else 1); the file is left as it was.
    case journalFile(FileProblem)

    /// Why the journal's path or file cannot be used.
    public enum FileProblem: Sendable, Equatable {
        /// An empty path was given.
        case emptyPath
        /// No path was given and HOME is not set.
        case noHome
        /// No journal at the path, and none may be made.
        case missing(String)
        /// A symbolic link to nothing, and where it points when that can be read.
        case danglingLink(String, target: String?)
        case folder(String)
        case notRegularFile(String)
        case emptyFile(String)
        /// Not an SQLite database, or a damaged one.
        case notSQLite(String)
        /// An SQLite database of another program.
        case notStarlog(String)
        /// A journal of an older schema in a file this process may not write.
        case needsUpgrade(String)
        /// A folder on the way to the journal that cannot be made, and why.
        case cannotCreateFolder(String, reason: String)
        /// A part of the journal's path that is not a folder.
        case notAFolder(String)
    }

    /// The question bank has no question for these principles (all, when
    /// empty) to practise (exit 1).
    case noQuestions([Principle])
    /// Text that names no principle, or several (exit 64).
    case principle(PrincipleIndex.Failure)
    /// An input that holds nothing to import (exit 65).
    case input(InputProblem)
    /// A problem at a place in an import file; nothing was imported (exit 65).
    indirect case importFailed(file: String, ImportProblem)
    /// A raw search query that the full-text search refused, and why (exit 65).
    case searchQuery(String)
    /// An output file that exists, written only when replacing is allowed (exit 1).
    case outputExists(String)
    /// Standard output could not be written, and why (exit 74).
    case standardOutput(reason: String)
    /// The journal, or a copy of it, is damaged or inconsistent (exit 1 and
    /// nothing changed); checking the journal says more.
    case damaged(Damage)

    /// Why an input file holds nothing to import.
    public enum InputProblem: Sendable, Equatable {
        /// The path is a folder.
        case folder(String)
        /// Neither a regular file nor a pipe: a device never ends.
        case notAFile(String)
        /// A CSV export, which starlog writes but does not read.
        case csv(String)
        /// Nothing in it reads as a story.
        case noStory(String)
        /// Text for one story that holds several.
        case severalStories(Int)
        /// Text for one story with no title and no text to make one from.
        case untitledText
    }

    /// What is damaged or inconsistent.
    public enum Damage: Sendable, Equatable {
        /// The journal file (named, or "the journal").
        case journal(String)
        /// Upgrading the journal to this schema version would break its links.
        case upgradeBreaksLinks(String, version: Int)
        /// Upgrading the journal to this schema version failed on what it
        /// holds (`kind`: SQLite's short name for the failure).
        case upgradeFailed(String, version: Int, kind: String)
        /// A principle (its id or slug) the drill chose is no longer in the journal.
        case principleVanished(String)
        /// A backup copy failed its integrity check (the check's answer) and
        /// was not written to the path.
        case backupCopy(check: String, path: String)
    }

    /// Why a practice attempt cannot be recorded.
    public enum AttemptProblem: Sendable, Equatable {
        /// A duration, in seconds, longer than a day.
        case durationOverADay(Int)
        /// Both a bank question and a question's text.
        case twoQuestions
        /// Neither a bank question nor a question's text.
        case noQuestion
        /// A principle given with a bank question, which has its own.
        case principleOfBankQuestion
        /// A question's text that is blank.
        case emptyQuestionText
        /// No principle given, and the story told (if any) does not have
        /// exactly one: `tags` are its principles' slugs, at most four.
        case whichPrinciple(storyID: Int64?, tags: [String])
    }

    /// The values `InputRules` refuses.
    public enum Invalid: Sendable, Equatable {
        /// A limit on how many results, below 1.
        case limit(Int)
        /// Backup stories per principle other than 0 or 1.
        case backups(Int)
        /// A new story with a blank title.
        case untitledStory
    }

    /// The kinds of record a user names by id.
    public enum Record: String, Sendable, CaseIterable {
        case story, question, interview
        case practiceAttempt = "practice attempt"
        case practiceSession = "practice session"
    }

    /// The kinds of failure, which the command line gives their exit codes.
    public enum Category: Sendable, Equatable {
        /// A value the user gave is wrong: a flag, an id, a name.
        case usage
        /// The data read is wrong: an import file, a framework file, a query.
        case data
        /// The command could not do what was asked: no such record, a
        /// refusal, a damaged journal.
        case failure
        /// The output could not be written: a full disk, an I/O error.
        case output
        /// Another process held the journal past the busy timeout.
        case busy
    }

    /// What kind of failure this is.
    public var category: Category {
        switch self {
        case .invalidInput, .invalid, .attempt, .principle: return .usage
        case .badData, .input, .importFailed, .searchQuery: return .data
        case .failed, .refused, .notFound, .noQuestions, .outputExists, .damaged: return .failure
        case .standardOutput: return .output
        case .journalFile(.emptyPath), .journalFile(.noHome): return .usage
        case .journalFile: return .failure
        case .outputFailed: return .output
        case .locked: return .busy
        }
    }

    /// What went wrong, in one line. The command line adds what to run
    /// next where it knows a command that helps.
    public var message: String {
        switch self {
        case .invalidInput(let text), .badData(let text), .failed(let text), .refused(let text), .outputFailed(let text):
            return text
        case .notFound(let record, let id):
            return "no \(record.rawValue) with id \(id)"
        case .invalid(.limit):
            return "a limit must be 1 or more"
        case .invalid(.backups(let backups)):
            return "backups are 0 or 1 (a second story per principle), not \(backups)"
        case .invalid(.untitledStory):
            return "a story needs a title"
        case .journalFile(let problem):
            switch problem {
            case .emptyPath: return "the journal's path is empty"
            case .noHome: return "cannot tell where the journal lives: HOME is not set"
            case .missing(let path): return "there is no journal at \(path)"
            case .danglingLink(let path, let target):
                return "\(path) is a symbolic link\(target.map { " to " + $0 } ?? ""), which does not exist"
            case .folder(let path): return "\(path) is a folder, not a journal file"
            case .notRegularFile(let path): return "\(path) is not a regular file"
            case .emptyFile(let path): return "\(path) is an empty file, not a journal"
            case .notSQLite(let path):
                return "\(path) is not a starlog journal (not an SQLite database, or a damaged one); it was left as it was"
            case .notStarlog(let path): return "\(path) is an SQLite database but not a starlog journal; it was left as it was"
            case .needsUpgrade(let path):
                return "\(path) was written by an older starlog and must be upgraded first, which needs write access"
            case .cannotCreateFolder(let path, let reason): return "cannot create the folder \(path): \(reason)"
            case .notAFolder(let path): return "\(path) is not a folder"
            }
        case .noQuestions(let scope):
            return scope.isEmpty ? "the question bank is empty"
                : "there are no questions for \(scope.map(\.name).joined(separator: ", "))"
        case .attempt(let problem):
            switch problem {
            case .durationOverADay(let duration): return "a duration of \(duration) seconds is longer than a day"
            case .twoQuestions: return "give either a bank question or a question's text, not both"
            case .noQuestion: return "an attempt needs a question: a bank question or a question's text"
            case .principleOfBankQuestion: return "a question from the bank already has its principle"
            case .emptyQuestionText: return "the question text is empty"
            case .whichPrinciple(nil, _): return "say which principle this answer was for"
            case .whichPrinciple(let story?, let tags) where tags.isEmpty:
                return "story #\(story) has no principles, so say which principle this answer was for"
            case .whichPrinciple(let story?, let tags):
                return "story #\(story) is tagged \(tags.joined(separator: ", ")); say which principle this answer was for"
            }
        case .locked(let path):
            return "the journal\(path.isEmpty ? "" : " " + path) is locked by another process; wait for it to finish (or close it) and try again"
        case .principle(let failure):
            return failure.message
        case .input(let problem):
            switch problem {
            case .folder(let path): return "\(path) is a folder"
            case .notAFile(let name): return "\(name) is not a regular file or a pipe (a device such as /dev/zero never ends)"
            case .csv(let name): return "\(name) is a CSV file, which starlog writes for spreadsheets but does not read"
            case .noStory(let name): return "\(name) holds no story starlog can read"
            case .severalStories(let count): return "the text holds \(count) stories"
            case .untitledText: return "the story has no title and no text"
            }
        case .importFailed(let file, let problem):
            return MessageText.join("\(file) \(problem.place): \(problem.cause?.message ?? problem.message)", "nothing was imported")
        case .searchQuery(let reason):
            return "invalid search query: \(reason)"
        case .outputExists(let path):
            return "\(path) already exists"
        case .standardOutput(let reason):
            return "cannot write the output: \(reason)"
        case .damaged(let damage):
            switch damage {
            case .journal(let place): return "\(place) is damaged or is not a starlog journal"
            case .upgradeBreaksLinks(let place, let version):
                return "upgrading \(place) to schema \(version) would break its links; nothing was changed"
            case .upgradeFailed(let place, let version, let kind):
                return "upgrading \(place) to schema \(version) failed on what it holds (\(kind)); nothing was changed"
            case .principleVanished(let id): return "principle \(id) vanished from the journal"
            case .backupCopy(let check, let path): return "the copy failed its integrity check (\(check)); \(path) was not written"
            }
        }
    }

    /// True for errors of the journal and storage layers, which `describing` explains.
    public static func recognizes(_ error: any Error) -> Bool {
        error is JournalError || error is SQLiteError || error is MigrationError || error is WriterLock.Failure
    }

    /// Turns any error from the storage or journal layers into one a user can act on.
    public static func describing(_ error: any Error, journalPath: String? = nil) -> JournalError {
        if let error = error as? JournalError { return error }
        let place = journalPath ?? "the journal"
        if let error = error as? MigrationError {
            switch error {
            case .newerSchema(let found, let known):
                return .refused("\(place) was written by a newer starlog (schema \(found), this one knows \(known)); upgrade starlog to open it. The file was not changed")
            case .foreignKeyViolation(let version):
                return .damaged(.upgradeBreaksLinks(place, version: version))
            case .failed(let version, let kind):
                return .damaged(.upgradeFailed(place, version: version, kind: kind))
            }
        }
        if let failure = error as? WriterLock.Failure {
            switch failure {
            case .busy:
                return .locked(path: journalPath ?? "")
            case .cannotOpenFolder:
                return .failed("cannot open \(place); check that its folder exists and is writable")
            case .cannotLockFolder:
                return .failed("reading or writing \(place) failed (\(failure)); nothing was saved. Check the disk and try again")
            }
        }
        if let error = error as? SQLiteError {
            if error.isBusy { return .locked(path: journalPath ?? "") }
            if error.isDamage {
                return .damaged(.journal(place))
            }
            switch error.extendedResultCode {
            case .SQLITE_READONLY:
                return .failed("\(place) is read-only here; check the file's permissions")
            case .SQLITE_FULL:
                return .outputFailed("the disk is full; nothing was saved. Free some space and try again")
            case .SQLITE_CANTOPEN:
                return .failed("cannot open \(place); check that its folder exists and is writable")
            case .SQLITE_IOERR:
                // A disk that failed or filled up under SQLite's own files (the WAL's index).
                return .outputFailed("reading or writing \(place) failed (\(error.kind)); nothing was saved. Check the disk and free some space, and try again")
            default:
                // SQLite's message may name the file's tables and values: the kind of failure only.
                return .failed(MessageText.join("\(place) could not be updated (\(error.kind))", "nothing was saved"))
            }
        }
        return .failed("\(error)")
    }
}
