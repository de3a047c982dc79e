-- search --limit 20 Q: the 20 best hits by bm25 (title weighted 10), ties
-- newest first, each with its title, principles and one snippet.
-- One statement. Tried (10k stories, common word "team", CPU user+sys):
-- this, 38 ms; ranking the top 20 in a CTE and computing snippets only for
-- them in a second MATCH, 42 ms; ranking by bm25 alone in the CTE, 27 ms,
-- but it breaks ties differently, so it is not the same answer. This one is
-- kept.
SELECT s.id, s.title, bm25(story_fts, 10.0, 1.0, 1.0, 1.0, 1.0, 1.0) AS score,
       snippet(story_fts, -1, char(1), char(2), '…', 16),
       (SELECT group_concat(p.slug, ', ') FROM story_principle sp JOIN principle p ON p.id = sp.principle_id
        WHERE sp.story_id = s.id)
FROM story_fts JOIN story s ON s.id = story_fts.rowid
WHERE story_fts MATCH '@PAT@'
ORDER BY score, s.created_at DESC, s.id DESC LIMIT 20;
