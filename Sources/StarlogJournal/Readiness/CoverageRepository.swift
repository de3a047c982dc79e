import StarlogStorage

/// Builds the coverage report in a handful of SQL queries, whatever the
/// size of the journal: the database aggregates; Swift sees one row per
/// principle plus a few summary rows.
public struct CoverageRepository: JournalRepository {
    let context: JournalContext

    /// An attempt rated 4 or 5 within this many days makes a principle
    /// ready. Counted in local calendar days: today and the 30 days before
    /// it, so on 2026-12-01 the first day that counts is 2026-11-01.
    public static let windowDays = 30
    /// A rating that counts as a good answer. The totals the journal keeps
    /// on write (`principle.last_good`, migration 9) use the same number.
    public static let goodRating = 4
    /// More principles than this on one story draws a warning.
    public static let maximumTags = 3
    /// A story that is the best for this many principles in scope draws a warning.
    public static let overusedBest = 3

    /// The report for `scope` (principles as a user types them, a bare
    /// number within `framework`), or, when it is empty, for every principle
    /// of `framework`, else of the default scope (the next upcoming
    /// interview's framework, else `amazon`).
    public func report(principles scope: [String] = [], framework: String? = nil) throws -> CoverageReport {
        let frameworks = context.frameworks
        let shown: Framework?
        let wanted: [Principle]
        if scope.isEmpty {
            let inScope = try frameworks.scope(framework)
            shown = inScope
            wanted = try principles.all(in: inScope.slug)
        } else {
            let given = try framework.map { try frameworks.require($0) }
            wanted = try principles.resolve(all: scope, in: given?.slug)
            let shared = Set(wanted.map(\.framework))
            shown = try given ?? (shared.count == 1 ? frameworks.require(wanted[0].framework) : nil)
        }
        let now = clock.now()
        let firstDay = Self.firstDay(today: clock.day(of: now))
        let since = Timestamp.format(clock.start(of: firstDay))
        let rows = try perPrinciple(since: since)
        let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0.principle.id, $0) })
        let inScope = wanted.compactMap { byID[$0.id] }
        let lines = try withBestStories(inScope)
        let warnings = try coachWarnings(for: lines, since: since)
        var report = CoverageReport(principles: lines, warnings: warnings, since: since, firstDay: firstDay,
                                    generatedAt: Timestamp.format(now))
        report.framework = shown
        return report
    }

    /// The first local day of the readiness window that ends `today`.
    public static func firstDay(today: LocalDay) -> LocalDay { today - windowDays }

    /// The report narrowed to interview `id`'s principles (all of them when
    /// it names none), with the days left before it.
    public func report(interview id: Int64) throws -> CoverageReport {
        let interviews = context.interviews
        let interview = try interviews.require(id)
        var report = interview.principles.isEmpty
            ? try self.report(framework: interview.framework)
            : try self.report(principles: interview.principles.map(\.slug), framework: interview.framework)
        report.interview = interview
        report.daysLeft = interview.daysLeft(from: clock.today)
        return report
    }

    /// Each line with its best story, by the one definition (`StoryFit.isBetter`).
    func withBestStories(_ lines: [PrincipleCoverage]) throws -> [PrincipleCoverage] {
        let ids = Set(lines.filter { $0.stories > 0 }.map(\.principle.id))
        guard !ids.isEmpty else { return lines }
        let best = try context.fits.bestStoryReferences(principleIDs: ids)
        return lines.map { line in
            guard let story = best[line.principle.id] else { return line }
            return PrincipleCoverage(
                principle: line.principle, stories: line.stories,
                bestStory: story, attempts: line.attempts,
                lastPracticed: line.lastPracticed, meanRating: line.meanRating, status: line.status)
        }
    }

    /// One query: every principle with its story count and practice
    /// figures, from the totals the journal keeps on every write
    /// (migration 9). An attempt counts under its own principle only, and
    /// only when a story was told.
    func perPrinciple(since: String) throws -> [PrincipleCoverage] {
        try database.rows("""
            SELECT \(Principle.columns),
                   p.story_count, p.attempt_count, p.last_practiced,
                   CASE WHEN p.attempt_count > 0 THEN p.rating_sum * 1.0 / p.attempt_count END,
                   coalesce(p.last_good >= ?, 0)
            FROM principle p
            ORDER BY \(Principle.order)
            """, [since]) { row in
            let stories = row.int(7)
            return PrincipleCoverage(
                principle: Principle(row: row),
                stories: stories,
                bestStory: nil,
                attempts: row.int(8),
                lastPracticed: row.optionalText(9),
                meanRating: row.optionalDouble(10),
                status: .of(stories: stories, recentGoodAttempt: row.int(11) != 0))
        }
    }

    /// What a coach would point out, from a few aggregate queries.
    func coachWarnings(for scope: [PrincipleCoverage], since: String) throws -> [CoverageWarning] {
        var warnings: [CoverageWarning] = []
        // Whether there is any, not how many: each stops at the first row
        // (counting read every story and attempt, 17% of coverage at 100k);
        // stories without a result are counted through their partial index.
        let totals = try database.first("""
            SELECT EXISTS (SELECT 1 FROM story),
                   EXISTS (SELECT 1 FROM story INDEXED BY story_card WHERE outcome <> 'success'),
                   (SELECT count(*) FROM story WHERE trim(result) = ''),
                   EXISTS (SELECT 1 FROM practice_attempt),
                   EXISTS (SELECT 1 FROM practice_attempt WHERE practiced_at >= ?)
            """, [since]) { row in
            (anyStory: row.int(0) != 0, anySetback: row.int(1) != 0, noResult: row.int(2),
             anyAttempt: row.int(3) != 0, anyRecent: row.int(4) != 0)
        } ?? (anyStory: false, anySetback: false, noResult: 0, anyAttempt: false, anyRecent: false)

        if !totals.anyStory {
            warnings.append(.noStories)
            return warnings
        }
        if !totals.anySetback {
            warnings.append(.noSetback)
        }

        // Stories tagged with more than three principles.
        let crowded = try database.rows("""
            SELECT s.id, s.title, c.tags, c.total
            FROM (SELECT story_id, count(*) AS tags, count(*) OVER () AS total
                  FROM story_principle GROUP BY story_id HAVING count(*) > ?
                  ORDER BY tags DESC, story_id LIMIT 5) c
            JOIN story s INDEXED BY story_card ON s.id = c.story_id
            ORDER BY c.tags DESC, s.id
            """, [Int64(Self.maximumTags)]) { row in
            (id: row.int64(0), title: row.text(1), tags: row.int(2), total: row.int(3))
        }
        for story in crowded {
            warnings.append(.crowded(StoryReference(id: story.id, title: story.title), tags: story.tags))
        }
        if let total = crowded.first?.total, total > crowded.count {
            warnings.append(.moreCrowded(total - crowded.count))
        }

        // One story carrying several principles in scope.
        var bestFor: [Int64: (story: StoryReference, names: [String])] = [:]
        var order: [Int64] = []
        for line in scope {
            guard let best = line.bestStory else { continue }
            if bestFor[best.id] == nil { order.append(best.id) }
            bestFor[best.id, default: (best, [])].names.append(line.principle.name)
        }
        let warned = Set(crowded.map(\.id))
        for id in order where !warned.contains(id) {
            guard let entry = bestFor[id], entry.names.count >= Self.overusedBest else { continue }
            warnings.append(.overusedBest(entry.story, principles: entry.names))
        }

        if totals.noResult > 0 {
            let ids = try database.rows(
                "SELECT id FROM story WHERE trim(result) = '' ORDER BY id LIMIT 5") { $0.int64(0) }
            warnings.append(.noResult(count: totals.noResult, first: ids))
        }

        let weak = scope.filter { ($0.meanRating ?? 5) < 3 && $0.attempts >= 2 }
        if !weak.isEmpty {
            warnings.append(.lowRatings(weak.map(\.principle)))
        }

        if !totals.anyRecent {
            warnings.append(.noRecentPractice(practisedBefore: totals.anyAttempt))
        }
        return warnings
    }
}

extension Journal {
    /// The readiness report.
    public var coverage: CoverageRepository {
        context.coverage
    }
}
