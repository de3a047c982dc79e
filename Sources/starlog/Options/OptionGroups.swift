import ArgumentParser
import StarlogJournal

/// `--db` and `--color`, which every command takes.
struct JournalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The journal file (default: $STARLOG_DB, else $XDG_DATA_HOME/starlog/starlog.db).",
            valueName: "path"),
        completion: .file())
    var db: String?

    /// Read before parsing, by `Terminal.colorEnabled`; declared here so that
    /// help, completions and the parser's checks know it.
    @Option(help: ColorChoice.help)
    var color: ColorChoice?

    /// The journal path for this run.
    func path() throws -> String {
        try JournalLocation.resolve(flag: db, variable: Terminal.environment)
    }

    /// Opens the journal for a command that writes: creates it when
    /// missing, and migrates it.
    func open() throws -> Journal {
        try Journal.open(at: try path(), clock: Self.clock, busyTimeout: try Self.busyTimeout())
    }

    /// Opens the journal for a command that writes but needs an existing
    /// journal (there is nothing to change in a new one).
    func openExisting() throws -> Journal {
        try Journal.open(at: try path(), create: false, clock: Self.clock, busyTimeout: try Self.busyTimeout())
    }

    /// Opens the journal for a command that only reads: never creates,
    /// changes or locks it.
    func openForReading() throws -> Journal {
        try Journal.openForReading(at: try path(), clock: Self.clock, busyTimeout: try Self.busyTimeout())
    }

    /// The longest wait accepted, in milliseconds (one hour).
    static let longestBusyTimeout: Int32 = 3_600_000

    /// How long to wait for another process's lock: `STARLOG_BUSY_TIMEOUT_MS`,
    /// else 5 seconds. A value that is not a whole number of milliseconds
    /// from 0 to an hour is a usage error.
    static func busyTimeout() throws -> Int32 {
        guard let text = Terminal.environment("STARLOG_BUSY_TIMEOUT_MS") else { return 5000 }
        guard let value = Int32(text.trimmed), (0...longestBusyTimeout).contains(value) else {
            let shown = text.count > 20 ? String(text.prefix(20)) + "…" : text
            throw JournalError.invalidInput("STARLOG_BUSY_TIMEOUT_MS must be a whole number of milliseconds from 0 to \(longestBusyTimeout), not '\(shown)'; fix or unset it")
        }
        return value
    }

    /// The wall clock in the user's time zone (`TZ`); `STARLOG_NOW` stops it
    /// at a given UTC time, for tests.
    static var clock: JournalClock { .fromEnvironment(Terminal.environment) }
}

/// The stories and principles `tag` and `untag` take.
struct TagArguments: ParsableArguments {
    @Argument(help: "The story's id (12 or #12), or several joined by commas (10,11).") var ids: StoryIDList
    @Argument(help: ArgumentHelp("Principles: slug, name or number.", valueName: "principle"), completion: Completions.principles)
    var principles: [String]
}

/// The question that `questions edit`, `hide` and `unhide` change.
struct QuestionArgument: ParsableArguments {
    @Argument(help: "The question's id (see `starlog questions`).")
    var id: RecordID
}

/// `--json`, for commands that print records.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print one JSON document on stdout instead of text.")
    var json = false

    /// Prints what a command did: `value` as the JSON document with
    /// --json, else the line `text`.
    func print(_ value: @autoclosure () -> JSONValue, else text: @autoclosure () -> String) {
        if json {
            Render.json(value())
        } else {
            Terminal.line(text())
        }
    }
}

/// `--json` or `--markdown`, for reports (coverage, plan).
struct ReportFormatOptions: ParsableArguments {
    @Flag(name: .long, help: "Print one JSON document on stdout instead of text.")
    var json = false

    @Flag(help: "Print the report as Markdown to paste into notes.")
    var markdown = false

    func validate() throws {
        if markdown && json {
            throw ValidationError("--json and --markdown cannot be used together; pick one")
        }
    }
}

/// The STAR fields and metadata `add` and `edit` share.
struct StoryFieldOptions: ParsableArguments {
    @Option(help: "A short title that names the story.")
    var title: String?

    @Option(help: "Where you were and what was at stake.")
    var situation: String?

    @Option(help: "What you had to achieve.")
    var task: String?

    @Option(help: "What you did, in the first person.")
    var action: String?

    @Option(help: "What happened, with numbers where you have them.")
    var result: String?

    @Option(help: "What you learnt, or would do differently.")
    var learnings: String?

    @Option(help: ArgumentHelp("How it ended: success, failure or mixed.", valueName: "outcome"), completion: Completions.outcomes)
    var outcome: String?

    @Option(help: "The company it happened at.")
    var company: String?

    @Option(help: "Your role at the time.")
    var role: String?

    @Option(help: ArgumentHelp("When it happened: YYYY, YYYY-MM or YYYY-MM-DD.", valueName: "date"))
    var when: String?

    @Option(
        name: .customLong("principle"),
        help: ArgumentHelp("A principle it shows: slug, name or number (repeatable).", valueName: "principle"),
        completion: Completions.principles)
    var principles: [String] = []

    /// True when no field was given.
    var isEmpty: Bool {
        title == nil && situation == nil && task == nil && action == nil && result == nil && learnings == nil
            && outcome == nil && company == nil && role == nil && when == nil && principles.isEmpty
    }

    /// A story comes from field flags, from a file (`--from`), or from the
    /// editor (`--editor`): never from two of them at once.
    func validateOneSource(from: String?, editor: Bool) throws {
        if from != nil && (!isEmpty || editor) {
            throw ValidationError("--from reads the whole story from the file; leave out the field flags and --editor")
        }
        if editor && !isEmpty {
            throw ValidationError("--editor takes the whole story from the editor; leave out the field flags")
        }
    }

    func draft() throws -> StoryDraft {
        guard let title else { throw JournalError.invalid(.untitledStory) }
        _ = try InputRules.storyTitle(title)
        var draft = StoryDraft(title: title)
        draft.situation = situation ?? ""
        draft.task = task ?? ""
        draft.action = action ?? ""
        draft.result = result ?? ""
        draft.learnings = learnings ?? ""
        if let outcome { draft.outcome = try Outcome.parse(outcome) }
        draft.company = company
        draft.role = role
        if let when, !when.trimmed.isEmpty { draft.when = try StoryDate.parse(when) }
        draft.principles = principles
        return draft
    }

    func patch() throws -> StoryPatch {
        var patch = StoryPatch()
        patch.title = title
        patch.situation = situation
        patch.task = task
        patch.action = action
        patch.result = result
        patch.learnings = learnings
        patch.outcome = try outcome.map(Outcome.parse)
        patch.company = company
        patch.role = role
        if let when {
            if !when.trimmed.isEmpty { _ = try StoryDate.parse(when) }
            patch.when = when
        }
        patch.principles = principles.isEmpty ? nil : principles
        return patch
    }
}

/// `--color`: when output is coloured.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    static let help = ArgumentHelp(
        "When to colour output: auto (on a terminal, unless NO_COLOR is set), always (also into a pipe, for less -R) or never (default: $STARLOG_COLOR, else auto).",
        valueName: "when")
}

/// A limit that must be positive.
func validateLimit(_ limit: Int?) throws {
    do {
        try InputRules.checkLimit(limit)
    } catch {
        throw ValidationError(ErrorView.message(error))
    }
}

/// The scope of coverage, plan and report: `--interview` names its own
/// principles and framework, so it goes with neither `--principle` nor
/// `--framework`.
func validateInterviewScope(interview: Int64?, principles: [String], framework: String?) throws {
    if interview != nil && !principles.isEmpty {
        throw ValidationError("give either --interview or --principle, not both")
    }
    if interview != nil && framework != nil {
        throw ValidationError("give either --interview or --framework, not both (the interview names its framework)")
    }
}
