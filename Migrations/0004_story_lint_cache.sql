-- starlog schema, version 4: a cache of each story's lint penalty, so
-- coverage, plan and the practice schedule read scores instead of checking
-- every story's text on every run.
--
-- lint_penalty: the points the time-independent rules take off (the
-- stale-story rule depends on today and is applied when read).
-- lint_checked: the rules' version and the story's updated_at when the
-- penalty was computed; a story whose updated_at moved on is checked again.
ALTER TABLE story ADD COLUMN lint_penalty INTEGER;
ALTER TABLE story ADD COLUMN lint_checked TEXT;
