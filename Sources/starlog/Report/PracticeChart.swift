import StarlogJournal

/// Practice per week as an SVG chart of our own: bars for attempts (left
/// axis), dots joined by a line for the mean rating (right axis, 1 to 5).
/// Labelled axes, and a `<title>` and `<desc>` that say the same in words.
enum PracticeChart {
    static let width = 720, height = 260
    static let left = 48, right = 48, top = 16, bottom = 44

    static func svg(_ weeks: [ReportModel.PracticeWeek]) -> String {
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let most = max(1, weeks.map(\.attempts).max() ?? 0)
        // A round top for the attempts axis: 1, 2, 5, 10, 20, 50...
        var scale = 1
        while scale < most { scale = nextRound(scale) }
        let slot = Double(plotWidth) / Double(max(1, weeks.count))
        func y(attempts: Int) -> Double { Double(top + plotHeight) - Double(attempts) / Double(scale) * Double(plotHeight) }
        func y(rating: Double) -> Double { Double(top + plotHeight) - (rating - 1) / 4 * Double(plotHeight) }

        let total = weeks.map(\.attempts).reduce(0, +)
        let practised = weeks.filter { $0.attempts > 0 }
        var desc = "\(total) \(total == 1 ? "attempt" : "attempts") in \(weeks.count) weeks"
        if let first = weeks.first, let last = weeks.last {
            desc += " from \(first.start.text) to the week of \(last.start.text)"
        }
        if !practised.isEmpty {
            desc += "; by week: " + practised.map { "\($0.start.text): \($0.attempts), mean \(ReportPage.mean($0.meanRating))" }.joined(separator: "; ")
        }
        desc += "."

        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-labelledby=\"chart-title chart-desc\">"
        svg += "<title id=\"chart-title\">Practice attempts and mean rating per week</title>"
        svg += "<desc id=\"chart-desc\">\(HTML.text(desc))</desc>"
        // Grid and left axis (attempts).
        let ticks = scale <= 5 ? Array(0...scale) : [0, scale / 2, scale]
        for value in ticks {
            let at = y(attempts: value)
            svg += "<line class=\"grid\" x1=\"\(left)\" x2=\"\(width - right)\" y1=\"\(f(at))\" y2=\"\(f(at))\"/>"
            svg += "<text class=\"tick\" x=\"\(left - 6)\" y=\"\(f(at + 4))\" text-anchor=\"end\">\(value)</text>"
        }
        // Right axis (rating 1-5).
        for rating in 1...5 {
            let at = y(rating: Double(rating))
            svg += "<text class=\"tick rating\" x=\"\(width - right + 6)\" y=\"\(f(at + 4))\">\(rating)</text>"
        }
        svg += "<text class=\"axis\" transform=\"translate(14 \(top + plotHeight / 2)) rotate(-90)\" text-anchor=\"middle\">Attempts</text>"
        svg += "<text class=\"axis rating\" transform=\"translate(\(width - 12) \(top + plotHeight / 2)) rotate(90)\" text-anchor=\"middle\">Mean rating (1–5)</text>"
        svg += "<text class=\"axis\" x=\"\(left + plotWidth / 2)\" y=\"\(height - 4)\" text-anchor=\"middle\">Week starting (Monday)</text>"

        var points: [String] = []
        for (index, week) in weeks.enumerated() {
            let x = Double(left) + slot * Double(index)
            let barHeight = Double(week.attempts) / Double(scale) * Double(plotHeight)
            if week.attempts > 0 {
                svg += "<rect class=\"bar\" x=\"\(f(x + slot * 0.2))\" y=\"\(f(y(attempts: week.attempts)))\" width=\"\(f(slot * 0.6))\" height=\"\(f(barHeight))\"><title>\(week.start.text): \(week.attempts) \(week.attempts == 1 ? "attempt" : "attempts")</title></rect>"
            }
            let label = String(week.start.text.dropFirst(5))
            svg += "<text class=\"tick\" x=\"\(f(x + slot / 2))\" y=\"\(top + plotHeight + 16)\" text-anchor=\"middle\">\(label)</text>"
            if let mean = week.meanRating {
                let cx = x + slot / 2, cy = y(rating: mean)
                points.append("\(f(cx)),\(f(cy))")
                svg += "<circle class=\"dot\" cx=\"\(f(cx))\" cy=\"\(f(cy))\" r=\"4\"><title>\(week.start.text): mean rating \(ReportPage.mean(mean))</title></circle>"
            }
        }
        if points.count > 1 {
            svg += "<polyline class=\"line\" points=\"\(points.joined(separator: " "))\"/>"
        }
        svg += "<line class=\"axisline\" x1=\"\(left)\" x2=\"\(width - right)\" y1=\"\(top + plotHeight)\" y2=\"\(top + plotHeight)\"/>"
        if total == 0 {
            svg += "<text class=\"empty\" x=\"\(left + plotWidth / 2)\" y=\"\(top + plotHeight / 2)\" text-anchor=\"middle\">No practice in these weeks: rehearse with starlog practice</text>"
        }
        svg += "</svg>"
        svg += "<p class=\"legend\"><span class=\"key bar\"></span> attempts per week <span class=\"key dot\"></span> mean rating</p>"
        return svg
    }

    static func magnitude(_ n: Int) -> Int {
        var m = 1
        while m * 10 <= n { m *= 10 }
        return m
    }

    /// The next of 1, 2, 5, 10, 20, 50... after `n`.
    static func nextRound(_ n: Int) -> Int {
        let m = magnitude(n)
        for step in [2, 5, 10] where step * m > n { return step * m }
        return 10 * m
    }

    /// A coordinate with one decimal.
    static func f(_ value: Double) -> String {
        OneDecimal.text(value, droppingZero: true)
    }
}
