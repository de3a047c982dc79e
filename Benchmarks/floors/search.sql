-- search --limit 20 Q: the 20 best hits by bm25 (title weighted 10), ties
-- newest first, each with its title, principles and one snippet.
-- One statement. The tie-break reads each match's created_at from the
-- covering index story_created_by_id (id, created_at) rather than from the
-- story's row, where the column sits after the story's text.
-- Tried (median of 10 runs, hyperfine -N, the sqlite3 shell, the journals
-- Benchmarks/run generates, schema 11; common word "team" at 1k, 10k, 100k;
-- a phrase and a prefix at 100k):
--   the same statement joining the story row: 6.5, 17.2, 111.7 ms; phrase
--   20.5 ms, prefix 27.0 ms;
--   this one (INDEXED BY story_created_by_id): 5.1, 12.0, 68.3 ms; phrase
--   15.8 ms, prefix 18.2 ms;
--   ranking the top 20 in a CTE over the index, then a second MATCH for the
--   20 snippets: 4.4, 11.7, 71.8 ms; phrase 16.8 ms, prefix 22.9 ms.
-- Earlier, at 10k without the index: ranking by bm25 alone in the CTE was
-- 27 ms against 38 ms, but it breaks ties differently, so it is not the
-- same answer. All three above give the same rows (md5 of the output).
-- This one is kept: the fastest at 100k and within 0.3 ms at 10k.
SELECT s.id, s.title, bm25(story_fts, 10.0, 1.0, 1.0, 1.0, 1.0, 1.0) AS score,
       snippet(story_fts, -1, char(1), char(2), '…', 16),
       (SELECT group_concat(p.slug, ', ') FROM story_principle sp JOIN principle p ON p.id = sp.principle_id
        WHERE sp.story_id = s.id)
FROM story_fts JOIN story s INDEXED BY story_created_by_id ON s.id = story_fts.rowid
WHERE story_fts MATCH '@PAT@'
ORDER BY score, s.created_at DESC, s.id DESC LIMIT 20;
