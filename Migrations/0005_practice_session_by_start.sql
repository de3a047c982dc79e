-- starlog schema, version 5: sessions found by their times.
--
-- `import` skips a practice session the journal already has (same start and
-- end). Without this index each check read every session, so restoring a
-- dump grew with the square of its sessions (about 70,000 sessions took two
-- minutes at 100,000 stories).
CREATE INDEX practice_session_by_start ON practice_session (started_at, ended_at);
