/// How a story ended.
public enum Outcome: String, CaseIterable, Sendable {
    case success, failure, mixed

    /// Reads `success`, `failure` or `mixed` in any case.
    public static func parse(_ text: String) throws -> Outcome {
        guard let outcome = Outcome(rawValue: text.trimmed.lowercased()) else {
            throw JournalError.invalidInput("\(Excerpt.quoted(text)) is not an outcome; use success, failure or mixed")
        }
        return outcome
    }
}

/// A career story in STAR form, with the principles it shows.
public struct Story: Sendable, Equatable, Identifiable {
    public let id: Int64
    public var title: String
    public var situation: String
    public var task: String
    public var action: String
    public var result: String
    public var learnings: String
    public var outcome: Outcome
    public var company: String?
    public var role: String?
    public var when: StoryDate?
    /// UTC, ISO 8601.
    public var createdAt: String
    /// UTC, ISO 8601.
    public var updatedAt: String
    /// Slugs of the story's principles, in framework order.
    public var principles: [String]

    public init(
        id: Int64, title: String, situation: String = "", task: String = "", action: String = "",
        result: String = "", learnings: String = "", outcome: Outcome = .success,
        company: String? = nil, role: String? = nil, when: StoryDate? = nil,
        createdAt: String, updatedAt: String, principles: [String] = []
    ) {
        self.id = id
        self.title = title
        self.situation = situation
        self.task = task
        self.action = action
        self.result = result
        self.learnings = learnings
        self.outcome = outcome
        self.company = company
        self.role = role
        self.when = when
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.principles = principles
    }

    /// The STAR sections and learnings with their names, in telling order.
    public var sections: [(name: StorySection, text: String)] {
        [(.situation, situation), (.task, task), (.action, action), (.result, result), (.learnings, learnings)]
    }
}

/// A searchable text field of a story; also the names `section:` filters accept.
public enum StorySection: String, CaseIterable, Sendable {
    case title, situation, task, action, result, learnings

    /// The name as a heading: "Situation".
    public var label: String {
        switch self {
        case .title: return "Title"
        case .situation: return "Situation"
        case .task: return "Task"
        case .action: return "Action"
        case .result: return "Result"
        case .learnings: return "Learnings"
        }
    }
}

/// What a new story is made of. Principles are given as a user types them
/// (slug, name or number) and resolved when it is saved.
public struct StoryDraft: Sendable, Equatable {
    public var title: String
    public var situation = ""
    public var task = ""
    public var action = ""
    public var result = ""
    public var learnings = ""
    public var outcome = Outcome.success
    public var company: String?
    public var role: String?
    public var when: StoryDate?
    public var principles: [String] = []

    public init(title: String) {
        self.title = title
    }
}

/// Changes to a story: nil leaves a field as it is. For the optional fields
/// an empty string clears them.
public struct StoryPatch: Sendable, Equatable {
    public var title: String?
    public var situation: String?
    public var task: String?
    public var action: String?
    public var result: String?
    public var learnings: String?
    public var outcome: Outcome?
    public var company: String?
    public var role: String?
    public var when: String?
    /// Replaces the story's principles when set.
    public var principles: [String]?

    public init() {}

    /// True when the patch changes nothing.
    public var isEmpty: Bool { self == StoryPatch() }
}

extension Story {
    /// The story as the JSON output shapes it: snake_case keys, principles as slugs.
    public var json: JSONValue { .object(jsonMembers) }

    public var jsonMembers: [JSONValue.Member] {
        [
            .init("id", .int(id)),
            .init("title", .string(title)),
            .init("situation", .string(situation)),
            .init("task", .string(task)),
            .init("action", .string(action)),
            .init("result", .string(result)),
            .init("learnings", .string(learnings)),
            .init("outcome", .string(outcome.rawValue)),
            .init("company", .string(company)),
            .init("role", .string(role)),
            .init("when", .string(when?.text)),
            .init("created_at", .string(createdAt)),
            .init("updated_at", .string(updatedAt)),
            .init("principles", .array(principles.map(JSONValue.string))),
        ]
    }
}
