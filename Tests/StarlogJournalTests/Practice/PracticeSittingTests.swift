import StarlogJournal
import StarlogStorage
import Testing

/// The drill's sitting without a terminal: what each answer leads to, and
/// what is saved.
@Suite("Practice sitting")
struct PracticeSittingTests {
    static let now: Int64 = 1_780_000_000

    /// A journal with one story tagged Frugality and a sitting over Frugality's questions.
    func sitting(_ test: TestJournal, seed: UInt64 = 1) throws -> PracticeSitting {
        try test.add("Cut the cloud bill", principles: ["frugality"])
        return PracticeSitting(journal: test.journal, drill: try PracticeDrill(journal: test.journal, principles: ["frugality"], seed: seed))
    }

    func endedSessions(_ test: TestJournal) throws -> Int64 {
        try test.journal.database.integer("SELECT count(*) FROM practice_session WHERE ended_at IS NOT NULL") ?? -1
    }

    @Test("a question told with the first story, timed, rated and noted is saved; q then stops")
    func fullAnswer() throws {
        let test = try TestJournal(clock: .fixed(Self.now))
        var sitting = try sitting(test)
        let first = sitting.start()
        guard case .question(let item, number: 1)? = first.first, first.count == 1 else {
            Issue.record("expected the first question, got \(first)")
            return
        }
        #expect(sitting.step == .choosingStory(item))
        #expect(item.question.principle == "frugality")
        let story = try #require(item.candidates.first)

        let outline = sitting.answer(.line("  "))
        #expect(outline == [.outline(try test.journal.stories.find(story.id), lastNotes: nil)], "Enter picks the first candidate")
        #expect(sitting.step == .startingClock)
        #expect(sitting.answer(.line("")) == [])
        #expect(sitting.step == .timing)
        #expect(sitting.answer(.line("done")) == [], "only q ends the clock through answer")
        #expect(sitting.step == .timing)
        #expect(sitting.answered(seconds: 95) == [.answered(seconds: 95)])
        #expect(sitting.step == .rating)
        #expect(sitting.answer(.line("6")) == [.ratingNotUnderstood])
        #expect(sitting.answer(.line("four")) == [.ratingNotUnderstood])
        #expect(sitting.step == .rating)
        #expect(sitting.answer(.line(" 4 ")) == [])
        #expect(sitting.step == .noting(rating: 4, afterInterrupt: false))

        let saved = sitting.answer(.line("  q  "))
        guard case .saved(let attempt, let upNext)? = saved.first, saved.count == 1 else {
            Issue.record("expected a saved attempt, got \(saved)")
            return
        }
        #expect(attempt.rating == 4 && attempt.duration == 95 && attempt.notes == "q", "a q at the notes is the note")
        #expect(attempt.storyID == story.id && attempt.questionID == item.question.id)
        #expect(upNext?.storyID == story.id && upNext?.principle.slug == "frugality")
        #expect(sitting.saved == 1 && sitting.sessionID == attempt.sessionID)
        #expect(sitting.step == .askingNext, "the story is tagged frugality: no offer to tag it")

        #expect(sitting.answer(.line("Quit")) == [])
        #expect(sitting.step == .ended(.quit))
        #expect(sitting.answer(.line("")) == [], "an ended sitting takes no more answers")
        #expect(try endedSessions(test) == 0)
        sitting.close()
        #expect(try endedSessions(test) == 1)
        #expect(try test.journal.practice.count() == 1)
    }

    @Test("a short answer is saved only when the user says so")
    func shortAnswer() throws {
        let test = try TestJournal(clock: .fixed(Self.now))
        var sitting = try sitting(test)
        _ = sitting.start()
        _ = sitting.answer(.line("0"))
        #expect(sitting.step == .startingClock, "0 tells no story, so no outline")
        _ = sitting.answer(.line(""))
        #expect(sitting.answered(seconds: 2) == [.answered(seconds: 2)])
        #expect(sitting.step == .confirmingShortAnswer(seconds: 2))
        #expect(sitting.answer(.line("n")) == [.notSaved])
        #expect(sitting.step == .askingNext)

        let next = sitting.answer(.line(""))
        guard case .question(_, number: 2)? = next.first else {
            Issue.record("expected the second question, got \(next)")
            return
        }
        _ = sitting.answer(.line("0"))
        _ = sitting.answer(.line(""))
        #expect(sitting.answered(seconds: PracticeSitting.shortestAnswer) == [.answered(seconds: 3)])
        #expect(sitting.step == .rating, "three seconds is long enough")
        #expect(try test.journal.practice.count() == 0)
        #expect(sitting.answer(.endOfInput) == [])
        #expect(sitting.step == .ended(.endOfInput))
        #expect(sitting.saved == 0 && sitting.sessionID == nil)
    }

    @Test("q while the clock runs stops without saving")
    func quitDuringClock() throws {
        let test = try TestJournal(clock: .fixed(Self.now))
        var sitting = try sitting(test)
        _ = sitting.start()
        _ = sitting.answer(.line("1"))
        _ = sitting.answer(.line(""))
        #expect(sitting.answer(.line("q")) == [.clockStopped])
        #expect(sitting.step == .ended(.quit))
        #expect(try test.journal.practice.count() == 0)
    }

    @Test("one interrupt at the notes keeps the rating and asks again; a second saves without a note")
    func interruptedNotes() throws {
        let test = try TestJournal(clock: .fixed(Self.now))
        var sitting = try sitting(test)
        _ = sitting.start()
        _ = sitting.answer(.line(""))
        _ = sitting.answer(.line(""))
        _ = sitting.answered(seconds: 40)
        _ = sitting.answer(.line("3"))
        #expect(sitting.answer(.interrupted) == [.noteCleared(rating: 3)])
        #expect(sitting.step == .noting(rating: 3, afterInterrupt: true))
        #expect(try test.journal.practice.count() == 0)
        let events = sitting.answer(.interrupted)
        guard case .saved(let attempt, _)? = events.first else {
            Issue.record("expected a saved attempt, got \(events)")
            return
        }
        #expect(attempt.rating == 3 && attempt.notes == "")
        #expect(sitting.step == .ended(.interrupted))
    }

    @Test("#ID picks any story; one not tagged with the principle is offered a tag after saving")
    func otherStoryAndTag() throws {
        let test = try TestJournal(clock: .fixed(Self.now))
        var sitting = try sitting(test)
        let other = try test.add("Hired a team", principles: ["hire-and-develop-the-best"])
        _ = sitting.start()
        #expect(sitting.answer(.line("#999")) == [.noSuchStory(999)])
        #expect(sitting.answer(.line("7")) == [.choiceNotUnderstood], "only one candidate")
        #expect(sitting.answer(.line("#0")) == [.choiceNotUnderstood])
        guard case .choosingStory(let item) = sitting.step else {
            Issue.record("still choosing, got \(sitting.step)")
            return
        }
        #expect(sitting.answer(.line("#\(other.id)")) == [.telling(other), .outline(other, lastNotes: nil)])
        _ = sitting.answer(.line(""))
        _ = sitting.answered(seconds: 60)
        _ = sitting.answer(.line("5"))
        _ = sitting.answer(.line("too long"))
        #expect(sitting.step == .offeringTag(storyID: other.id, question: item.question))
        #expect(sitting.answer(.line("Y")) == [.tagged(storyID: other.id, question: item.question)])
        #expect(try test.journal.stories.find(other.id)?.principles.contains("frugality") == true)
        #expect(sitting.step == .askingNext)

        // The next time the story is told, its last notes come with its outline.
        _ = sitting.answer(.line(""))
        let outline = sitting.answer(.line("#\(other.id)"))
        guard case .outline(_, let last)? = outline.last else {
            Issue.record("expected an outline, got \(outline)")
            return
        }
        #expect(last?.notes == "too long")
    }

    @Test("skipping every question ends the sitting: every question in scope was asked")
    func exhausted() throws {
        let test = try TestJournal(clock: .fixed(Self.now))
        var sitting = try sitting(test)
        let questions = try test.journal.questions.list(principle: "frugality").count
        _ = sitting.start()
        var asked: Set<Int64> = []
        while case .choosingStory(let item) = sitting.step {
            asked.insert(item.question.id)
            #expect(sitting.answer(.line("s")) == [])
            #expect(sitting.step == .askingNext)
            _ = sitting.answer(.line(""))
        }
        #expect(sitting.step == .ended(.exhausted))
        #expect(asked.count == questions && sitting.number == questions)
    }

    @Test("quit words are q, quit and exit, in any case and with spaces")
    func quitWords() {
        for word in ["q", " Q ", "quit", "EXIT"] { #expect(PracticeSitting.isQuit(word), "\(word)") }
        for word in ["", "qq", "s", "no"] { #expect(!PracticeSitting.isQuit(word), "\(word)") }
    }
}
