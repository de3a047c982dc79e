import ArgumentParser
import StarlogJournal

extension Starlog {
    struct InterviewCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "interview",
            abstract: "Interviews you are preparing for: add, list, edit, remove, debrief.",
            discussion: """
                An interview has a company, a day, an optional role, the framework it tests \
                (--framework, see `starlog framework`) and the principles it will probe (none \
                means all of the framework). Afterwards, `starlog interview debrief ID` records \
                what was asked and which story you told, so that `starlog plan` for a later \
                interview at the same company does not repeat it. Use its id with `starlog coverage --interview ID`, \
                `starlog plan --interview ID`; `starlog practice due` brings its planned stories \
                forward so each comes due in the last days before it.
                """,
            subcommands: [InterviewAdd.self, InterviewList.self, InterviewRemove.self, Edit.self, Debrief.self],
            defaultSubcommand: InterviewList.self)
    }

    struct InterviewAdd: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add an upcoming interview.",
            discussion: """
                Example:
                  starlog interview add --company Acme --date 2026-07-14 \\
                    --role "Senior engineer" --principle ownership \\
                    --principle dive-deep --principle earn-trust
                """)

        @OptionGroup var journal: JournalOptions

        @Option(help: "The company.")
        var company: String

        @Option(help: ArgumentHelp("The interview's day: YYYY-MM-DD.", valueName: "date"))
        var date: String

        @Option(help: "The role you are interviewing for.")
        var role: String?

        @Option(help: ArgumentHelp("The framework it tests (see `starlog framework`); by default the one its principles belong to, else amazon.", valueName: "framework"))
        var framework: String?

        @Option(
            name: .customLong("principle"),
            help: ArgumentHelp("A principle it will probe: slug, name or number within --framework (repeatable; none means all of the framework).", valueName: "principle"), completion: Completions.principles)
        var principles: [String] = []

        @Flag(help: "Record an interview that has already happened, to write its debrief.")
        var past = false

        @OptionGroup var output: OutputOptions

        func run() throws {
            let opened = try journal.open()
            let interview = try opened.interviews.add(InterviewDraft(
                company: company, date: date, role: role, framework: framework, principles: principles, past: past))
            let today = opened.clock.today
            if output.json {
                Render.json(interview.json(today: today))
                return
            }
            Terminal.line("Added interview \(interview.id): " + InterviewView.summary(interview, today: today))
            Terminal.line(Style.dim.apply("Next: `starlog plan --interview \(interview.id)` and `starlog coverage --interview \(interview.id)`."))
        }
    }

    struct InterviewList: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Interviews, soonest first.")

        @OptionGroup var journal: JournalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let opened = try journal.openForReading()
            let interviews = try opened.interviews.list()
            let today = opened.clock.today
            if output.json {
                Render.json(.array(interviews.map { $0.json(today: today) }))
                return
            }
            if interviews.isEmpty {
                Terminal.note("No interviews yet; add one with `starlog interview add --company C --date YYYY-MM-DD`.")
                return
            }
            let rows = interviews.map { interview -> [String] in
                [String(interview.id), interview.date, Interview.describe(daysLeft: interview.daysLeft(from: today)),
                 Render.oneLine(interview.company), interview.role.map(Render.oneLine) ?? "-", Render.oneLine(interview.framework),
                 interview.principles.isEmpty ? "all" : interview.principles.map(\.slug).joined(separator: ", ")]
            }
            Terminal.line(Render.table(header: ["ID", "DATE", "WHEN", "COMPANY", "ROLE", "FRAMEWORK", "PRINCIPLES"], rows: rows, flexible: 6))
        }
    }

    struct InterviewRemove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm",
            abstract: "Remove an interview and its debrief (stories and practice are kept).",
            discussion: """
                Asks first on a terminal; --yes skips the question, and is required when \
                starlog is not run from a terminal. Answering no removes nothing.
                """)

        @OptionGroup var journal: JournalOptions
        @Argument(help: "The interview's id (see `starlog interview list`).") var id: InterviewID
        @Flag(name: [.short, .long], help: "Remove without asking.") var yes = false
        @OptionGroup var output: OutputOptions

        func run() throws {
            let opened = try journal.openExisting()
            let found = try opened.interviews.require(id.value)
            let debriefs = try opened.interviews.debriefs(of: found.id).count
            let with = debriefs == 0 ? "" : " and its debrief (\(debriefs) \(debriefs == 1 ? "entry" : "entries"))"
            guard try Confirm.ask("Remove interview \(found.id) at \(Render.oneLine(found.company)) on \(found.date)\(with)?", yes: yes,
                                  refusal: "not removing interview \(found.id) without confirmation; pass --yes to remove it") else { return }
            let interview = try opened.interviews.remove(found.id)
            if output.json {
                Render.json(interview.json(today: opened.clock.today))
            } else {
                Terminal.line("Removed interview \(interview.id): \(Render.oneLine(interview.company)) on \(interview.date)")
            }
        }
    }
}

/// Interviews as text.
enum InterviewView {
    /// `Acme (Senior engineer) on 2026-07-14, in 12 days; 3 principles: …`.
    static func summary(_ interview: Interview, today: LocalDay) -> String {
        var text = Render.oneLine(interview.company)
        if let role = interview.role { text += " (\(Render.oneLine(role)))" }
        text += " on \(interview.date), \(Interview.describe(daysLeft: interview.daysLeft(from: today)))"
        if interview.principles.isEmpty {
            text += "; all principles of \(Render.oneLine(interview.framework))"
        } else {
            let count = interview.principles.count
            text += "; \(count) \(count == 1 ? "principle" : "principles"): " + interview.principles.map(\.name).joined(separator: ", ")
        }
        return text
    }
}
