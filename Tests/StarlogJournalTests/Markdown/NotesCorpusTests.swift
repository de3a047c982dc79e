import Foundation
import StarlogJournal
import StarlogTestSupport
import Testing

/// Real-world layouts of interview notes, each with what it must import:
/// the STAR-template style of the user's seed note and its variants, and a
/// few deliberately messy ones.
@Suite("Markdown notes: a corpus of layouts")
struct NotesCorpusTests {
    struct Expected: Sendable, Equatable {
        var principle: String
        var title: String
        var situation: String? = nil
        var action: String? = nil
        var result: String? = nil
    }

    struct Layout: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        let stories: [Expected]
        var empty = 0
        var leftOut: [Int] = []
        var testDescription: String { name }
    }

    static let layouts: [Layout] = [
        Layout(name: "seed template, one filled section", text: """
            # Amazon Leadership Principles
            ## 2. Ownership
            *Leaders are owners. They think long term.*
            ### My story, using STAR:
            **Situation:** Our nightly billing export broke after a schema change.
            **Task:** Get finance their numbers by 9 a.m.
            **Action:** I patched the export and added a contract test.
            **Result:** Finance got the file at 8:40; no break since.

            ## 3. Invent and Simplify
            *Leaders expect and require innovation.*
            ### My story, using STAR:
            **Situation:**
            **Task:**
            **Action:**
            **Result:**
            """,
            stories: [Expected(principle: "ownership", title: "Our nightly billing export broke after a schema change",
                               result: "Finance got the file at 8:40; no break since.")],
            empty: 1),
        Layout(name: "plain labels without bold", text: """
            ## Dive Deep
            Situation: The p99 latency doubled overnight.
            Task: Find why before the sale.
            Action: I bisected the deploys and found an N+1 query.
            Result: p99 back to 180 ms in a day.
            """,
            stories: [Expected(principle: "dive-deep", title: "The p99 latency doubled overnight", result: "p99 back to 180 ms in a day.")]),
        Layout(name: "initials in bold (**S:**)", text: """
            ## Earn Trust
            **S:** A teammate stopped speaking in reviews.
            **T:** Get him contributing again.
            **A:** I asked for his view first.
            **R:** He proposed the caching change.
            """,
            stories: [Expected(principle: "earn-trust", title: "A teammate stopped speaking in reviews", action: "I asked for his view first.")]),
        Layout(name: "### headings per field", text: """
            ## Frugality
            ### Situation
            Our CI bill tripled.
            ### Task
            Cut it without slowing builds.
            ### Action
            I cached dependencies and moved to spot runners.
            ### Result
            The bill fell 60%.
            """,
            stories: [Expected(principle: "frugality", title: "Our CI bill tripled", result: "The bill fell 60%.")]),
        Layout(name: "bold label alone on its line, text below", text: """
            ## Bias for Action
            **Situation**
            The release was blocked on a vendor.

            **Action**
            I shipped behind a flag.

            **Result**
            We launched on time.
            """,
            stories: [Expected(principle: "bias-for-action", title: "The release was blocked on a vendor", action: "I shipped behind a flag.")]),
        Layout(name: "bulleted fields", text: """
            ## 11. Earn Trust
            - **Situation:** Two teams blamed each other for outages.
            - **Action:** I wrote a shared runbook with both.
            - **Result:** Outage time halved.
            """,
            stories: [Expected(principle: "earn-trust", title: "Two teams blamed each other for outages", result: "Outage time halved.")]),
        Layout(name: "a Resources paragraph after the Result is not the Result", text: """
            ## Deliver Results
            **Situation:** A launch slipped twice.
            **Result:** We shipped in March, 2 weeks early.

            Resources:
            https://example.com/star-method
            """,
            stories: [Expected(principle: "deliver-results", title: "A launch slipped twice", result: "We shipped in March, 2 weeks early.")],
            leftOut: [5, 6]),
        Layout(name: "README with code samples adds nothing from code", text: """
            # starlog
            ## Ownership
            Import your notes:
            ```
            ## Ownership
            **Situation:** This is a code sample, not a story.
            **Result:** Nothing.
            ```
            ~~~markdown
            **Situation:** Neither is this.
            ~~~
            """,
            stories: [], leftOut: [3]),
        Layout(name: "a code fence ends a field", text: """
            ## Invent and Simplify
            **Action:** I replaced the cron jobs with one queue.
            ```
            queue.run()
            ```
            **Result:** Three services fewer.
            """,
            stories: [Expected(principle: "invent-and-simplify", title: "I replaced the cron jobs with one queue",
                               action: "I replaced the cron jobs with one queue.", result: "Three services fewer.")]),
        Layout(name: "abbreviations in the first sentence", text: """
            ## Customer Obsession
            **Situation:** A bad config push at 2 a.m. took down checkout. It stayed down an hour.
            **Result:** I added a canary; no outage since.
            """,
            stories: [Expected(principle: "customer-obsession", title: "A bad config push at 2 a.m. took down checkout")]),
        Layout(name: "a section with text but no fields is reported, not empty", text: """
            ## Hire and Develop the Best
            I mentored two interns who both got offers.
            One now leads the mobile team.

            ## Think Big
            **Situation:**
            **Result:**
            """,
            stories: [], empty: 1, leftOut: [2, 3]),
        Layout(name: "two stories under one principle, subheadings as titles", text: """
            ## Ownership
            ### The billing migration
            **Situation:** Billing ran on an unpatched server.
            **Result:** Moved in a month.
            ### The pager rota
            **Situation:** Pages woke us nightly.
            **Result:** Pages fell 80%.
            """,
            stories: [Expected(principle: "ownership", title: "Billing ran on an unpatched server"),
                      Expected(principle: "ownership", title: "Pages woke us nightly")]),
        Layout(name: "messy: mixed forms, trailing spaces, CRLF-free tabs", text: """
            ##   Dive Deep   ##
            __Situation:__   Metrics said 99.9% but users complained.\t
            *Task:* Find the truth.
            Action:   I sampled raw logs myself.
            **Results**: Found a 3% error rate the dashboard hid.
            """,
            stories: [Expected(principle: "dive-deep", title: "Metrics said 99.9% but users complained",
                               action: "I sampled raw logs myself.", result: "Found a 3% error rate the dashboard hid.")]),
        Layout(name: "messy: fields before any principle heading are left out", text: """
            **Situation:** Orphan story.
            **Result:** Nowhere to go.

            ## Frugality
            **Situation:** We paid for idle GPUs.
            **Result:** I cut $12k a month.
            """,
            stories: [Expected(principle: "frugality", title: "We paid for idle GPUs", result: "I cut $12k a month.")]),
        Layout(name: "messy: a Notes paragraph between fields ends the field and is reported", text: """
            ## Are Right, A Lot
            **Situation:** Two designs, one month.
            I picked the boring one.

            Notes: ask Sam about the numbers
            **Result:** It held at 10x load.
            """,
            stories: [Expected(principle: "are-right-a-lot", title: "Two designs, one month",
                               situation: "Two designs, one month.\nI picked the boring one.", result: "It held at 10x load.")],
            leftOut: [5]),
        Layout(name: "learnings field and a rule ending the story", text: """
            ## Learn and Be Curious
            **Situation:** I knew no Rust.
            **Action:** I rewrote one service in it over a month.
            **Result:** Memory use fell 70%.
            **Lessons learned:** Start with the smallest service.
            ---
            Unrelated text after a rule.
            """,
            stories: [Expected(principle: "learn-and-be-curious", title: "I knew no Rust", result: "Memory use fell 70%.")],
            leftOut: [7]),
    ]

    @Test("each layout imports exactly its stories, counts its empty sections and reports what it left out", arguments: layouts)
    func layout(_ layout: Layout) throws {
        let test = try TestJournal()
        let path = test.directory.appendingPathComponent("notes.md").path
        try layout.text.write(toFile: path, atomically: true, encoding: .utf8)
        let report: ImportReport
        do {
            report = try test.journal.importStories(from: path, format: .markdown)
        } catch {
            #expect(layout.stories.isEmpty, "\(error)")
            return
        }
        let stories = try test.journal.stories.list().sorted { $0.id < $1.id }
        #expect(stories.count == layout.stories.count, "\(stories.map(\.title))")
        for (story, expected) in zip(stories, layout.stories) {
            #expect(story.principles == [expected.principle])
            #expect(story.title == expected.title)
            if let situation = expected.situation { #expect(story.situation == situation) }
            if let action = expected.action { #expect(story.action == action) }
            if let result = expected.result { #expect(story.result == result) }
            #expect(!story.title.contains("…"))
        }
        #expect(report.empty == layout.empty)
        #expect(report.leftOutLines == layout.leftOut)
    }

    @Test("the seed note's template imports nothing; filled in, each section's story, nothing from its preamble",
          .enabled(if: SeedNote.isPresent, "needs shared/seeds beside the repository"))
    func seedFilledIn() throws {
        let seed = try String(contentsOfFile: SeedNote.path, encoding: .utf8)
        let filled = seed.replacingOccurrences(of: "**Situation:** \n**Task:** \n**Action:** \n**Result:** \n\n## 3.",
                                  with: "**Situation:** Our on-call rota burned people out.\n**Task:** \n**Action:** I rebuilt it.\n**Result:** Pages fell 80%.\n\n## 3.")
        #expect(filled != seed)
        let test = try TestJournal()
        let path = test.directory.appendingPathComponent("seed.md").path
        try filled.write(toFile: path, atomically: true, encoding: .utf8)
        let report = try test.journal.importStories(from: path)
        let stories = try test.journal.stories.list()
        #expect(stories.count == 1)
        #expect(stories.first?.principles == ["ownership"])
        #expect(stories.first?.title == "Our on-call rota burned people out")
        #expect(report.empty == 15)
    }
}
