-- add: one story with one principle, durable when the command returns
-- (WAL, synchronous FULL, as the journal is). Two inserts in one
-- transaction; the FTS triggers index the story. Nothing to try instead.
PRAGMA synchronous = FULL;
BEGIN IMMEDIATE;
INSERT INTO story (title, situation, task, action, result, learnings, outcome, created_at, updated_at)
VALUES ('Cut checkout latency', 'Checkout p99 was 2.1 s and carts were abandoned', '',
        'I profiled the payment call and batched the fraud checks', 'p99 fell to 600 ms', '',
        'success', strftime('%Y-%m-%dT%H:%M:%SZ'), strftime('%Y-%m-%dT%H:%M:%SZ'));
INSERT INTO story_principle (story_id, principle_id) VALUES (last_insert_rowid(), @PID@);
COMMIT;
