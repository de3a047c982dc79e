import ArgumentParser
import StarlogJournal

extension Starlog {
    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "search",
            abstract: "Find stories by their words, best match first.",
            discussion: """
                Words match their stems (lead finds leading), case and accents do not matter, \
                and every word must match.
                  word*            a prefix: migrat* finds migrate, migration
                  "two words"      a phrase
                  result:latency   one section only: title, situation, task, action, result, learnings
                Anything else you type is searched for as words. --raw passes FTS5's own query \
                syntax through (AND, OR, NOT, NEAR, column filters).
                """)

        @OptionGroup var journal: JournalOptions

        @Argument(help: "What to look for.")
        var words: [String] = []

        @Option(help: ArgumentHelp("Only stories tagged with this principle.", valueName: "principle"), completion: Completions.principles)
        var principle: String?

        @Option(help: "Show at most this many stories (default 20).")
        var limit: Int = 20

        @Flag(help: "Use FTS5 query syntax as typed.")
        var raw = false

        @OptionGroup var output: OutputOptions

        func validate() throws {
            try validateLimit(limit)
            if words.allSatisfy({ $0.trimmed.isEmpty }) {
                if let word = Self.wordReadAsOption(Array(CommandLine.arguments.dropFirst())) {
                    throw ValidationError("\(Excerpt.quoted(word)) reads as an option; to search for a word that starts with -, put -- before it: starlog search -- \(word)")
                }
                throw ValidationError("nothing to search for: give some words, for example `starlog search latency`")
            }
        }

        /// The first argument after `search` that starts with `-` but is
        /// none of search's options (`-kafka`), or nil.
        static func wordReadAsOption(_ arguments: [String]) -> String? {
            let named = Starlog.namedArguments(of: Search.self)
            let takesValue = Set(named.filter(\.takesValue).flatMap(\.spellings))
            let flags = Set(named.filter { !$0.takesValue }.flatMap(\.spellings))
            var previous = ""
            for argument in arguments.drop(while: { $0 != "search" }).dropFirst() {
                defer { previous = argument }
                if argument == "--" { return nil }
                guard argument.hasPrefix("-"), argument.count > 1, !takesValue.contains(previous) else { continue }
                let name = String(argument.split(separator: "=", maxSplits: 1).first ?? "")
                if !takesValue.contains(name) && !flags.contains(name) { return argument }
            }
            return nil
        }

        func run() throws {
            let text = words.joined(separator: " ")
            let query = raw ? SearchQuery(raw: text) : SearchQuery(text)
            let opened = try journal.openForReading()
            let hits = try opened.search.search(query, principle: principle, limit: limit)
            if output.json {
                Render.json(.array(hits.map(\.json)))
            } else if hits.isEmpty {
                Terminal.note(try opened.stories.count() == 0
                    ? "No stories yet: add one with `starlog add`."
                    : "No stories match \"\(text)\": try fewer words, or a prefix such as migrat*.")
            } else {
                Terminal.line(hits.map(StoryView.hit).joined(separator: "\n"))
            }
        }
    }
}
