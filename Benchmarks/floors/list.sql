-- list --principle deliver-results --limit 20: the newest 20 stories of one
-- principle (id, when, outcome, title, principles).
-- Tried (10k stories, CPU user+sys): `WHERE s.id IN (SELECT story_id ...)
-- ORDER BY created_at` 14 ms (sorts every story of the principle); a
-- CTE paging over story_by_created, then joining the 20, 5 ms; this one,
-- walking story_by_created newest first with an EXISTS probe per story and
-- stopping at 20, 5 ms. The single statement is kept.
SELECT s.id, s.happened, s.outcome, s.title,
       (SELECT group_concat(p.slug, ', ') FROM story_principle t JOIN principle p ON p.id = t.principle_id
        WHERE t.story_id = s.id)
FROM story s INDEXED BY story_by_created
WHERE EXISTS (SELECT 1 FROM story_principle sp WHERE sp.story_id = s.id AND sp.principle_id = @PID@)
ORDER BY s.created_at DESC, s.id DESC LIMIT 20;
