/// Why a change to frameworks or their principles was refused. The journal
/// says what was wrong; the command line words it and picks the exit code.
/// Nothing is written when one of these is thrown.
public enum FrameworkError: Error, Equatable, Sendable {
    /// No framework has this slug (or name); the nearest one, when any is near.
    case unknownFramework(String, suggestion: String?)
    /// A framework with this slug exists already.
    case frameworkExists(String)
    /// A slug must be lower-case letters, digits and hyphens.
    case invalidSlug(String)
    /// A name (of a framework or a principle) is empty.
    case emptyName
    /// A text is longer than `limit` characters.
    case tooLong(field: Field, limit: Int)
    /// An as-of date is not a calendar day.
    case invalidDate(String)
    /// A principle number is not a positive whole number.
    case invalidNumber(Int)
    /// The built-in frameworks and their principles belong to starlog.
    case builtinFramework(String)
    case builtinPrinciple(slug: String)
    /// Stories are tagged with the framework's (or principle's) principles.
    case frameworkInUse(String, stories: Int)
    case principleInUse(slug: String, stories: Int)
    /// Interviews test this framework.
    case frameworkHasInterviews(String, interviews: [Int64])
    /// Interviews name this principle (of a framework being removed) in
    /// their list; removing it would widen them to their whole framework.
    case principleInInterviews(slug: String, interviews: [Int64])
    /// Another principle of the framework has this number.
    case numberTaken(framework: String, number: Int, by: Principle)
    /// Another principle of the framework has this name.
    case nameTaken(framework: String, name: String, by: Principle)
    /// Another principle (of any framework) has this slug.
    case slugTaken(String, by: Principle)
    /// A change that changes nothing.
    case nothingToChange

    /// The field a `tooLong` names.
    public enum Field: String, Sendable {
        case name, summary, source, slug
    }
}
