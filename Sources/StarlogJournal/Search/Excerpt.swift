/// How a message quotes a value the user gave: in single quotes and cut
/// short, so a five-megabyte bad value makes a one-line error, not a
/// five-megabyte one. (The CLI also escapes control characters in every
/// message it prints.)
public enum Excerpt {
    /// The most characters of a value a message quotes.
    public static let limit = 60

    /// `'value'`, or its first `limit` characters then `…' (N characters)`.
    public static func quoted(_ value: some StringProtocol) -> String {
        var count = 0
        var end = value.startIndex
        while end < value.endIndex, count < limit {
            value.formIndex(after: &end)
            count += 1
        }
        guard end < value.endIndex else { return "'\(value)'" }
        return "'\(value[..<end])…' (\(value.count) characters)"
    }
}

/// Messages built from pieces.
public enum MessageText {
    /// `message` then `clause`: `message; clause`, or `message Clause` when
    /// `message` already ends a sentence (`?`, `!`, `.`), so no message
    /// reads `…?; nothing was imported` or `…?. Your text…`.
    public static func join(_ message: String, _ clause: String) -> String {
        var message = message
        while message.last == " " { message.removeLast() }
        guard let last = message.last, "?!.".contains(last) else { return message + "; " + clause }
        return message + " " + clause.prefix(1).uppercased() + clause.dropFirst()
    }

    /// `message` then a new sentence: `message. Next`, or `message? Next`
    /// when `message` already ends one.
    public static func then(_ message: String, sentence next: String) -> String {
        var message = message
        while message.last == " " { message.removeLast() }
        if let last = message.last, !"?!.".contains(last) { message += "." }
        return message + " " + next.prefix(1).uppercased() + next.dropFirst()
    }
}
