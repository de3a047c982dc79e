extension StringProtocol {
    /// Without the white space at either end.
    public var trimmed: String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
        while start < end {
            let before = scalars.index(before: end)
            guard scalars[before].properties.isWhitespace else { break }
            end = before
        }
        if start == scalars.startIndex && end == scalars.endIndex { return String(self) }
        // Scalar boundaries, so the UTF-8 slice is whole scalars (a String
        // slice would round to Character boundaries; rebuilding a
        // UnicodeScalarView took 0.3 M instructions a call).
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension UInt8 {
    /// An ASCII digit.
    var isDigit: Bool { self >= 0x30 && self <= 0x39 }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

extension Substring {
    /// The substring without leading and trailing characters matching `strip`.
    func trimmingPrefixAndSuffix(while strip: (Character) -> Bool) -> Substring {
        var result = self
        while let first = result.first, strip(first) { result = result.dropFirst() }
        while let last = result.last, strip(last) { result = result.dropLast() }
        return result
    }
}

extension StringProtocol {
    /// The text without one trailing colon.
    var trimmingColon: String {
        var text = String(self).trimmed
        if text.hasSuffix(":") { text.removeLast() }
        return text.trimmed
    }
}
