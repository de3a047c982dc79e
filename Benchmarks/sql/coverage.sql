-- CoverageRepository.report as of this commit: perPrinciple, then
-- preferLintScore (LintRepository.refreshPenalties, which finds the stories
-- whose cached lint penalty is out of date, none on a journal starlog wrote;
-- then StoryFitReader's pairs with each story's cached penalty), then
-- coachWarnings.
WITH story_practice AS (
    SELECT story_id, max(rating) AS best
    FROM practice_attempt WHERE story_id IS NOT NULL
    GROUP BY story_id
),
best AS (
    SELECT sp.principle_id, count(*) AS stories,
           max(printf('%d%d|%s|%012d', coalesce(b.best, 0),
                      (s.situation <> '') + (s.task <> '') + (s.action <> '') + (s.result <> ''),
                      s.updated_at, s.id)) AS rank_key,
           s.id AS id, s.title AS title
    FROM story_principle sp
    JOIN story s ON s.id = sp.story_id
    LEFT JOIN story_practice b ON b.story_id = s.id
    GROUP BY sp.principle_id
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
LEFT JOIN best r ON r.principle_id = p.id
LEFT JOIN practice pr ON pr.principle_id = p.id
ORDER BY p.builtin DESC, p.framework, p.position IS NULL, p.position, p.name;
SELECT sp.principle_id, s.id, s.title,
       (SELECT count(*) FROM story_principle t WHERE t.story_id = s.id),
       coalesce(b.attempts, 0), b.best, b.mean,
       (s.situation <> '') + (s.task <> '') + (s.action <> '') + (s.result <> ''),
       s.updated_at, s.lint_penalty, s.happened
FROM story_principle sp
JOIN story s ON s.id = sp.story_id
LEFT JOIN (
    SELECT story_id, count(*) AS attempts, max(rating) AS best, avg(rating) AS mean
    FROM practice_attempt WHERE story_id IS NOT NULL GROUP BY story_id
) b ON b.story_id = s.id
ORDER BY sp.principle_id, s.id;
SELECT id FROM story WHERE lint_penalty IS NULL OR lint_checked IS NOT ('lint-1 ' || updated_at);
SELECT count(*), coalesce(sum(outcome <> 'success'), 0), coalesce(sum(trim(result) = ''), 0),
       (SELECT count(*) FROM practice_attempt),
       (SELECT count(*) FROM practice_attempt WHERE practiced_at >= '@SINCE@')
FROM story;
SELECT s.id, s.title, count(*) AS tags, count(*) OVER () AS total
FROM story_principle sp JOIN story s ON s.id = sp.story_id
GROUP BY sp.story_id HAVING count(*) > 3
ORDER BY tags DESC, s.id
LIMIT 5;
