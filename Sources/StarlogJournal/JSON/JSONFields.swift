#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StarlogStorage

/// Typed reads of one JSON object's members, with messages that name the place.
struct JSONFields {
    let node: JSONValue
    let place: String

    func string(_ key: String) throws(ImportProblem) -> String? {
        switch node[key] {
        case nil, .null?: return nil
        case .string(let text)?: return text
        case let other?: throw ImportProblem(place: place, message: "'\(key)' must be text, not \(other.kind)")
        }
    }

    func strings(_ key: String) throws(ImportProblem) -> [String]? {
        switch node[key] {
        case nil, .null?: return nil
        case .array(let items)?:
            return try items.map { item throws(ImportProblem) in
                guard case .string(let text) = item else {
                    throw ImportProblem(place: place, message: "'\(key)' must be a list of text, and holds \(item.kind)")
                }
                return text
            }
        case let other?: throw ImportProblem(place: place, message: "'\(key)' must be a list, not \(other.kind)")
        }
    }

    func id(_ key: String) throws(ImportProblem) -> Int64? {
        switch node[key] {
        case nil, .null?: return nil
        case .number(let text)?:
            return try StoryFieldText.id(text, key: key, at: place)
        case let other?: throw ImportProblem(place: place, message: "'\(key)' must be a number, not \(other.kind)")
        }
    }

    func timestamp(_ key: String) throws(ImportProblem) -> String? {
        guard let text = try string(key) else { return nil }
        return try StoryFieldText.timestamp(text, key: key, at: place)
    }
}
