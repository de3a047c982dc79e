import StarlogStorage

/// The readiness totals that triggers keep as tags, attempts and stories
/// are written (per principle: stories, attempts, ratings, last practice;
/// per tagged pair: what ranks the story), brought up to date in bulk.
///
/// An import adds thousands of tags and attempts in one transaction. The
/// per-row insert triggers then cost more than the rest of the import, so
/// the import lifts them for its transaction and calls `fill` once at the
/// end, as a bulk load would. The other triggers (deletes, updates, a
/// story's lint penalty) stay in force throughout.
enum ReadinessTotals {
    /// The per-row insert triggers an import may lift.
    static let insertTriggers = ["story_principle_totals_after_insert", "practice_attempt_totals_after_insert"]

    /// Brings the totals up to date after inserts that ran without the
    /// insert triggers: the pairs of attempts numbered above
    /// `attemptsAfter`, every pair that has no row yet, and every
    /// principle's totals.
    static func fill(_ database: Database, attemptsAfter: Int64) throws {
        try database.run("""
            UPDATE story_principle_fit SET (attempts, mean_rating, last_practiced) = (
                SELECT count(*), avg(rating), max(practiced_at) FROM practice_attempt a
                WHERE a.principle_id = story_principle_fit.principle_id AND a.story_id = story_principle_fit.story_id)
            WHERE (principle_id, story_id) IN (
                SELECT principle_id, story_id FROM practice_attempt
                WHERE id > ? AND principle_id IS NOT NULL AND story_id IS NOT NULL)
            """, [attemptsAfter])
        try database.run("""
            INSERT INTO story_principle_fit (principle_id, story_id, penalty, happened_end, updated_at,
                                             attempts, mean_rating, last_practiced)
            SELECT sp.principle_id, sp.story_id, f.penalty, f.happened_end, f.updated_at,
                   coalesce(a.attempts, 0), a.mean, a.last
            FROM story_principle sp
            JOIN story_fit_facts f ON f.story_id = sp.story_id
            LEFT JOIN (
                SELECT principle_id, story_id, count(*) AS attempts, avg(rating) AS mean, max(practiced_at) AS last
                FROM practice_attempt WHERE principle_id IS NOT NULL AND story_id IS NOT NULL
                GROUP BY principle_id, story_id
            ) a ON a.principle_id = sp.principle_id AND a.story_id = sp.story_id
            WHERE NOT EXISTS (SELECT 1 FROM story_principle_fit kept
                              WHERE kept.principle_id = sp.principle_id AND kept.story_id = sp.story_id)
            """)
        try database.run("""
            UPDATE principle SET
                story_count = (SELECT count(*) FROM story_principle sp WHERE sp.principle_id = principle.id),
                (attempt_count, rating_sum, last_practiced) = (
                    SELECT count(*), coalesce(sum(rating), 0), max(practiced_at) FROM practice_attempt a
                    WHERE a.principle_id = principle.id AND a.story_id IS NOT NULL),
                last_good = (
                    SELECT max(practiced_at) FROM practice_attempt a
                    WHERE a.principle_id = principle.id AND a.story_id IS NOT NULL AND a.rating >= 4)
            """)
    }
}
