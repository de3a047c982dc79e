import ArgumentParser
import StarlogJournal

/// The values Tab offers, through swift-argument-parser's custom completions:
/// the shell runs `starlog ---completion …` and shows what it prints. These
/// read the journal named on the command line (`--db`), else `STARLOG_DB`,
/// else the default one, read-only; with no journal they offer nothing (the
/// built-in principles for a principle) and print nothing on stderr.
enum Completions {
    /// Story ids; after a comma (`tag 10,1`), the next id of the list.
    static let storyIDs = CompletionKind.custom { words, _, prefix in
        let head = prefix.lastIndex(of: ",").map { String(prefix[...$0]) } ?? ""
        return candidates(prefix: prefix) { source(words).stories().map { (head + String($0.id), Render.oneLine($0.title)) } }
    }

    static let interviewIDs = CompletionKind.custom { words, _, prefix in
        candidates(prefix: prefix) { source(words).interviews().map { (String($0.id), Render.oneLine($0.label)) } }
    }

    static let principles = CompletionKind.custom { words, _, prefix in
        candidates(prefix: prefix) { source(words).principles().map { ($0.slug, $0.name) } }
    }

    static let outcomes = CompletionKind.list(Outcome.allCases.map(\.rawValue))

    /// Values that start with `prefix`, with their descriptions where the
    /// shell shows them: `value:description` for zsh, `value<TAB>description`
    /// for fish, the bare value for bash.
    static func candidates(prefix: String, _ all: () -> [(value: String, description: String)]) -> [String] {
        let shell = CompletionShell.requesting
        return all().filter { $0.value.hasPrefix(prefix) }.map { value, description in
            switch shell {
            case .zsh?:
                return value.replacingColons() + ":" + description
            case .fish?:
                return value + "\t" + description
            default:
                return value
            }
        }
    }

    /// The journal the command line being completed names.
    static func source(_ words: [String]) -> CompletionCandidates {
        var flag: String?
        var index = words.startIndex
        while index < words.endIndex {
            let word = words[index]
            if word == "--db", index + 1 < words.endIndex {
                flag = unquoted(words[index + 1])
                index += 1
            } else if word.hasPrefix("--db=") {
                flag = unquoted(String(word.dropFirst(5)))
            }
            index += 1
        }
        guard let path = try? JournalLocation.resolve(flag: flag, variable: Terminal.environment) else {
            return CompletionCandidates(path: "")
        }
        return CompletionCandidates(path: path)
    }

    /// A shell word as typed, without its surrounding quotes and with `~/`
    /// expanded.
    static func unquoted(_ word: String) -> String {
        var text = word
        if text.count >= 2, let first = text.first, first == "'" || first == "\"", text.last == first {
            text = String(text.dropFirst().dropLast())
        }
        if text.hasPrefix("~/"), let home = Terminal.environment("HOME") {
            text = home + text.dropFirst()
        }
        return text
    }
}

extension String {
    /// zsh's `_describe` splits a candidate at its first unescaped colon.
    fileprivate func replacingColons() -> String {
        var result = ""
        for character in self {
            if character == ":" { result += "\\" }
            result.append(character)
        }
        return result
    }
}
