import ArgumentParser
import StarlogJournal

/// A record id as starlog prints it: a positive whole number, `12` or `#12`.
func parseRecordID(_ text: String) -> Int64? {
    var digits = Substring(text.trimmed)
    if digits.first == "#" { digits = digits.dropFirst() }
    guard digits.first?.isASCII == true, digits.first?.isNumber == true, let value = Int64(digits), value > 0 else { return nil }
    return value
}

/// A story id argument, `12` or `#12`; completes to the journal's story ids.
struct StoryID: ExpressibleByArgument {
    let value: Int64

    init?(argument: String) {
        guard let value = parseRecordID(argument) else { return nil }
        self.value = value
    }

    static var defaultValueDescription: String { "id" }
    static var defaultCompletionKind: CompletionKind { Completions.storyIDs }
}

/// One story id or several joined by commas: `12`, `10,11`, `#10,#11`.
struct StoryIDList: ExpressibleByArgument {
    let values: [Int64]

    init?(argument: String) {
        let parts = argument.split(separator: ",", omittingEmptySubsequences: false).map { parseRecordID(String($0)) }
        guard !parts.isEmpty, !parts.contains(where: { $0 == nil }) else { return nil }
        var seen = Set<Int64>()
        values = parts.compactMap { $0 }.filter { seen.insert($0).inserted }
    }

    static var defaultValueDescription: String { "ids" }
    static var defaultCompletionKind: CompletionKind { Completions.storyIDs }
}

/// An interview id, `3` or `#3`; completes to the journal's interviews.
struct InterviewID: ExpressibleByArgument {
    let value: Int64

    init?(argument: String) {
        guard let value = parseRecordID(argument) else { return nil }
        self.value = value
    }

    static var defaultValueDescription: String { "id" }
    static var defaultCompletionKind: CompletionKind { Completions.interviewIDs }
}

/// Any other record id (a question's), `31` or `#31`.
struct RecordID: ExpressibleByArgument {
    let value: Int64

    init?(argument: String) {
        guard let value = parseRecordID(argument) else { return nil }
        self.value = value
    }

    static var defaultValueDescription: String { "id" }
}
