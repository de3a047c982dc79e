import StarlogStorage
import StarlogJournal
import Testing

@Suite("Interview edits, debriefs and plans that remember")
struct DebriefTests {
    static let now: Int64 = 1_780_000_000 // 2026-05-28T20:26:40Z
    static let full = "I led the work and measured it; latency fell 40% in 3 weeks after I changed the cache."

    @Test("edit changes only what is given, keeps principles of the new framework, and refuses a duplicate")
    func edit() throws {
        let test = try TestJournal(clock: .fixed(Self.now))
        try test.journal.frameworks.add(FrameworkDraft(slug: "acme", name: "Acme"))
        try test.journal.frameworks.addPrinciple(PrincipleDraft(framework: "acme", name: "Be Kind"))
        let interviews = test.journal.interviews
        let first = try interviews.add(InterviewDraft(company: "Acme", date: "2026-06-10", role: "SDE", principles: ["earn-trust", "11", "dive-deep"]))
        let other = try interviews.add(InterviewDraft(company: "Acme", date: "2026-06-20"))
        var edited = try interviews.edit(first.id, InterviewPatch(role: "Staff"))
        #expect(edited.company == "Acme" && edited.date == "2026-06-10" && edited.role == "Staff")
        #expect(edited.principles.map(\.slug) == ["earn-trust", "dive-deep"] && edited.framework == "amazon")
        edited = try interviews.edit(first.id, InterviewPatch(framework: "acme"))
        #expect(edited.framework == "acme" && edited.principles.isEmpty, "amazon's principles do not belong to acme")
        edited = try interviews.edit(first.id, InterviewPatch(principles: ["1"]))
        #expect(edited.principles.map(\.slug) == ["be-kind"], "a bare number is read in the interview's framework")
        #expect(throws: InterviewError.duplicate(id: other.id, company: "ACME", date: "2026-06-20")) {
            try interviews.edit(first.id, InterviewPatch(company: "ACME", date: "2026-06-20"))
        }
        #expect(throws: InterviewError.inThePast(date: "2026-05-01", today: "2026-05-28")) {
            try interviews.edit(first.id, InterviewPatch(date: "2026-05-01"))
        }
        #expect(throws: InterviewError.nothingToChange) { try interviews.edit(first.id, InterviewPatch()) }
        #expect(try interviews.require(first.id) == edited, "nothing written by a refused edit")
        #expect(try interviews.edit(first.id, InterviewPatch(date: "2026-05-01", past: true)).date == "2026-05-01")
    }

    @Test("an edit that leaves the framework alone keeps every principle, even those of another framework")
    func editKeepsMixedPrinciples() throws {
        let test = try TestJournal(clock: .fixed(Self.now))
        let interviews = test.journal.interviews
        let mixed = try interviews.add(InterviewDraft(company: "Foo", date: "2027-03-01", principles: ["ownership", "conflict"]))
        #expect(mixed.framework == "amazon" && mixed.principles.map(\.slug) == ["ownership", "conflict"])
        var edited = try interviews.edit(mixed.id, InterviewPatch(role: "Staff"))
        #expect(edited.principles.map(\.slug) == ["ownership", "conflict"])
        edited = try interviews.edit(mixed.id, InterviewPatch(framework: "Amazon"))
        #expect(edited.principles.map(\.slug) == ["ownership", "conflict"], "naming the same framework changes nothing")
        let others = try interviews.add(InterviewDraft(company: "Bar", date: "2027-03-02", framework: "amazon",
                                                       principles: ["conflict", "failure"]))
        edited = try interviews.edit(others.id, InterviewPatch(company: "Baz"))
        #expect(edited.principles.map(\.slug) == ["conflict", "failure"], "not widened to all of amazon")
        edited = try interviews.edit(mixed.id, InterviewPatch(framework: "common"))
        #expect(edited.principles.map(\.slug) == ["conflict"], "a new framework keeps only its own")
    }

    @Test("a debrief records question, story, principle, rating and notes; bad input writes nothing")
    func debrief() throws {
        let test = try TestJournal(clock: .fixed(Self.now))
        let story = try test.add("Cut the bill", principles: ["frugality"])
        let interviews = test.journal.interviews
        let past = try interviews.add(InterviewDraft(company: "Acme", date: "2026-05-20", past: true))
        let entry = try interviews.debrief(past.id, DebriefDraft(question: "  Tell me about\nsaving money. ", storyID: story.id, principle: "10", rating: 4, notes: "asked for numbers"))
        #expect(entry.question == "Tell me about saving money." && entry.storyTitle == "Cut the bill")
        #expect(entry.principle?.slug == "frugality" && entry.rating == 4 && entry.notes == "asked for numbers")
        try interviews.debrief(past.id, DebriefDraft(question: "Why Acme?"))
        #expect(try interviews.debriefs(of: past.id).map(\.question) == ["Tell me about saving money.", "Why Acme?"])

        #expect(throws: InterviewError.emptyQuestion) { try interviews.debrief(past.id, DebriefDraft(question: " ")) }
        #expect(throws: InterviewError.invalidRating(6)) { try interviews.debrief(past.id, DebriefDraft(question: "Q", rating: 6)) }
        #expect(throws: JournalError.self) { try interviews.debrief(past.id, DebriefDraft(question: "Q", storyID: 99)) }
        #expect(throws: JournalError.self) { try interviews.debrief(past.id, DebriefDraft(question: "Q", principle: "nope-nope")) }
        #expect(throws: JournalError.self) { try interviews.debrief(77, DebriefDraft(question: "Q")) }
        #expect(try interviews.debriefs(of: past.id).count == 2, "nothing written")

        // Deleting the story keeps the entry; removing the interview takes its debrief.
        try test.journal.stories.delete(story.id)
        #expect(try interviews.debriefs(of: past.id).first?.storyID == nil)
        try interviews.remove(past.id)
        #expect(try test.journal.database.integer("SELECT count(*) FROM interview_debrief") == 0)
    }

    /// Ownership: A (strong) or B; Dive Deep: B or C (weak). Unconstrained,
    /// the exact plan gives A to Ownership and B to Dive Deep. Once A was
    /// told at an earlier Acme interview, Ownership must take B, so Dive
    /// Deep has to move to C: a change for a principle A never belonged to,
    /// which only a solver over the whole assignment makes.
    @Test("plan leaves out stories told at the same company, says which and why, and --allow-repeat keeps them")
    func planAvoidsRepeats() throws {
        let test = try TestJournal(clock: .fixed(Self.now))
        let full = Self.full
        let a = try test.add("Rebuilt the cache", principles: ["ownership"]) {
            $0.situation = full; $0.task = full; $0.action = full; $0.result = full
        }
        let b = try test.add("Chased a flaky metric", principles: ["ownership", "dive-deep"]) {
            $0.situation = full; $0.action = full; $0.result = full
        }
        let c = try test.add("Read the logs", principles: ["dive-deep"])
        let interviews = test.journal.interviews
        let earlier = try interviews.add(InterviewDraft(company: "Acme", date: "2026-05-01", past: true))
        let later = try interviews.add(InterviewDraft(company: "ACME ", date: "2026-06-15", principles: ["ownership", "dive-deep"]))
        let elsewhere = try interviews.add(InterviewDraft(company: "Globex", date: "2026-06-16", principles: ["ownership", "dive-deep"]))

        func assignment(_ plan: LoopPlan) -> [String: Int64?] {
            Dictionary(uniqueKeysWithValues: plan.principles.map { ($0.principle.slug, $0.story?.storyID) })
        }
        #expect(assignment(try test.journal.planner.plan(interview: later.id)) == ["ownership": a.id, "dive-deep": b.id])

        try interviews.debrief(earlier.id, DebriefDraft(question: "Tell me about owning a problem.", storyID: a.id, rating: 5))
        let plan = try test.journal.planner.plan(interview: later.id)
        #expect(assignment(plan) == ["ownership": b.id, "dive-deep": c.id])
        #expect(plan.avoided == [AvoidedStory(storyID: a.id, title: "Rebuilt the cache", interviewID: earlier.id,
                                              date: "2026-05-01", question: "Tell me about owning a problem.")])
        // The exact solver's choice among the stories left is the best there is.
        let tables = plan.principles.map { line in
            try? StoryFitReaderProbe.fits(test, principle: line.principle.slug).filter { $0.storyID != a.id }
        }.compactMap { $0 }
        #expect(LoopPlanner.assign(tables, excluding: []).map { $0?.storyID } == [b.id, c.id])

        let repeated = try test.journal.planner.plan(interview: later.id, allowRepeat: true)
        #expect(assignment(repeated) == ["ownership": a.id, "dive-deep": b.id] && repeated.avoided.isEmpty)
        #expect(assignment(try test.journal.planner.plan(interview: elsewhere.id)) == ["ownership": a.id, "dive-deep": b.id],
                "another company hears A")
        #expect(try test.journal.planner.plan(interview: later.id).json(wording: { "\($0)" }).rendered(pretty: false)
            .contains(#""avoided":[{"story_id":\#(a.id),"title":"Rebuilt the cache","interview_id":\#(earlier.id),"date":"2026-05-01","#))
        // What was told at a later interview there does not reach back to an earlier one.
        #expect(try interviews.toldStories(at: "acme", except: later.id).map(\.interviewID) == [earlier.id])
        #expect(try interviews.toldStories(at: "acme", except: earlier.id).isEmpty)
        try interviews.debrief(later.id, DebriefDraft(question: "And again?", storyID: b.id))
        #expect(try interviews.toldStories(at: "acme", except: earlier.id).isEmpty, "told later, not before")
        #expect(try interviews.toldStories(at: "acme", except: nil).map(\.storyID) == [a.id, b.id])
    }
}

/// The fits of one principle's stories, as the planner sees them.
enum StoryFitReaderProbe {
    static func fits(_ test: TestJournal, principle: String) throws -> [StoryFit] {
        let plan = try test.journal.planner.plan(principles: [principle], backups: 1)
        return plan.principles.flatMap { [$0.story, $0.backup].compactMap { $0 } }
    }
}
