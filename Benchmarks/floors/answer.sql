-- answer "Tell me about a time you cut costs by negotiating with a vendor"
-- (--limit 5): the five stories of the likeliest principle that best match
-- the question, each with its title, its lint score (the cached penalty),
-- how many principles it carries, its practice for the principle (attempts,
-- best rating) and a snippet showing the question's words.
--
-- What this floor is handed, because SQL cannot do it: the principle
-- (@APID@, the one starlog's classifier names first; Benchmarks/run checks
-- that it does) and the question's words as an FTS5 query (@APAT@). The
-- classifier itself (tokenizing the ~200 labelled texts of the principles,
-- their bank and the practised questions, then a TF-IDF cosine per text) is
-- starlog's cost alone, as are the runner-up principles and their evidence.
-- It also ranks by bm25 alone, where starlog blends the bm25 order with the
-- best-story order (lint score, practice, outcome, recency); that blend
-- needs every story of the principle scored, which this floor skips.
--
-- Tried (10k stories, "frugality": 1,256 stories, 990 of them match; CPU
-- user+sys): the principle filter as `story_fts.rowid IN (SELECT ...)`,
-- 1.2 s, because FTS5 takes the IN list as rowid lookups and runs the whole
-- OR query once per listed story; `+story_fts.rowid IN (...)`, which keeps
-- one pass over the matches and filters them, 10 ms for the ranking. The
-- snippets are then made for the five rows only (in the outer query).
WITH top AS (
    SELECT story_fts.rowid AS id, bm25(story_fts, 10.0, 1.0, 1.0, 1.0, 1.0, 1.0) AS score
    FROM story_fts
    WHERE story_fts MATCH '@APAT@'
      AND +story_fts.rowid IN (SELECT story_id FROM story_principle WHERE principle_id = @APID@)
    ORDER BY score LIMIT 5
)
SELECT s.id, s.title, 100 - coalesce(s.lint_penalty, 0),
       (SELECT count(*) FROM story_principle t WHERE t.story_id = s.id),
       (SELECT count(*) || ' ' || coalesce(max(a.rating), '-') FROM practice_attempt a
        WHERE a.principle_id = @APID@ AND a.story_id = s.id),
       (SELECT snippet(story_fts, -1, char(1), char(2), '…', 16) FROM story_fts
        WHERE story_fts MATCH '@APAT@' AND story_fts.rowid = s.id)
FROM top JOIN story s ON s.id = top.id
ORDER BY top.score;
