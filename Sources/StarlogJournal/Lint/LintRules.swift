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

/// Word-level helpers the rules share, without Foundation.
enum LintText {
    // Each helper below has two forms with the same answers: one over the
    // bytes of ASCII text, where every character is one byte ("\r\n" aside,
    // which every helper treats as two separators either way), and the
    // general one over Unicode characters. Lint reads every story on an
    // import, so the common case is kept cheap; `LintTextEquivalenceTests`
    // checks the two forms agree.

    /// True when `text` is all ASCII.
    static func isASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 }
    }

    static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte)
    }

    /// The words of `text`, lower case: runs of letters, digits and apostrophes
    /// (curly apostrophes read as straight ones).
    static func words(_ text: String) -> [String] {
        isASCII(text) ? asciiWords(text.utf8) : unicodeWords(text)
    }

    /// `words` over ASCII bytes.
    static func asciiWords<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        current.reserveCapacity(32)
        func finish() {
            while current.last == 0x27 { current.removeLast() }
            if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
        }
        for byte in bytes {
            switch byte {
            case 0x61...0x7A, 0x30...0x39: current.append(byte)
            case 0x41...0x5A: current.append(byte + 0x20)
            case 0x27 where !current.isEmpty: current.append(byte)
            default: if !current.isEmpty { finish() }
            }
        }
        finish()
        return words
    }

    /// `words` over Unicode scalars.
    static func unicodeWords(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func finish() {
            while current.last == "'" { current.removeLast() }
            if !current.isEmpty { words.append(String(current)) }
            current = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                // ASCII fast path: letters folded to lower case, digits kept.
                if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) {
                    current.append(scalar)
                } else if (0x41...0x5A).contains(value) {
                    current.append(Unicode.Scalar(value + 0x20)!)
                } else if value == 0x27 && !current.isEmpty {
                    current.append(scalar)
                } else if !current.isEmpty {
                    finish()
                }
            } else if scalar.properties.isAlphabetic {
                current.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else if scalar == "\u{2019}" && !current.isEmpty {
                current.append("'")
            } else if !current.isEmpty {
                finish()
            }
        }
        finish()
        return words
    }

    static let weWords: Set<String> = ["we", "us", "our", "ours", "ourselves", "we're", "we've", "we'd", "we'll"]
    static let iWords: Set<String> = ["i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll"]

    /// The words of `text` in the teller's own voice: what is inside double
    /// quotes ("…" or “…”) is left out, and "US" written in capitals (the
    /// country) is not the pronoun "us".
    static func ownWords(_ text: String) -> [String] {
        guard isASCII(text) else { return unicodeOwnWords(text) }
        var outside: [UInt8] = []
        outside.reserveCapacity(text.utf8.count)
        var quoted = false
        for byte in text.utf8 {
            if byte == 0x22 {
                quoted.toggle()
                outside.append(0x20)
            } else if !quoted {
                outside.append(byte)
            }
        }
        if quoted { outside = Array(text.utf8) }
        var result: [String] = []
        forEachASCIIRawWord(outside) { raw in
            if !raw.elementsEqual("US".utf8) { result.append(contentsOf: asciiWords(raw)) }
        }
        return result
    }

    /// `ownWords` over Unicode characters.
    static func unicodeOwnWords(_ text: String) -> [String] {
        var outside = ""
        var quoted = false
        for character in text {
            if character == "\"" || character == "\u{201C}" || character == "\u{201D}" {
                if character == "\u{201C}" { quoted = true } else if character == "\u{201D}" { quoted = false } else { quoted.toggle() }
                outside.append(" ")
            } else if !quoted {
                outside.append(character)
            }
        }
        // An unclosed quote: better to count everything than to drop the rest of the Action.
        if quoted { outside = text }
        var result: [String] = []
        for raw in rawWords(outside) where raw != "US" {
            result.append(contentsOf: words(raw))
        }
        return result
    }

    /// The words of `text` as written (case kept), split on anything but
    /// letters, digits and apostrophes.
    static func rawWords(_ text: String) -> [String] {
        guard isASCII(text) else { return unicodeRawWords(text) }
        var raw: [String] = []
        forEachASCIIRawWord(Array(text.utf8)) { raw.append(String(decoding: $0, as: UTF8.self)) }
        return raw
    }

    /// Calls `body` with each run of ASCII letters, digits and apostrophes.
    static func forEachASCIIRawWord(_ bytes: [UInt8], _ body: (ArraySlice<UInt8>) -> Void) {
        var start: Int?
        for index in bytes.indices {
            let byte = bytes[index]
            if isASCIILetterOrDigit(byte) || byte == 0x27 {
                if start == nil { start = index }
            } else if let first = start {
                body(bytes[first..<index])
                start = nil
            }
        }
        if let first = start { body(bytes[first...]) }
    }

    /// `rawWords` over Unicode characters.
    static func unicodeRawWords(_ text: String) -> [String] {
        text.split { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "\u{2019}") }.map(String.init)
    }

    /// Number words that measure ("one" is left out: "one of the…" measures nothing).
    static let numberWords: Set<String> = [
        "zero", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
        "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion", "billions",
        "dozen", "dozens", "half", "halved", "twice", "thrice", "double", "doubled", "triple", "tripled",
        "quadruple", "quadrupled", "tenfold", "hundredfold", "percent", "quarter", "quarters", "thirds",
    ]

    /// A span of time as a measure: "a week early", "within a day", "a year now".
    static let timeUnits: Set<String> = [
        "minute", "hour", "day", "week", "fortnight", "month", "quarter", "year", "sprint", "decade",
    ]
    /// Words that make the next time unit a span: "a", "an", "one", "per", "every".
    static let spanWords: Set<String> = ["a", "an", "one", "per", "every", "each"]

    /// Unit suffixes that make `10x`, `5k`, `40ms`, `2h` a figure.
    static let unitSuffixes: Set<String> = [
        "x", "k", "m", "b", "bn", "ms", "s", "sec", "min", "h", "hr", "hrs", "d", "w", "wk", "mo", "y", "yr", "yrs",
        "kb", "mb", "gb", "tb", "pb", "pp", "bps", "rps", "qps", "th", "st", "nd", "rd",
    ]

    /// True when `text` measures something: a figure, a percent sign, a
    /// currency sign, a number word or a span of time. Labels are not
    /// figures: a token that starts with a letter and holds digits (Q3, V2,
    /// EC2), or a year (1900–2099) not followed by a plural noun ("2025
    /// roadmap", "in 2024"; but "2000 hours" measures).
    static func hasMeasure(_ text: String, words: [String]? = nil) -> Bool {
        if isASCII(text) {
            if text.utf8.contains(where: { $0 == 0x25 || $0 == 0x24 }) { return true }
        } else {
            for scalar in text.unicodeScalars where "%$€£¥₹".unicodeScalars.contains(scalar) { return true }
        }
        let raw = rawWords(text)
        for (index, token) in raw.enumerated() {
            guard let first = token.first, first.isASCII, first.isNumber else { continue }
            let digits = token.prefix { $0.isASCII && $0.isNumber }
            let suffix = token.dropFirst(digits.count).lowercased()
            if !suffix.isEmpty {
                if unitSuffixes.contains(suffix) { return true }
                continue
            }
            if digits.count == 4, let year = Int(digits), (1900...2099).contains(year) {
                let next = index + 1 < raw.count ? raw[index + 1].lowercased() : ""
                if next.count > 2 && next.hasSuffix("s") && !next.hasSuffix("ss") { return true }
                continue
            }
            return true
        }
        let words = words ?? self.words(text)
        for (index, word) in words.enumerated() {
            if numberWords.contains(word) { return true }
            guard index > 0 else { continue }
            let previous = words[index - 1]
            if word == "third" && (previous == "a" || previous == "one" || previous == "two") { return true }
            if timeUnits.contains(word) && spanWords.contains(previous) { return true }
        }
        return false
    }

    /// Filler and hedging words and phrases, as word sequences.
    static let fillerPhrases: [[String]] = [
        ["basically"], ["actually"], ["just"], ["really"], ["very"], ["literally"], ["honestly"],
        ["maybe"], ["probably"], ["somewhat"], ["hopefully"], ["kind", "of"], ["sort", "of"],
        ["i", "think"], ["i", "guess"], ["i", "feel", "like"], ["you", "know"], ["pretty", "much"],
        ["a", "bit"], ["stuff"],
    ]

    static var fillerList: String {
        fillerPhrases.map { $0.joined(separator: " ") }.joined(separator: ", ")
    }

    /// Each filler phrase found in `text`, once per occurrence. Words
    /// joined by hyphens are one word ("just-in-time" is no "just").
    static func fillers(in text: String) -> [String] {
        guard isASCII(text) else { return fillers(inWords: unicodeFillerTokens(text)) }
        return fillers(inWords: asciiFillerTokens(Array(text.utf8)))
    }

    /// The words `fillers(in:)` matches phrases against, over ASCII bytes:
    /// pieces split at white space and "/", a hyphenated piece one word.
    static func asciiFillerTokens(_ bytes: [UInt8]) -> [String] {
        var tokens: [String] = []
        func piece(_ piece: ArraySlice<UInt8>) {
            guard let first = piece.firstIndex(where: isASCIILetterOrDigit),
                  let last = piece.lastIndex(where: isASCIILetterOrDigit) else {
                tokens.append(contentsOf: asciiWords(piece))
                return
            }
            let inner = piece[first...last]
            if inner.split(separator: 0x2D).count > 1 {
                tokens.append(String(decoding: inner.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }, as: UTF8.self))
            } else {
                tokens.append(contentsOf: asciiWords(piece))
            }
        }
        var start: Int?
        for index in bytes.indices {
            let byte = bytes[index]
            if (0x09...0x0D).contains(byte) || byte == 0x20 || byte == 0x2F {
                if let first = start { piece(bytes[first..<index]); start = nil }
            } else if start == nil {
                start = index
            }
        }
        if let first = start { piece(bytes[first...]) }
        return tokens
    }

    /// `asciiFillerTokens` over Unicode characters.
    static func unicodeFillerTokens(_ text: String) -> [String] {
        var tokens: [String] = []
        for piece in text.split(whereSeparator: { $0.isWhitespace || $0 == "/" || $0 == "\u{2014}" || $0 == "\u{2013}" }) {
            let inner = piece.trimmingPrefixAndSuffix { !($0.isLetter || $0.isNumber) }
            if inner.contains("-") && inner.split(separator: "-").count > 1 {
                tokens.append(inner.lowercased())
            } else {
                tokens.append(contentsOf: words(String(piece)))
            }
        }
        return tokens
    }

    /// Words before "kind of" / "sort of" that make it a noun phrase ("what
    /// kind of index"), not hedging.
    static let determiners: Set<String> = [
        "a", "an", "the", "what", "which", "this", "that", "these", "those", "any", "some", "every", "each",
        "same", "one", "no", "other", "another", "new", "different", "right", "wrong", "whatever", "my", "our",
        "your", "their", "his", "her", "its", "all",
    ]

    /// Words after "a bit" that make it hedging ("a bit late", "a bit of a
    /// mess"); otherwise "bit" is the noun ("a bit flip").
    static let hedgedByABit: Set<String> = [
        "of", "more", "less", "late", "early", "slow", "slower", "faster", "long", "longer", "short", "shorter",
        "better", "worse", "hard", "harder", "tricky", "difficult", "nervous", "rough", "messy", "off", "much",
        "too", "unsure", "different", "behind", "over", "under",
    ]

    /// Each filler phrase found in `words`, once per occurrence.
    static func fillers(inWords words: [String]) -> [String] {
        var found: [String] = []
        var index = 0
        while index < words.count {
            var matched = false
            for phrase in fillerPhrases where index + phrase.count <= words.count && words[index] == phrase[0] {
                guard phrase.count == 1 || words[index..<index + phrase.count].elementsEqual(phrase) else { continue }
                if phrase.count == 2 && (phrase[1] == "of") && index > 0 && determiners.contains(words[index - 1]) { continue }
                if phrase == ["a", "bit"] {
                    let next = index + 2 < words.count ? words[index + 2] : ""
                    if !(hedgedByABit.contains(next) || (next.count > 4 && (next.hasSuffix("er") || next.hasSuffix("ly")))) { continue }
                }
                found.append(phrase.joined(separator: " "))
                index += phrase.count
                matched = true
                break
            }
            if !matched { index += 1 }
        }
        return found
    }

    /// Seconds to say `words` at the set pace, rounded.
    static func speakingSeconds(words: Int) -> Int {
        (words * 60 + LintThresholds.wordsPerMinute / 2) / LintThresholds.wordsPerMinute
    }

    /// `2:05 min`.
    static func minutes(_ seconds: Int) -> String {
        let secs = seconds % 60
        return "\(seconds / 60):\(secs < 10 ? "0" : "")\(secs) min"
    }


    /// True when the last day `when` covers is before `today` (`YYYY-MM-DD`)
    /// less `years` years: exactly five years ago is not older than five.
    static func isOlder(_ when: StoryDate, than years: Int, today: String) -> Bool {
        let parts = today.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return false }
        let whenParts = when.text.split(separator: "-").compactMap { Int($0) }
        let year = whenParts[0]
        let month = whenParts.count > 1 ? whenParts[1] : 12
        let day = whenParts.count > 2 ? whenParts[2] : StoryDate.daysIn(month: month, year: year)
        return (year, month, day) < (parts[0] - years, parts[1], parts[2])
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

extension Substring {
    /// The substring without leading and trailing characters matching `strip`.
    func trimmingPrefixAndSuffix(while strip: (Character) -> Bool) -> Substring {
        var result = self
        while let first = result.first, strip(first) { result = result.dropFirst() }
        while let last = result.last, strip(last) { result = result.dropLast() }
        return result
    }
}

extension LintRule {
    /// `rule`, `severity`, `penalty`, `summary`: one entry of `lint --rules --json`.
    public var json: JSONValue {
        .object([.init("rule", .string(id)), .init("severity", .string(severity.rawValue)),
                 .init("penalty", .int(penalty)), .init("summary", .string(summary))])
    }
}
