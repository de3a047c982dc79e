-- starlog schema, version 9: readiness totals kept up to date on write.
-- Shipped migrations are never edited; add a new file.
--
-- Coverage answers, per principle: how many stories, how many attempts with
-- a story, their mean rating, the last one, whether one rated 4 or 5 falls
-- in the window, and the best story. Computed from every tag and attempt,
-- that took seconds at 100,000 stories. The triggers below keep the answers
-- current whatever writes the tags, attempts or stories (starlog's commands,
-- an import, a migration, another program), so a report reads a few rows.

-- Per principle: its tagged stories, and its attempts that name a story.
-- last_good: the last of those attempts rated 4 or more (a good answer,
-- `CoverageRepository.goodRating`).
ALTER TABLE principle ADD COLUMN story_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE principle ADD COLUMN attempt_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE principle ADD COLUMN rating_sum INTEGER NOT NULL DEFAULT 0;
ALTER TABLE principle ADD COLUMN last_practiced TEXT;
ALTER TABLE principle ADD COLUMN last_good TEXT;

-- Per tagged story–principle pair, what ranks the story for the principle
-- (`StoryFit.isBetter`): the story's cached lint penalty (capped at 100,
-- where the score reaches 0), the last day its `when` covers (for the
-- stale-story rule, which depends on today and is applied when read; NULL
-- when it has no valid date), when it was updated, and its attempts for the
-- principle with their mean rating and the last of them.
CREATE TABLE story_principle_fit (
    principle_id   INTEGER NOT NULL,
    story_id       INTEGER NOT NULL,
    penalty        INTEGER,
    happened_end   TEXT,
    updated_at     TEXT,
    attempts       INTEGER NOT NULL DEFAULT 0,
    mean_rating    REAL,
    last_practiced TEXT,
    PRIMARY KEY (principle_id, story_id)
) WITHOUT ROWID;

-- A principle's stories best first: its best story is the first row, or
-- the first row whose story is not stale.
CREATE INDEX story_principle_fit_best ON story_principle_fit
    (principle_id, penalty, mean_rating DESC, last_practiced DESC, updated_at DESC, story_id DESC, happened_end);

-- Per story, what its pairs copy: the lint penalty capped at 100, the last
-- day its `when` covers (a year's 31 December, a month's last day, the day
-- itself; NULL for no valid date) and when it was updated. One definition,
-- read by the fill below, by the triggers, and by an import's bulk fill.
CREATE VIEW story_fit_facts AS
SELECT s.id AS story_id, min(s.lint_penalty, 100) AS penalty,
       CASE
           WHEN substr(s.happened, 1, 4) = '0000' THEN NULL
           WHEN length(s.happened) = 4 THEN s.happened || '-12-31'
           WHEN length(s.happened) = 7 AND date(julianday(s.happened || '-01')) IS s.happened || '-01'
               THEN date(s.happened || '-01', '+1 month', '-1 day')
           WHEN length(s.happened) = 10 AND date(julianday(s.happened)) IS s.happened THEN s.happened
       END AS happened_end,
       s.updated_at
FROM story s;

-- The pairs as they are now.
INSERT INTO story_principle_fit (principle_id, story_id, penalty, happened_end, updated_at,
                                 attempts, mean_rating, last_practiced)
SELECT sp.principle_id, sp.story_id, f.penalty, f.happened_end, f.updated_at,
       coalesce(a.attempts, 0), a.mean, a.last
FROM story_principle sp
JOIN story_fit_facts f ON f.story_id = sp.story_id
LEFT JOIN (
    SELECT principle_id, story_id, count(*) AS attempts, avg(rating) AS mean, max(practiced_at) AS last
    FROM practice_attempt WHERE principle_id IS NOT NULL AND story_id IS NOT NULL
    GROUP BY principle_id, story_id
) a ON a.principle_id = sp.principle_id AND a.story_id = sp.story_id;

UPDATE principle SET
    story_count = (SELECT count(*) FROM story_principle sp WHERE sp.principle_id = principle.id),
    (attempt_count, rating_sum, last_practiced) = (
        SELECT count(*), coalesce(sum(rating), 0), max(practiced_at) FROM practice_attempt a
        WHERE a.principle_id = principle.id AND a.story_id IS NOT NULL),
    last_good = (
        SELECT max(practiced_at) FROM practice_attempt a
        WHERE a.principle_id = principle.id AND a.story_id IS NOT NULL AND a.rating >= 4);

-- A tag: the pair's row, and one more story for the principle.
CREATE TRIGGER story_principle_totals_after_insert AFTER INSERT ON story_principle BEGIN
    UPDATE principle SET story_count = story_count + 1 WHERE id = new.principle_id;
    INSERT OR REPLACE INTO story_principle_fit (principle_id, story_id, penalty, happened_end, updated_at,
                                                attempts, mean_rating, last_practiced)
    SELECT new.principle_id, new.story_id, f.penalty, f.happened_end, f.updated_at, a.attempts, a.mean, a.last
    FROM story_fit_facts f,
         (SELECT count(*) AS attempts, avg(rating) AS mean, max(practiced_at) AS last FROM practice_attempt
          WHERE principle_id = new.principle_id AND story_id = new.story_id) a
    WHERE f.story_id = new.story_id;
END;

CREATE TRIGGER story_principle_totals_after_delete AFTER DELETE ON story_principle BEGIN
    UPDATE principle SET story_count = story_count - 1 WHERE id = old.principle_id;
    DELETE FROM story_principle_fit WHERE principle_id = old.principle_id AND story_id = old.story_id;
END;

-- starlog never re-points a tag, but another program may.
CREATE TRIGGER story_principle_totals_after_update AFTER UPDATE OF story_id, principle_id ON story_principle BEGIN
    UPDATE principle SET story_count = story_count - 1 WHERE id = old.principle_id;
    DELETE FROM story_principle_fit WHERE principle_id = old.principle_id AND story_id = old.story_id;
    UPDATE principle SET story_count = story_count + 1 WHERE id = new.principle_id;
    INSERT OR REPLACE INTO story_principle_fit (principle_id, story_id, penalty, happened_end, updated_at,
                                                attempts, mean_rating, last_practiced)
    SELECT new.principle_id, new.story_id, f.penalty, f.happened_end, f.updated_at, a.attempts, a.mean, a.last
    FROM story_fit_facts f,
         (SELECT count(*) AS attempts, avg(rating) AS mean, max(practiced_at) AS last FROM practice_attempt
          WHERE principle_id = new.principle_id AND story_id = new.story_id) a
    WHERE f.story_id = new.story_id;
END;

-- A story's penalty, date or update time: every pair of the story.
CREATE TRIGGER story_totals_after_update AFTER UPDATE OF lint_penalty, happened, updated_at ON story BEGIN
    UPDATE story_principle_fit SET (penalty, happened_end, updated_at) = (
        SELECT penalty, happened_end, updated_at FROM story_fit_facts WHERE story_id = new.id)
    WHERE story_id = new.id
      AND principle_id IN (SELECT principle_id FROM story_principle WHERE story_id = new.id);
END;

-- An attempt counts when it names both a principle and a story.
CREATE TRIGGER practice_attempt_totals_after_insert AFTER INSERT ON practice_attempt
WHEN new.principle_id IS NOT NULL AND new.story_id IS NOT NULL BEGIN
    UPDATE principle SET
        attempt_count = attempt_count + 1,
        rating_sum = rating_sum + new.rating,
        last_practiced = CASE WHEN last_practiced IS NULL OR new.practiced_at > last_practiced
                              THEN new.practiced_at ELSE last_practiced END,
        last_good = CASE WHEN new.rating >= 4 AND (last_good IS NULL OR new.practiced_at > last_good)
                         THEN new.practiced_at ELSE last_good END
    WHERE id = new.principle_id;
    UPDATE story_principle_fit SET (attempts, mean_rating, last_practiced) = (
        SELECT count(*), avg(rating), max(practiced_at) FROM practice_attempt
        WHERE principle_id = new.principle_id AND story_id = new.story_id)
    WHERE principle_id = new.principle_id AND story_id = new.story_id;
END;

CREATE TRIGGER practice_attempt_totals_after_delete AFTER DELETE ON practice_attempt
WHEN old.principle_id IS NOT NULL AND old.story_id IS NOT NULL BEGIN
    UPDATE principle SET
        attempt_count = attempt_count - 1,
        rating_sum = rating_sum - old.rating,
        last_practiced = CASE WHEN old.practiced_at < last_practiced THEN last_practiced ELSE (
            SELECT practiced_at FROM practice_attempt
            WHERE principle_id = old.principle_id AND story_id IS NOT NULL
            ORDER BY practiced_at DESC LIMIT 1) END,
        last_good = CASE WHEN old.rating < 4 OR old.practiced_at < last_good THEN last_good ELSE (
            SELECT practiced_at FROM practice_attempt
            WHERE principle_id = old.principle_id AND story_id IS NOT NULL AND rating >= 4
            ORDER BY practiced_at DESC LIMIT 1) END
    WHERE id = old.principle_id;
    UPDATE story_principle_fit SET (attempts, mean_rating, last_practiced) = (
        SELECT count(*), avg(rating), max(practiced_at) FROM practice_attempt
        WHERE principle_id = old.principle_id AND story_id = old.story_id)
    WHERE principle_id = old.principle_id AND story_id = old.story_id;
END;

-- A changed attempt (deleting its story or principle sets the link to
-- NULL): it leaves its old principle and pair, then joins its new ones.
CREATE TRIGGER practice_attempt_totals_after_update
AFTER UPDATE OF principle_id, story_id, rating, practiced_at ON practice_attempt BEGIN
    UPDATE principle SET
        attempt_count = attempt_count - 1,
        rating_sum = rating_sum - old.rating,
        last_practiced = (
            SELECT practiced_at FROM practice_attempt
            WHERE principle_id = old.principle_id AND story_id IS NOT NULL
            ORDER BY practiced_at DESC LIMIT 1),
        last_good = (
            SELECT practiced_at FROM practice_attempt
            WHERE principle_id = old.principle_id AND story_id IS NOT NULL AND rating >= 4
            ORDER BY practiced_at DESC LIMIT 1)
    WHERE id = old.principle_id AND old.story_id IS NOT NULL;
    UPDATE principle SET
        attempt_count = attempt_count + 1,
        rating_sum = rating_sum + new.rating
    WHERE id = new.principle_id AND new.story_id IS NOT NULL;
    UPDATE principle SET
        last_practiced = (
            SELECT practiced_at FROM practice_attempt
            WHERE principle_id = new.principle_id AND story_id IS NOT NULL
            ORDER BY practiced_at DESC LIMIT 1),
        last_good = (
            SELECT practiced_at FROM practice_attempt
            WHERE principle_id = new.principle_id AND story_id IS NOT NULL AND rating >= 4
            ORDER BY practiced_at DESC LIMIT 1)
    WHERE id = new.principle_id;
    UPDATE story_principle_fit SET (attempts, mean_rating, last_practiced) = (
        SELECT count(*), avg(rating), max(practiced_at) FROM practice_attempt
        WHERE principle_id = story_principle_fit.principle_id AND story_id = story_principle_fit.story_id)
    WHERE (principle_id = old.principle_id AND story_id = old.story_id)
       OR (principle_id = new.principle_id AND story_id = new.story_id);
END;
