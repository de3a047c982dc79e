-- StoryRepository.find(@ID@).
SELECT s.id, s.title, s.situation, s.task, s.action, s.result, s.learnings, s.outcome,
       s.company, s.role, s.happened, s.created_at, s.updated_at,
       (SELECT group_concat(slug, ' ') FROM (
           SELECT p.slug FROM story_principle sp JOIN principle p ON p.id = sp.principle_id
           WHERE sp.story_id = s.id
           ORDER BY p.builtin DESC, p.framework, p.position IS NULL, p.position, p.slug))
FROM story s WHERE s.id = @ID@;
