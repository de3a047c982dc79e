-- starlog schema, version 6: every practice attempt is for exactly one
-- principle, and the spaced-repetition schedule holds only what FSRS derives.
-- Shipped migrations are never edited; add a new file.
--
-- An attempt is for the principle of its question, else the one given with
-- it, else its story's only principle. Attempts recorded before that rule
-- may lack one: give them their question's principle, else their story's
-- when the story has exactly one. Attempts that none of these decides keep
-- no principle and count under none.
UPDATE practice_attempt
SET principle_id = (SELECT q.principle_id FROM question q WHERE q.id = practice_attempt.question_id)
WHERE principle_id IS NULL AND question_id IS NOT NULL;

UPDATE practice_attempt
SET principle_id = (SELECT sp.principle_id FROM story_principle sp WHERE sp.story_id = practice_attempt.story_id)
WHERE principle_id IS NULL AND story_id IS NOT NULL
  AND (SELECT count(*) FROM story_principle sp WHERE sp.story_id = practice_attempt.story_id) = 1;

-- The schedule stored interview caps in `due` and came from an earlier
-- lapse formula; it is derived data, so it is emptied here and starlog
-- replays every pair from its attempts when it next opens the journal.
DELETE FROM review_state;

-- coverage and the schedule: a principle's attempts with their stories.
CREATE INDEX practice_attempt_by_principle_story ON practice_attempt (principle_id, story_id, practiced_at);
