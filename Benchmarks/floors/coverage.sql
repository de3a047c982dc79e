-- coverage: per principle, its stories, attempts, mean rating, last
-- practice, whether an answer was rated 4 or 5 since @SINCE@ (ready), and
-- the best story: highest lint score (the cached penalty, and 5 more off a
-- story older than five years), then highest mean rating for the principle,
-- then most recent practice.
-- The journal keeps these totals on write (migration 9): per principle in
-- `principle`, per tagged pair in `story_principle_fit`, whose index orders
-- a principle's stories best first. The fastest SQL for the answer reads
-- them: per principle, the first story that is not stale and the first that
-- is, the better of the two.
-- Tried (100k stories, CPU user+sys): one GROUP BY over every tag and
-- attempt with the best story as max() of a sortable key, 6.2 s wall under
-- load (189 ms at 10k; window functions were 347 ms at 10k); the totals
-- and two index lookups per principle, a few milliseconds. The second is
-- kept.
WITH best AS (
    SELECT p.id AS pid, (
        SELECT story_id FROM (
            SELECT * FROM (
                SELECT story_id, penalty AS pen, mean_rating, last_practiced, updated_at
                FROM story_principle_fit
                WHERE principle_id = p.id AND penalty IS NOT NULL
                  AND (happened_end IS NULL OR happened_end >= '@STALE@')
                ORDER BY penalty, mean_rating DESC, last_practiced DESC, updated_at DESC, story_id DESC LIMIT 1)
            UNION ALL
            SELECT * FROM (
                SELECT story_id, min(penalty + 5, 100) AS pen, mean_rating, last_practiced, updated_at
                FROM story_principle_fit
                WHERE principle_id = p.id AND penalty IS NOT NULL AND happened_end < '@STALE@'
                ORDER BY penalty, mean_rating DESC, last_practiced DESC, updated_at DESC, story_id DESC LIMIT 1)
        ) ORDER BY pen, mean_rating DESC, last_practiced DESC, updated_at DESC, story_id DESC LIMIT 1) AS sid
    FROM principle p
)
SELECT p.id, p.name, p.story_count, p.attempt_count,
       round(p.rating_sum * 1.0 / nullif(p.attempt_count, 0), 1), p.last_practiced,
       coalesce(p.last_good >= '@SINCE@', 0), b.sid, s.title
FROM principle p JOIN best b ON b.pid = p.id
LEFT JOIN story s ON s.id = b.sid
ORDER BY p.builtin DESC, p.framework, p.position IS NULL, p.position, p.name;
