import StarlogStorage
import Yams

/// A framework as a small text file a user can write by hand from a
/// company's careers page, and that `framework export` writes:
///
///     name: Acme Values
///     slug: acme
///     source: https://acme.example/careers/values
///     as_of: 2026-03-01
///     principles:
///       - number: 1
///         name: Customers First
///         slug: customers-first        # optional; made from the name
///         summary: One line in your own words.
///         questions:                   # optional
///           - Tell me about a time you put a customer first.
///
/// The same YAML may sit in a Markdown file's front matter (between `---`
/// lines); the text after it is ignored.
public struct FrameworkFile: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var number: Int
        public var name: String
        public var slug: String?
        public var summary: String
        public var questions: [String]

        public init(number: Int, name: String, slug: String? = nil, summary: String = "", questions: [String] = []) {
            self.number = number
            self.name = name
            self.slug = slug
            self.summary = summary
            self.questions = questions
        }
    }

    public var name: String
    public var slug: String
    public var source: String?
    /// `YYYY-MM-DD`.
    public var asOf: String?
    public var principles: [Entry]

    public init(name: String, slug: String, source: String? = nil, asOf: String? = nil, principles: [Entry] = []) {
        self.name = name
        self.slug = slug
        self.source = source
        self.asOf = asOf
        self.principles = principles
    }

    /// Why a file could not be read as a framework: what is wrong and, when
    /// known, the line. The command line words it (exit 65).
    public struct Problem: Error, Equatable, Sendable {
        public enum Kind: Equatable, Sendable {
            /// Not YAML at all: the parser's own short description.
            case notYAML(String)
            /// The document (or a principle) is not a `key: value` mapping.
            case notMapping(place: String)
            /// A required key is missing.
            case missing(key: String, place: String)
            /// A key holds the wrong kind of value (`expected`: text, a whole number, a list).
            case wrongType(key: String, place: String, expected: String)
            /// A key the format does not have (a typo, most likely).
            case unknownKey(String, place: String)
            case invalidSlug(String, place: String)
            case invalidDate(String)
            case invalidNumber(Int, place: String)
            case duplicateNumber(Int)
            case duplicateName(String)
            case noPrinciples
            /// More principles, or more questions for one principle, than a file may hold.
            case tooMany(what: String, place: String, limit: Int)
            /// A question longer than the bank takes.
            case questionTooLong(place: String, limit: Int)
            /// A value the journal's rules for frameworks and principles
            /// refuse (a name too long, a slug taken): what `framework add`
            /// or `principles add` would say, at `place` in the file.
            case refused(FrameworkError, place: String)
        }
        public let kind: Kind
        /// 1-based, when known.
        public let line: Int?
    }

    /// The most principles one file may hold.
    public static let maximumPrinciples = 200
    /// The most questions one principle may list.
    public static let maximumQuestions = 100

    static let topKeys: Set<String> = ["name", "slug", "source", "as_of", "principles"]
    static let entryKeys: Set<String> = ["number", "name", "slug", "summary", "questions"]

    /// Reads `text` (YAML, or Markdown with YAML front matter).
    public static func parse(_ contents: String) throws(Problem) -> FrameworkFile {
        var yaml = contents
        var offset = 0
        let lines = contents.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.first.map({ String($0).trimmed == "---" }) == true,
           let end = lines.dropFirst().firstIndex(where: { String($0).trimmed == "---" }) {
            yaml = lines[1..<end].joined(separator: "\n")
            offset = 1
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            let at = YAMLText.line(of: error)
            throw Problem(kind: .notYAML(String(YAMLText.problem(error).prefix(120))), line: at > 0 ? at + offset : nil)
        }
        guard let mapping = root?.mapping else { throw Problem(kind: .notMapping(place: "the file"), line: 1) }
        func line(_ node: Node?) -> Int? { node?.mark.map { $0.line + offset } }
        for key in mapping.keys {
            guard let name = key.string, topKeys.contains(name) else {
                throw Problem(kind: .unknownKey(key.string ?? "?", place: "the file"), line: line(key))
            }
        }
        func text(_ key: String, in map: Node.Mapping, place: String, required: Bool) throws(Problem) -> String? {
            guard let value = map[key], value.null == nil || value.scalar?.style == .singleQuoted || value.scalar?.style == .doubleQuoted else {
                if required { throw Problem(kind: .missing(key: key, place: place), line: line(map.keys.first)) }
                return nil
            }
            guard let scalar = value.scalar else {
                throw Problem(kind: .wrongType(key: key, place: place, expected: "text"), line: line(value))
            }
            let cleaned = scalar.string.spacesFolded
            if required && cleaned.isEmpty { throw Problem(kind: .missing(key: key, place: place), line: line(value)) }
            return cleaned.isEmpty ? nil : cleaned
        }
        /// The journal's rule for a field, refused at the field's line.
        func checked<T>(_ key: String, in map: Node.Mapping, place: String, _ rule: () throws(FrameworkError) -> T) throws(Problem) -> T {
            do {
                return try rule()
            } catch {
                throw Problem(kind: .refused(error, place: place), line: line(map[key]))
            }
        }
        let givenName = try text("name", in: mapping, place: "the file", required: true) ?? ""
        let name = try checked("name", in: mapping, place: "the framework") { () throws(FrameworkError) in try FrameworkRepository.checkedName(givenName) }
        let slug = try text("slug", in: mapping, place: "the file", required: true) ?? ""
        guard isSlug(slug) else { throw Problem(kind: .invalidSlug(slug, place: "the file"), line: line(mapping["slug"])) }
        let givenSource = try text("source", in: mapping, place: "the file", required: false)
        let source = try checked("source", in: mapping, place: "the framework") { () throws(FrameworkError) in try FrameworkRepository.checkedText(givenSource, field: .source) }
        var asOf = try text("as_of", in: mapping, place: "the file", required: false)
        if let day = asOf {
            guard let parsed = LocalDay(day) else { throw Problem(kind: .invalidDate(day), line: line(mapping["as_of"])) }
            asOf = parsed.description
        }
        guard let list = mapping["principles"] else { throw Problem(kind: .noPrinciples, line: nil) }
        guard let items = list.sequence else {
            throw Problem(kind: .wrongType(key: "principles", place: "the file", expected: "a list"), line: line(list))
        }
        guard items.count <= maximumPrinciples else {
            throw Problem(kind: .tooMany(what: "principles", place: "the file", limit: maximumPrinciples), line: line(list))
        }
        var entries: [Entry] = []
        for (index, item) in items.enumerated() {
            let place = "principles[\(index + 1)]"
            guard let map = item.mapping else { throw Problem(kind: .notMapping(place: place), line: line(item)) }
            for key in map.keys {
                guard let keyName = key.string, entryKeys.contains(keyName) else {
                    throw Problem(kind: .unknownKey(key.string ?? "?", place: place), line: line(key))
                }
            }
            let givenEntryName = try text("name", in: map, place: place, required: true) ?? ""
            let entryName = try checked("name", in: map, place: place) { () throws(FrameworkError) in try FrameworkRepository.checkedName(givenEntryName) }
            // An entry without a number takes the one after the highest so far.
            var number = (entries.map(\.number).max() ?? 0) + 1
            if let raw = map["number"] {
                guard let value = raw.int else {
                    throw Problem(kind: .wrongType(key: "number", place: place, expected: "a whole number"), line: line(raw))
                }
                guard (1...FrameworkRepository.maximumNumber).contains(value) else {
                    throw Problem(kind: .invalidNumber(value, place: place), line: line(raw))
                }
                number = value
            }
            let entrySlug = try text("slug", in: map, place: place, required: false)
            if let entrySlug, !isSlug(entrySlug) {
                throw Problem(kind: .invalidSlug(entrySlug, place: place), line: line(map["slug"]))
            }
            var questions: [String] = []
            if let raw = map["questions"], raw.null == nil {
                guard let sequence = raw.sequence else {
                    throw Problem(kind: .wrongType(key: "questions", place: place, expected: "a list"), line: line(raw))
                }
                guard sequence.count <= maximumQuestions else {
                    throw Problem(kind: .tooMany(what: "questions", place: place, limit: maximumQuestions), line: line(raw))
                }
                for question in sequence {
                    guard let scalar = question.scalar else {
                        throw Problem(kind: .wrongType(key: "questions", place: place, expected: "a list of texts"), line: line(question))
                    }
                    let cleaned = scalar.string.spacesFolded
                    guard cleaned.count <= QuestionRepository.maximumLength else {
                        throw Problem(kind: .questionTooLong(place: place, limit: QuestionRepository.maximumLength), line: line(question))
                    }
                    if !cleaned.isEmpty { questions.append(cleaned) }
                }
            }
            if entries.contains(where: { $0.number == number }) { throw Problem(kind: .duplicateNumber(number), line: line(item)) }
            if entries.contains(where: { $0.name.lowercased() == entryName.lowercased() }) {
                throw Problem(kind: .duplicateName(entryName), line: line(item))
            }
            let givenSummary = try text("summary", in: map, place: place, required: false)
            let summary = try checked("summary", in: map, place: place) { () throws(FrameworkError) in try FrameworkRepository.checkedText(givenSummary, field: .summary) }
            entries.append(Entry(number: number, name: entryName, slug: entrySlug, summary: summary ?? "", questions: questions))
        }
        guard !entries.isEmpty else { throw Problem(kind: .noPrinciples, line: line(list)) }
        return FrameworkFile(name: name, slug: slug, source: source, asOf: asOf, principles: entries)
    }

    static func isSlug(_ text: String) -> Bool {
        !text.isEmpty && text.count <= FrameworkRepository.maximumSlug && text.first != "-"
            && text.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isASCIIDigit || $0 == "-") }
            && !text.allSatisfy(\.isASCIIDigit)
    }

    /// The file as YAML, keys in the documented order; `parse` reads it back unchanged.
    public var yaml: String {
        // Quoted when a plain scalar would read back as something else
        // (empty, `null`, `~`, `true`, a number); a day stays plain.
        func scalar(_ text: String) -> Node {
            let plain = !text.isEmpty && [.str, .timestamp].contains(Resolver.default.resolveTag(of: Node(text)))
            return .scalar(.init(text, Tag(.str), plain ? .any : .singleQuoted))
        }
        var top: [(Node, Node)] = [(Node("name"), scalar(name)), (Node("slug"), scalar(slug))]
        if let source { top.append((Node("source"), scalar(source))) }
        if let asOf { top.append((Node("as_of"), scalar(asOf))) }
        let items = principles.map { entry -> Node in
            var pairs: [(Node, Node)] = [(Node("number"), Node(String(entry.number), Tag(.int))),
                                         (Node("name"), scalar(entry.name))]
            if let slug = entry.slug { pairs.append((Node("slug"), scalar(slug))) }
            pairs.append((Node("summary"), scalar(entry.summary)))
            if !entry.questions.isEmpty {
                pairs.append((Node("questions"), .sequence(.init(entry.questions.map(scalar)))))
            }
            return .mapping(.init(pairs))
        }
        top.append((Node("principles"), .sequence(.init(items))))
        return (try? Yams.serialize(node: .mapping(.init(top)), width: -1, allowUnicode: true, lineBreak: .ln, sortKeys: false)) ?? ""
    }
}

extension FrameworkRepository {
    /// The framework `text` names, as a file: its principles in order, each
    /// with its slug, summary and the user's own questions.
    public func export(_ text: String) throws -> FrameworkFile {
        let framework = try require(text)
        let questions = context.questions
        var entries: [FrameworkFile.Entry] = []
        for principle in try principles.all(in: framework.slug) {
            let own = try questions.list(principle: principle.slug).filter { !$0.builtin || framework.builtin }.map(\.text)
            entries.append(FrameworkFile.Entry(number: principle.position ?? entries.count + 1, name: principle.name,
                                               slug: principle.slug, summary: principle.summary, questions: own))
        }
        return FrameworkFile(name: framework.name, slug: framework.slug, source: framework.source, asOf: framework.asOf,
                             principles: entries)
    }

    /// Adds the framework a file describes, with its principles and
    /// questions, all or nothing. A framework with its slug must not exist.
    @discardableResult
    public func importFile(_ file: FrameworkFile) throws -> (framework: Framework, principles: [Principle], questions: Int) {
        /// What a journal rule refuses about the file is a problem of the
        /// file at `place`, not of a command's flags.
        func refusedAt<T>(_ place: String, _ body: () throws -> T) throws -> T {
            do {
                return try body()
            } catch let error as FrameworkError {
                throw FrameworkFile.Problem(kind: .refused(error, place: place), line: nil)
            }
        }
        return try database.transaction {
            let framework = try refusedAt("the framework") {
                try add(FrameworkDraft(slug: file.slug, name: file.name, source: file.source, asOf: file.asOf))
            }
            var added: [Principle] = []
            var count = 0
            for (index, entry) in file.principles.enumerated() {
                let principle = try refusedAt("principles[\(index + 1)]") {
                    try addPrinciple(PrincipleDraft(framework: framework.slug, name: entry.name, summary: entry.summary,
                                                    number: entry.number, slug: entry.slug))
                }
                added.append(principle)
                for question in entry.questions {
                    let exists = try database.integer("SELECT count(*) FROM question WHERE principle_id = ? AND text = ?",
                                                      [principle.id, question]) ?? 0
                    guard exists == 0 else { continue }
                    try database.run("INSERT INTO question (principle_id, text, builtin, created_at) VALUES (?, ?, 0, ?)",
                                     [principle.id, question, clock.timestamp()])
                    count += 1
                }
            }
            return (framework, added, count)
        }
    }
}
