/// Why a change to the question bank was refused. The journal says what was
/// wrong; the command line words it and picks the exit code.
public enum QuestionError: Error, Equatable, Sendable {
    /// The text is empty.
    case empty
    /// The text of a new question for this principle (its slug) is empty.
    case emptyFor(principle: String)
    /// The text is longer than `limit` characters.
    case tooLong(limit: Int, length: Int)
    /// Built-in questions belong to starlog: they can be hidden, not edited.
    case builtin(id: Int64)
    /// Only built-in questions are hidden; a user's own are removed instead.
    case notBuiltin(id: Int64)
    /// The principle has this text already, as question `id`.
    case duplicate(id: Int64)
}
