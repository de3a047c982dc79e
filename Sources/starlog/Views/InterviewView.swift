import StarlogJournal

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

    /// Interviews as a table: id, day, how far off, company, role, framework, principles.
    static func table(_ interviews: [Interview], today: LocalDay) -> String {
        let rows = interviews.map { interview -> [String] in
            [String(interview.id), interview.date, Interview.describe(daysLeft: interview.daysLeft(from: today)),
             Render.oneLine(interview.company), interview.role.map(Render.oneLine) ?? "-", Render.oneLine(interview.framework),
             interview.principles.isEmpty ? "all" : interview.principles.map(\.slug).joined(separator: ", ")]
        }
        return Render.table(header: ["ID", "DATE", "WHEN", "COMPANY", "ROLE", "FRAMEWORK", "PRINCIPLES"], rows: rows, flexible: 6)
    }
}
