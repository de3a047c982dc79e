-- coverage: per principle, its stories, attempts, mean rating, last
-- practice, whether an answer was rated 4 or 5 since @SINCE@ (ready), and
-- the best story: highest lint score (the cached penalty, and 5 more off a
-- story older than five years), then highest mean rating for the principle,
-- then most recent practice. Checked: the same rows as `starlog coverage`
-- on the 10k journal.
-- Tried (10k stories, CPU user+sys): window functions (row_number and
-- sums over PARTITION BY principle), 347 ms; one GROUP BY per principle
-- with the best story as max() of a sortable key, 189 ms. The second is
-- kept.
WITH pair AS (
    SELECT principle_id, story_id, count(*) AS tries, sum(rating) AS total, max(practiced_at) AS last,
           max(rating >= 4 AND practiced_at >= '@SINCE@') AS good
    FROM practice_attempt WHERE principle_id IS NOT NULL AND story_id IS NOT NULL
    GROUP BY principle_id, story_id
),
per AS (
    SELECT sp.principle_id, count(*) AS stories, sum(pair.tries) AS tries, sum(pair.total) AS total,
           max(pair.last) AS last, max(pair.good) AS good,
           max(printf('%03d|%012.6f|%s|%012d',
                      100 - coalesce(s.lint_penalty, 0) - 5 * (s.happened IS NOT NULL AND s.happened < '@STALE@'),
                      coalesce(pair.total * 1.0 / pair.tries, 0), coalesce(pair.last, ''),
                      999999999999 - s.id)) AS best
    FROM story_principle sp JOIN story s ON s.id = sp.story_id
    LEFT JOIN pair ON pair.principle_id = sp.principle_id AND pair.story_id = sp.story_id
    GROUP BY sp.principle_id
)
SELECT p.id, p.name, coalesce(per.stories, 0), coalesce(per.tries, 0), round(per.total * 1.0 / per.tries, 1),
       per.last, coalesce(per.good, 0), b.id, b.title
FROM principle p LEFT JOIN per ON per.principle_id = p.id
LEFT JOIN story b ON b.id = 999999999999 - CAST(substr(per.best, -12) AS INTEGER)
ORDER BY p.builtin DESC, p.framework, p.position IS NULL, p.position, p.name;
