-- StorySearch.search: ranking on the index.
SELECT s.id, bm25(story_fts, 10.0, 1.0, 1.0, 1.0, 1.0, 1.0) AS score
FROM story_fts JOIN story s ON s.id = story_fts.rowid
WHERE story_fts MATCH '@PAT@'
ORDER BY score, s.created_at DESC, s.id DESC LIMIT 20;
