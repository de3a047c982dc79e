import StarlogJournal

/// The report and the cheat sheet as self-contained HTML pages: inline CSS
/// and SVG, no scripts, nothing fetched from anywhere (the page's own
/// Content-Security-Policy forbids it). Presentation only: what is shown
/// comes from `ReportModel`.
enum ReportPage {
    // MARK: - The report

    static func report(_ model: ReportModel) -> String {
        var html = HTML()
        head(&html, title: "starlog report, \(model.today.text)", style: reportStyle)
        html.open("body")
        html.open("main")
        if model.isStarting {
            starting(&html, model)
        } else {
            summary(&html, model)
            if let interview = model.interview { upcoming(&html, interview, model: model) }
            readiness(&html, model)
            matrix(&html, model)
            practice(&html, model)
            due(&html, model)
            lint(&html, model)
            warnings(&html, model)
        }
        html.close("main")
        footer(&html, model)
        html.raw("</body></html>\n")
        return html.output
    }

    static func head(_ html: inout HTML, title: String, style: String) {
        html.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        // No script may run and nothing may be fetched, even if text slipped through.
        html.raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")
        html.raw("<meta name=\"color-scheme\" content=\"light dark\">")
        html.element("title", text: title)
        html.raw("<style>" + style + "</style></head>\n")
    }

    static func footer(_ html: inout HTML, _ model: ReportModel) {
        html.element("footer") { html in
            html.text("Made by starlog on \(model.today.text) from \(count(model.stories, "story", "stories")) and \(count(model.attempts, "practice attempt", "practice attempts")). This file fetches nothing and runs no scripts.")
        }
    }

    static func count(_ n: Int, _ one: String, _ many: String) -> String {
        "\(n) \(n == 1 ? one : many)"
    }

    static func mean(_ value: Double?) -> String {
        value.map { OneDecimal.text($0) } ?? "-"
    }

    /// The status as a symbol and a word, so it never rests on colour alone.
    static func badge(_ html: inout HTML, _ status: CoverageStatus) {
        let symbol: String
        switch status {
        case .ready: symbol = "✓"
        case .unpractised: symbol = "◐"
        case .thin: symbol = "▲"
        case .gap: symbol = "✕"
        }
        html.raw("<span class=\"badge \(status.rawValue)\"><span aria-hidden=\"true\">\(symbol)</span> \(status.rawValue)</span>")
    }

    static func section(_ html: inout HTML, id: String, title: String, _ body: (inout HTML) -> Void) {
        html.element("section", [("id", id), ("aria-labelledby", "h-" + id)]) { html in
            html.element("h2", [("id", "h-" + id)], text: title)
            body(&html)
        }
    }

    // MARK: Sections

    static func starting(_ html: inout HTML, _ model: ReportModel) {
        html.element("section", [("id", "start"), ("class", "start")]) { html in
            html.element("h1", text: "Your story journal is just beginning")
            let has = model.stories == 0 ? "There are no stories in it yet."
                : "It holds \(count(model.stories, "story", "stories")) so far."
            html.element("p", text: has + " The report fills in once there are a few stories and some practice; here is what to do first.")
            html.element("ol") { html in
                html.element("li") { html in
                    html.text("Write a story you would tell, in STAR form, and tag it with a principle it shows: ")
                    html.element("code", text: "starlog add --principle ownership")
                }
                html.element("li") { html in
                    html.text("Add two or three more, at least one that did not go well (")
                    html.element("code", text: "--outcome failure")
                    html.text(").")
                }
                html.element("li") { html in
                    html.text("Rehearse one out loud and rate it: ")
                    html.element("code", text: "starlog practice")
                }
                html.element("li") { html in
                    html.text("To see what a full report looks like, try the sample journal: ")
                    html.element("code", text: "starlog demo --keep")
                }
            }
        }
    }

    static func summary(_ html: inout HTML, _ model: ReportModel) {
        let report = model.coverage
        html.element("header", [("class", "top")]) { html in
            html.element("h1", text: "Interview readiness")
            let total = report.principles.count
            html.element("p", [("class", "summary")]) { html in
                html.element("strong", text: "\(report.ready.count) of \(total) \(total == 1 ? "principle" : "principles") ready.")
                html.text(" ")
                if report.gaps.isEmpty {
                    html.text("No gaps: every principle in scope has a story.")
                } else {
                    html.text("Gaps: " + report.gaps.map(\.principle.name).joined(separator: ", ") + ".")
                }
            }
            html.element("p", [("class", "muted")],
                         text: "Ready means two or more stories and an answer rated 4 or 5 since \(report.firstDay.text).")
        }
    }

    static func upcoming(_ html: inout HTML, _ upcoming: ReportModel.UpcomingInterview, model: ReportModel) {
        let interview = upcoming.interview
        var name = interview.company
        if let role = interview.role { name += " (\(role))" }
        section(&html, id: "interview", title: "Next interview: " + name) { html in
            html.element("p", [("class", "countdown")]) { html in
                let days = upcoming.daysLeft
                let big: String, small: String
                switch days {
                case 0: (big, small) = ("Today", "")
                case ..<0: (big, small) = ("\(-days)", days == -1 ? "day ago" : "days ago")
                default: (big, small) = ("\(days)", days == 1 ? "day left" : "days left")
                }
                html.element("span", [("class", "days")], text: big)
                html.text(" " + small + " · " + interview.date)
            }
            if upcoming.plan.isEmpty && upcoming.unplanned.isEmpty {
                html.element("p", text: "No principles to plan for.")
            }
            if !upcoming.plan.isEmpty {
                html.element("table", [("class", "plan")]) { html in
                    html.element("caption", text: "The plan: a different story for each principle")
                    html.raw("<thead><tr><th scope=\"col\">Principle</th><th scope=\"col\">Story</th><th scope=\"col\">Opening line</th></tr></thead><tbody>")
                    for line in upcoming.plan {
                        html.open("tr")
                        html.element("th", [("scope", "row")], text: line.principle.name)
                        html.element("td", text: "#\(line.storyID) \(line.title)")
                        html.element("td", [("class", "hook")], text: line.hook.isEmpty ? "(no Situation yet)" : line.hook)
                        html.close("tr")
                    }
                    html.raw("</tbody>")
                }
            }
            if !upcoming.unplanned.isEmpty {
                html.element("h3", text: "Still without a story")
                html.element("ul", [("class", "advice")]) { html in
                    for line in upcoming.unplanned {
                        html.element("li") { html in
                            html.element("strong", text: line.principle.name)
                            html.text(": " + AdviceView.advice(line))
                        }
                    }
                }
            }
        }
    }

    static func readiness(_ html: inout HTML, _ model: ReportModel) {
        section(&html, id: "readiness", title: "Readiness by principle") { html in
            html.element("ul", [("class", "tiles")]) { html in
                for line in model.coverage.principles {
                    html.element("li", [("class", "tile " + line.status.rawValue)]) { html in
                        badge(&html, line.status)
                        html.element("h3", text: line.principle.name)
                        html.element("p", text: count(line.stories, "story", "stories") + " · "
                                     + (line.attempts == 0 ? "never practised"
                                        : "\(count(line.attempts, "attempt", "attempts")), mean \(mean(line.meanRating))"))
                        html.element("p", [("class", "best")]) { html in
                            if let best = line.bestStory {
                                html.text("Best: #\(best.id) \(best.title)")
                            } else {
                                html.text("No story yet")
                            }
                        }
                        html.element("p", [("class", "muted")],
                                     text: "Last practised: " + (line.lastPracticed.map(Render.localDay) ?? "never"))
                    }
                }
            }
        }
    }

    /// The lint score's shade band: darker is stronger.
    static func band(_ score: Int) -> String {
        switch score {
        case 80...: return "s4"
        case 60..<80: return "s3"
        case 40..<60: return "s2"
        default: return "s1"
        }
    }

    static func matrix(_ html: inout HTML, _ model: ReportModel) {
        section(&html, id: "matrix", title: "Stories and principles") { html in
            guard !model.matrix.isEmpty else {
                html.element("p", text: "No story is tagged with a principle in scope yet; tag one with `starlog tag ID P`.")
                return
            }
            html.element("p", [("class", "muted")],
                         text: "Each cell shows the lint score of a story tagged with that principle; darker is stronger. A story tagged with more than three principles is marked ⚠; a column with one story rests on it alone.")
            html.element("div", [("class", "scroll")]) { html in
                html.element("table", [("class", "matrix")]) { html in
                    html.element("caption", text: model.matrixTotal > model.matrix.count
                                 ? "\(model.matrix.count) of \(model.matrixTotal) stories, the most-tagged first"
                                 : "\(count(model.matrixTotal, "story", "stories")), the most-tagged first")
                    html.raw("<thead><tr><th scope=\"col\">Story</th>")
                    for line in model.coverage.principles {
                        html.open("th", [("scope", "col"), ("class", "vertical"), ("title", line.principle.name)])
                        html.element("span", text: line.principle.name)
                        html.close("th")
                    }
                    html.raw("<th scope=\"col\">Tags</th></tr></thead><tbody>")
                    for row in model.matrix {
                        html.open("tr")
                        html.element("th", [("scope", "row")], text: "#\(row.storyID) \(row.title)")
                        for line in model.coverage.principles {
                            if row.principleIDs.contains(line.principle.id) {
                                html.element("td", [("class", "cell " + band(row.score)),
                                                    ("title", "\(line.principle.name): lint score \(row.score)")],
                                             text: String(row.score))
                            } else {
                                html.raw("<td class=\"cell\"></td>")
                            }
                        }
                        html.element("td", [("class", row.tags > CoverageRepository.maximumTags ? "tags many" : "tags")],
                                     text: (row.tags > CoverageRepository.maximumTags ? "⚠ " : "") + String(row.tags))
                        html.close("tr")
                    }
                    html.raw("</tbody><tfoot><tr><th scope=\"row\">Stories</th>")
                    for line in model.coverage.principles {
                        html.element("td", [("class", line.stories <= 1 ? "count alone" : "count")], text: String(line.stories))
                    }
                    html.raw("<td></td></tr></tfoot>")
                }
            }
        }
    }

    static func practice(_ html: inout HTML, _ model: ReportModel) {
        section(&html, id: "practice", title: "Practice, last \(ReportModel.weeks) weeks") { html in
            html.raw(PracticeChart.svg(model.practice))
        }
    }

    static func due(_ html: inout HTML, _ model: ReportModel) {
        let until = model.interview == nil ? "today" : "before the interview"
        section(&html, id: "due", title: "Reviews due \(until)") { html in
            guard !model.due.isEmpty else {
                html.element("p", text: "Nothing is due \(until).")
                return
            }
            html.element("table") { html in
                html.raw("<thead><tr><th scope=\"col\">Due</th><th scope=\"col\">Story</th><th scope=\"col\">Principle</th></tr></thead><tbody>")
                for item in model.due {
                    html.open("tr")
                    html.element("td", text: item.isNew ? "new" : Render.localDay(item.due))
                    html.element("td", text: "#\(item.storyID) \(item.title)")
                    html.element("td", text: item.principle.name)
                    html.close("tr")
                }
                html.raw("</tbody>")
            }
        }
    }

    static func lint(_ html: inout HTML, _ model: ReportModel) {
        section(&html, id: "lint", title: "Story checks, weakest first") { html in
            html.element("table", [("class", "lint")]) { html in
                html.raw("<thead><tr><th scope=\"col\">Score</th><th scope=\"col\">Story</th><th scope=\"col\">Top finding</th></tr></thead><tbody>")
                for line in model.lint {
                    html.open("tr")
                    html.element("td", [("class", "score " + band(line.score))], text: String(line.score))
                    html.element("td", text: "#\(line.storyID) \(line.title)")
                    html.element("td", text: line.topFinding.map { "\($0.message) \($0.suggestion)" } ?? "No findings.")
                    html.close("tr")
                }
                html.raw("</tbody>")
            }
            if model.stories > model.lint.count {
                html.element("p", [("class", "muted")], text: "\(model.stories - model.lint.count) more stories not shown; run `starlog lint` for all of them.")
            }
        }
    }

    static func warnings(_ html: inout HTML, _ model: ReportModel) {
        guard !model.coverage.warnings.isEmpty else { return }
        section(&html, id: "warnings", title: "A coach would say") { html in
            html.element("ul") { html in
                for warning in model.coverage.warnings { html.element("li", text: AdviceView.warning(warning)) }
            }
        }
    }

    // MARK: - The cheat sheet

    static func sheet(_ model: ReportModel) -> String {
        var html = HTML()
        head(&html, title: "starlog cheat sheet, \(model.today.text)", style: sheetStyle)
        html.open("body")
        html.open("main")
        var heading = "Cheat sheet"
        if let interview = model.interview?.interview {
            heading += ": \(interview.company)"
            if let role = interview.role { heading += " (\(role))" }
            heading += ", \(interview.date)"
        }
        html.element("h1", text: heading)
        let entries = model.sheet.prefix(ReportModel.sheetLimit)
        if entries.isEmpty {
            html.element("p", text: model.stories == 0
                         ? "No stories yet. Add one with `starlog add --principle ownership`, then make the sheet again."
                         : "No principle in scope has a story yet. Tag a story with `starlog tag ID P`, then make the sheet again.")
        }
        html.element("div", [("class", "cards")]) { html in
            for entry in entries {
                html.element("article", [("class", "card")]) { html in
                    html.element("p", [("class", "principle")], text: entry.principle.name)
                    html.element("h2", text: entry.title)
                    html.element("p", [("class", "hook")], text: entry.hook.isEmpty ? "(no Situation yet)" : entry.hook)
                    html.element("ul", [("class", "facts")]) { html in
                        if entry.facts.isEmpty { html.element("li", text: "(no Result yet)") }
                        for fact in entry.facts.prefix(2) { html.element("li", text: fact) }
                    }
                    if let note = entry.lastNote {
                        html.element("p", [("class", "note")], text: "Last note: " + note)
                    }
                }
            }
        }
        if model.sheet.count > entries.count {
            html.element("p", [("class", "more")], text: "\(model.sheet.count - entries.count) more principles; narrow the sheet with --principle or --interview.")
        }
        html.close("main")
        html.raw("</body></html>\n")
        return html.output
    }
}
