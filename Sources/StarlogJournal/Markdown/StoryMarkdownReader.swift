import Yams

/// Reads Markdown a line at a time: starlog's own story form (front matter
/// and fields) and notes in the STAR-template style (a heading naming a
/// principle, then `**Situation:**` … `**Result:**`). Stories come out as
/// their section ends, so a file of any size is read in constant memory.
public struct StoryMarkdownReader {
    /// Answers whether a heading's text names a principle, and which (as a
    /// reference `PrincipleRepository.resolve` accepts).
    public typealias PrincipleMatcher = (String) -> String?

    private enum Section {
        /// Outside any story: before the first principle heading, or after
        /// a heading that closed one.
        case none
        /// Under a heading naming a principle (notes).
        case principle(reference: String, level: Int, line: Int, stories: Int)
        /// After a story's front matter (starlog's form).
        case story(MarkdownStory, fieldsSeen: Set<StorySection>, headingAllowed: Bool)
    }

    private let matchPrinciple: PrincipleMatcher
    private var section = Section.none
    /// The story being filled under a principle heading.
    private var notes: MarkdownStory?
    private var notesFields: Set<StorySection> = []
    private var field: StorySection?
    private var fieldLines: [Substring] = []
    private var lineNumber = 0
    private var frontMatter: (start: Int, lines: [Substring])?
    /// A `---` seen in the body, held until the next line shows whether it
    /// opens front matter.
    private var pendingRule: Int?
    /// STAR fields found outside any story, by line (the seed's example).
    public private(set) var strayFieldLines: [Int] = []
    /// Sections under a principle heading with no text at all.
    public private(set) var emptySections = 0
    /// Lines of text under a principle heading that no STAR field holds
    /// (after a field ended, or in a section with no fields), left out.
    public private(set) var leftOutLines: [Int] = []
    /// The fence (``` or ~~~) of the code block being skipped.
    private var fence: Substring?
    /// Text lines of the current principle section before its first field.
    private var preambleLines: [Int] = []
    private var sectionHasField = false
    /// The line before was blank (a new paragraph starts here).
    private var afterBlank = true
    /// Finished stories, in file order; the caller takes them away.
    public var ready: [MarkdownStory] = []

    /// True when the text is one story (`add --from`, the editor): front
    /// matter with only a `title:` is the story's, and fields with no front
    /// matter or heading before them are the story's too.
    private let singleStory: Bool

    public init(singleStory: Bool = false, matchPrinciple: @escaping PrincipleMatcher) {
        self.singleStory = singleStory
        self.matchPrinciple = matchPrinciple
    }

    /// Reads a whole document.
    public static func read(_ text: String, singleStory: Bool = false, matchPrinciple: @escaping PrincipleMatcher) throws(ImportProblem) -> StoryMarkdownReader {
        var reader = StoryMarkdownReader(singleStory: singleStory, matchPrinciple: matchPrinciple)
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            try reader.feed(line)
        }
        try reader.finish()
        return reader
    }

    /// Reads the next line (without its line break).
    public mutating func feed(_ rawLine: Substring) throws(ImportProblem) {
        lineNumber += 1
        var line = rawLine
        if line.last == "\r" { line.removeLast() }
        if lineNumber == 1, line.first == "\u{FEFF}" { line.removeFirst() }

        if var block = frontMatter {
            if line.trimmed == "---" || line.trimmed == "..." {
                frontMatter = nil
                try closeFrontMatter(start: block.start, yaml: block.lines.joined(separator: "\n"))
            } else {
                block.lines.append(line)
                frontMatter = block
            }
            return
        }
        if lineNumber == 1, line.trimmed == "---" {
            frontMatter = (1, [])
            return
        }
        if let ruleLine = pendingRule {
            pendingRule = nil
            if opensFrontMatter(line) {
                try endStory()
                try endPrincipleSection()
                frontMatter = (ruleLine, [line])
                return
            }
            try body("---", number: ruleLine)
        }
        if line.trimmed == "---" {
            pendingRule = lineNumber
            return
        }
        try body(line, number: lineNumber)
    }

    /// Ends the document: the last story comes out.
    public mutating func finish() throws(ImportProblem) {
        if let block = frontMatter {
            throw ImportProblem(line: block.start, "the front matter that starts here has no closing `---` line")
        }
        if let ruleLine = pendingRule {
            pendingRule = nil
            try body("---", number: ruleLine)
        }
        try endStory()
        try endPrincipleSection()
    }

    /// True for a line right after `---` that starts a story's YAML (`title: …`).
    private func opensFrontMatter(_ line: Substring) -> Bool {
        guard let colon = line.firstIndex(of: ":") else { return false }
        let key = line[..<colon]
        guard !key.isEmpty, key.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "_") }) else { return false }
        return StoryMarkdown.openingKeys.contains(String(key))
    }

    private mutating func body(_ line: Substring, number: Int) throws(ImportProblem) {
        let blank = line.trimmed.isEmpty
        defer { afterBlank = blank }
        // A fenced code block is never story text: it ends the field, and
        // nothing inside it (a heading, a field) counts.
        if let open = fence {
            if StoryMarkdown.fenceMarker(line).map({ $0.hasPrefix(open) }) == true { fence = nil }
            return
        }
        if let marker = StoryMarkdown.fenceMarker(line) {
            endField()
            fence = marker
            return
        }
        let text = String(line)
        if let heading = StoryMarkdown.heading(text) {
            endField()
            if let section = StoryMarkdown.fieldNames[heading.text.lowercased().trimmingColon] {
                // `### Situation` starts a field, as `**Situation:**` does.
                try startField(section, rest: "", number: number)
                return
            }
            try handleHeading(heading, number: number)
            return
        }
        if let marker = StoryMarkdown.fieldMarker(text) {
            endField()
            try startField(marker.section, rest: marker.rest, number: number)
            return
        }
        if StoryMarkdown.isRule(text) {
            endField()
            return
        }
        if field != nil, afterBlank, case .principle = section, StoryMarkdown.isOtherLabel(text) {
            // A new paragraph headed `Resources:` or `Notes:` is not the field's.
            endField()
        }
        if field != nil {
            fieldLines.append(StoryMarkdown.unescape(line))
            return
        }
        if case .story(let story, _, _) = section, !blank, !isComment(line) {
            throw ImportProblem(line: number, "text outside any field in the story that starts at line \(story.line); put it after a field such as **Action:** (a heading ends a field)")
        }
        if case .principle = section, !blank, !isComment(line) {
            if sectionHasField { leftOutLines.append(number) } else { preambleLines.append(number) }
        }
    }

    private var commentDepth = 0

    /// HTML comments (the editor template's guide) are not story text.
    private mutating func isComment(_ line: Substring) -> Bool {
        let trimmed = line.trimmed
        if commentDepth > 0 {
            if trimmed.hasSuffix("-->") { commentDepth = 0 }
            return true
        }
        if trimmed.hasPrefix("<!--") {
            if !trimmed.hasSuffix("-->") { commentDepth = 1 }
            return true
        }
        return false
    }

    private mutating func handleHeading(_ heading: (level: Int, text: String), number: Int) throws(ImportProblem) {
        if let reference = matchPrinciple(heading.text) {
            try endStory()
            try endPrincipleSection()
            section = .principle(reference: reference, level: heading.level, line: number, stories: 0)
            preambleLines = []
            sectionHasField = false
            return
        }
        switch section {
        case .none:
            if singleStory {
                // `## Title` then fields: the story's title.
                var story = MarkdownStory(line: number)
                story.title = heading.text
                section = .story(story, fieldsSeen: [], headingAllowed: false)
            }
            return
        case .principle(_, let level, _, _):
            if heading.level <= level {
                try endStory()
                try endPrincipleSection()
                section = .none
            } else if let story = notes, !story.hasNoText {
                // A subheading after a filled story starts the next one.
                try endStory()
            }
        case .story(var story, let seen, let headingAllowed):
            if headingAllowed && seen.isEmpty {
                if let title = story.title, !title.trimmed.isEmpty {
                    // The heading under the front matter repeats the title; when
                    // the two say different things, neither wins silently.
                    if !heading.text.isEmpty, heading.text != StoryMarkdown.headingText(of: title) {
                        story.differentHeading = (number, heading.text)
                    }
                } else {
                    story.title = heading.text
                }
                section = .story(story, fieldsSeen: seen, headingAllowed: false)
            } else {
                section = .story(story, fieldsSeen: seen, headingAllowed: false)
            }
        }
    }

    private mutating func startField(_ name: StorySection, rest: Substring, number: Int) throws(ImportProblem) {
        if singleStory, case .none = section {
            // A bare `**Situation:** … **Result:**` body is the story.
            section = .story(MarkdownStory(line: number), fieldsSeen: [], headingAllowed: false)
        }
        switch section {
        case .none:
            strayFieldLines.append(number)
            return
        case .principle(let reference, _, let line, _):
            sectionHasField = true
            if notesFields.contains(name) { try endStory() }
            if notes == nil {
                var story = MarkdownStory(line: notesFields.isEmpty && !hasStartedInSection ? line : number)
                story.principles = [reference]
                notes = story
            }
            notesFields.insert(name)
        case .story(let story, var seen, _):
            guard seen.insert(name).inserted else {
                throw ImportProblem(line: number, "a second **\(name.label):** in the story that starts at line \(story.line); give each story its own front matter (--- … ---)")
            }
            section = .story(story, fieldsSeen: seen, headingAllowed: false)
        }
        field = name
        fieldLines = [rest]
    }

    private var hasStartedInSection: Bool {
        if case .principle(_, _, _, let stories) = section { return stories > 0 }
        return false
    }

    /// Stores the open field's text: its lines, blank ends trimmed.
    private mutating func endField() {
        guard let name = field else { return }
        field = nil
        var lines = fieldLines[...]
        while let first = lines.first, first.trimmed.isEmpty { lines.removeFirst() }
        while let last = lines.last, last.trimmed.isEmpty { lines.removeLast() }
        var text = lines.joined(separator: "\n")
        if text.trimmed != text { text = text.trimmed }
        fieldLines = []
        switch section {
        case .none: return
        case .principle: notes?.set(name, text)
        case .story(var story, let seen, let headingAllowed):
            story.set(name, text)
            section = .story(story, fieldsSeen: seen, headingAllowed: headingAllowed)
        }
    }

    /// Ends the story being read, if any, and hands it out.
    private mutating func endStory() throws(ImportProblem) {
        endField()
        switch section {
        case .none:
            return
        case .principle(let reference, let level, let line, let stories):
            guard let story = notes else { return }
            notes = nil
            notesFields = []
            if !story.hasNoText {
                ready.append(story)
                section = .principle(reference: reference, level: level, line: line, stories: stories + 1)
            }
        case .story(let story, _, _):
            section = .none
            ready.append(story)
        }
    }

    /// Counts a principle section that held no story.
    private mutating func endPrincipleSection() throws(ImportProblem) {
        if case .principle(_, _, _, let stories) = section {
            if stories == 0 {
                // A section with text but no field is not empty: its text is
                // reported as left out. Text before the first field (the
                // principle's own description) is the section's preamble.
                if !sectionHasField && !preambleLines.isEmpty {
                    leftOutLines += preambleLines
                } else {
                    emptySections += 1
                }
            }
            section = .none
        }
        preambleLines = []
        sectionHasField = false
    }

    private mutating func closeFrontMatter(start: Int, yaml: String) throws(ImportProblem) {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch {
            throw ImportProblem(line: start, "the front matter that starts here is not valid YAML (\(YAMLText.problem(error)) near line \(start + YAMLText.line(of: error))); check its quotes and indentation")
        }
        guard let mapping = node?.mapping else {
            if node == nil || node?.null != nil { return }
            throw ImportProblem(line: start, "the front matter must be `key: value` lines")
        }
        let keys = Set(mapping.keys.compactMap(\.string))
        guard !keys.isDisjoint(with: singleStory ? StoryMarkdown.openingKeys : StoryMarkdown.storyKeys) else {
            // A note's own metadata (Obsidian's tags, created, ...): not a story.
            return
        }
        try endStory()
        try endPrincipleSection()
        var story = MarkdownStory(line: start)
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { continue }
            let place = start + (value.mark?.line ?? keyNode.mark?.line ?? 0)
            func text() throws(ImportProblem) -> String? {
                if value.scalar == nil {
                    throw ImportProblem(line: place, "\(Excerpt.quoted(key)) must be text, not a list or mapping")
                }
                if value.scalar?.style == .plain || value.scalar?.style == .any, value.null != nil { return nil }
                return value.string
            }
            switch key {
            case "id":
                if let raw = try text() { story.id = try StoryFieldText.id(raw, key: key, at: "line \(place)") }
            case "title": story.title = try text()
            case "situation": story.situation = try text() ?? ""
            case "task": story.task = try text() ?? ""
            case "action": story.action = try text() ?? ""
            case "result": story.result = try text() ?? ""
            case "learnings": story.learnings = try text() ?? ""
            case "outcome":
                if let raw = try text(), let outcome = try StoryFieldText.outcome(raw, at: "line \(place)") { story.outcome = outcome }
            case "company": story.company = try text().nonBlank
            case "role": story.role = try text().nonBlank
            case "when":
                if let raw = try text(), let date = try StoryFieldText.when(raw, at: "line \(place)") { story.when = date }
            case "created_at", "updated_at":
                guard let raw = try text(), let time = try StoryFieldText.timestamp(raw, key: key, at: "line \(place)") else { break }
                if key == "created_at" { story.createdAt = time } else { story.updatedAt = time }
            case "principles", "principle":
                story.principlesLine = start + (keyNode.mark?.line ?? 0)
                if let list = value.sequence {
                    for item in list {
                        guard let name = item.scalar?.string else {
                            throw ImportProblem(line: start + (item.mark?.line ?? 0), "each principle must be a name, slug or number")
                        }
                        if !name.trimmed.isEmpty { story.principles.append(name) }
                    }
                } else if let raw = try text() {
                    story.principles += raw.split(separator: ",").map { $0.trimmed }.filter { !$0.isEmpty }
                }
            default:
                continue
            }
        }
        section = .story(story, fieldsSeen: [], headingAllowed: true)
    }
}
