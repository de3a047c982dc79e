import Foundation
import StarlogJournal
import Testing

/// The Markdown form of a story, and notes in the STAR-template style.
@Suite struct MarkdownStoryTests {
    /// Text that looks like structure, quotes, commas, blanks at the ends.
    static let hostile = "Line one, \"quoted\"\n# not a heading\n**Task:** not a field\n---\n\\backslash\n\n  indented"

    @Test func renderThenParseGivesEveryField() throws {
        let test = try TestJournal()
        let story = try test.add("Hostile \"title\": with # and\nnewline", principles: ["earn-trust", "12"]) {
            $0.situation = MarkdownStoryTests.hostile
            $0.task = "  leading and trailing blanks  "
            $0.action = "crlf\r\ninside"
            $0.result = "p99 fell to 600 ms; abandonment dropped 8%"
            $0.learnings = "null"
            $0.outcome = .mixed
            $0.company = "Acme, Inc."
            $0.role = "yes"
            $0.when = StoryDate("2024-03")
        }
        let text = StoryMarkdown.render(story)
        let parsed = try #require(try test.journal.parseStory(markdown: text))
        #expect(parsed.id == story.id)
        #expect(parsed.title == story.title)
        #expect(parsed.situation == story.situation)
        #expect(parsed.task == story.task)
        #expect(parsed.action == story.action)
        #expect(parsed.result == story.result)
        #expect(parsed.learnings == story.learnings)
        #expect(parsed.outcome == .mixed)
        #expect(parsed.company == "Acme, Inc.")
        #expect(parsed.role == "yes")
        #expect(parsed.when == StoryDate("2024-03"))
        #expect(parsed.principles == ["earn-trust", "dive-deep"])
        #expect(parsed.createdAt == story.createdAt)
        #expect(parsed.updatedAt == story.updatedAt)
    }

    @Test func renderedFormIsReadable() throws {
        let test = try TestJournal()
        let story = try test.add("Cut checkout latency", principles: ["deliver-results"]) {
            $0.situation = "Checkout p99 was 2.1 s."
            $0.action = "I profiled it.\nThen I batched the fraud checks."
        }
        let text = StoryMarkdown.render(story)
        #expect(text.hasPrefix("---\nid: \(story.id)\ntitle: Cut checkout latency\n"))
        #expect(text.contains("principles:\n- deliver-results\n"))
        #expect(text.contains("\n## Cut checkout latency\n"))
        #expect(text.contains("\n**Situation:** Checkout p99 was 2.1 s.\n"))
        #expect(text.contains("\n**Action:** I profiled it.\nThen I batched the fraud checks.\n"))
    }

    @Test func templateHoldsNoStory() throws {
        let test = try TestJournal()
        #expect(try test.journal.parseStory(markdown: StoryMarkdown.template) == nil)
        #expect(try test.journal.parseStory(markdown: "") == nil)
    }

    @Test func filledTemplateBecomesADraft() throws {
        let test = try TestJournal()
        let text = StoryMarkdown.template
            .replacingOccurrences(of: "title: ''", with: "title: Shipped the shim")
            .replacingOccurrences(of: "principles: []", with: "principles: [bias for action, 12]")
            .replacingOccurrences(of: "**Situation:** ", with: "**Situation:** A vendor API was deprecated.\nWe had two weeks.")
        let parsed = try #require(try test.journal.parseStory(markdown: text))
        let draft = try test.journal.draft(from: parsed)
        #expect(draft.title == "Shipped the shim")
        #expect(draft.situation == "A vendor API was deprecated.\nWe had two weeks.")
        let story = try test.journal.stories.add(draft)
        #expect(story.principles == ["bias-for-action", "dive-deep"])
    }

    @Test func badFrontMatterNamesTheLine() throws {
        let test = try TestJournal()
        let text = "---\ntitle: ok\noutcome: [unclosed\n---\n**Situation:** x\n"
        #expect {
            _ = try test.journal.parseStory(markdown: text)
        } throws: { error in
            guard case JournalError.badData(let message) = error else { return false }
            return message.hasPrefix("line ") && message.contains("YAML")
        }
        #expect(throws: JournalError.self) {
            _ = try test.journal.parseStory(markdown: "---\ntitle: x\noutcome: great\n---\n")
        }
        #expect(throws: JournalError.self) {
            _ = try test.journal.parseStory(markdown: "---\ntitle: x\nwhen: March\n---\n")
        }
    }

    @Test func titleIsTheFirstSentenceShortened() {
        #expect(StoryMarkdown.title(from: "Our deploys failed weekly. I fixed it.") == "Our deploys failed weekly")
        let whole = "The payments team had been fighting a flaky integration test suite for most of the quarter and nobody owned it"
        #expect(StoryMarkdown.title(from: whole + ". Then I did.") == whole)
        let long = StoryMarkdown.title(from: String(repeating: "Our nightly billing export to the finance team broke again ", count: 3))
        #expect(!long.contains("…") && long.count <= StoryMarkdown.maximumDerivedTitle)
        #expect(long.hasSuffix("broke") || long.hasSuffix("again") || long.hasSuffix("team"), "\(long)")
        #expect(StoryMarkdown.title(from: "\n\nSecond line first") == "Second line first")
        // Abbreviations do not end the sentence.
        #expect(StoryMarkdown.title(from: "A bad config push at 2 a.m. took down checkout. I rolled it back.")
                == "A bad config push at 2 a.m. took down checkout")
        #expect(StoryMarkdown.title(from: "Dr. Patel asked for the audit, e.g. every query. Done.") == "Dr. Patel asked for the audit, e.g. every query")
        #expect(StoryMarkdown.title(from: "We shipped the U.S. launch early. It held.") == "We shipped the U.S. launch early")
        #expect(StoryMarkdown.title(from: "Why did it fail? Nobody knew.") == "Why did it fail")
    }
}
