/// A story read from Markdown, before its principles are resolved.
public struct MarkdownStory: Sendable, Equatable {
    /// The line its section starts on, for messages.
    public var line: Int
    public var id: Int64?
    /// nil when neither the front matter nor a heading gave one.
    public var title: String?
    public var situation = ""
    public var task = ""
    public var action = ""
    public var result = ""
    public var learnings = ""
    public var outcome: Outcome?
    public var company: String?
    public var role: String?
    public var when: StoryDate?
    /// As written: slugs, names or numbers.
    public var principles: [String] = []
    public var createdAt: String?
    public var updatedAt: String?
    /// The line of the `principles:` key, for messages about them.
    public var principlesLine: Int?
    /// The `## heading` under the front matter, with its line, when it says
    /// something else than the front matter's title.
    public var differentHeading: (line: Int, text: String)?

    public static func == (lhs: MarkdownStory, rhs: MarkdownStory) -> Bool {
        lhs.line == rhs.line && lhs.id == rhs.id && lhs.title == rhs.title && lhs.situation == rhs.situation
            && lhs.task == rhs.task && lhs.action == rhs.action && lhs.result == rhs.result && lhs.learnings == rhs.learnings
            && lhs.outcome == rhs.outcome && lhs.company == rhs.company && lhs.role == rhs.role && lhs.when == rhs.when
            && lhs.principles == rhs.principles && lhs.createdAt == rhs.createdAt && lhs.updatedAt == rhs.updatedAt
            && lhs.principlesLine == rhs.principlesLine && lhs.differentHeading?.line == rhs.differentHeading?.line
            && lhs.differentHeading?.text == rhs.differentHeading?.text
    }

    /// Settles a title the front matter and the heading give differently:
    /// with `previousTitle` (the editor, which wrote both the same), the one
    /// the user changed wins; when both changed, or with no previous title,
    /// neither wins silently and the story is refused.
    public mutating func settleTitle(previousTitle: String? = nil) throws(ImportProblem) {
        guard let (line, heading) = differentHeading, let title else { return }
        if let previousTitle {
            if title.trimmed == previousTitle.trimmed {
                self.title = heading
                differentHeading = nil
                return
            }
            if heading == StoryMarkdown.headingText(of: previousTitle) {
                differentHeading = nil
                return
            }
        }
        throw ImportProblem(line: line, "the heading says \(Excerpt.quoted(heading)) but the front matter's title is \(Excerpt.quoted(title)); make them the same, or delete one of them")
    }

    public init(line: Int) {
        self.line = line
    }

    /// True when none of the STAR sections or learnings has text.
    public var hasNoText: Bool {
        [situation, task, action, result, learnings].allSatisfy { $0.trimmed.isEmpty }
    }

    /// The title to save: the given one, else the first sentence of the text.
    public var effectiveTitle: String {
        if let title, !title.trimmed.isEmpty { return title.trimmed }
        let text = [situation, task, action, result, learnings].first { !$0.trimmed.isEmpty } ?? ""
        return StoryMarkdown.title(from: text)
    }

    mutating func set(_ section: StorySection, _ text: String) {
        switch section {
        case .title: title = text
        case .situation: situation = text
        case .task: task = text
        case .action: action = text
        case .result: result = text
        case .learnings: learnings = text
        }
    }
}

extension MarkdownStory {
    /// The story to save: its effective title and fields, with success as
    /// the outcome when the notes name none. The one mapping from notes to
    /// a draft, for `add` from a file and for imports alike.
    var draft: StoryDraft {
        var draft = StoryDraft(title: effectiveTitle)
        draft.situation = situation
        draft.task = task
        draft.action = action
        draft.result = result
        draft.learnings = learnings
        draft.outcome = outcome ?? .success
        draft.company = company
        draft.role = role
        draft.when = when
        draft.principles = principles
        return draft
    }
}

/// A place in an import file and what is wrong there.
public struct ImportProblem: Error, Sendable, Equatable {
    /// "line 12" or "stories[3] (line 40)".
    public let place: String
    public let message: String
    /// The journal's own error, when that is what went wrong there (a
    /// principle that names none); `message` is then its message.
    public let cause: JournalError?

    public init(place: String, message: String) {
        self.place = place
        self.message = message
        self.cause = nil
    }

    public init(place: String, cause: JournalError) {
        self.place = place
        self.message = cause.message
        self.cause = cause
    }

    public init(line: Int, _ message: String) {
        self.init(place: "line \(line)", message: message)
    }
}
