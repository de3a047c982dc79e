/// What a user types for a principle, turned into one.
///
/// Accepted: the slug (`earn-trust`), the name in any case (`earn trust`),
/// a number within the framework in scope (`11`), and a number, slug or name
/// qualified by its framework (`google:3`, `acme:be-kind`). A bare number
/// means the framework in scope and else `amazon`. A name that several
/// frameworks share is ambiguous unless a framework is in scope.
public struct PrincipleIndex: Sendable {
    /// Every principle, in framework order.
    public let principles: [Principle]
    /// The frameworks' slugs.
    public let frameworks: [String]

    public init(principles: [Principle], frameworks: [String]) {
        self.principles = principles
        self.frameworks = frameworks
    }

    /// Why `find` found none.
    public enum Failure: Error, Equatable, Sendable {
        case empty
        /// No principle has this number in the framework, which has `count` numbered ones.
        case noNumber(Int, framework: String, count: Int)
        /// Nothing matches; the nearest principle, when one is near enough.
        case unknown(String, suggestion: Principle?)
        /// The name matches principles of several frameworks.
        case ambiguous(String, candidates: [Principle])
        /// `name:` before the colon is no framework.
        case unknownFramework(String, suggestion: String?)
    }

    /// The principle `text` names, with `scope` the framework a bare number
    /// (and a shared name) is looked up in.
    public func find(_ text: String, scope: String? = nil) -> Result<Principle, Failure> {
        let wanted = text.trimmed
        guard !wanted.isEmpty else { return .failure(.empty) }
        if let colon = wanted.lastIndex(of: ":") {
            let prefix = wanted[..<colon].trimmed
            let rest = wanted[wanted.index(after: colon)...].trimmed
            if !prefix.isEmpty, !rest.isEmpty {
                if let framework = frameworks.first(where: { $0 == prefix || $0 == prefix.lowercased() }) {
                    return find(rest, in: framework, explicit: true, only: true)
                }
                // Not a framework: perhaps a name with a colon in it.
                if case .success(let principle) = find(wanted, in: scope ?? Framework.defaultSlug, explicit: scope != nil) {
                    return .success(principle)
                }
                if rest.allSatisfy(\.isASCIIDigit) {
                    return .failure(.unknownFramework(prefix, suggestion: nearestFramework(prefix)))
                }
            }
        }
        return find(wanted, in: scope ?? Framework.defaultSlug, explicit: scope != nil)
    }

    /// `only`: the text was qualified with `framework`, so nothing outside
    /// it may match.
    private func find(_ wanted: String, in framework: String, explicit: Bool, only: Bool = false) -> Result<Principle, Failure> {
        if wanted.allSatisfy(\.isASCIIDigit) {
            let members = principles.filter { $0.framework == framework }
            guard let number = Int(wanted) else { return .failure(.unknown(wanted, suggestion: nil)) }
            if let match = members.first(where: { $0.position == number }) { return .success(match) }
            return .failure(.noNumber(number, framework: framework, count: members.compactMap(\.position).max() ?? 0))
        }
        let lower = wanted.lowercased()
        let key = PrincipleRepository.normalize(wanted)
        func matches(_ principle: Principle) -> Bool {
            principle.slug == lower || principle.slug == key || principle.name.lowercased() == lower
                || PrincipleRepository.normalize(principle.name) == key
        }
        // A framework in scope (given, or the one a name is qualified
        // with) settles a name that several frameworks share.
        if explicit {
            let local = principles.filter { $0.framework == framework && ($0.slug == wanted || matches($0)) }
            if local.count == 1 { return .success(local[0]) }
            if only {
                let members = principles.filter { $0.framework == framework }
                return .failure(.unknown("\(framework):\(wanted)", suggestion: PrincipleRepository.closest(to: key, in: members)))
            }
        }
        // A slug typed exactly is one principle: slugs are unique.
        if let match = principles.first(where: { $0.slug == wanted }) { return .success(match) }
        let found = principles.filter(matches)
        if found.count == 1 { return .success(found[0]) }
        if found.count > 1 { return .failure(.ambiguous(wanted, candidates: found)) }
        return .failure(.unknown(wanted, suggestion: PrincipleRepository.closest(to: key, in: principles)))
    }

    /// The framework slug nearest to `text`, when one is near enough.
    public func nearestFramework(_ text: String) -> String? {
        Self.nearest(text.lowercased(), in: frameworks)
    }

    static func nearest(_ key: String, in names: [String]) -> String? {
        guard !key.isEmpty else { return nil }
        if let prefixed = names.first(where: { $0.hasPrefix(key) || key.hasPrefix($0) }) { return prefixed }
        let best = names.map { (name: $0, distance: PrincipleRepository.editDistance(key, $0)) }
            .min { $0.distance < $1.distance }
        guard let best, best.distance <= max(2, key.count / 3) else { return nil }
        return best.name
    }
}

extension PrincipleIndex.Failure {
    /// What went wrong, in one line; the command line adds the command
    /// that lists the principles or frameworks.
    public var message: String {
        switch self {
        case .empty:
            return "a principle cannot be empty"
        case .noNumber(let number, let framework, let count):
            if count == 0 {
                return "the framework '\(framework)' has no numbered principles"
            }
            return "there is no principle number \(number) in '\(framework)'; its principles are numbered 1 to \(count)"
        case .unknown(let text, let suggestion):
            var message = "unknown principle \(Excerpt.quoted(text))"
            if let suggestion {
                let framework = suggestion.framework == Framework.defaultSlug ? "" : ", \(suggestion.framework)"
                message += "; did you mean '\(suggestion.slug)' (\(suggestion.name)\(framework))?"
            }
            return message
        case .ambiguous(let text, let candidates):
            let listed = candidates.map { "'\($0.slug)' (\($0.framework)\($0.position.map { ":\($0)" } ?? ""))" }
            return "\(Excerpt.quoted(text)) names principles of several frameworks: \(listed.joined(separator: ", ")); give the slug, or FRAMEWORK:NUMBER"
        case .unknownFramework(let text, let suggestion):
            return "there is no framework \(Excerpt.quoted(text))" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
        }
    }
}
