#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StarlogStorage

/// What an import file holds.
public enum ImportFormat: String, Sendable, CaseIterable {
    /// A `starlog export --format json` dump (or a `list --json` array).
    case json
    /// starlog's Markdown story form, or notes in the STAR-template style.
    case markdown
}

/// What an import did (or, with `dryRun`, would do).
public struct ImportReport: Sendable, Equatable {
    public var format: ImportFormat
    public var dryRun: Bool
    /// Stories added.
    public var added = 0
    /// Stories skipped because the journal already has the same one.
    public var duplicates = 0
    /// Sections skipped because their STAR fields were all empty.
    public var empty = 0
    /// Lines of STAR fields that sat under no principle heading or story
    /// front matter, and were left out.
    public var strayFieldLines: [Int] = []
    /// Lines of text under a principle heading that no STAR field held, left out.
    public var leftOutLines: [Int] = []
    /// Principles of other frameworks added (JSON).
    public var principlesAdded = 0
    /// Questions added (JSON).
    public var questionsAdded = 0
    /// Interviews added (JSON).
    public var interviewsAdded = 0
    /// Frameworks added (JSON).
    public var frameworksAdded = 0
    /// Debrief entries added (JSON).
    public var debriefsAdded = 0
    /// Practice attempts added, and ones already there (JSON).
    public var attemptsAdded = 0
    public var attemptsDuplicate = 0

    public init(format: ImportFormat, dryRun: Bool) {
        self.format = format
        self.dryRun = dryRun
    }
}

extension ImportReport {
    /// What an import added and left out, in snake_case keys.
    public var json: JSONValue {
        .object([
            .init("format", .string(format.rawValue)),
            .init("dry_run", .bool(dryRun)),
            .init("added", .int(added)),
            .init("duplicates", .int(duplicates)),
            .init("empty", .int(empty)),
            .init("unplaced_field_lines", .array(strayFieldLines.map { .int($0) })),
            .init("left_out_lines", .array(leftOutLines.map { .int($0) })),
            .init("principles_added", .int(principlesAdded)),
            .init("questions_added", .int(questionsAdded)),
            .init("attempts_added", .int(attemptsAdded)),
            .init("attempts_duplicate", .int(attemptsDuplicate)),
            .init("interviews_added", .int(interviewsAdded)),
            .init("frameworks_added", .int(frameworksAdded)),
            .init("debriefs_added", .int(debriefsAdded)),
        ])
    }
}
