-- starlog schema, version 10: the stories whose cached lint penalty is out
-- of date, in an index of their own.
--
-- Before coverage, plan, the practice schedule and the report read the
-- cached penalties (version 4), they check that none is missing or older
-- than its story's text (written by another program, or under other
-- rules). That check read every story's card: a third of coverage at
-- 100,000 stories. This partial index holds only those stories, usually
-- none, so the check reads an empty index. Its condition is
-- LintRepository.uncheckedCondition, with the cache's version tag
-- ('lint-2 '); a new tag comes with a migration that makes this index anew.
CREATE INDEX story_lint_unchecked ON story (id)
WHERE lint_penalty IS NULL OR lint_checked IS NOT ('lint-2 ' || updated_at);
