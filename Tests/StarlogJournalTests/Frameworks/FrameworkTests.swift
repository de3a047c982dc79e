import Foundation
import StarlogJournal
import StarlogStorage
import Testing

@Suite("Frameworks, their principles and lookup")
struct FrameworkTests {
    static let now: Int64 = 1_780_000_000 // 2026-05-28T20:26:40Z

    /// A journal with `acme` (three values) and `google` (one of whose
    /// names, Ownership, Amazon has too).
    func journal() throws -> TestJournal {
        let test = try TestJournal(clock: .fixed(Self.now))
        let frameworks = test.journal.frameworks
        try frameworks.add(FrameworkDraft(slug: "acme", name: "Acme Values", source: "https://acme.example/values", asOf: "2026-05-01"))
        for name in ["Be Kind", "Ship Small", "Own the Outcome"] {
            try frameworks.addPrinciple(PrincipleDraft(framework: "acme", name: name, summary: "\(name), in short."))
        }
        try frameworks.add(FrameworkDraft(slug: "google", name: "Google"))
        try frameworks.addPrinciple(PrincipleDraft(framework: "google", name: "Googleyness"))
        try frameworks.addPrinciple(PrincipleDraft(framework: "google", name: "Ownership", number: 3))
        return test
    }

    @Test("the built-in frameworks: amazon's sixteen and common's themes, each with a summary and three questions")
    func builtins() throws {
        let test = try TestJournal(clock: .fixed(Self.now))
        let frameworks = try test.journal.frameworks.all()
        #expect(frameworks.prefix(2).map(\.slug) == ["amazon", "common"])
        #expect(frameworks.filter(\.builtin).count == 2)
        let amazon = try test.journal.principles.all(in: "amazon")
        #expect(amazon.map(\.position) == Array(1...16))
        let common = try test.journal.principles.all(in: "common")
        #expect((10...12).contains(common.count))
        #expect(common.map(\.position) == Array(1...common.count))
        let questions = try test.journal.questions.list()
        for theme in common {
            #expect(theme.builtin && theme.summary.count > 40, "\(theme.slug) needs a summary")
            #expect(questions.filter { $0.principleID == theme.id }.count >= 3, "\(theme.slug) needs three questions")
        }
    }

    @Test("numbers are per framework, and a bare number means the framework in scope, else amazon")
    func numbersPerFramework() throws {
        let test = try journal()
        let principles = test.journal.principles
        #expect(try principles.all(in: "acme").map { "\($0.position ?? 0) \($0.slug)" } == ["1 be-kind", "2 ship-small", "3 own-the-outcome"])
        #expect(try principles.all(in: "google").map { "\($0.position ?? 0) \($0.slug)" } == ["1 googleyness", "3 google-ownership"])
        #expect(try principles.resolve("1").slug == "customer-obsession")
        #expect(try principles.resolve("1", in: "acme").slug == "be-kind")
        #expect(try principles.resolve("2", in: "common").framework == "common")
        #expect(try principles.resolve("acme:2").slug == "ship-small")
        #expect(try principles.resolve("google:3").slug == "google-ownership")
        #expect(try principles.resolve("amazon:11").slug == "earn-trust")
        #expect(try principles.resolve("acme:be kind").slug == "be-kind")
        #expect(throws: JournalError.principle(.noNumber(2, framework: "google", count: 3))) {
            try principles.resolve("google:2")
        }
        #expect(throws: JournalError.principle(.noNumber(17, framework: "amazon", count: 16))) {
            try principles.resolve("17")
        }
        #expect(throws: JournalError.principle(.unknownFramework("gogle", suggestion: "google"))) {
            try principles.resolve("gogle:3")
        }
        // A qualified name is looked for in that framework only, never elsewhere.
        #expect(throws: JournalError.self) { try principles.resolve("acme:ownership") }
        #expect(throws: JournalError.self) { try principles.resolve("acme:earn-trust") }
        let huge = #expect(throws: JournalError.self) { try principles.resolve("amazon:99999999999999999999") }
        #expect("\(huge.map { $0 } as Any)".contains("99999999999999999999"), "the number as typed, not an overflowed one")
        // A name of digits alone gets a slug that cannot be read as a number.
        let digits = try test.journal.frameworks.addPrinciple(PrincipleDraft(framework: "acme", name: "#1"))
        #expect(digits.slug == "acme-1" && digits.framework == "acme")
        #expect(try principles.resolve("acme-1") == digits)
        #expect(try principles.resolve("1").slug == "customer-obsession")
        // The next free number, and a number that is taken.
        let next = try test.journal.frameworks.addPrinciple(PrincipleDraft(framework: "google", name: "Bias to Action"))
        #expect(next.position == 4)
        #expect(throws: FrameworkError.self) {
            try test.journal.frameworks.addPrinciple(PrincipleDraft(framework: "acme", name: "Another", number: 2))
        }
    }

    @Test("a name several frameworks share is ambiguous and lists the candidates; a framework in scope settles it")
    func ambiguousNames() throws {
        let test = try journal()
        let principles = test.journal.principles
        #expect {
            try principles.resolve("Ownership")
        } throws: { error in
            guard case JournalError.principle(.ambiguous("Ownership", let candidates)) = error else { return false }
            return candidates.map(\.slug) == ["ownership", "google-ownership"]
                && (error as? JournalError)?.message == "'Ownership' names principles of several frameworks: 'ownership' (amazon:2), 'google-ownership' (google:3); give the slug, or FRAMEWORK:NUMBER"
        }
        #expect(try principles.resolve("Ownership", in: "google").slug == "google-ownership")
        #expect(try principles.resolve("Ownership", in: "amazon").slug == "ownership")
        #expect(try principles.resolve("ownership").slug == "ownership", "a slug typed exactly is one principle")
        #expect(try principles.resolve("google-ownership").framework == "google")
        // An unknown name suggests the closest across frameworks.
        #expect {
            try principles.resolve("Googlyness")
        } throws: { error in
            (error as? JournalError)?.message == "unknown principle 'Googlyness'; did you mean 'googleyness' (Googleyness, google)?"
        }
        // A story can carry principles of several frameworks.
        let story = try test.add("Helped a colleague ship", principles: ["be kind", "googleyness", "earn-trust"])
        #expect(story.principles == ["earn-trust", "be-kind", "googleyness"])
        #expect(try test.journal.stories.list(StoryFilter(principle: "googleyness")).map(\.id) == [story.id])
    }

    @Test("removal rules: built-ins stay, tagged principles need force, interviews keep their framework")
    func removal() throws {
        let test = try journal()
        let frameworks = test.journal.frameworks
        let count = try frameworks.all().count
        #expect(throws: FrameworkError.builtinFramework("amazon")) { try frameworks.remove("amazon") }
        #expect(throws: FrameworkError.builtinFramework("common")) { try frameworks.remove("common", force: true) }
        #expect(throws: FrameworkError.builtinPrinciple(slug: "earn-trust")) { try frameworks.removePrinciple("earn-trust", force: true) }
        #expect(throws: FrameworkError.builtinPrinciple(slug: "earn-trust")) {
            try frameworks.editPrinciple("11", PrinciplePatch(summary: "mine"))
        }
        let story = try test.add("Kind", principles: ["be-kind", "ownership"])
        #expect(throws: FrameworkError.principleInUse(slug: "be-kind", stories: 1)) { try frameworks.removePrinciple("be-kind") }
        #expect(throws: FrameworkError.frameworkInUse("acme", stories: 1)) { try frameworks.remove("acme") }
        #expect(try frameworks.all().count == count, "nothing removed")
        #expect(try test.journal.stories.require(story.id).principles.count == 2)

        let interview = try test.journal.interviews.add(InterviewDraft(company: "Google", date: "2026-06-10", framework: "google"))
        #expect(throws: FrameworkError.frameworkHasInterviews("google", interviews: [interview.id])) {
            try frameworks.remove("google", force: true)
        }

        // A principle an interview lists stays: without it the interview would test all of its framework.
        let named = try test.journal.interviews.add(InterviewDraft(company: "Acme", date: "2026-07-01", framework: "amazon",
                                                                   principles: ["ownership", "ship-small"]))
        #expect(throws: FrameworkError.principleInInterviews(slug: "ship-small", interviews: [named.id])) {
            try frameworks.removePrinciple("ship-small", force: true)
        }
        #expect(throws: FrameworkError.principleInInterviews(slug: "ship-small", interviews: [named.id])) {
            try frameworks.remove("acme", force: true)
        }
        #expect(try test.journal.interviews.require(named.id).principles.map(\.slug) == ["ownership", "ship-small"])
        try test.journal.interviews.edit(named.id, InterviewPatch(principles: ["ownership"]))

        let removed = try frameworks.remove("acme", force: true)
        #expect(removed.principles.map(\.slug) == ["be-kind", "ship-small", "own-the-outcome"] && removed.untagged == 1)
        #expect(try test.journal.stories.require(story.id).principles == ["ownership"])
        #expect(try !frameworks.all().contains { $0.slug == "acme" })
        #expect(throws: FrameworkError.unknownFramework("acme", suggestion: nil)) { try frameworks.require("acme") }
        // An unused user principle goes without force.
        try frameworks.removePrinciple("googleyness")
        #expect(try test.journal.principles.all(in: "google").map(\.slug) == ["google-ownership"])
    }

    @Test("adding and editing check every field and write nothing when one is wrong")
    func badInput() throws {
        let test = try journal()
        let frameworks = test.journal.frameworks
        let before = try test.journal.principles.all()
        #expect(throws: FrameworkError.frameworkExists("acme")) { try frameworks.add(FrameworkDraft(slug: "acme", name: "Again")) }
        #expect(throws: FrameworkError.invalidSlug("Acme Corp")) { try frameworks.add(FrameworkDraft(slug: "Acme Corp", name: "A")) }
        #expect(throws: FrameworkError.invalidSlug("42")) { try frameworks.add(FrameworkDraft(slug: "42", name: "A")) }
        #expect(throws: FrameworkError.emptyName) { try frameworks.add(FrameworkDraft(slug: "x", name: "  ")) }
        #expect(throws: FrameworkError.invalidDate("2026-02-30")) { try frameworks.add(FrameworkDraft(slug: "x", name: "X", asOf: "2026-02-30")) }
        #expect(throws: FrameworkError.unknownFramework("acm", suggestion: "acme")) {
            try frameworks.addPrinciple(PrincipleDraft(framework: "acm", name: "X"))
        }
        #expect(throws: FrameworkError.invalidNumber(0)) { try frameworks.addPrinciple(PrincipleDraft(framework: "acme", name: "X", number: 0)) }
        // A number past the limit is refused, so "the next free number" can never overflow.
        #expect(throws: FrameworkError.invalidNumber(Int.max)) {
            try frameworks.addPrinciple(PrincipleDraft(framework: "acme", name: "X", number: Int.max))
        }
        #expect(throws: FrameworkError.invalidNumber(1000)) { try frameworks.editPrinciple("acme:2", PrinciplePatch(number: 1000)) }
        let kind = try test.journal.principles.resolve("be-kind")
        #expect(throws: FrameworkError.nameTaken(framework: "acme", name: "be kind", by: kind)) {
            try frameworks.addPrinciple(PrincipleDraft(framework: "acme", name: "be kind"))
        }
        let trust = try test.journal.principles.resolve("earn-trust")
        #expect(throws: FrameworkError.slugTaken("earn-trust", by: trust)) {
            try frameworks.addPrinciple(PrincipleDraft(framework: "acme", name: "Trust", slug: "earn-trust"))
        }
        #expect(throws: FrameworkError.numberTaken(framework: "acme", number: 1, by: kind)) {
            try frameworks.editPrinciple("acme:2", PrinciplePatch(number: 1))
        }
        #expect(throws: FrameworkError.nothingToChange) { try frameworks.editPrinciple("acme:2", PrinciplePatch()) }
        #expect(try test.journal.principles.all() == before, "nothing written")
        #expect(try frameworks.all().count == 4)

        // The framework is looked up as everywhere else: by slug or name, a typo suggesting the nearest.
        #expect(try frameworks.editPrinciple("1", in: "Acme Values", PrinciplePatch(summary: "Kindness first.")).slug == "be-kind")
        #expect(throws: FrameworkError.unknownFramework("acmee", suggestion: "acme")) {
            try frameworks.removePrinciple("1", in: "acmee")
        }
        let edited = try frameworks.editPrinciple("2", in: "acme", PrinciplePatch(name: "Ship Small, Ship Often", summary: "Small steps.", number: 7))
        #expect(edited.slug == "ship-small" && edited.name == "Ship Small, Ship Often" && edited.position == 7 && edited.summary == "Small steps.")
    }

    @Test("editing a framework changes only the fields given, clears with an empty value, and refuses built-ins")
    func editFramework() throws {
        let test = try journal()
        let frameworks = test.journal.frameworks
        let before = try frameworks.all()
        #expect(throws: FrameworkError.nothingToChange) { try frameworks.edit("acme", FrameworkPatch()) }
        #expect(throws: FrameworkError.builtinFramework("amazon")) { try frameworks.edit("amazon", FrameworkPatch(name: "Mine")) }
        #expect(throws: FrameworkError.unknownFramework("acm", suggestion: "acme")) { try frameworks.edit("acm", FrameworkPatch(name: "X")) }
        #expect(throws: FrameworkError.emptyName) { try frameworks.edit("acme", FrameworkPatch(name: " ")) }
        #expect(throws: FrameworkError.invalidDate("May")) { try frameworks.edit("acme", FrameworkPatch(asOf: "May")) }
        #expect(try frameworks.all() == before, "nothing written")

        let renamed = try frameworks.edit("acme", FrameworkPatch(name: "  Acme   Values 2027 "))
        #expect(renamed.name == "Acme Values 2027" && renamed.source == "https://acme.example/values" && renamed.asOf == "2026-05-01")
        let cleared = try frameworks.edit("Acme Values 2027", FrameworkPatch(source: "", asOf: "2027-01-10"))
        #expect(cleared.slug == "acme" && cleared.name == "Acme Values 2027" && cleared.source == nil && cleared.asOf == "2027-01-10")
        #expect(try test.journal.principles.all(in: "acme").count == 3, "its principles stay")
    }

    @Test("with no scope: the next upcoming interview's framework, else amazon")
    func defaultScope() throws {
        let test = try journal()
        let frameworks = test.journal.frameworks
        #expect(try frameworks.defaultScope().slug == "amazon")
        #expect(try test.journal.coverage.report().framework?.slug == "amazon")
        #expect(try test.journal.coverage.report().principles.count == 16)
        // A past interview does not count; the soonest upcoming one does (today included).
        try test.journal.interviews.add(InterviewDraft(company: "Old", date: "2026-05-01", framework: "acme", past: true))
        #expect(try frameworks.defaultScope().slug == "amazon")
        try test.journal.interviews.add(InterviewDraft(company: "Later", date: "2026-07-01", framework: "common"))
        try test.journal.interviews.add(InterviewDraft(company: "Google", date: "2026-05-28", framework: "google"))
        #expect(try frameworks.defaultScope().slug == "google")
        let report = try test.journal.coverage.report()
        #expect(report.framework?.slug == "google" && report.principles.map(\.principle.slug) == ["googleyness", "google-ownership"])
        #expect(report.json(wording: { "\($0)" }).rendered(pretty: false).contains(#""framework":"google""#))
        // An explicit framework wins; a bare number is read in it.
        #expect(try test.journal.coverage.report(framework: "acme").principles.count == 3)
        #expect(try test.journal.coverage.report(principles: ["2"], framework: "acme").principles.map(\.principle.slug) == ["ship-small"])
        // The day after the Google interview, the common one is next.
        let later = try Journal.open(at: test.path, clock: .fixed(Self.now + 86_400), busyTimeout: 200)
        #expect(try later.frameworks.defaultScope().slug == "common")
    }

    @Test("an interview tests a framework: given, else its principles', else amazon; all of it when it names none")
    func interviewFramework() throws {
        let test = try journal()
        let interviews = test.journal.interviews
        let google = try interviews.add(InterviewDraft(company: "Google", date: "2026-06-10", framework: "Google", principles: ["3"]))
        #expect(google.framework == "google" && google.principles.map(\.slug) == ["google-ownership"])
        let acme = try interviews.add(InterviewDraft(company: "Acme", date: "2026-06-11", principles: ["be kind"]))
        #expect(acme.framework == "acme")
        let plain = try interviews.add(InterviewDraft(company: "Plain", date: "2026-06-12"))
        #expect(plain.framework == "amazon")
        let whole = try interviews.add(InterviewDraft(company: "Whole", date: "2026-06-13", framework: "acme"))
        #expect(try interviews.scope(of: whole).map(\.slug) == ["be-kind", "ship-small", "own-the-outcome"])
        #expect(try test.journal.coverage.report(interview: whole.id).framework?.slug == "acme")
        #expect(throws: FrameworkError.unknownFramework("nope", suggestion: nil)) {
            try interviews.add(InterviewDraft(company: "X", date: "2026-06-14", framework: "nope"))
        }
    }
}
