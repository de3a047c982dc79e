import StarlogJournal

/// The words of what the journal advises: coverage's warnings, what a plan
/// says to write, and how to fix what `check` found. The journal says what
/// it found; these name the commands and flags that help.
enum AdviceView {
    /// One coverage warning, as a sentence.
    static func warning(_ warning: CoverageWarning) -> String {
        switch warning {
        case .noStories:
            return "The journal has no stories yet; add your first with `starlog add --title \"...\" --principle P`."
        case .noSetback:
            return "No story ends in failure or a mixed result; interviewers ask about setbacks, so add one with `--outcome failure` or `--outcome mixed`."
        case .crowded(let story, let tags):
            return "Story #\(story.id) \"\(short(story.title))\" is tagged with \(tags) principles; an interview loop would hear it more than once, so keep it to the two or three it shows best."
        case .moreCrowded(let count):
            return "\(count) more stories are tagged with more than \(CoverageRepository.maximumTags) principles; run `starlog list` to review them."
        case .overusedBest(let story, let names):
            return "Story #\(story.id) \"\(short(story.title))\" is the best story for \(names.count) principles (\(names.joined(separator: ", "))); prepare a second story for some of them."
        case .noResult(let count, let first):
            let ids = first.map { "#\($0)" }.joined(separator: ", ")
            let more = count > first.count ? " and \(count - first.count) more" : ""
            let subject = count == 1 ? "1 story has" : "\(count) stories have"
            return "\(subject) no Result (\(ids)\(more)); an answer without an outcome leaves the interviewer guessing, so fill it in with `starlog edit ID --result \"...\"`."
        case .lowRatings(let principles):
            return "Your answers for \(principles.map(\.name).joined(separator: ", ")) are rated below 3 on average; rehearse them again with `starlog practice --principle P`."
        case .noRecentPractice(let practisedBefore):
            let when = practisedBefore ? "You have not practised in the last \(CoverageRepository.windowDays) days" : "You have not practised yet"
            return "\(when); no principle can be ready until you rehearse with `starlog practice` and rate an answer 4 or 5."
        }
    }

    /// A story title on one line, cut to 60 characters.
    static func short(_ title: String) -> String {
        let line = title.lineBreaksFolded
        return line.count > 60 ? String(line.prefix(59)) + "…" : line
    }

    /// What to write for a principle a plan could not serve.
    static func advice(_ advice: PlanAdvice) -> String {
        let principle = advice.principle
        let ask = advice.example.map { " — for example one that answers \"\($0)\"" } ?? ""
        let what = advice.backup ? "a second story" : "a story"
        guard advice.tagged else {
            return "No story is tagged \(principle.name). Write \(what) that shows it\(ask), then tag it with `--principle \(principle.slug)`."
        }
        let owners = advice.told.map { told in
            told.principle.id == principle.id
                ? "#\(told.storyID) is its main story"
                : "#\(told.storyID) goes to \(told.principle.name)"
        }
        let taken = owners.isEmpty ? "" : " (\(owners.joined(separator: "; ")))"
        let lead = advice.backup
            ? "No other story tagged \(principle.name) is free\(taken)."
            : "Every story tagged \(principle.name) is already told for another principle\(taken)."
        return "\(lead) Write \(what) that shows \(principle.name)\(ask), and tag it with `--principle \(principle.slug)`."
    }

    /// How to fix a problem `check` found.
    static func remedy(_ remedy: HealthReport.Remedy) -> String {
        switch remedy {
        case .restoreOrRecover: return "restore a backup, or recover what is readable with `sqlite3 JOURNAL .recover`"
        case .report: return "report this; the stories themselves are intact"
        case .rebuildSearchIndex: return "run `starlog check --repair` to rebuild it from the stories"
        }
    }
}
