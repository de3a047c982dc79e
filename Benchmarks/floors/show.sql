-- show ID: the story's fields and its principles' names, in display order.
-- One statement. Tried (10k stories, CPU user+sys): this, a correlated
-- subquery for the names in display order, 4.5 ms; a LEFT JOIN with GROUP BY
-- over story_principle, 3.7 ms, within the noise and without the order.
-- Both read one row and a few index entries; this one gives the answer.
SELECT s.id, s.title, s.outcome, s.happened, s.company, s.role, s.created_at, s.updated_at,
       s.situation, s.task, s.action, s.result, s.learnings,
       (SELECT group_concat(name, ', ') FROM (
            SELECT p.name FROM story_principle sp JOIN principle p ON p.id = sp.principle_id
            WHERE sp.story_id = s.id ORDER BY p.position))
FROM story s WHERE s.id = @ID@;
