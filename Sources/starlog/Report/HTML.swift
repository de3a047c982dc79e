/// A small escaping HTML writer of our own.
///
/// Why not a package: the report is a handful of fixed sections, so the
/// whole need is "escape every piece of user text, and write tags". Plot
/// would add a dependency (and a DSL to learn) to the lean CLI for what
/// these few functions do, and a template engine would move the markup
/// away from the escaping rules. Here there is one rule: text reaches the
/// page only through `HTML.text` (or `attribute`), which first makes
/// control characters visible (the same `Shown.escape` the terminal uses)
/// and then escapes `& < > " '`, so user text is never markup in any
/// context we write it into (element content and quoted attributes).
struct HTML {
    private(set) var output = ""

    init() {
        output.reserveCapacity(1 << 16)
    }

    /// `text` safe inside an element or a quoted attribute value.
    static func text(_ text: some StringProtocol) -> String {
        let shown = Shown.escape(text)
        var result = ""
        result.reserveCapacity(shown.utf8.count + 8)
        for character in shown.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    /// Writes markup the program itself made (never user text).
    mutating func raw(_ markup: String) {
        output += markup
    }

    /// Writes user text, escaped.
    mutating func text(_ text: some StringProtocol) {
        output += Self.text(text)
    }

    /// `<tag attributes>` + escaped `text` + `</tag>`. Attribute values are escaped.
    mutating func element(_ tag: String, _ attributes: [(String, String)] = [], text: String) {
        open(tag, attributes)
        self.text(text)
        close(tag)
    }

    /// `<tag attributes>`, then `body`, then `</tag>`.
    mutating func element(_ tag: String, _ attributes: [(String, String)] = [], _ body: (inout HTML) -> Void) {
        open(tag, attributes)
        body(&self)
        close(tag)
    }

    mutating func open(_ tag: String, _ attributes: [(String, String)] = []) {
        output += "<" + tag
        for (name, value) in attributes {
            output += " " + name + "=\"" + Self.text(value) + "\""
        }
        output += ">"
    }

    mutating func close(_ tag: String) {
        output += "</" + tag + ">"
    }
}
