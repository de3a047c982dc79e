import StarlogStorage

/// How ready one principle is: gap, thin, unpractised or ready (see the README's coverage rules).
public enum CoverageStatus: String, Sendable, CaseIterable {
    /// No story.
    case gap
    /// One story.
    case thin
    /// Two or more stories, and no attempt rated 4 or 5 in the window.
    case unpractised
    /// Two or more stories, and an attempt rated 4 or 5 in the window.
    case ready

    /// The status for these facts.
    public static func of(stories: Int, recentGoodAttempt: Bool) -> CoverageStatus {
        switch stories {
        case 0: return .gap
        case 1: return .thin
        default: return recentGoodAttempt ? .ready : .unpractised
        }
    }
}

/// A story named in the report.
public struct StoryReference: Sendable, Equatable {
    public let id: Int64
    public let title: String

    public init(id: Int64, title: String) {
        self.id = id
        self.title = title
    }

    public var json: JSONValue { .object([.init("id", .int(id)), .init("title", .string(title))]) }
}

/// One principle's line of the report.
public struct PrincipleCoverage: Sendable, Equatable {
    public let principle: Principle
    /// Stories tagged with it.
    public let stories: Int
    /// Its best story (`StoryFit.isBetter`): the highest lint score, then
    /// the best mean rating for this principle, then the most recently
    /// practised for it.
    public let bestStory: StoryReference?
    /// Attempts made for this principle with a story.
    public let attempts: Int
    public let lastPracticed: String?
    /// The mean rating of those attempts.
    public let meanRating: Double?
    public let status: CoverageStatus

    public var json: JSONValue {
        .object([
            .init("slug", .string(principle.slug)),
            .init("name", .string(principle.name)),
            .init("stories", .int(stories)),
            .init("best_story", bestStory?.json ?? .null),
            .init("attempts", .int(attempts)),
            .init("last_practiced", .string(lastPracticed)),
            .init("mean_rating", .rounded(meanRating, places: 2)),
            .init("status", .string(status.rawValue)),
        ])
    }
}

/// The readiness report: per principle its stories, best story, practice and status, with warnings.
public struct CoverageReport: Sendable, Equatable {
    /// One line per principle in scope, in framework order.
    public let principles: [PrincipleCoverage]
    /// Coach's warnings, most important first.
    public let warnings: [CoverageWarning]
    /// The first moment of the window in which a good attempt counts (UTC,
    /// ISO 8601): local midnight of `firstDay`.
    public let since: String
    /// The first local calendar day that counts in the window.
    public let firstDay: LocalDay
    public let generatedAt: String
    /// The framework the report shows: the one given, the interview's, or
    /// the default scope; nil for principles of several frameworks.
    public var framework: Framework? = nil
    /// The interview the report was narrowed to, with `coverage --interview`.
    public var interview: Interview? = nil
    /// Days from today to that interview (0 on the day).
    public var daysLeft: Int? = nil

    /// The principles in scope that are ready.
    public var ready: [PrincipleCoverage] { principles.filter { $0.status == .ready } }
    /// The principles in scope without a story.
    public var gaps: [PrincipleCoverage] { principles.filter { $0.status == .gap } }

    /// `principles`, `ready` and `gaps` (slugs), `warnings` (each as
    /// `wording` words it), `framework` (its slug, or null); with an
    /// interview, also `interview` (its object, `days_left` included).
    public func json(wording: (CoverageWarning) -> String) -> JSONValue {
        var members: [JSONValue.Member] = [
            .init("principles", .array(principles.map(\.json))),
            .init("ready", .array(ready.map { .string($0.principle.slug) })),
            .init("gaps", .array(gaps.map { .string($0.principle.slug) })),
            .init("warnings", .array(warnings.map { .string(wording($0)) })),
            .init("framework", .string(framework?.slug)),
        ]
        if let interview, let daysLeft {
            members.append(.init("interview", interview.json(today: interview.day - daysLeft)))
        }
        return .object(members)
    }
}
