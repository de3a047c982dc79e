import ArgumentParser
import StarlogJournal

extension Starlog {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a story from flags.",
            discussion: """
                Only --title is required; fill in the STAR sections now or later with `starlog edit`.
                Prints the new story's id.

                Example:
                  starlog add --title "Cut checkout latency" --when 2024-03 --company Acme \\
                    --situation "Checkout p99 was 2.1 s and carts were abandoned" \\
                    --action "I profiled the payment call and batched the fraud checks" \\
                    --result "p99 fell to 600 ms; abandonment dropped 8%" \\
                    --principle deliver-results --principle "dive deep"
                """)

        @OptionGroup var journal: JournalOptions
        @OptionGroup var fields: StoryFieldOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if fields.title == nil {
                throw ValidationError("a story needs a title: pass --title \"...\"")
            }
        }

        func run() throws {
            let draft = try fields.draft()
            let opened = try journal.open()
            let story = try opened.stories.add(draft)
            if output.json {
                Render.json(story.json)
            } else {
                Terminal.line(String(story.id))
                if story.principles.isEmpty {
                    Terminal.note("Added story \(story.id). Tag it with `starlog tag \(story.id) PRINCIPLE`.")
                } else {
                    Terminal.note("Added story \(story.id), tagged \(story.principles.joined(separator: ", ")).")
                }
            }
        }
    }
}
