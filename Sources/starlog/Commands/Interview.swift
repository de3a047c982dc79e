import ArgumentParser
import StarlogJournal

extension Starlog {
    struct InterviewCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "interview",
            abstract: "Interviews you are preparing for: add, list, remove.",
            discussion: """
                An interview has a company, a day, an optional role and the principles it will \
                probe (none means all). Use its id with `starlog coverage --interview ID`, \
                `starlog plan --interview ID`; `starlog practice due` brings its planned stories \
                forward so each comes due in the last days before it.
                """,
            subcommands: [InterviewAdd.self, InterviewList.self, InterviewRemove.self],
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

        @Option(
            name: .customLong("principle"),
            help: ArgumentHelp("A principle it will probe: slug, name or number (repeatable; none means all).", valueName: "principle"), completion: Completions.principles)
        var principles: [String] = []

        @OptionGroup var output: OutputOptions

        func run() throws {
            let opened = try journal.open()
            let interview = try opened.interviews.add(InterviewDraft(company: company, date: date, role: role, principles: principles))
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
                 Render.oneLine(interview.company), interview.role.map(Render.oneLine) ?? "-",
                 interview.principles.isEmpty ? "all" : interview.principles.map(\.slug).joined(separator: ", ")]
            }
            Terminal.line(Render.table(header: ["ID", "DATE", "WHEN", "COMPANY", "ROLE", "PRINCIPLES"], rows: rows, flexible: 5))
        }
    }

    struct InterviewRemove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm",
            abstract: "Remove an interview (stories and practice are kept).")

        @OptionGroup var journal: JournalOptions
        @Argument(help: "The interview's id (see `starlog interview list`).") var id: InterviewID
        @OptionGroup var output: OutputOptions

        func run() throws {
            let opened = try journal.openExisting()
            let interview = try opened.interviews.remove(id.value)
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
            text += "; all principles"
        } else {
            let count = interview.principles.count
            text += "; \(count) \(count == 1 ? "principle" : "principles"): " + interview.principles.map(\.name).joined(separator: ", ")
        }
        return text
    }
}
