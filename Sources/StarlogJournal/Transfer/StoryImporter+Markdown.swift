#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StarlogStorage

/// Stories from Markdown notes, a line at a time.
extension StoryImporter {
    func importMarkdown(_ stream: UnsafeMutablePointer<FILE>, into report: inout ImportReport) throws {
        var reader = StoryMarkdownReader { [lookup] in lookup.heading($0) }
        var line: UnsafeMutablePointer<CChar>?
        var capacity = 0
        var number = 0
        defer { free(line) }
        func drain() throws {
            for story in reader.ready { try addMarkdown(story, into: &report) }
            reader.ready.removeAll(keepingCapacity: true)
        }
        while true {
            let length = getline(&line, &capacity, stream)
            if length < 0 { break }
            number += 1
            var bytes = UnsafeBufferPointer(start: UnsafeRawPointer(line!).assumingMemoryBound(to: UInt8.self), count: length)
            if bytes.last == 0x0A { bytes = UnsafeBufferPointer(rebasing: bytes.dropLast()) }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw ImportProblem(line: number, "the text is not UTF-8; save the file as UTF-8 and try again")
            }
            try reader.feed(Substring(text))
            if !reader.ready.isEmpty { try drain() }
        }
        try reader.finish()
        try drain()
        report.empty = reader.emptySections
        report.strayFieldLines = reader.strayFieldLines
        report.leftOutLines = reader.leftOutLines
    }

    private func addMarkdown(_ story: MarkdownStory, into report: inout ImportReport) throws {
        var story = story
        try story.settleTitle()
        let place = "line \(story.principlesLine ?? story.line)"
        if story.hasNoText && (story.title ?? "").trimmed.isEmpty {
            report.empty += 1
            return
        }
        try add(story.draft, fileID: story.id, createdAt: story.createdAt, updatedAt: story.updatedAt, place: place, into: &report)
    }
}
