import Foundation
import StarlogJournal
import StarlogTestSupport
import Testing

/// Importing Markdown notes in the STAR-template style of the seed note.
@Suite struct ImportNotesTests {
    static var seed: String { SeedNote.path }

    func write(_ text: String, in test: TestJournal, name: String = "notes.md") throws -> String {
        let path = test.directory.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test(.enabled(if: SeedNote.isPresent, "needs shared/seeds beside the repository"))
    func theSeedNoteImportsNothingAndCountsSixteenEmptySections() throws {
        try #require(FileManager.default.fileExists(atPath: Self.seed), "seed note missing at \(Self.seed)")
        let test = try TestJournal()
        let report = try test.journal.importStories(from: Self.seed)
        #expect(report.format == .markdown)
        #expect(report.added == 0)
        #expect(report.empty == 16)
        #expect(report.duplicates == 0)
        // The example fields before the first principle heading are left out, and said so.
        #expect(report.strayFieldLines.count == 4)
        #expect(try test.journal.stories.count() == 0)
    }

    @Test(.enabled(if: SeedNote.isPresent, "needs shared/seeds beside the repository"))
    func theSeedNoteFilledInImportsOneStoryPerSection() throws {
        let test = try TestJournal()
        var lines = try String(contentsOfFile: Self.seed, encoding: .utf8).components(separatedBy: "\n")
        /// Replaces the first line starting with `field` after the heading starting with `heading`.
        func fill(_ heading: String, _ field: String, with text: String) throws {
            let start = try #require(lines.firstIndex { $0.hasPrefix(heading) })
            let index = try #require(lines[start...].firstIndex { $0.hasPrefix(field) })
            lines[index] = text
        }
        // "## 9.Bias for Action" has no space after the number.
        try fill("## 9.Bias", "**Situation:**", with: "**Situation:** A vendor deprecated our payments API with two weeks' notice. Nobody owned the migration.")
        try fill("## 11. Earn Trust", "**Situation:**", with: "**Situation:** I shipped a bug that double-charged customers.")
        try fill("## 11. Earn Trust", "**Action:**", with: "**Action:**  I wrote the post-mortem myself,\nand called the biggest accounts.\n\nRefunds were automated.")
        let text = lines.joined(separator: "\n")
        let path = try write(text, in: test)
        let report = try test.journal.importStories(from: path)
        #expect(report.added == 2)
        #expect(report.empty == 14)
        let stories = try test.journal.stories.list().sorted { $0.id < $1.id }
        #expect(stories.map(\.principles) == [["bias-for-action"], ["earn-trust"]])
        #expect(stories[0].title == "A vendor deprecated our payments API with two weeks' notice")
        #expect(stories[0].situation == "A vendor deprecated our payments API with two weeks' notice. Nobody owned the migration.")
        #expect(stories[1].action == "I wrote the post-mortem myself,\nand called the biggest accounts.\n\nRefunds were automated.")
        #expect(stories[1].task == "")
        #expect(stories[1].result == "")
    }

    @Test func headingsWithOrWithoutNumbersInAnyCase() throws {
        let test = try TestJournal()
        let path = try write("""
            # Interview prep

            ## 1. Customer Obsession
            **Situation:** Support tickets doubled after a release.
            **Result:** Tickets back to normal in a week.

            ## ownership
            **Situation:** The build was red for days.

            ### DIVE DEEP
            **Task:** Find why the numbers disagreed.

            ## 11
            **Action:** I said the estimate was wrong, in the review.

            ## Earn Trust:
            **Situation:** A second earn-trust story.

            ## Bias For Action
            **situation**: lower-case field, colon outside the bold.

            ## 14) Deliver Results
            - **Result:** as a list item.

            ## Things I did
            **Situation:** under a heading that is not a principle.
            """, in: test)
        let report = try test.journal.importStories(from: path)
        #expect(report.added == 7)
        #expect(report.strayFieldLines == [26])
        let tags = try test.journal.stories.list().sorted { $0.id < $1.id }.map(\.principles)
        #expect(tags == [["customer-obsession"], ["ownership"], ["dive-deep"], ["earn-trust"], ["earn-trust"],
                         ["bias-for-action"], ["deliver-results"]])
    }

    @Test func fieldTextEndsAtTheNextFieldHeadingOrRule() throws {
        let test = try TestJournal()
        let path = try write("""
            ## Dive Deep
            **Situation:**
            Our dashboards said 99.9%.

            Customers said otherwise.
            **Task:** Find out who was right.
            ----
            Resources: a link that is not part of the task
            ## Frugality
            **Result:** Saved $40k a year.
            """, in: test)
        let report = try test.journal.importStories(from: path)
        #expect(report.added == 2)
        let stories = try test.journal.stories.list().sorted { $0.id < $1.id }
        #expect(stories[0].situation == "Our dashboards said 99.9%.\n\nCustomers said otherwise.")
        #expect(stories[0].task == "Find out who was right.")
        #expect(stories[0].title == "Our dashboards said 99.9%")
        #expect(stories[1].title == "Saved $40k a year")
    }

    @Test func twoStoriesUnderOnePrincipleAndEmptySections() throws {
        let test = try TestJournal()
        let path = try write("""
            ## Ownership
            ### Billing migration
            **Situation:** Billing ran on a server nobody patched.
            **Result:** Moved it in a month.
            ### On-call
            **Situation:** Pages woke us every night.
            **Situation:** A repeated field starts a third story.

            ## Think Big
            **Situation:**
            **Task:**
            **Action:**
            **Result:**

            ## Frugality
            Just prose, no fields.
            """, in: test)
        let report = try test.journal.importStories(from: path)
        #expect(report.added == 3)
        // Think Big is empty; Frugality has text, so it is not "empty": its
        // text is reported as left out, by line.
        #expect(report.empty == 1)
        #expect(report.leftOutLines == [16])
        #expect(try test.journal.stories.list(StoryFilter(principle: "ownership")).count == 3)
    }

    @Test("a story is the same when its four STAR sections are, whatever its title: retitled stories are not added again")
    func duplicatesAfterRetitling() throws {
        let test = try TestJournal()
        let path = try write("""
            ## Ownership
            **Situation:** Billing ran on a server nobody patched.
            **Result:** Moved it in a month.

            ## Frugality
            **Situation:** We paid for idle GPUs.
            **Result:** I cut $12k a month.
            """, in: test)
        #expect(try test.journal.importStories(from: path).added == 2)
        for story in try test.journal.stories.list() {
            var patch = StoryPatch()
            patch.title = "Retitled: " + story.title
            try test.journal.stories.update(story.id, patch)
        }
        let again = try test.journal.importStories(from: path)
        #expect(again.added == 0 && again.duplicates == 2)
        // Same title, other text: a different story.
        let other = try write("## Ownership\n**Situation:** Billing ran on a server nobody patched.\n**Result:** Moved it in a week.\n", in: test, name: "other.md")
        #expect(try test.journal.importStories(from: other).added == 1)
        // Stories with no STAR text at all are told apart by title.
        try test.add("Only a title")
        let titles = try write("""
            ---
            title: Only a title
            principles: [ownership]
            ---
            ---
            title: Another title
            principles: [ownership]
            ---
            """, in: test, name: "titles.md")
        let report = try test.journal.importStories(from: titles)
        #expect(report.added == 1 && report.duplicates == 1)
    }

    @Test("headings may name a principle of any framework in the journal: a user's own or a common theme")
    func headingsOfAnyFramework() throws {
        let test = try TestJournal()
        try test.journal.frameworks.add(FrameworkDraft(slug: "northwind", name: "Northwind Values"))
        let mine = try test.journal.frameworks.addPrinciple(PrincipleDraft(framework: "northwind", name: "Ship Small, Ship Often"))
        let path = try write("""
            ## Ship Small, Ship Often
            **Situation:** Releases were monthly and risky.
            **Result:** We shipped daily within a quarter.

            ## Conflict with a Colleague
            **Situation:** Two of us wanted opposite designs.
            **Result:** We agreed on a test and kept both teams' trust.
            """, in: test)
        let report = try test.journal.importStories(from: path)
        #expect(report.added == 2)
        #expect(try test.journal.stories.list(StoryFilter(principle: mine.slug)).count == 1)
        #expect(try test.journal.stories.list(StoryFilter(principle: "conflict")).count == 1)
    }

    @Test func importingTheSameNotesTwiceAddsNothing() throws {
        let test = try TestJournal()
        let path = try write("## Earn Trust\n**Situation:** Owned a bad deploy.\n\n## Dive Deep\n**Result:** Found the leak.\n", in: test)
        let first = try test.journal.importStories(from: path)
        let second = try test.journal.importStories(from: path)
        #expect(first.added == 2)
        #expect(second.added == 0)
        #expect(second.duplicates == 2)
        #expect(try test.journal.stories.count() == 2)
    }

    @Test func dryRunCountsButWritesNothing() throws {
        let test = try TestJournal()
        let path = try write("## Earn Trust\n**Situation:** Owned a bad deploy.\n## Think Big\n**Task:**\n", in: test)
        let report = try test.journal.importStories(from: path, dryRun: true)
        #expect(report.added == 1)
        #expect(report.empty == 1)
        #expect(report.dryRun)
        #expect(try test.journal.stories.count() == 0)
    }

    @Test func unknownPrincipleInFrontMatterIsBadDataNamingTheLine() throws {
        let test = try TestJournal()
        try test.add("Already here")
        let path = try write("---\ntitle: One\nprinciples: [earn-trust]\n---\n**Situation:** fine\n\n---\ntitle: Two\nprinciples: [earn trst]\n---\n**Situation:** bad tag\n", in: test)
        #expect {
            _ = try test.journal.importStories(from: path)
        } throws: { error in
            guard let error = error as? JournalError, error.category == .data else { return false }
            let message = error.message
            return message.contains("line 9") && message.contains("earn-trust") && message.lowercased().contains("nothing was imported")
        }
        #expect(try test.journal.stories.list().map(\.title) == ["Already here"])
    }
}
