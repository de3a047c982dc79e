import Foundation

/// A small HTML reader for the report tests, written apart from the
/// report's writer: it tokenises a page into elements (name and
/// attributes) and text (entities decoded), following the HTML rules the
/// pages rely on (raw text in `style`, `title` and `textarea`, comments,
/// quoted and unquoted attributes).
struct HTMLScan {
    struct Element {
        let name: String
        let attributes: [String: String]
    }

    private(set) var elements: [Element] = []
    /// Text nodes, decoded, in document order.
    private(set) var texts: [String] = []
    /// The text inside `<style>` elements.
    private(set) var styles: [String] = []
    /// Element names opened and not closed, or closed without being open.
    private(set) var unbalanced: [String] = []

    static let void: Set<String> = ["meta", "br", "hr", "img", "input", "link", "col", "area", "base", "source", "wbr", "embed"]
    /// Self-closing in SVG.
    static let svgLeaves: Set<String> = ["line", "rect", "circle", "polyline", "path"]

    init(_ html: String) {
        let s = Array(html.unicodeScalars)
        var i = 0
        var text = ""
        var stack: [String] = []
        func flush() {
            if !text.isEmpty { texts.append(Self.decode(text)) }
            text = ""
        }
        func starts(_ prefix: String, at index: Int) -> Bool {
            let p = Array(prefix.unicodeScalars)
            guard index + p.count <= s.count else { return false }
            return String(String.UnicodeScalarView(s[index..<index + p.count])).lowercased() == prefix.lowercased()
        }
        while i < s.count {
            if s[i] != "<" { text.unicodeScalars.append(s[i]); i += 1; continue }
            if starts("<!--", at: i) {
                flush()
                while i < s.count, !starts("-->", at: i) { i += 1 }
                i += 3
                continue
            }
            if starts("<!", at: i) {
                flush()
                while i < s.count, s[i] != ">" { i += 1 }
                i += 1
                continue
            }
            let closing = i + 1 < s.count && s[i + 1] == "/"
            var j = i + (closing ? 2 : 1)
            var name = ""
            while j < s.count, s[j].properties.isAlphabetic || ("0"..."9").contains(s[j]) || s[j] == "-" {
                name.unicodeScalars.append(s[j]); j += 1
            }
            if name.isEmpty { text.unicodeScalars.append(s[i]); i += 1; continue }
            flush()
            name = name.lowercased()
            var attributes: [String: String] = [:]
            var selfClosing = false
            while j < s.count, s[j] != ">" {
                if s[j] == "/" { selfClosing = true; j += 1; continue }
                if s[j].properties.isWhitespace { j += 1; continue }
                var key = ""
                while j < s.count, !s[j].properties.isWhitespace, !"=>/".unicodeScalars.contains(s[j]) {
                    key.unicodeScalars.append(s[j]); j += 1
                }
                var value = ""
                if j < s.count, s[j] == "=" {
                    j += 1
                    if j < s.count, s[j] == "\"" || s[j] == "'" {
                        let quote = s[j]
                        j += 1
                        while j < s.count, s[j] != quote { value.unicodeScalars.append(s[j]); j += 1 }
                        j += 1
                    } else {
                        while j < s.count, !s[j].properties.isWhitespace, s[j] != ">" { value.unicodeScalars.append(s[j]); j += 1 }
                    }
                }
                if !key.isEmpty { attributes[key.lowercased()] = Self.decode(value) }
                selfClosing = false
            }
            i = j + 1
            if closing {
                if stack.last == name { stack.removeLast() } else { unbalanced.append("/" + name) }
                continue
            }
            elements.append(Element(name: name, attributes: attributes))
            if ["style", "title", "textarea", "script"].contains(name) {
                var body = ""
                while i < s.count, !starts("</" + name, at: i) { body.unicodeScalars.append(s[i]); i += 1 }
                if name == "style" { styles.append(body) } else { texts.append(Self.decode(body)) }
                while i < s.count, s[i] != ">" { i += 1 }
                i += 1
                continue
            }
            if !(Self.void.contains(name) || (selfClosing && Self.svgLeaves.contains(name))) { stack.append(name) }
        }
        flush()
        unbalanced += stack
    }

    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    /// All text, joined with spaces.
    var text: String { texts.joined(separator: " ") }

    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            rest = rest[amp...]
            guard let semi = rest.firstIndex(of: ";"), rest.distance(from: rest.startIndex, to: semi) < 10 else {
                result += "&"; rest = rest.dropFirst(); continue
            }
            let entity = String(rest[rest.index(after: rest.startIndex)..<semi])
            switch entity {
            case "amp": result += "&"
            case "lt": result += "<"
            case "gt": result += ">"
            case "quot": result += "\""
            case "apos": result += "'"
            default:
                if entity.hasPrefix("#x"), let v = UInt32(entity.dropFirst(2), radix: 16), let u = Unicode.Scalar(v) {
                    result.unicodeScalars.append(u)
                } else if entity.hasPrefix("#"), let v = UInt32(entity.dropFirst()), let u = Unicode.Scalar(v) {
                    result.unicodeScalars.append(u)
                } else {
                    result += "&" + entity + ";"
                }
            }
            rest = rest[rest.index(after: semi)...]
        }
        return result + rest
    }
}
