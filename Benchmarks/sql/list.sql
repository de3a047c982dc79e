-- StoryRepository.list(principle: @PID@, limit: 20).
WITH page AS (SELECT c.id, c.created_at FROM story c INDEXED BY story_by_created
              WHERE c.id IN (SELECT story_id FROM story_principle WHERE principle_id = @PID@)
              ORDER BY c.created_at DESC, c.id DESC LIMIT 20)
SELECT s.id, s.title, s.situation, s.task, s.action, s.result, s.learnings, s.outcome,
       s.company, s.role, s.happened, s.created_at, s.updated_at,
       (SELECT group_concat(slug, ' ') FROM (
           SELECT p.slug FROM story_principle sp JOIN principle p ON p.id = sp.principle_id
           WHERE sp.story_id = s.id
           ORDER BY p.builtin DESC, p.framework, p.position IS NULL, p.position, p.slug))
FROM page JOIN story s ON s.id = page.id ORDER BY page.created_at DESC, page.id DESC;
