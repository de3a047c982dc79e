/// One sitting of the practice drill, as a state machine that needs no
/// terminal. The caller shows each `Event` it returns, asks for what `step`
/// waits for, and hands back what the user typed (`answer`) or, while the
/// clock runs, how long the answer took (`answered(seconds:)`). The caller
/// keeps the prompts, the wording and the clock; the sitting decides what
/// comes next and saves every rated attempt.
///
/// A sitting either draws its questions from the bank (`init(journal:drill:)`)
/// or drills one question asked elsewhere (`init(journal:asked:principle:)`):
/// the user first confirms its principle from the classifier's guesses, or
/// picks another, then answers it as any drilled question; the attempt
/// records the question's text under that principle, so the classifier
/// learns from it, and the sitting ends after it.
public struct PracticeSitting {
    /// What the user gave at a prompt.
    public enum Input: Equatable, Sendable {
        case line(String)
        case endOfInput
        case interrupted
    }

    /// How a sitting ended.
    public enum End: Equatable, Sendable {
        case quit, endOfInput, interrupted, exhausted
        case failed(JournalError)
    }

    /// What the sitting waits for.
    public enum Step: Equatable, Sendable {
        /// Which principle an asked question tests: Enter for the first
        /// guess, a guess's number, or a principle's slug or name (or
        /// `FRAMEWORK:NUMBER`); q to stop.
        case confirmingPrinciple(AskedQuestion)
        /// Which story to tell: a candidate's number (Enter for the first),
        /// `#ID` for another story, 0 for none, s to skip, q to stop.
        case choosingStory(DrillQuestion)
        /// Enter to start the clock, q to stop.
        case startingClock
        /// The clock runs: `answered(seconds:)` when the user finishes; q, end
        /// of input or an interrupt through `answer`.
        case timing
        /// An answer shorter than `shortestAnswer` seconds: y to save it.
        case confirmingShortAnswer(seconds: Int)
        /// A rating from 1 to 5.
        case rating
        /// Notes for the attempt (any line, q included, is the note).
        /// `afterInterrupt` once an interrupt cleared the line being typed:
        /// a second interrupt saves the attempt without a note.
        case noting(rating: Int, afterInterrupt: Bool)
        /// The story told is not tagged with the question's principle: y to tag it.
        case offeringTag(storyID: Int64, question: Question)
        /// Enter for the next question, q to stop.
        case askingNext
        case ended(End)
    }

    /// Something for the caller to show.
    public enum Event: Equatable, Sendable {
        /// An asked question and the classifier's guesses for its principle.
        case proposed(AskedQuestion)
        /// What the user typed names no principle (why, as the journal
        /// refused it), or is no guess's number (nil); the user is asked again.
        case principleNotUnderstood(Refusal?)
        /// The sitting's `number`th question, with its candidate stories.
        case question(DrillQuestion, number: Int)
        /// The story picked by `#ID`.
        case telling(Story)
        case noSuchStory(Int64)
        case choiceNotUnderstood
        /// The chosen story (nil when it vanished) and its last attempt with notes.
        case outline(Story?, lastNotes: PracticeAttempt?)
        /// q while the clock ran: the answer is not saved.
        case clockStopped
        case answered(seconds: Int)
        /// A short answer the user chose not to save.
        case notSaved
        case ratingNotUnderstood
        /// An interrupt cleared the note being typed; the rating is kept.
        case noteCleared(rating: Int)
        /// The attempt was saved; `upNext` is when its story comes up again for the principle.
        case saved(PracticeAttempt, upNext: DueItem?)
        case tagged(storyID: Int64, question: Question)
    }

    /// What the journal refused of something typed at a prompt, for the
    /// caller to word; two are equal when they describe the same error.
    public struct Refusal: Equatable, Sendable {
        public let error: any Error

        public static func == (a: Refusal, b: Refusal) -> Bool {
            String(reflecting: a.error) == String(reflecting: b.error)
        }
    }

    /// Answers shorter than this many seconds are saved only when the user says so.
    public static let shortestAnswer = 3

    let journal: Journal
    /// Where the questions come from: nil for an asked question.
    var drill: PracticeDrill?
    /// The question asked elsewhere, when the sitting drills one.
    public let asked: AskedQuestion?
    /// Its principle, when the user gave it before the sitting.
    let askedPrinciple: Principle?
    public private(set) var step: Step = .askingNext
    /// Questions shown so far.
    public private(set) var number = 0
    /// Attempts saved so far.
    public private(set) var saved = 0
    /// The practice session, once the first attempt is saved.
    public private(set) var sessionID: Int64?
    var question: DrillQuestion?
    var storyID: Int64?
    var duration = 0

    public init(journal: Journal, drill: PracticeDrill) {
        self.journal = journal
        self.drill = drill
        asked = nil
        askedPrinciple = nil
    }

    /// A sitting on one question asked elsewhere. With `principle` (as a
    /// user types it, a bare number within the asked question's framework)
    /// the question is asked under it at once; without, the user confirms
    /// the classifier's guess first.
    public init(journal: Journal, asked: AskedQuestion, principle: String? = nil) throws {
        self.journal = journal
        self.asked = asked
        drill = nil
        askedPrinciple = try principle.map { try journal.principles.resolve($0, in: asked.framework) }
    }

    /// Starts the sitting with its first question (for an asked question
    /// without a principle, with the guesses to confirm).
    public mutating func start() -> [Event] {
        if let asked {
            if let askedPrinciple { return ask(asked, under: askedPrinciple) }
            step = .confirmingPrinciple(asked)
            return [.proposed(asked)]
        }
        return nextQuestion()
    }

    /// Takes what the user gave at the prompt for `step`.
    public mutating func answer(_ input: Input) -> [Event] {
        switch (step, input) {
        case (.ended, _):
            return []
        case (.noting(let rating, let afterInterrupt), _):
            return note(input, rating: rating, afterInterrupt: afterInterrupt)
        case (_, .endOfInput):
            step = .ended(.endOfInput)
            return []
        case (_, .interrupted):
            step = .ended(.interrupted)
            return []
        case (_, .line(let raw)):
            let text = raw.trimmed.lowercased()
            if Self.isQuit(text) {
                let wasTiming = step == .timing
                step = .ended(.quit)
                return wasTiming ? [.clockStopped] : []
            }
            return line(text)
        }
    }

    /// The clock stopped: the user finished an answer of `seconds`.
    public mutating func answered(seconds: Int) -> [Event] {
        guard step == .timing else { return [] }
        duration = seconds
        step = seconds < Self.shortestAnswer ? .confirmingShortAnswer(seconds: seconds) : .rating
        return [.answered(seconds: seconds)]
    }

    /// Ends the practice session, if one was started.
    public func close() {
        if let sessionID {
            try? journal.practice.endSession(sessionID)
        }
    }

    /// True for the words that stop the sitting at any prompt.
    public static func isQuit(_ text: String) -> Bool {
        let word = text.trimmed.lowercased()
        return word == "q" || word == "quit" || word == "exit"
    }

    private mutating func line(_ text: String) -> [Event] {
        switch step {
        case .confirmingPrinciple(let asked):
            return confirm(text, for: asked)
        case .choosingStory(let item):
            return choose(text, from: item)
        case .startingClock:
            step = .timing
            return []
        case .timing:
            return []
        case .confirmingShortAnswer:
            if text == "y" || text == "yes" {
                step = .rating
                return []
            }
            step = afterQuestion
            return [.notSaved]
        case .rating:
            guard let value = Int(text), (1...5).contains(value) else { return [.ratingNotUnderstood] }
            step = .noting(rating: value, afterInterrupt: false)
            return []
        case .offeringTag(let storyID, let question):
            step = afterQuestion
            guard text == "y" || text == "yes" else { return [] }
            do {
                _ = try journal.stories.tag(storyID, with: [question.principle])
            } catch {
                return fail(error)
            }
            return [.tagged(storyID: storyID, question: question)]
        case .askingNext:
            return nextQuestion()
        case .noting, .ended:
            return []
        }
    }

    /// What follows a question: the next one, or for an asked question the
    /// end (it was the only one).
    private var afterQuestion: Step {
        asked == nil ? .askingNext : .ended(.exhausted)
    }

    private mutating func nextQuestion() -> [Event] {
        let next: DrillQuestion?
        do {
            next = try drill?.next()
        } catch {
            return fail(error)
        }
        guard let next else {
            step = .ended(.exhausted)
            return []
        }
        number += 1
        question = next
        step = .choosingStory(next)
        return [.question(next, number: number)]
    }

    /// The user's pick of a principle for an asked question: Enter for the
    /// first guess, a guess's number, else a principle as a user types it.
    private mutating func confirm(_ text: String, for asked: AskedQuestion) -> [Event] {
        if text.isEmpty || text.allSatisfy(\.isASCIIDigit) {
            guard let index = text.isEmpty ? 0 : Int(text).map({ $0 - 1 }), asked.guesses.indices.contains(index) else {
                return [.principleNotUnderstood(nil)]
            }
            return ask(asked, under: asked.guesses[index].principle)
        }
        do {
            return ask(asked, under: try journal.principles.resolve(text, in: asked.framework))
        } catch {
            return [.principleNotUnderstood(Refusal(error: error))]
        }
    }

    /// Asks `asked` under `principle`, with the principle's stories ranked for it.
    private mutating func ask(_ asked: AskedQuestion, under principle: Principle) -> [Event] {
        let item: DrillQuestion
        do {
            guard let line = try journal.coverage.report(principles: [principle.slug]).principles.first else {
                throw JournalError.damaged(.principleVanished(principle.slug))
            }
            item = DrillQuestion(question: Question(asked: asked.text, principle: principle), coverage: line,
                                 candidates: try journal.drillCandidates(for: asked.text, principle: principle))
        } catch {
            return fail(error)
        }
        number += 1
        question = item
        step = .choosingStory(item)
        return [.question(item, number: number)]
    }

    private mutating func choose(_ text: String, from item: DrillQuestion) -> [Event] {
        if text == "s" || text == "skip" {
            step = afterQuestion
            return []
        }
        if text.isEmpty { return chosen(item.candidates.first?.id, events: []) }
        if text == "0" || text == "none" { return chosen(nil, events: []) }
        if let choice = Int(text), choice >= 1, choice <= item.candidates.count {
            return chosen(item.candidates[choice - 1].id, events: [])
        }
        if text.hasPrefix("#"), let id = Int64(text.dropFirst()), id > 0 {
            do {
                guard let story = try journal.stories.find(id) else { return [.noSuchStory(id)] }
                return chosen(id, events: [.telling(story)])
            } catch {
                return fail(error)
            }
        }
        return [.choiceNotUnderstood]
    }

    private mutating func chosen(_ id: Int64?, events: [Event]) -> [Event] {
        storyID = id
        step = .startingClock
        guard let id else { return events }
        do {
            return events + [.outline(try journal.stories.find(id), lastNotes: try journal.practice.lastNotes(storyID: id))]
        } catch {
            return fail(error)
        }
    }

    private mutating func note(_ input: Input, rating: Int, afterInterrupt: Bool) -> [Event] {
        switch input {
        case .line(let text):
            return save(rating: rating, notes: text.trimmed, end: nil)
        case .endOfInput:
            return save(rating: rating, notes: "", end: .endOfInput)
        case .interrupted:
            if afterInterrupt { return save(rating: rating, notes: "", end: .interrupted) }
            step = .noting(rating: rating, afterInterrupt: true)
            return [.noteCleared(rating: rating)]
        }
    }

    /// Saves the rated attempt; the sitting then ends with `end`, or goes on.
    private mutating func save(rating: Int, notes: String, end: End?) -> [Event] {
        guard let item = question else { return [] }
        do {
            let session = try sessionID ?? journal.practice.startSession()
            sessionID = session
            // An asked question is saved by its text under the chosen principle.
            let draft = asked == nil
                ? AttemptDraft(questionID: item.question.id, storyID: storyID, duration: duration, rating: rating, notes: notes)
                : AttemptDraft(questionText: item.question.text, principle: item.question.principle, storyID: storyID,
                               duration: duration, rating: rating, notes: notes)
            let attempt = try journal.practice.record(draft, session: session)
            saved += 1
            let upNext: DueItem?
            do {
                upNext = try journal.comesUpNext(after: attempt)
            } catch {
                return [.saved(attempt, upNext: nil)] + fail(error)
            }
            let events: [Event] = [.saved(attempt, upNext: upNext)]
            if let end {
                step = .ended(end)
            } else if let storyID, let story = try journal.stories.find(storyID),
                      !story.principles.contains(item.question.principle) {
                step = .offeringTag(storyID: storyID, question: item.question)
            } else {
                step = afterQuestion
            }
            return events
        } catch {
            return fail(error)
        }
    }

    private mutating func fail(_ error: any Error) -> [Event] {
        step = .ended(.failed(JournalError.describing(error)))
        return []
    }
}
