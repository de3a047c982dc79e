import Yams

/// What a YAML parser's error says, short: the same words for a story's
/// front matter and a framework file.
enum YAMLText {
    /// The parser's own description of the problem, on one line.
    static func problem(_ error: any Error) -> String {
        guard let error = error as? YamlError else { return firstLine("\(error)") }
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _),
             .reader(let problem, _, _, _):
            return problem
        default:
            return firstLine("\(error)")
        }
    }

    /// The line of the YAML text the error is on, from 1 (0 when unknown).
    static func line(of error: any Error) -> Int {
        guard let error = error as? YamlError else { return 0 }
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return 0
        }
    }

    private static func firstLine(_ text: String) -> String {
        let line = StoryMarkdown.firstLine(text)
        return line.isEmpty ? "unreadable" : line
    }
}
