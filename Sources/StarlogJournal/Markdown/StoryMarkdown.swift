import Foundation
import Yams

/// The one Markdown form of a story, used by `$EDITOR`, `add --from`,
/// `export --format markdown` and `import`:
///
///     ---
///     id: 12
///     title: Cut checkout latency
///     principles:
///     - deliver-results
///     outcome: success
///     company: Acme
///     when: 2024-03
///     ---
///
///     ## Cut checkout latency
///
///     **Situation:** Checkout p99 was 2.1 s.
///
///     **Task:** ...
///
/// The metadata is YAML front matter (Obsidian and most static-site tools
/// read it); the STAR sections are `**Situation:**`-style fields whose text
/// runs on until the next field or heading. Body lines that would read as
/// structure (a heading, a field, a `---`) are written with a leading
/// backslash, which Markdown also reads as "literally"; text the body cannot
/// carry exactly (leading or trailing blanks, carriage returns) moves into
/// the front matter. So reading back what was written gives every field.
public enum StoryMarkdown {
    /// The keys that make a front-matter block a story's (rather than a
    /// note's own metadata, such as Obsidian's `tags` and `created`).
    static let storyKeys: Set<String> = [
        "id", "principles", "principle", "outcome", "company", "role", "when",
        "created_at", "updated_at", "situation", "task", "action", "result", "learnings",
    ]
    /// Keys that open a front-matter block in the middle of a file.
    static let openingKeys: Set<String> = storyKeys.union(["title"])

    // MARK: Writing

    /// One story as a Markdown document (front matter, title heading, fields).
    public static func render(_ story: Story) -> String {
        var meta: [(String, Node)] = []
        meta.append(("id", Node(String(story.id), Tag(.int))))
        meta.append(("title", scalar(story.title)))
        meta.append(("principles", Node.sequence(.init(story.principles.map(scalar)))))
        meta.append(("outcome", scalar(story.outcome.rawValue)))
        meta.append(("company", story.company.map(scalar) ?? nullNode))
        meta.append(("role", story.role.map(scalar) ?? nullNode))
        meta.append(("when", story.when.map { scalar($0.text) } ?? nullNode))
        meta.append(("created_at", scalar(story.createdAt)))
        meta.append(("updated_at", scalar(story.updatedAt)))
        var body: [String] = []
        for (section, text) in story.sections {
            if let lines = bodyLines(text) {
                body.append(field(section, lines))
            } else {
                meta.append((section.rawValue, scalar(text)))
            }
        }
        return document(meta: meta, heading: story.title, fields: body)
    }

    /// The template `starlog add` opens in `$EDITOR`.
    public static let template: String = {
        let meta: [(String, Node)] = [
            ("title", scalar("")),
            ("principles", Node.sequence(.init([]))),
            ("outcome", scalar("success")),
            ("company", nullNode),
            ("role", nullNode),
            ("when", nullNode),
        ]
        let guide = """
            <!-- Write your story below; fill in the title above (or the first sentence
                 of the situation becomes the title). Principles: slugs, names or numbers,
                 for example [deliver-results, 12]. Save and quit to add it; leave the
                 file unchanged or empty to add nothing. -->
            """
        let fields = StorySection.allCases.filter { $0 != .title }.map { "**\($0.label):** " }
        return document(meta: meta, heading: nil, fields: [guide] + fields)
    }()

    static func document(meta: [(String, Node)], heading: String?, fields: [String]) -> String {
        let mapping = Node.mapping(.init(meta.map { (Node($0.0), $0.1) }))
        let yaml = (try? Yams.serialize(node: mapping, width: -1, allowUnicode: true, lineBreak: .ln, sortKeys: false)) ?? ""
        var text = "---\n" + yaml + "---\n"
        if let heading {
            text += "\n## " + heading.lineBreaksFolded + "\n"
        }
        for field in fields { text += "\n" + field + "\n" }
        return text
    }

    static var nullNode: Node { Node("null", Tag(.null)) }

    static func scalar(_ text: String) -> Node {
        .scalar(text.represented())
    }

    static func field(_ section: StorySection, _ lines: [String]) -> String {
        var text = "**\(section.label):**"
        if let first = lines.first, !first.isEmpty { text += " " + first }
        for line in lines.dropFirst() { text += "\n" + line }
        return text
    }

    /// The lines that carry `text` in the body exactly, or nil when it has
    /// blanks at either end or carriage returns the body would lose.
    static func bodyLines(_ text: String) -> [String]? {
        if text.isEmpty { return [""] }
        guard text.trimmed == text, !text.unicodeScalars.contains("\r") else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The first line sits beside the field's name, as written.
        return [lines[0]] + lines.dropFirst().map(escape)
    }

    /// A body line that would read as structure gets a leading backslash.
    static func escape(_ line: String) -> String {
        needsEscape(line) ? "\\" + line : line
    }

    /// The inverse of `escape`.
    static func unescape(_ line: Substring) -> Substring {
        if line.first == "\\", needsEscape(line.dropFirst()) { return line.dropFirst() }
        return line
    }

    static func needsEscape<S: StringProtocol>(_ line: S) -> Bool {
        if line.first == "\\" { return true }
        let text = String(line)
        return heading(text) != nil || fieldMarker(text) != nil || isRule(text) || fenceMarker(Substring(text)) != nil
            || isOtherLabel(text)
    }

    // MARK: Reading lines

    /// The text of the `## heading` `render` writes for `title`.
    static func headingText(of title: String) -> String? {
        heading("## " + title.lineBreaksFolded)?.text
    }

    /// `## Text` → (2, "Text"); nil for any other line.
    static func heading(_ line: String) -> (level: Int, text: String)? {
        var index = line.startIndex
        var spaces = 0
        while index < line.endIndex, line[index] == " ", spaces < 3 { index = line.index(after: index); spaces += 1 }
        var level = 0
        while index < line.endIndex, line[index] == "#" { level += 1; index = line.index(after: index) }
        guard (1...6).contains(level) else { return nil }
        if index == line.endIndex { return (level, "") }
        guard line[index] == " " || line[index] == "\t" else { return nil }
        var text = line[index...].trimmed
        // A closing run of #s is not part of the heading.
        while text.hasSuffix("#") { text.removeLast() }
        return (level, text.trimmed)
    }

    /// `**Situation:** text` → (.situation, "text"); also `**Situation**:`,
    /// `__Situation:__`, `*Situation:*`, a bold `**Situation**` alone on its
    /// line, a plain `Situation:` at the start of a line, and in bold or
    /// italics the initials `**S:**`, `**T:**`, `**A:**`, `**R:**`; any
    /// case, after a list bullet.
    static func fieldMarker(_ line: String) -> (section: StorySection, rest: Substring)? {
        var rest = Substring(line)
        while rest.first == " " || rest.first == "\t" { rest.removeFirst() }
        if rest.hasPrefix("- ") || rest.hasPrefix("* ") || rest.hasPrefix("+ ") {
            rest.removeFirst(2)
            while rest.first == " " { rest.removeFirst() }
        }
        let emphasis: Substring
        if rest.hasPrefix("**") {
            emphasis = "**"
        } else if rest.hasPrefix("__") {
            emphasis = "__"
        } else if rest.hasPrefix("*") || rest.hasPrefix("_") {
            emphasis = rest.prefix(1)
        } else {
            // Plain `Situation: text`: the whole name, then a colon.
            guard let colon = rest.firstIndex(of: ":"),
                  let section = fieldNames[rest[..<colon].trimmed.lowercased()] else { return nil }
            var after = rest[rest.index(after: colon)...]
            while after.first == " " || after.first == "\t" { after.removeFirst() }
            return (section, after)
        }
        rest.removeFirst(emphasis.count)
        guard let close = rest.range(of: emphasis) else { return nil }
        var name = rest[..<close.lowerBound].trimmed
        var after = rest[close.upperBound...]
        if name.hasSuffix(":") {
            name.removeLast()
        } else {
            while after.first == " " { after.removeFirst() }
            if after.first == ":" {
                after.removeFirst()
            } else if !(after.trimmed.isEmpty && emphasis.count == 2) {
                return nil
            }
        }
        let key = name.trimmed.lowercased()
        guard let section = fieldNames[key] ?? initials[key] else { return nil }
        while after.first == " " || after.first == "\t" { after.removeFirst() }
        return (section, after)
    }

    /// `**S:**` and the like, only in bold or italics.
    static let initials: [String: StorySection] = ["s": .situation, "t": .task, "a": .action, "r": .result]

    /// The fence that opens or closes a code block (```` ``` ```` or `~~~`, at most
    /// three spaces in), or nil.
    static func fenceMarker(_ line: Substring) -> Substring? {
        var rest = line
        var spaces = 0
        while rest.first == " ", spaces < 3 { rest.removeFirst(); spaces += 1 }
        for mark in ["```", "~~~"] where rest.hasPrefix(mark) {
            return rest.prefix { $0 == mark.first }
        }
        return nil
    }

    /// A line that opens a paragraph of its own kind: a short label and a
    /// colon that is no STAR field (`Resources:`, `Notes: …`, `**Links:**`).
    static func isOtherLabel(_ line: String) -> Bool {
        var text = Substring(line.trimmed)
        while text.first == "*" || text.first == "_" { text.removeFirst() }
        guard let colon = text.firstIndex(of: ":") else { return false }
        let label = text[..<colon].filter { $0 != "*" && $0 != "_" }
        let words = label.split(separator: " ")
        guard (1...3).contains(words.count), let first = label.first, first.isUppercase,
              label.allSatisfy({ $0.isLetter || $0 == " " || $0 == "-" }) else { return false }
        return fieldNames[label.lowercased()] == nil
    }

    static let fieldNames: [String: StorySection] = [
        "situation": .situation, "task": .task, "action": .action, "actions": .action,
        "result": .result, "results": .result, "learnings": .learnings, "learning": .learnings,
        "lessons": .learnings, "lessons learned": .learnings, "lessons learnt": .learnings,
    ]

    /// A thematic break (`---`, `----`, `***`, `_ _ _`): it ends a field.
    static func isRule(_ line: String) -> Bool {
        let marks = line.filter { $0 != " " && $0 != "\t" }
        guard marks.count >= 3, let first = marks.first, "-*_".contains(first) else { return false }
        return marks.allSatisfy { $0 == first } && !line.hasPrefix("    ")
    }

    /// The longest title `title(from:)` makes, in characters.
    public static let maximumDerivedTitle = 120

    /// The first non-empty line of `text`, trimmed.
    static func firstLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).lazy.map { $0.trimmed }.first { !$0.isEmpty } ?? ""
    }

    /// A title from a story's text: its first sentence, whole when it fits
    /// in `maximumDerivedTitle` characters, else cut at the last word
    /// boundary that does (no ellipsis: the stored title is plain text;
    /// displays shorten it as they need). A full stop after an abbreviation
    /// (`2 a.m.`, `e.g.`, `Dr.`) or before a lower-case word does not end
    /// the sentence.
    public static func title(from text: String) -> String {
        let line = firstLine(text)
        let characters = Array(line)
        var end = characters.count
        var index = 0
        while index < characters.count - 1 {
            let mark = characters[index]
            if ".!?".contains(mark), characters[index + 1] == " " {
                if mark != "." || endsSentence(characters, period: index) {
                    end = index + 1
                    break
                }
            }
            index += 1
        }
        var sentence = String(characters[..<end])
        while let last = sentence.last, ".!?:;,".contains(last) { sentence.removeLast() }
        guard sentence.count > maximumDerivedTitle else { return sentence }
        var cut = String(sentence.prefix(maximumDerivedTitle + 1))
        if let space = cut.lastIndex(of: " ") {
            cut = String(cut[..<space])
        } else {
            cut = String(cut.prefix(maximumDerivedTitle))
        }
        while let last = cut.last, ".!?:;,- ".contains(last) { cut.removeLast() }
        return cut
    }

    /// Words whose full stop is an abbreviation's, not a sentence's end.
    static let abbreviations: Set<String> = [
        "a.m", "p.m", "e.g", "i.e", "dr", "mr", "mrs", "ms", "prof", "st", "vs", "etc", "inc", "ltd", "jr", "sr",
        "approx", "no", "fig", "cf", "u.s", "u.k", "dept", "est", "min", "max", "sec", "hrs", "mins",
    ]

    /// True when the `.` at `period` ends a sentence: the next word starts
    /// with a capital or a digit, and the word before is no abbreviation.
    static func endsSentence(_ characters: [Character], period: Int) -> Bool {
        var next = period + 1
        while next < characters.count, characters[next] == " " { next += 1 }
        if next < characters.count, characters[next].isLowercase { return false }
        var start = period
        while start > 0, characters[start - 1] != " " { start -= 1 }
        var word = String(characters[start..<period]).lowercased()
        while let first = word.first, "([\"'“‘".contains(first) { word.removeFirst() }
        if abbreviations.contains(word) { return false }
        // A single letter (an initial, as in "J. Smith") or dotted letters (U.S.A).
        if word.count == 1, word.first?.isLetter == true { return false }
        if word.contains("."), word.split(separator: ".").allSatisfy({ $0.count == 1 }) { return false }
        return true
    }
}
