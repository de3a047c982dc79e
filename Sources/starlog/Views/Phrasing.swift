import StarlogJournal

/// The words and exit codes of the journal's structured errors: the journal
/// says what was wrong, the command line says it to the user.
enum Phrasing {
    /// The one-line message and exit code for `error`, when it is one of the
    /// structured errors phrased here.
    static func phrase(_ error: any Error) -> JournalError? {
        if let error = error as? FrameworkError { return phrase(error) }
        if let error = error as? InterviewError { return phrase(error) }
        if let error = error as? QuestionError { return phrase(error) }
        if let error = error as? FrameworkFile.Problem { return phrase(error) }
        return nil
    }

    /// A framework file that cannot be read: exit 65, with the line when known.
    static func phrase(_ problem: FrameworkFile.Problem) -> JournalError {
        let at = problem.line.map { "line \($0): " } ?? ""
        let fix: String
        switch problem.kind {
        case .notYAML(let detail):
            fix = "the framework file is not valid YAML (\(detail)); check its indentation and quotes"
        case .notMapping(let place):
            fix = "\(place) must be `key: value` lines (name, slug, principles, ...)"
        case .missing(let key, let place):
            fix = "\(place) has no '\(key)'; add `\(key): ...`"
        case .wrongType(let key, let place, let expected):
            fix = "'\(key)' in \(place) must be \(expected)"
        case .unknownKey(let key, let place):
            fix = "\(place) has an unknown key \(Excerpt.quoted(key)); the keys are name, slug, source, as_of, principles, and for each principle number, name, slug, summary, questions"
        case .invalidSlug(let slug, let place):
            fix = "\(Excerpt.quoted(slug)) in \(place) is not a slug; use lower-case letters, digits and hyphens"
        case .invalidDate(let text):
            fix = "as_of \(Excerpt.quoted(text)) is not a day; write it as YYYY-MM-DD"
        case .invalidNumber(let number, let place):
            fix = "number \(number) in \(place) is not a principle number; numbers run from 1 to \(FrameworkRepository.maximumNumber)"
        case .duplicateNumber(let number):
            fix = "two principles have number \(number); give each its own"
        case .duplicateName(let name):
            fix = "two principles are named \(Excerpt.quoted(name)); give each its own name"
        case .noPrinciples:
            fix = "the framework file has no principles; add a `principles:` list"
        case .tooMany(let what, let place, let limit):
            fix = "\(place) lists more than \(limit) \(what); split it up or shorten the list"
        case .questionTooLong(let place, let limit):
            fix = "a question of \(place) is longer than \(limit) characters; shorten it"
        case .refused(let error, let place):
            fix = refusal(error, at: place)
        }
        return .badData(at + fix + "; nothing was imported")
    }

    /// A framework file's value that the journal refuses, said for the
    /// file: what to change in it, not which flag to pass.
    static func refusal(_ error: FrameworkError, at place: String) -> String {
        switch error {
        case .frameworkExists(let slug):
            return "the journal has a framework '\(slug)' already; give the file another `slug:` (`starlog framework` lists those taken)"
        case .slugTaken(let slug, let holder):
            return "the slug '\(slug)' of \(place) belongs to \(Excerpt.quoted(holder.name)) (\(holder.framework)); give it another `slug:`"
        case .nameTaken(let framework, let name, let holder):
            return "'\(framework)' has a principle named \(Excerpt.quoted(name)) already ('\(holder.slug)'); rename \(place)"
        case .numberTaken(let framework, let number, let holder):
            return "number \(number) of '\(framework)' is \(holder.name) ('\(holder.slug)'); give \(place) another `number:`"
        case .tooLong(let field, let limit):
            return "the \(field.rawValue) of \(place) can be at most \(limit) characters; shorten it"
        case .emptyName:
            return "\(place) has an empty 'name'; give it one"
        case .invalidSlug(let text):
            return "\(Excerpt.quoted(text)) in \(place) is not a name or slug starlog can use: not only digits, and a slug in lower-case letters, digits and hyphens"
        default:
            return "\(place): " + phrase(error).message
        }
    }

    static func phrase(_ error: QuestionError) -> JournalError {
        switch error {
        case .empty:
            return .invalidInput("a question cannot be empty; pass its text in quotes")
        case .emptyFor(let principle):
            return .invalidInput("a question cannot be empty; pass its text, for example: starlog questions add --principle \(principle) \"Tell me about...\"")
        case .tooLong(let limit, let length):
            return .invalidInput("a question can be at most \(limit) characters; this one has \(length)")
        case .builtin(let id):
            return .failed("question \(id) is built in and cannot be changed; hide it with `starlog questions hide \(id)` and add your own wording with `starlog questions add`")
        case .notBuiltin(let id):
            return .failed("question \(id) is one of yours; edit it with `starlog questions edit \(id) \"...\"` or remove it with `starlog questions rm \(id)`")
        case .duplicate(let id):
            return .failed("that question is already in the bank as #\(id) under the same principle")
        }
    }

    static func phrase(_ error: FrameworkError) -> JournalError {
        switch error {
        case .unknownFramework(let text, let suggestion):
            let hint = suggestion.map { "did you mean '\($0)'? " } ?? ""
            return .invalidInput("there is no framework \(Excerpt.quoted(text)); \(hint)run `starlog framework` to see them, or add one with `starlog framework add SLUG --name NAME`")
        case .frameworkExists(let slug):
            return .failed("a framework '\(slug)' exists already; pick another slug, or see it with `starlog principles --framework \(slug)`")
        case .invalidSlug(let text):
            return .invalidInput("\(Excerpt.quoted(text)) is not a slug; use lower-case letters, digits and hyphens (for example acme or acme-values), not only digits")
        case .emptyName:
            return .invalidInput("a name cannot be empty; pass --name \"...\"")
        case .tooLong(let field, let limit):
            return .invalidInput("the \(field.rawValue) can be at most \(limit) characters; shorten it")
        case .invalidDate(let text):
            return .invalidInput("\(Excerpt.quoted(text)) is not a day; write --as-of as YYYY-MM-DD (for example 2026-03-01)")
        case .invalidNumber(let number):
            return .invalidInput("\(number) is not a principle number; numbers run from 1 to \(FrameworkRepository.maximumNumber)")
        case .builtinFramework(let slug):
            return .failed("'\(slug)' is built in and cannot be removed or changed; only frameworks you added can be")
        case .builtinPrinciple(let slug):
            return .failed("'\(slug)' is a built-in principle and cannot be removed or changed; only principles you added can be")
        case .frameworkInUse(let slug, let stories):
            return .failed("\(stories) \(stories == 1 ? "story is" : "stories are") tagged with principles of '\(slug)'; untag them first, or pass --force to remove the framework and those tags")
        case .principleInUse(let slug, let stories):
            return .failed("\(stories) \(stories == 1 ? "story is" : "stories are") tagged with '\(slug)'; untag them first, or pass --force to remove the principle and its tags")
        case .frameworkHasInterviews(let slug, let interviews):
            let ids = interviews.map { "#\($0)" }.joined(separator: ", ")
            return .failed("interview \(ids) \(interviews.count == 1 ? "tests" : "test") '\(slug)'; change \(interviews.count == 1 ? "its" : "their") framework with `starlog interview edit ID --framework F` or remove \(interviews.count == 1 ? "it" : "them") first")
        case .principleInInterviews(let slug, let interviews):
            let ids = interviews.map { "#\($0)" }.joined(separator: ", ")
            let one = interviews.count == 1
            return .failed("interview \(ids) \(one ? "names" : "name") '\(slug)'; drop it from \(one ? "its" : "their") principles with `starlog interview edit ID --principle P ...`, or remove \(one ? "that interview" : "those interviews") first")
        case .numberTaken(let framework, let number, let holder):
            return .failed("number \(number) of '\(framework)' is \(holder.name) ('\(holder.slug)'); pick another --number, or leave it out for the next free one")
        case .nameTaken(let framework, let name, let holder):
            return .failed("'\(framework)' has a principle named \(Excerpt.quoted(name)) already ('\(holder.slug)'); pick another name")
        case .slugTaken(let slug, let holder):
            return .failed("the slug '\(slug)' belongs to \(holder.name) (\(holder.framework)); pick another --slug")
        case .nothingToChange:
            return .invalidInput("nothing to change; pass --name, --summary or --number")
        }
    }

    static func phrase(_ error: InterviewError) -> JournalError {
        switch error {
        case .duplicate(let id, let company, let date):
            return .failed("interview #\(id) is already at \(Excerpt.quoted(company)) on \(date); change it with `starlog interview edit \(id)` instead of adding it again")
        case .inThePast(let date, let today):
            return .invalidInput("\(date) is in the past (today is \(today)); give the date of an upcoming interview, or add --past to record one that has happened")
        case .noCompany:
            return .invalidInput("an interview needs a company; pass --company \"...\"")
        case .companyOrRoleTooLong(let limit):
            return .invalidInput("--company and --role can be at most \(limit) characters")
        case .emptyQuestion:
            return .invalidInput("a debrief needs the question you were asked; pass --question \"...\"")
        case .invalidRating(let rating):
            return .invalidInput("--rating is 1 to 5, not \(rating)")
        case .tooLong(let field, let limit):
            return .invalidInput("--\(field) can be at most \(limit) characters; shorten it")
        case .nothingToChange:
            return .invalidInput("nothing to change; pass --company, --date, --role, --framework or --principle")
        case .noDebrief(let interview, let entry):
            return .failed("interview #\(interview) has no debrief entry #\(entry); see them with `starlog interview debrief \(interview)`")
        }
    }
}
