import StarlogJournal

/// Durations as people type and read them.
enum DurationText {
    /// Reads `150`, `2:30`, `2m30s`, `2m`, `90s`; a leading minus is kept so
    /// the journal can refuse it.
    static func parse(_ text: String) throws -> Int {
        let trimmed = text.trimmed.lowercased()
        let negative = trimmed.hasPrefix("-")
        let body = negative ? String(trimmed.dropFirst()) : trimmed
        func fail() -> JournalError {
            .invalidInput("\(Excerpt.quoted(text)) is not a duration; give seconds (150), minutes and seconds (2:30) or 2m30s")
        }
        var seconds: Int?
        if let whole = Int(body) {
            seconds = whole
        } else if body.contains(":") {
            let parts = body.split(separator: ":", omittingEmptySubsequences: false)
            if parts.count == 2, let minutes = Int(parts[0]), let secs = Int(parts[1]), minutes >= 0, (0..<60).contains(secs) {
                seconds = minutes * 60 + secs
            }
        } else if !body.isEmpty {
            var total = 0, number = "", sawUnit = false, valid = true
            for character in body {
                if character.isASCII && character.isNumber {
                    number.append(character)
                } else if character == "h" || character == "m" || character == "s", let value = Int(number) {
                    total += value * (character == "h" ? 3600 : character == "m" ? 60 : 1)
                    number = ""
                    sawUnit = true
                } else {
                    valid = false
                    break
                }
            }
            if valid && sawUnit && number.isEmpty { seconds = total }
        }
        guard let seconds, seconds <= 10_000_000 else { throw fail() }
        return negative ? -seconds : seconds
    }

    /// `2:05`, or `1:02:05` past an hour.
    static func format(_ seconds: Int) -> String {
        let hours = seconds / 3600, minutes = (seconds % 3600) / 60, secs = seconds % 60
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return hours > 0 ? "\(hours):\(two(minutes)):\(two(secs))" : "\(minutes):\(two(secs))"
    }
}
