-- starlog schema, version 3: interviews as records, the principles each
-- interview is expected to probe, and the spaced-repetition (FSRS) state of
-- every story–principle pair that has been practised.
-- Shipped migrations are never edited; add a new file.

-- One interview (or loop) the user is preparing for.
CREATE TABLE interview (
    id         INTEGER PRIMARY KEY,
    company    TEXT NOT NULL CHECK (trim(company) <> ''),
    role       TEXT,
    day        TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    created_at TEXT NOT NULL
);

-- interview list: soonest first.
CREATE INDEX interview_by_day ON interview (day, id);

-- The principles an interview is expected to cover.
CREATE TABLE interview_principle (
    interview_id INTEGER NOT NULL REFERENCES interview (id) ON DELETE CASCADE,
    principle_id INTEGER NOT NULL REFERENCES principle (id) ON DELETE CASCADE,
    PRIMARY KEY (interview_id, principle_id)
) WITHOUT ROWID;

CREATE INDEX interview_principle_by_principle ON interview_principle (principle_id);

-- FSRS memory state of telling one story for one principle. One row per
-- pair that has been practised at least once; pairs never practised are
-- "new" and have no row. `due` and `last_review` are UTC timestamps.
CREATE TABLE review_state (
    story_id     INTEGER NOT NULL REFERENCES story (id) ON DELETE CASCADE,
    principle_id INTEGER NOT NULL REFERENCES principle (id) ON DELETE CASCADE,
    stability    REAL NOT NULL CHECK (stability > 0),
    difficulty   REAL NOT NULL CHECK (difficulty BETWEEN 1 AND 10),
    reps         INTEGER NOT NULL DEFAULT 0 CHECK (reps >= 0),
    lapses       INTEGER NOT NULL DEFAULT 0 CHECK (lapses >= 0),
    last_review  TEXT NOT NULL,
    due          TEXT NOT NULL,
    PRIMARY KEY (story_id, principle_id)
) WITHOUT ROWID;

-- practice due: the most overdue pairs first.
CREATE INDEX review_state_by_due ON review_state (due);
