/// Why a change to interviews was refused. The journal says what was wrong;
/// the command line words it and picks the exit code. Nothing is written
/// when one of these is thrown.
public enum InterviewError: Error, Equatable, Sendable {
    /// The journal has an interview at this company on this day already.
    case duplicate(id: Int64, company: String, date: String)
    /// The day has passed and the interview was not marked as past.
    case inThePast(date: String, today: String)
    /// An interview needs a company.
    case noCompany
    /// The company or the role is longer than `limit` characters.
    case companyOrRoleTooLong(limit: Int)
    /// A debrief needs the question that was asked.
    case emptyQuestion
    /// A rating is 1 to 5.
    case invalidRating(Int)
    /// A text is longer than `limit` characters.
    case tooLong(field: String, limit: Int)
    /// An edit that changes nothing.
    case nothingToChange
    /// No debrief entry with this id in the interview.
    case noDebrief(interview: Int64, entry: Int64)
}
