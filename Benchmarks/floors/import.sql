-- import: the bulk load of the same rows from the same export file, in one
-- transaction, with SQLite's own JSON reader; the FTS triggers index each
-- story. This is the floor for import (target: within 1.5x); starlog also
-- checks every story and caches its lint penalty, which SQL cannot do.
BEGIN IMMEDIATE;
CREATE TEMP TABLE doc AS SELECT readfile('@FILE@') AS j;
INSERT INTO story (id, title, situation, task, action, result, learnings, outcome,
                   company, role, happened, created_at, updated_at)
SELECT e.value ->> 'id', e.value ->> 'title', e.value ->> 'situation', e.value ->> 'task',
       e.value ->> 'action', e.value ->> 'result', e.value ->> 'learnings', e.value ->> 'outcome',
       e.value ->> 'company', e.value ->> 'role', e.value ->> 'when',
       e.value ->> 'created_at', e.value ->> 'updated_at'
FROM doc, json_each(doc.j, '$.stories') e;
INSERT INTO story_principle (story_id, principle_id)
SELECT e.value ->> 'id', p.id
FROM doc, json_each(doc.j, '$.stories') e, json_each(e.value, '$.principles') t
JOIN principle p ON p.slug = t.value;
INSERT INTO practice_session (id, started_at, ended_at)
SELECT e.value ->> 'id', e.value ->> 'started_at', e.value ->> 'ended_at'
FROM doc, json_each(doc.j, '$.sessions') e;
INSERT INTO practice_attempt (id, session_id, question, principle_id, story_id, duration, rating, notes, practiced_at)
SELECT e.value ->> 'id', e.value ->> 'session_id', e.value ->> 'question',
       (SELECT id FROM principle WHERE slug = e.value ->> 'principle'),
       e.value ->> 'story_id', e.value ->> 'duration', e.value ->> 'rating', e.value ->> 'notes',
       e.value ->> 'practiced_at'
FROM doc, json_each(doc.j, '$.attempts') e;
DROP TABLE doc;
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
