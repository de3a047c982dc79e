/// How a story's fields are read from the text of a file, whichever form
/// carries it (a Markdown note's front matter or a JSON dump): one rule and
/// one message for each field, naming the place in the file. Blank text
/// (spaces alone) is a field not given.
enum StoryFieldText {
    /// A positive whole number: a story's id, an attempt's rating.
    static func id(_ text: String, key: String, at place: String) throws(ImportProblem) -> Int64? {
        let trimmed = text.trimmed
        guard !trimmed.isEmpty else { return nil }
        guard let value = Int64(trimmed), value > 0 else {
            throw ImportProblem(place: place, message: "'\(key)' must be a positive whole number, not \(Excerpt.quoted(text))")
        }
        return value
    }

    /// success, failure or mixed, in any case.
    static func outcome(_ text: String, at place: String) throws(ImportProblem) -> Outcome? {
        let trimmed = text.trimmed
        guard !trimmed.isEmpty else { return nil }
        guard let outcome = Outcome(rawValue: trimmed.lowercased()) else {
            throw ImportProblem(place: place, message: "\(Excerpt.quoted(text)) is not an outcome; use success, failure or mixed")
        }
        return outcome
    }

    /// When it happened: a year, a month or a day.
    static func when(_ text: String, at place: String) throws(ImportProblem) -> StoryDate? {
        let trimmed = text.trimmed
        guard !trimmed.isEmpty else { return nil }
        guard let date = StoryDate(trimmed) else {
            throw ImportProblem(place: place, message: "'when' must be YYYY, YYYY-MM or YYYY-MM-DD, not \(Excerpt.quoted(text))")
        }
        return date
    }

    /// A stored UTC time such as `2024-03-01T09:30:00Z`.
    static func timestamp(_ text: String, key: String, at place: String) throws(ImportProblem) -> String? {
        let trimmed = text.trimmed
        guard !trimmed.isEmpty else { return nil }
        guard Timestamp.parse(trimmed) != nil else {
            throw ImportProblem(place: place, message: "'\(key)' must be a UTC time such as 2024-03-01T09:30:00Z, not \(Excerpt.quoted(text))")
        }
        return trimmed
    }
}
