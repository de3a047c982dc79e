/// Word-level helpers the rules share, without Foundation.
enum LintText {
    // Each helper below has two forms with the same answers: one over the
    // bytes of ASCII text, where every character is one byte ("\r\n" aside,
    // which every helper treats as two separators either way), and the
    // general one over Unicode characters. Lint reads every story on an
    // import, so the common case is kept cheap; `LintTextEquivalenceTests`
    // checks the two forms agree.

    /// True when `text` is all ASCII.
    static func isASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 }
    }

    static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte)
    }

    /// The words of `text`, lower case: runs of letters, digits and apostrophes
    /// (curly apostrophes read as straight ones).
    static func words(_ text: String) -> [String] {
        isASCII(text) ? asciiWords(text.utf8) : unicodeWords(text)
    }

    /// `words` over ASCII bytes.
    static func asciiWords<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        current.reserveCapacity(32)
        appendASCIIWords(bytes, to: &words, buffer: &current)
        return words
    }

    /// `asciiWords`, appended to `words`; `current` is scratch space that a
    /// caller splitting many pieces reuses.
    static func appendASCIIWords<Bytes: Sequence<UInt8>>(_ bytes: Bytes, to words: inout [String], buffer current: inout [UInt8]) {
        current.removeAll(keepingCapacity: true)
        func finish() {
            while current.last == 0x27 { current.removeLast() }
            if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
        }
        for byte in bytes {
            switch byte {
            case 0x61...0x7A, 0x30...0x39: current.append(byte)
            case 0x41...0x5A: current.append(byte + 0x20)
            case 0x27 where !current.isEmpty: current.append(byte)
            default: if !current.isEmpty { finish() }
            }
        }
        finish()
    }

    /// `words` over Unicode scalars.
    static func unicodeWords(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func finish() {
            while current.last == "'" { current.removeLast() }
            if !current.isEmpty { words.append(String(current)) }
            current = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                // ASCII fast path: letters folded to lower case, digits kept.
                if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) {
                    current.append(scalar)
                } else if (0x41...0x5A).contains(value) {
                    current.append(Unicode.Scalar(value + 0x20)!)
                } else if value == 0x27 && !current.isEmpty {
                    current.append(scalar)
                } else if !current.isEmpty {
                    finish()
                }
            } else if scalar.properties.isAlphabetic {
                current.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else if scalar == "\u{2019}" && !current.isEmpty {
                current.append("'")
            } else if !current.isEmpty {
                finish()
            }
        }
        finish()
        return words
    }

    static let weWords: Set<String> = ["we", "us", "our", "ours", "ourselves", "we're", "we've", "we'd", "we'll"]
    static let iWords: Set<String> = ["i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll"]

    /// The words of `text` in the teller's own voice: what is inside double
    /// quotes ("…" or “…”) is left out, and "US" written in capitals (the
    /// country) is not the pronoun "us".
    static func ownWords(_ text: String) -> [String] {
        guard isASCII(text) else { return unicodeOwnWords(text) }
        var outside: [UInt8] = []
        outside.reserveCapacity(text.utf8.count)
        var quoted = false
        for byte in text.utf8 {
            if byte == 0x22 {
                quoted.toggle()
                outside.append(0x20)
            } else if !quoted {
                outside.append(byte)
            }
        }
        if quoted { outside = Array(text.utf8) }
        var result: [String] = []
        forEachASCIIRawWord(outside) { raw in
            if !raw.elementsEqual("US".utf8) { result.append(contentsOf: asciiWords(raw)) }
        }
        return result
    }

    /// `ownWords` over Unicode characters.
    static func unicodeOwnWords(_ text: String) -> [String] {
        var outside = ""
        var quoted = false
        for character in text {
            if character == "\"" || character == "\u{201C}" || character == "\u{201D}" {
                if character == "\u{201C}" { quoted = true } else if character == "\u{201D}" { quoted = false } else { quoted.toggle() }
                outside.append(" ")
            } else if !quoted {
                outside.append(character)
            }
        }
        // An unclosed quote: better to count everything than to drop the rest of the Action.
        if quoted { outside = text }
        var result: [String] = []
        for raw in rawWords(outside) where raw != "US" {
            result.append(contentsOf: words(raw))
        }
        return result
    }

    /// The words of `text` as written (case kept), split on anything but
    /// letters, digits and apostrophes.
    static func rawWords(_ text: String) -> [String] {
        guard isASCII(text) else { return unicodeRawWords(text) }
        var raw: [String] = []
        forEachASCIIRawWord(Array(text.utf8)) { raw.append(String(decoding: $0, as: UTF8.self)) }
        return raw
    }

    /// Calls `body` with each run of ASCII letters, digits and apostrophes.
    static func forEachASCIIRawWord(_ bytes: [UInt8], _ body: (ArraySlice<UInt8>) -> Void) {
        var start: Int?
        for index in bytes.indices {
            let byte = bytes[index]
            if isASCIILetterOrDigit(byte) || byte == 0x27 {
                if start == nil { start = index }
            } else if let first = start {
                body(bytes[first..<index])
                start = nil
            }
        }
        if let first = start { body(bytes[first...]) }
    }

    /// `rawWords` over Unicode characters.
    static func unicodeRawWords(_ text: String) -> [String] {
        text.split { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "\u{2019}") }.map(String.init)
    }

    /// Number words that measure ("one" is left out: "one of the…" measures nothing).
    static let numberWords: Set<String> = [
        "zero", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
        "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion", "billions",
        "dozen", "dozens", "half", "halved", "twice", "thrice", "double", "doubled", "triple", "tripled",
        "quadruple", "quadrupled", "tenfold", "hundredfold", "percent", "quarter", "quarters", "thirds",
    ]

    /// A span of time as a measure: "a week early", "within a day", "a year now".
    static let timeUnits: Set<String> = [
        "minute", "hour", "day", "week", "fortnight", "month", "quarter", "year", "sprint", "decade",
    ]
    /// Words that make the next time unit a span: "a", "an", "one", "per", "every".
    static let spanWords: Set<String> = ["a", "an", "one", "per", "every", "each"]

    /// Unit suffixes that make `10x`, `5k`, `40ms`, `2h` a figure.
    static let unitSuffixes: Set<String> = [
        "x", "k", "m", "b", "bn", "ms", "s", "sec", "min", "h", "hr", "hrs", "d", "w", "wk", "mo", "y", "yr", "yrs",
        "kb", "mb", "gb", "tb", "pb", "pp", "bps", "rps", "qps", "th", "st", "nd", "rd",
    ]

    /// True when `text` measures something: a figure, a percent sign, a
    /// currency sign, a number word or a span of time. Labels are not
    /// figures: a token that starts with a letter and holds digits (Q3, V2,
    /// EC2), or a year (1900–2099) not followed by a plural noun ("2025
    /// roadmap", "in 2024"; but "2000 hours" measures).
    static func hasMeasure(_ text: String, words: [String]? = nil) -> Bool {
        if isASCII(text) {
            if text.utf8.contains(where: { $0 == 0x25 || $0 == 0x24 }) { return true }
        } else {
            for scalar in text.unicodeScalars where "%$€£¥₹".unicodeScalars.contains(scalar) { return true }
        }
        let raw = rawWords(text)
        for (index, token) in raw.enumerated() {
            guard let first = token.first, first.isASCII, first.isNumber else { continue }
            let digits = token.prefix { $0.isASCII && $0.isNumber }
            let suffix = token.dropFirst(digits.count).lowercased()
            if !suffix.isEmpty {
                if unitSuffixes.contains(suffix) { return true }
                continue
            }
            if digits.count == 4, let year = Int(digits), (1900...2099).contains(year) {
                let next = index + 1 < raw.count ? raw[index + 1].lowercased() : ""
                if next.count > 2 && next.hasSuffix("s") && !next.hasSuffix("ss") { return true }
                continue
            }
            return true
        }
        let words = words ?? self.words(text)
        for (index, word) in words.enumerated() {
            if numberWords.contains(word) { return true }
            guard index > 0 else { continue }
            let previous = words[index - 1]
            if word == "third" && (previous == "a" || previous == "one" || previous == "two") { return true }
            if timeUnits.contains(word) && spanWords.contains(previous) { return true }
        }
        return false
    }

    /// Filler and hedging words and phrases, as word sequences.
    static let fillerPhrases: [[String]] = [
        ["basically"], ["actually"], ["just"], ["really"], ["very"], ["literally"], ["honestly"],
        ["maybe"], ["probably"], ["somewhat"], ["hopefully"], ["kind", "of"], ["sort", "of"],
        ["i", "think"], ["i", "guess"], ["i", "feel", "like"], ["you", "know"], ["pretty", "much"],
        ["a", "bit"], ["stuff"],
    ]

    /// `fillerPhrases` by their first word, each list in the order above:
    /// a word is looked up once instead of compared with every phrase.
    static let fillerPhrasesByFirstWord: [String: [[String]]] = Dictionary(grouping: fillerPhrases) { $0[0] }

    static var fillerList: String {
        fillerPhrases.map { $0.joined(separator: " ") }.joined(separator: ", ")
    }

    /// Each filler phrase found in `text`, once per occurrence. Words
    /// joined by hyphens are one word ("just-in-time" is no "just").
    static func fillers(in text: String) -> [String] {
        guard isASCII(text) else { return fillers(inWords: unicodeFillerTokens(text)) }
        return fillers(inWords: asciiFillerTokens(Array(text.utf8)))
    }

    /// The words `fillers(in:)` matches phrases against, over ASCII bytes:
    /// pieces split at white space and "/", a hyphenated piece one word.
    static func asciiFillerTokens(_ bytes: [UInt8]) -> [String] {
        var tokens: [String] = []
        var buffer: [UInt8] = []
        buffer.reserveCapacity(32)
        func piece(_ piece: ArraySlice<UInt8>) {
            guard let first = piece.firstIndex(where: isASCIILetterOrDigit),
                  let last = piece.lastIndex(where: isASCIILetterOrDigit) else {
                appendASCIIWords(piece, to: &tokens, buffer: &buffer)
                return
            }
            let inner = piece[first...last]
            // Split at "-", `inner` (a letter or digit at each end) has two
            // or more parts exactly when it holds a "-".
            if inner.contains(0x2D) {
                tokens.append(String(decoding: inner.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }, as: UTF8.self))
            } else {
                appendASCIIWords(piece, to: &tokens, buffer: &buffer)
            }
        }
        var start: Int?
        for index in bytes.indices {
            let byte = bytes[index]
            if (0x09...0x0D).contains(byte) || byte == 0x20 || byte == 0x2F {
                if let first = start { piece(bytes[first..<index]); start = nil }
            } else if start == nil {
                start = index
            }
        }
        if let first = start { piece(bytes[first...]) }
        return tokens
    }

    /// `asciiFillerTokens` over Unicode characters.
    static func unicodeFillerTokens(_ text: String) -> [String] {
        var tokens: [String] = []
        for piece in text.split(whereSeparator: { $0.isWhitespace || $0 == "/" || $0 == "\u{2014}" || $0 == "\u{2013}" }) {
            let inner = piece.trimmingPrefixAndSuffix { !($0.isLetter || $0.isNumber) }
            if inner.contains("-") && inner.split(separator: "-").count > 1 {
                tokens.append(inner.lowercased())
            } else {
                tokens.append(contentsOf: words(String(piece)))
            }
        }
        return tokens
    }

    /// Words before "kind of" / "sort of" that make it a noun phrase ("what
    /// kind of index"), not hedging.
    static let determiners: Set<String> = [
        "a", "an", "the", "what", "which", "this", "that", "these", "those", "any", "some", "every", "each",
        "same", "one", "no", "other", "another", "new", "different", "right", "wrong", "whatever", "my", "our",
        "your", "their", "his", "her", "its", "all",
    ]

    /// Words after "a bit" that make it hedging ("a bit late", "a bit of a
    /// mess"); otherwise "bit" is the noun ("a bit flip").
    static let hedgedByABit: Set<String> = [
        "of", "more", "less", "late", "early", "slow", "slower", "faster", "long", "longer", "short", "shorter",
        "better", "worse", "hard", "harder", "tricky", "difficult", "nervous", "rough", "messy", "off", "much",
        "too", "unsure", "different", "behind", "over", "under",
    ]

    /// Each filler phrase found in `words`, once per occurrence.
    static func fillers(inWords words: [String]) -> [String] {
        var found: [String] = []
        var index = 0
        while index < words.count {
            var matched = false
            for phrase in fillerPhrasesByFirstWord[words[index]] ?? [] where index + phrase.count <= words.count {
                guard phrase.count == 1 || words[index..<index + phrase.count].elementsEqual(phrase) else { continue }
                if phrase.count == 2 && (phrase[1] == "of") && index > 0 && determiners.contains(words[index - 1]) { continue }
                if phrase == ["a", "bit"] {
                    let next = index + 2 < words.count ? words[index + 2] : ""
                    if !(hedgedByABit.contains(next) || (next.count > 4 && (next.hasSuffix("er") || next.hasSuffix("ly")))) { continue }
                }
                found.append(phrase.joined(separator: " "))
                index += phrase.count
                matched = true
                break
            }
            if !matched { index += 1 }
        }
        return found
    }

    /// Seconds to say `words` at the set pace, rounded.
    static func speakingSeconds(words: Int) -> Int {
        (words * 60 + LintThresholds.wordsPerMinute / 2) / LintThresholds.wordsPerMinute
    }

    /// `2:05 min`.
    static func minutes(_ seconds: Int) -> String {
        let secs = seconds % 60
        return "\(seconds / 60):\(secs < 10 ? "0" : "")\(secs) min"
    }

    /// True when the last day `when` covers is before `today` (`YYYY-MM-DD`)
    /// less `years` years: exactly five years ago is not older than five.
    static func isOlder(_ when: StoryDate, than years: Int, today: String) -> Bool {
        let parts = today.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return false }
        let whenParts = when.text.split(separator: "-").compactMap { Int($0) }
        let year = whenParts[0]
        let month = whenParts.count > 1 ? whenParts[1] : 12
        let day = whenParts.count > 2 ? whenParts[2] : StoryDate.daysIn(month: month, year: year)
        return (year, month, day) < (parts[0] - years, parts[1], parts[2])
    }
}
