extension StringProtocol {
    /// The text with each run of line breaks made one space, so a title or
    /// a heading stays on one line; other spacing is kept.
    public var lineBreaksFolded: String {
        split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// The text with each run of whitespace (line breaks too) made one
    /// space, and none at the ends.
    public var spacesFolded: String {
        split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// Numbers shown with one decimal: `2.5`, `0.3`, `-1.5`.
public enum OneDecimal {
    /// `value` rounded to tenths, always with its decimal (`3.0`), or
    /// without a zero decimal (`3`) when `droppingZero`.
    public static func text(_ value: Double, droppingZero: Bool = false) -> String {
        text(tenths: Int((value * 10).rounded()), droppingZero: droppingZero)
    }

    /// A number of tenths as a decimal: 25 → `2.5`.
    public static func text(tenths: Int, droppingZero: Bool = false) -> String {
        let sign = tenths < 0 ? "-" : ""
        let whole = abs(tenths) / 10, tenth = abs(tenths) % 10
        return droppingZero && tenth == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(tenth)"
    }
}
