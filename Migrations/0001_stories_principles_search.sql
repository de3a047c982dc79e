-- starlog schema, version 1: stories, principles, their links and the
-- full-text index. Shipped migrations are never edited; add a new file.

-- 'STRL': marks the file as a starlog journal.
PRAGMA application_id = 1398035020;

CREATE TABLE principle (
    id        INTEGER PRIMARY KEY,
    slug      TEXT NOT NULL UNIQUE CHECK (slug <> '' AND slug NOT GLOB '*[^a-z0-9-]*'),
    name      TEXT NOT NULL CHECK (trim(name) <> ''),
    summary   TEXT NOT NULL DEFAULT '',
    framework TEXT NOT NULL DEFAULT 'custom' CHECK (framework <> ''),
    position  INTEGER CHECK (position IS NULL OR position > 0),
    builtin   INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
    UNIQUE (framework, position)
);

CREATE TABLE story (
    id         INTEGER PRIMARY KEY,
    title      TEXT NOT NULL CHECK (trim(title) <> ''),
    situation  TEXT NOT NULL DEFAULT '',
    task       TEXT NOT NULL DEFAULT '',
    action     TEXT NOT NULL DEFAULT '',
    result     TEXT NOT NULL DEFAULT '',
    learnings  TEXT NOT NULL DEFAULT '',
    outcome    TEXT NOT NULL DEFAULT 'success' CHECK (outcome IN ('success', 'failure', 'mixed')),
    company    TEXT,
    role       TEXT,
    happened   TEXT CHECK (happened IS NULL
                           OR happened GLOB '[0-9][0-9][0-9][0-9]'
                           OR happened GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'
                           OR happened GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- list: newest first.
CREATE INDEX story_by_created ON story (created_at, id);

CREATE TABLE story_principle (
    story_id     INTEGER NOT NULL REFERENCES story (id) ON DELETE CASCADE,
    principle_id INTEGER NOT NULL REFERENCES principle (id) ON DELETE CASCADE,
    PRIMARY KEY (story_id, principle_id)
) WITHOUT ROWID;

-- list --principle, coverage: the stories of one principle.
CREATE INDEX story_principle_by_principle ON story_principle (principle_id, story_id);

-- Full-text index over the story text. External content: the words live in
-- `story` once, the index holds only tokens. Porter stems English words
-- ("leading" finds "lead"); unicode61 with remove_diacritics 2 folds case
-- and accents ("cafe" finds "café").
CREATE VIRTUAL TABLE story_fts USING fts5 (
    title, situation, task, action, result, learnings,
    content = 'story',
    content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER story_fts_after_insert AFTER INSERT ON story BEGIN
    INSERT INTO story_fts (rowid, title, situation, task, action, result, learnings)
    VALUES (new.id, new.title, new.situation, new.task, new.action, new.result, new.learnings);
END;

CREATE TRIGGER story_fts_after_delete AFTER DELETE ON story BEGIN
    INSERT INTO story_fts (story_fts, rowid, title, situation, task, action, result, learnings)
    VALUES ('delete', old.id, old.title, old.situation, old.task, old.action, old.result, old.learnings);
END;

CREATE TRIGGER story_fts_after_update
AFTER UPDATE OF title, situation, task, action, result, learnings ON story BEGIN
    INSERT INTO story_fts (story_fts, rowid, title, situation, task, action, result, learnings)
    VALUES ('delete', old.id, old.title, old.situation, old.task, old.action, old.result, old.learnings);
    INSERT INTO story_fts (rowid, title, situation, task, action, result, learnings)
    VALUES (new.id, new.title, new.situation, new.task, new.action, new.result, new.learnings);
END;

-- Amazon's sixteen Leadership Principles. Names as Amazon gives them;
-- summaries in starlog's own words.
INSERT INTO principle (slug, name, summary, framework, position, builtin) VALUES
('customer-obsession', 'Customer Obsession',
 'Begin with what the customer needs and work back from it; keep their trust ahead of any rival''s moves.', 'amazon', 1, 1),
('ownership', 'Ownership',
 'Act for the whole company and the long run; nothing is somebody else''s problem.', 'amazon', 2, 1),
('invent-and-simplify', 'Invent and Simplify',
 'Take good ideas from anywhere, make things simpler, and accept being misunderstood for a while.', 'amazon', 3, 1),
('are-right-a-lot', 'Are Right, A Lot',
 'Sound judgment, built by seeking other views and trying to prove yourself wrong.', 'amazon', 4, 1),
('learn-and-be-curious', 'Learn and Be Curious',
 'Never stop learning; go and explore what could be possible.', 'amazon', 5, 1),
('hire-and-develop-the-best', 'Hire and Develop the Best',
 'Raise the bar with each hire and promotion, and help the people around you grow.', 'amazon', 6, 1),
('insist-on-the-highest-standards', 'Insist on the Highest Standards',
 'Hold a bar others find unreasonably high, and fix defects so they stay fixed.', 'amazon', 7, 1),
('think-big', 'Think Big',
 'Set a bold direction people rally to, and look for bigger ways to serve customers.', 'amazon', 8, 1),
('bias-for-action', 'Bias for Action',
 'Move fast when a decision can be undone; a calculated risk beats endless study.', 'amazon', 9, 1),
('frugality', 'Frugality',
 'Do more with less; limits breed ingenuity and self-reliance.', 'amazon', 10, 1),
('earn-trust', 'Earn Trust',
 'Listen closely, speak candidly, treat people with respect, and be openly critical of your own work.', 'amazon', 11, 1),
('dive-deep', 'Dive Deep',
 'Stay close to the details, check often, and be sceptical when the numbers and the anecdotes disagree.', 'amazon', 12, 1),
('have-backbone-disagree-and-commit', 'Have Backbone; Disagree and Commit',
 'Challenge a decision you disagree with, respectfully and with conviction, then commit fully once it is made.', 'amazon', 13, 1),
('deliver-results', 'Deliver Results',
 'Focus on the inputs that matter and deliver them well and on time, whatever the setbacks.', 'amazon', 14, 1),
('strive-to-be-earths-best-employer', 'Strive to be Earth''s Best Employer',
 'Make work safer, fairer, more varied and more rewarding for the people around you.', 'amazon', 15, 1),
('success-and-scale-bring-broad-responsibility', 'Success and Scale Bring Broad Responsibility',
 'Weigh the wider effects of your work on people, communities and the future, and leave things better.', 'amazon', 16, 1);
