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
