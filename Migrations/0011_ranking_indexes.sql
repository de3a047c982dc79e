-- starlog schema, version 11: two small indexes for ranking stories.
--
-- Search ranks its matches by bm25, newer stories first on a tie, so it
-- reads each match's created_at. From the story's own row that meant
-- reading past the story's text, often on overflow pages: half of a
-- common word's search at 100,000 stories. This index holds the two
-- columns by id.
CREATE INDEX story_created_by_id ON story (id, created_at);

-- The principle classifier learns from the distinct question texts of past
-- practice attempts, per principle. Found by reading every attempt, that
-- cost 80 ms at 100,000 stories (a quarter of a million attempts) for some
-- eighty distinct texts. With this index each distinct text is one seek:
-- the next question after the last one, within a principle.
CREATE INDEX practice_attempt_by_principle_question ON practice_attempt (principle_id, question)
WHERE principle_id IS NOT NULL;
