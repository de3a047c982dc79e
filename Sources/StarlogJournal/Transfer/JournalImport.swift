#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StarlogStorage

extension Journal {
    /// Imports stories from `path` ("-" for stdin): all of them in one
    /// transaction, or nothing. Stories the journal already has (the same
    /// four STAR sections, whatever the title) are skipped. With `dryRun` the transaction is rolled back.
    /// A malformed file throws `JournalError.badData` naming the line or item.
    public func importStories(from path: String, format: ImportFormat? = nil, dryRun: Bool = false) throws -> ImportReport {
        // The whole input is read before the write lock is taken, so a slow
        // pipe never locks other writers out, and never past the limit.
        var bytes = try InputFile.readAll(path, limit: InputFile.importLimit, limitName: "the import limit")
        InputFile.normalize(&bytes)
        // An empty input reads as one empty line (fmemopen needs a byte).
        if bytes.isEmpty { bytes = [0x0A] }
        guard let stream = bytes.withUnsafeMutableBytes({ fmemopen($0.baseAddress, $0.count, "rb") }) else {
            throw JournalError.badData("cannot read \(path == "-" ? "stdin" : path): \(String(cString: strerror(errno)))")
        }
        defer { fclose(stream) }
        let name = path == "-" ? "stdin" : path
        let format = format ?? Self.sniff(stream)
        var report = ImportReport(format: format, dryRun: dryRun)
        let importer = StoryImporter(journal: self, checksPenalties: !dryRun)
        do {
            // A dry run counts everything, then rolls back.
            try database.inTransaction(.immediate) {
                try importer.prepare()
                TestPause.at("import-in-transaction")
                do {
                    switch format {
                    case .json: try importer.importJSON(JSONStreamReader(stream: stream), into: &report)
                    case .markdown: try importer.importMarkdown(stream, into: &report)
                    }
                    try importer.addWaitingStories(into: &report)
                    try importer.finish()
                    if report.added > 0 && !dryRun {
                        // Commands that only read cannot save lint penalties,
                        // so the import caches those of the stories it adds.
                        _ = try lint.refreshPenalties()
                    }
                    if report.attemptsAdded > 0 {
                        // The spaced-repetition state is derived from the attempts.
                        try schedule
                            .rebuild(afterAttempt: importer.lastAttemptBefore)
                    }
                    try importer.finishTotals()
                } catch let problem as ImportProblem {
                    throw JournalError.importFailed(file: name, problem)
                }
                try Self.requireSomething(report, in: bytes, name: name)
                return dryRun ? .rollback : .commit
            }
        } catch {
            throw JournalError.describing(error, journalPath: self.path)
        }
        return report
    }

    /// Refuses Markdown (or any text) in which nothing was recognised: no
    /// story, no section under a principle, no STAR field.
    static func requireSomething(_ report: ImportReport, in bytes: [UInt8], name: String) throws {
        guard report.format == .markdown, report.added == 0, report.duplicates == 0, report.empty == 0,
              report.strayFieldLines.isEmpty else { return }
        let start = String(decoding: bytes.prefix(200), as: UTF8.self).lowercased()
        if start.hasPrefix("id,title,") || start.hasPrefix("\"id\",") {
            throw JournalError.input(.csv(name))
        }
        throw JournalError.input(.noStory(name))
    }

    /// JSON when the first byte that is not white space opens an object or
    /// array; Markdown otherwise. The byte is pushed back.
    static func sniff(_ stream: UnsafeMutablePointer<FILE>) -> ImportFormat {
        while true {
            let byte = getc(stream)
            if byte == EOF { return .markdown }
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { continue }
            ungetc(byte, stream)
            return byte == Int32(UInt8(ascii: "{")) || byte == Int32(UInt8(ascii: "[")) ? .json : .markdown
        }
    }

    /// Reads one story in the Markdown form (for `add --from` and the
    /// editor). Returns nil when the text holds no story (an empty file, or
    /// a template left with no title and no text).
    /// `previousTitle` is the title of the story the editor showed, so a
    /// changed heading or a changed `title:` can win (see
    /// `MarkdownStory.settleTitle`).
    public func parseStory(markdown text: String, previousTitle: String? = nil) throws -> MarkdownStory? {
        let lookup = PrincipleLookup(repository: principles)
        let reader: StoryMarkdownReader
        do {
            reader = try StoryMarkdownReader.read(text, singleStory: true) { lookup.heading($0) }
        } catch {
            throw JournalError.badData("line \(error.place.dropFirst(5)): \(error.message)")
        }
        let stories = reader.ready.filter { !($0.hasNoText && ($0.title ?? "").trimmed.isEmpty) }
        guard stories.count <= 1 else {
            throw JournalError.input(.severalStories(stories.count))
        }
        guard var story = stories.first else { return nil }
        do {
            try story.settleTitle(previousTitle: previousTitle)
        } catch {
            throw JournalError.badData("line \(error.place.dropFirst(5)): \(error.message)")
        }
        return story
    }

    /// The one story in `text` (as `parseStory` reads it); throws when it
    /// holds none.
    public func requireStory(markdown text: String, previousTitle: String? = nil) throws -> MarkdownStory {
        guard let story = try parseStory(markdown: text, previousTitle: previousTitle) else {
            throw JournalError.input(.untitledText)
        }
        return story
    }

    /// A draft from a story read from Markdown; throws when it has no title
    /// and no text to make one from.
    public func draft(from story: MarkdownStory) throws -> StoryDraft {
        let title = story.effectiveTitle
        guard !title.isEmpty else {
            throw JournalError.input(.untitledText)
        }
        return story.draft
    }

    /// A patch that makes story fields match `story` read from Markdown.
    public func patch(from story: MarkdownStory) throws -> StoryPatch {
        let draft = try draft(from: story)
        var patch = StoryPatch()
        patch.title = draft.title
        patch.situation = draft.situation
        patch.task = draft.task
        patch.action = draft.action
        patch.result = draft.result
        patch.learnings = draft.learnings
        patch.outcome = draft.outcome
        patch.company = draft.company ?? ""
        patch.role = draft.role ?? ""
        patch.when = draft.when?.text ?? ""
        patch.principles = draft.principles
        return patch
    }
}
