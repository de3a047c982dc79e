import ArgumentParser
import StarlogJournal

extension Starlog {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Create the journal, or bring an existing one up to date.",
            discussion: "Prints the journal's path. Safe to run again: an up-to-date journal is left as it is.")

        @OptionGroup var journal: JournalOptions

        func run() throws {
            let opened = try journal.open()
            let stories = try opened.stories.count()
            Terminal.line(opened.path)
            if opened.wasCreated {
                Terminal.note("Created a new journal. Add a story with `starlog add --title \"...\"`.")
            } else {
                Terminal.note("The journal is up to date (\(stories) \(stories == 1 ? "story" : "stories")).")
            }
        }
    }
}
