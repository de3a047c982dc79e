/// The story checks `starlog lint` makes, in one place with their
/// thresholds. Each rule is data: an id, a severity, the points it costs, the
/// thresholds it reads, and a check that turns a story into findings.
///
/// Where they come from: the STAR template note in the seeds asks for the
/// four sections, for "I" rather than "we" in the Action, and for metrics in
/// the Result; the interview guide asks for failures and what was learnt from
/// them. The others are what interview coaches commonly check: a two-to-three
/// minute answer, recent examples, and no filler or hedging.

/// How much a finding matters.
public enum LintSeverity: String, Sendable, CaseIterable, Comparable {
    /// Worth a look; costs little.
    case info
    /// Weakens the answer.
    case warning
    /// The answer does not work without fixing it.
    case error

    var order: Int {
        switch self {
        case .info: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (lhs: LintSeverity, rhs: LintSeverity) -> Bool { lhs.order < rhs.order }
}

/// The part of a story a finding concerns.
public enum LintField: String, Sendable {
    case situation, task, action, result, learnings, when, story
}

/// One thing a check found.
public struct LintFinding: Sendable, Equatable {
    /// The rule's id, `we-over-i`.
    public let rule: String
    public let severity: LintSeverity
    public let field: LintField
    /// What was found, with its figures.
    public let message: String
    /// One line: what to do about it.
    public let suggestion: String
    /// Points taken off the score.
    public let penalty: Int

    public var json: JSONValue {
        .object([
            .init("rule", .string(rule)),
            .init("severity", .string(severity.rawValue)),
            .init("field", .string(field.rawValue)),
            .init("message", .string(message)),
            .init("suggestion", .string(suggestion)),
            .init("penalty", .int(penalty)),
        ])
    }
}

/// What a check sees: the story, its words counted once, and today.
public struct LintContext: Sendable {
    public let story: Story
    /// Today, `YYYY-MM-DD` (UTC).
    public let today: String

    /// The lower-case words of each text field, split once for all rules.
    let situationWords: [String]
    let taskWords: [String]
    let actionWords: [String]
    let resultWords: [String]
    let learningsWords: [String]
    /// The Action's words in the teller's own voice: quoted speech left
    /// out (a quoted "we" is someone else talking), and "US" in capitals
    /// (the country) not read as "us".
    let actionOwnWords: [String]

    public init(story: Story, today: String) {
        self.story = story
        self.today = today
        situationWords = LintText.words(story.situation)
        taskWords = LintText.words(story.task)
        actionWords = LintText.words(story.action)
        resultWords = LintText.words(story.result)
        learningsWords = LintText.words(story.learnings)
        actionOwnWords = LintText.ownWords(story.action)
    }

    /// The four STAR sections, in telling order, with their words.
    var starSections: [(field: LintField, text: String, words: [String])] {
        [(.situation, story.situation, situationWords), (.task, story.task, taskWords),
         (.action, story.action, actionWords), (.result, story.result, resultWords)]
    }

    /// The words of every text field but the title, field by field.
    var bodyWords: [[String]] { [situationWords, taskWords, actionWords, resultWords, learningsWords] }
}

/// One check, with its thresholds.
public struct LintRule: Sendable {
    public let id: String
    public let severity: LintSeverity
    /// Points one finding of this rule takes off the score of 100.
    public let penalty: Int
    /// What the rule checks and its threshold, in a sentence (for the README and `lint --rules`).
    public let summary: String
    let check: @Sendable (LintContext, LintRule) -> [LintFinding]

    func finding(_ field: LintField, _ message: String, _ suggestion: String) -> LintFinding {
        LintFinding(rule: id, severity: severity, field: field, message: message, suggestion: suggestion, penalty: penalty)
    }
}

/// The thresholds, named so tests and the README can quote them.
public enum LintThresholds {
    /// A STAR section with fewer words than this is a single fragment.
    public static let fragmentWords = 8
    /// "we" words in the Action at or above this count can outweigh "I".
    public static let minimumWeWords = 2
    /// Speaking pace used to estimate an answer's length.
    public static let wordsPerMinute = 150
    /// An answer estimated shorter than this (seconds) is far under two minutes.
    public static let shortestAnswerSeconds = 60
    /// An answer estimated longer than this (seconds) is far over three minutes.
    public static let longestAnswerSeconds = 240
    /// A story older than this many years is stale.
    public static let maximumAgeYears = 5
    /// This many filler or hedging words in the STAR text draws a finding.
    public static let fillerCount = 3
}

/// The rules, in the order findings are listed.
public enum LintRules {
    public static let all: [LintRule] = [
        missingSection, fragmentSection, weOverI, actionWithoutI, resultWithoutMetric,
        speakingTime, staleStory, setbackWithoutLearnings, fillerWords,
    ]

    // MARK: The rules

    static let missingSection = LintRule(
        id: "missing-section", severity: .error, penalty: 20,
        summary: "A Situation, Task, Action or Result is empty (each one missing is a finding)."
    ) { context, rule in
        context.starSections.compactMap { section in
            guard section.words.isEmpty else { return nil }
            let name = section.field.rawValue.capitalizedFirst
            return rule.finding(section.field, "The \(name) is empty.", LintAdvice.missing[section.field] ?? "Write the \(name) section.")
        }
    }

    static let fragmentSection = LintRule(
        id: "fragment-section", severity: .warning, penalty: 8,
        summary: "A STAR section is a single fragment: fewer than \(LintThresholds.fragmentWords) words."
    ) { context, rule in
        context.starSections.compactMap { section in
            let count = section.words.count
            guard count > 0, count < LintThresholds.fragmentWords else { return nil }
            let name = section.field.rawValue.capitalizedFirst
            return rule.finding(
                section.field, "The \(name) is a fragment of \(count) \(count == 1 ? "word" : "words").",
                "Write the \(name) as a full sentence or two a listener can follow.")
        }
    }

    static let weOverI = LintRule(
        id: "we-over-i", severity: .warning, penalty: 10,
        summary: "\"We\" outweighs \"I\" in the Action: at least \(LintThresholds.minimumWeWords) we/us/our words and more of them than I/me/my (quoted speech and \"US\", the country, do not count)."
    ) { context, rule in
        let words = context.actionOwnWords
        let we = words.filter(LintText.weWords.contains).count
        let i = words.filter(LintText.iWords.contains).count
        guard we >= LintThresholds.minimumWeWords, we > i else { return [] }
        let ratio = i == 0 ? "\(we) to 0" : "\(we) to \(i) (\(OneDecimal.text(Double(we) / Double(i))):1)"
        return [rule.finding(
            .action, "The Action says we/us/our \(ratio) against I/me/my.",
            "Say what you did yourself, with \"I\": the interviewer is hiring you, not the team.")]
    }

    static let actionWithoutI = LintRule(
        id: "action-without-i", severity: .warning, penalty: 10,
        summary: "The Action never says what you did: no I/me/my outside quoted speech (written in the passive, or as \"the team ...\"), and fewer than \(LintThresholds.minimumWeWords) we/us/our words (else we-over-i applies)."
    ) { context, rule in
        let words = context.actionOwnWords
        guard !words.isEmpty, !words.contains(where: LintText.iWords.contains),
              words.filter(LintText.weWords.contains).count < LintThresholds.minimumWeWords else { return [] }
        return [rule.finding(
            .action, "The Action never says \"I\": it tells what was done, not what you did.",
            "Rewrite the Action with \"I\" and your own steps: \"I traced…\", \"I proposed…\".")]
    }

    static let resultWithoutMetric = LintRule(
        id: "result-without-metric", severity: .warning, penalty: 12,
        summary: "The Result has no number, percentage, amount or time: a figure (not a label such as Q3, V2 or the year in \"2025 roadmap\"), %, a currency sign, a number word (\"twice\", \"half\", \"thirteen\", \"a third\") or a span of time (\"a week early\", \"a year now\")."
    ) { context, rule in
        let text = context.story.result
        guard !context.resultWords.isEmpty, !LintText.hasMeasure(text, words: context.resultWords) else { return [] }
        return [rule.finding(
            .result, "The Result has no number, percentage, amount or time.",
            "Add a measure of the outcome: how much, how many, how fast, or by when.")]
    }

    static let speakingTime = LintRule(
        id: "speaking-time", severity: .warning, penalty: 8,
        summary: "Spoken at \(LintThresholds.wordsPerMinute) words a minute, the story takes under \(LintThresholds.shortestAnswerSeconds / 60) minute or over \(LintThresholds.longestAnswerSeconds / 60) minutes (a good answer takes two to three)."
    ) { context, rule in
        let count = context.bodyWords.reduce(0) { $0 + $1.count }
        guard count > 0 else { return [] }
        let seconds = LintText.speakingSeconds(words: count)
        let estimate = "about \(LintText.minutes(seconds)) (\(count) words at \(LintThresholds.wordsPerMinute) a minute)"
        // Compared in words, exactly: 150 words is one minute.
        if count * 60 < LintThresholds.shortestAnswerSeconds * LintThresholds.wordsPerMinute {
            return [rule.finding(
                .story, "Told aloud it takes \(estimate), far under two minutes.",
                "Add the detail a listener needs: the stakes, your steps, and what changed.")]
        }
        if count * 60 > LintThresholds.longestAnswerSeconds * LintThresholds.wordsPerMinute {
            return [rule.finding(
                .story, "Told aloud it takes \(estimate), far over three minutes.",
                "Cut the Situation and Task to a few sentences and keep the Action to your key steps.")]
        }
        return []
    }

    static let staleStory = LintRule(
        id: "stale-story", severity: .info, penalty: 5,
        summary: "The story happened more than \(LintThresholds.maximumAgeYears) years ago (by its `when`, counting a year or month as its last day)."
    ) { context, rule in
        guard let when = context.story.when,
              LintText.isOlder(when, than: LintThresholds.maximumAgeYears, today: context.today) else { return [] }
        return [rule.finding(
            .when, "It happened in \(when.text), more than \(LintThresholds.maximumAgeYears) years ago.",
            "Prefer a recent example; keep this one only if nothing newer shows the principle as well.")]
    }

    static let setbackWithoutLearnings = LintRule(
        id: "setback-without-learnings", severity: .warning, penalty: 10,
        summary: "A story with outcome failure or mixed has no learnings."
    ) { context, rule in
        let story = context.story
        guard story.outcome != .success, context.learningsWords.isEmpty else { return [] }
        return [rule.finding(
            .learnings, "A \(story.outcome.rawValue) story with no learnings.",
            "Say what you learnt and what you do differently now: that is what a setback question is asking.")]
    }

    static let fillerWords = LintRule(
        id: "filler-words", severity: .info, penalty: 5,
        summary: "The story uses \(LintThresholds.fillerCount) or more filler or hedging words (\(LintText.fillerList))."
    ) { context, rule in
        let story = context.story
        var found: [String: Int] = [:]
        var order: [String] = []
        for text in [story.situation, story.task, story.action, story.result, story.learnings] {
            for phrase in LintText.fillers(in: text) {
                if found[phrase] == nil { order.append(phrase) }
                found[phrase, default: 0] += 1
            }
        }
        let total = found.values.reduce(0, +)
        guard total >= LintThresholds.fillerCount else { return [] }
        let listed = order.map { found[$0]! > 1 ? "\"\($0)\" ×\(found[$0]!)" : "\"\($0)\"" }.joined(separator: ", ")
        return [rule.finding(
            .story, "\(total) filler or hedging words: \(listed).",
            "Drop them and state what happened plainly; hedging makes a strong answer sound unsure.")]
    }
}

/// One-line advice for an empty section.
enum LintAdvice {
    static let missing: [LintField: String] = [
        .situation: "Set the scene in two or three sentences: where you were and what was at stake.",
        .task: "Say what you had to achieve, and why it fell to you.",
        .action: "Describe the steps you took yourself, with \"I\".",
        .result: "Say how it ended, with a number where you have one.",
    ]
}

extension LintRule {
    /// `rule`, `severity`, `penalty`, `summary`: one entry of `lint --rules --json`.
    public var json: JSONValue {
        .object([.init("rule", .string(id)), .init("severity", .string(severity.rawValue)),
                 .init("penalty", .int(penalty)), .init("summary", .string(summary))])
    }
}
