-- StorySearch.snippet for one shown hit.
SELECT snippet(story_fts, 1, char(1), char(2), '…', 16), snippet(story_fts, 2, char(1), char(2), '…', 16),
       snippet(story_fts, 3, char(1), char(2), '…', 16), snippet(story_fts, 4, char(1), char(2), '…', 16),
       snippet(story_fts, 5, char(1), char(2), '…', 16), snippet(story_fts, 0, char(1), char(2), '…', 16)
FROM story_fts WHERE story_fts MATCH '@PAT@' AND rowid = @ID@;
