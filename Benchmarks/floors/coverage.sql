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
-- Under the table, coverage prints a coach's warnings, part of the same
-- answer (this floor left them out until 2026-12-02, issue 18): whether the
-- journal has a story, a setback, an attempt, one in the last 30 days;
-- stories tagged with more than three principles (the five with most, and
-- how many); stories without a result (how many, the first five). Low
-- ratings and a story best for three principles are read off the rows
-- above. Tried for the tags (100k stories, callgrind instructions of the
-- shell, its start-up of 2.2 M included): GROUP BY story_id over the
-- primary key with a window count, 219 M; an EXISTS ... OFFSET 3 probe per
-- story, 335 M; a correlated count per tag, 1,114 M. The first is kept.
-- Counting stories, setbacks and attempts where it only matters whether
-- there is one: 86 M; EXISTS, 5.5 M. EXISTS is kept.
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
ORDER BY p.builtin DESC, p.framework, p.position IS NULL, p.position, p.slug;
SELECT EXISTS (SELECT 1 FROM story),
       EXISTS (SELECT 1 FROM story INDEXED BY story_card WHERE outcome <> 'success'),
       EXISTS (SELECT 1 FROM practice_attempt),
       EXISTS (SELECT 1 FROM practice_attempt WHERE practiced_at >= '@SINCE@');
SELECT s.id, s.title, c.tags, c.total
FROM (SELECT story_id, count(*) AS tags, count(*) OVER () AS total
      FROM story_principle GROUP BY story_id HAVING count(*) > 3
      ORDER BY tags DESC, story_id LIMIT 5) c
JOIN story s ON s.id = c.story_id
ORDER BY c.tags DESC, s.id;
SELECT count(*), (SELECT group_concat(id, ', ') FROM (SELECT id FROM story WHERE trim(result) = '' ORDER BY id LIMIT 5))
FROM story WHERE trim(result) = '';
