-- CoverageRepository.report: perPrinciple and coachWarnings.
WITH story_practice AS (
    SELECT story_id, max(rating) AS best, count(*) AS attempts
    FROM practice_attempt WHERE story_id IS NOT NULL
    GROUP BY story_id
),
ranked AS (
    SELECT sp.principle_id, s.id, s.title,
           row_number() OVER (PARTITION BY sp.principle_id ORDER BY
               coalesce(b.best, 0) DESC,
               (s.situation <> '') + (s.task <> '') + (s.action <> '') + (s.result <> '') DESC,
               s.updated_at DESC, s.id DESC) AS place,
           count(*) OVER (PARTITION BY sp.principle_id) AS stories
    FROM story_principle sp
    JOIN story s ON s.id = sp.story_id
    LEFT JOIN story_practice b ON b.story_id = s.id
),
practice AS (
    SELECT sp.principle_id, count(*) AS attempts, max(a.practiced_at) AS last,
           avg(a.rating) AS mean,
           max(a.rating >= 4 AND a.practiced_at >= '@SINCE@') AS recent_good
    FROM story_principle sp
    JOIN practice_attempt a ON a.story_id = sp.story_id
    GROUP BY sp.principle_id
)
SELECT p.id, p.slug, p.name, p.summary, p.framework, p.position, p.builtin,
       coalesce(r.stories, 0), r.id, r.title,
       coalesce(pr.attempts, 0), pr.last, pr.mean, coalesce(pr.recent_good, 0)
FROM principle p
LEFT JOIN ranked r ON r.principle_id = p.id AND r.place = 1
LEFT JOIN practice pr ON pr.principle_id = p.id
ORDER BY p.builtin DESC, p.framework, p.position IS NULL, p.position, p.name;
SELECT count(*), coalesce(sum(outcome <> 'success'), 0), coalesce(sum(trim(result) = ''), 0),
       (SELECT count(*) FROM practice_attempt),
       (SELECT count(*) FROM practice_attempt WHERE practiced_at >= '@SINCE@')
FROM story;
SELECT s.id, s.title, count(*) AS tags, count(*) OVER () AS total
FROM story_principle sp JOIN story s ON s.id = sp.story_id
GROUP BY sp.story_id HAVING count(*) > 3
ORDER BY tags DESC, s.id
LIMIT 5;
