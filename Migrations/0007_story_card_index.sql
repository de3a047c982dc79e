-- starlog schema, version 7: the short columns of every story in an index.
--
-- Coverage, plan, the practice schedule, the report and the lint cache read
-- a few short columns of every story. A story's row holds its text, which
-- often spills to overflow pages, and the lint cache columns sit at the
-- row's end (added in version 4), so reading them read the whole journal:
-- 35 MB at 10,000 stories, ten times that at 100,000. story_card holds those
-- columns in a few pages; queries that join stories by id name it (INDEXED
-- BY), since SQLite prefers the rowid for such a join.
CREATE INDEX story_card ON story (id, lint_penalty, lint_checked, updated_at, happened, outcome, title);

-- Stories with an empty Result, which coverage warns about, without reading
-- every Result.
CREATE INDEX story_without_result ON story (id) WHERE trim(result) = '';
