-- StoryRepository.add: resolve the principle, then one write transaction
-- ending in the truncating checkpoint the writer lock asks for.
BEGIN IMMEDIATE;
INSERT INTO story (title, situation, task, action, result, learnings, outcome,
                   company, role, happened, created_at, updated_at)
VALUES ('Cut checkout latency', 'Checkout p99 was 2.1 s and carts were abandoned', '',
        'I profiled the payment call and batched the fraud checks', 'p99 fell to 600 ms', '',
        'success', NULL, NULL, NULL, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO story_principle (story_id, principle_id) VALUES (last_insert_rowid(), 14);
SELECT s.id, s.title, s.situation, s.task, s.action, s.result, s.learnings, s.outcome,
       s.company, s.role, s.happened, s.created_at, s.updated_at,
       (SELECT group_concat(slug, ' ') FROM (
           SELECT p.slug FROM story_principle sp JOIN principle p ON p.id = sp.principle_id
           WHERE sp.story_id = s.id
           ORDER BY p.builtin DESC, p.framework, p.position IS NULL, p.position, p.slug))
FROM story s WHERE s.id = last_insert_rowid();
-- LintRepository.cache: the story's lint penalty (computed in Swift).
UPDATE story SET lint_penalty = 20, lint_checked = 'lint-1 2026-01-01T00:00:00Z' WHERE id = last_insert_rowid();
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
