-- starlog schema, version 8: frameworks of principles as data, the built-in
-- `common` framework, interviews that know their framework, debriefs of
-- past interviews, and built-in questions a user can hide.
-- Shipped migrations are never edited; add a new file.

-- A named set of principles: the values one company (or one kind of
-- interview) tests. `principle.framework` holds a framework's slug.
CREATE TABLE framework (
    id         INTEGER PRIMARY KEY,
    slug       TEXT NOT NULL UNIQUE CHECK (slug <> ''),
    name       TEXT NOT NULL CHECK (trim(name) <> ''),
    source     TEXT,
    as_of      TEXT CHECK (as_of IS NULL OR as_of GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    builtin    INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
    created_at TEXT NOT NULL
);

-- Whatever writes a principle, its framework exists afterwards: a principle
-- named with a framework the journal lacks brings a plain one with it.
CREATE TRIGGER principle_framework_after_insert AFTER INSERT ON principle
WHEN NOT EXISTS (SELECT 1 FROM framework WHERE slug = new.framework) BEGIN
    INSERT INTO framework (slug, name, created_at)
    VALUES (new.framework, new.framework, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;

CREATE TRIGGER principle_framework_after_update AFTER UPDATE OF framework ON principle
WHEN NOT EXISTS (SELECT 1 FROM framework WHERE slug = new.framework) BEGIN
    INSERT INTO framework (slug, name, created_at)
    VALUES (new.framework, new.framework, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;

INSERT INTO framework (slug, name, source, builtin, created_at) VALUES
('amazon', 'Amazon Leadership Principles', 'https://www.amazon.jobs/content/en/our-workplace/leadership-principles', 1, '2026-01-01T00:00:00Z'),
('common', 'Common behavioural themes', NULL, 1, '2026-01-01T00:00:00Z');

-- A user's principles that already sat in a framework called `common`
-- move aside to `common-2`, so the built-in one can take the name.
UPDATE principle SET framework = 'common-2' WHERE framework = 'common' AND builtin = 0;

-- Every framework a user's principles already name becomes a framework row.
INSERT INTO framework (slug, name, created_at)
SELECT DISTINCT framework, framework, '2026-01-01T00:00:00Z' FROM principle
WHERE framework NOT IN (SELECT slug FROM framework);

-- Numbers are per framework: a user's principle that had none gets the next
-- free numbers of its framework, in the order it was added.
WITH numbered AS (
    SELECT p.id,
           (SELECT coalesce(max(m.position), 0) FROM principle m WHERE m.framework = p.framework)
           + row_number() OVER (PARTITION BY p.framework ORDER BY p.id) AS number
    FROM principle p WHERE p.position IS NULL
)
UPDATE principle SET position = (SELECT number FROM numbered WHERE numbered.id = principle.id)
WHERE position IS NULL;

-- principles --framework, lookups by number: one framework's principles in order.
CREATE INDEX principle_by_framework ON principle (framework, position);

-- The behavioural themes most interviews ask about whatever the company,
-- in starlog's own words. A theme whose slug a user's principle already
-- holds takes the slug with `common-` in front.
WITH theme (position, slug, name, summary) AS (VALUES
(1, 'conflict', 'Conflict with a Colleague',
 'Work through a real disagreement with a peer so that the work and the relationship both come out intact.'),
(2, 'failure', 'A Failure',
 'Own something that went wrong, say plainly what your part was, and show what you do differently since.'),
(3, 'leading-without-authority', 'Leading Without Authority',
 'Get people who do not report to you to move in one direction through evidence, trust and shared goals.'),
(4, 'ambiguity', 'Ambiguity',
 'Make progress when the goal, the data or the owner is unclear, and narrow the unknowns as you go.'),
(5, 'tight-deadline', 'A Tight Deadline',
 'Deliver under time pressure by choosing what matters, cutting the rest openly, and keeping quality where it counts.'),
(6, 'feedback', 'Hard Feedback',
 'Give a difficult message with care and receive one without defending yourself, then act on it.'),
(7, 'customer-focus', 'Customer Focus',
 'Find out what the people you serve actually need, and let that settle a choice the team was stuck on.'),
(8, 'proud-achievement', 'A Proud Achievement',
 'Tell the result you are proudest of, why it was hard, and what you personally did to get there.'),
(9, 'learning-fast', 'Learning Something Fast',
 'Get useful quickly in a field, tool or domain that was new to you, and show how you learn.'),
(10, 'disagreeing-with-a-manager', 'Disagreeing with a Manager',
 'Push back on someone senior with facts and respect, and know when to commit to their decision.'),
(11, 'competing-priorities', 'Competing Priorities',
 'Choose between several urgent demands, say no or not yet to some, and keep the people affected informed.')
)
INSERT INTO principle (slug, name, summary, framework, position, builtin)
SELECT CASE WHEN EXISTS (SELECT 1 FROM principle p WHERE p.slug = theme.slug) THEN 'common-' || theme.slug ELSE theme.slug END,
       name, summary, 'common', position, 1
FROM theme ORDER BY position;

WITH q (position, text) AS (VALUES
(1, 'Tell me about a time you and a colleague disagreed sharply about how to do something. How did you settle it?'),
(1, 'Describe a working relationship that became tense. What did you do to make it work again?'),
(1, 'Give an example of a conflict between two people on your team that you helped resolve.'),
(2, 'Tell me about a project or decision of yours that failed. What was your part in it?'),
(2, 'Describe a mistake that reached customers or colleagues. How did you find out, and what did you do next?'),
(2, 'What is something you tried that did not work, and what do you do differently because of it?'),
(3, 'Describe a time you got another team to change course when you had no authority over them.'),
(3, 'Tell me about leading a piece of work where nobody reported to you. How did you keep people moving together?'),
(3, 'Give an example of winning support for an idea from people more senior than you.'),
(4, 'Tell me about a time you started work with an unclear goal or missing information. How did you make progress?'),
(4, 'Describe a problem that nobody owned. How did you work out what to do first?'),
(4, 'Give an example of a requirement that kept changing. How did you keep the work on track?'),
(5, 'Tell me about the tightest deadline you have had. What did you cut, and what did you refuse to cut?'),
(5, 'Describe a time the deadline moved closer after the work had started. How did you respond?'),
(5, 'Give an example of a time you had to tell someone a date could not be met.'),
(6, 'Tell me about feedback you received that was hard to hear. What did you change afterwards?'),
(6, 'Describe a time you gave a colleague difficult feedback. How did you prepare, and how did they take it?'),
(6, 'Give an example of feedback you disagreed with at first. What happened?'),
(7, 'Tell me about a time you changed a plan because of what a customer or user told you.'),
(7, 'Describe a customer complaint you handled personally. What did you learn from it?'),
(7, 'Give an example of finding out what users needed when they could not say it themselves.'),
(8, 'What achievement are you proudest of, and what exactly was your part in it?'),
(8, 'Tell me about the hardest problem you have solved. Why was it hard?'),
(8, 'Describe a result you achieved that others thought was out of reach.'),
(9, 'Tell me about a time you had to learn a new technology or field quickly to get something done.'),
(9, 'Describe how you got up to speed when you joined a team or project that was new to you.'),
(9, 'Give an example of something you taught yourself recently and how you used it.'),
(10, 'Tell me about a time you disagreed with your manager. How did you raise it, and what happened?'),
(10, 'Describe a decision from above that you thought was wrong. What did you do?'),
(10, 'Give an example of changing your manager''s mind, or of committing to their plan when you did not.'),
(11, 'Tell me about a time you had more urgent work than you could do. How did you decide what came first?'),
(11, 'Describe a time you said no to a request from someone important. How did you say it?'),
(11, 'Give an example of balancing a long-term improvement against short-term demands.')
)
INSERT INTO question (principle_id, text, builtin, created_at)
SELECT p.id, q.text, 1, '2026-01-01T00:00:00Z'
FROM q JOIN principle p ON p.framework = 'common' AND p.builtin = 1 AND p.position = q.position
ORDER BY q.position;

-- The framework an interview tests. Interviews recorded before had no
-- framework: they take the framework of their principles when all share
-- one, else `amazon`.
ALTER TABLE interview ADD COLUMN framework TEXT NOT NULL DEFAULT 'amazon';

UPDATE interview SET framework = (
    SELECT min(p.framework) FROM interview_principle ip JOIN principle p ON p.id = ip.principle_id
    WHERE ip.interview_id = interview.id)
WHERE (SELECT count(DISTINCT p.framework) FROM interview_principle ip JOIN principle p ON p.id = ip.principle_id
       WHERE ip.interview_id = interview.id) = 1;

-- coverage, plan and the drill with no scope: the next interview's framework.
CREATE INDEX interview_by_framework ON interview (framework, day);

-- After an interview: each question asked, the story told, and how it went.
-- Deleting the story keeps the question and its rating.
CREATE TABLE interview_debrief (
    id           INTEGER PRIMARY KEY,
    interview_id INTEGER NOT NULL REFERENCES interview (id) ON DELETE CASCADE,
    question     TEXT NOT NULL CHECK (trim(question) <> ''),
    story_id     INTEGER REFERENCES story (id) ON DELETE SET NULL,
    principle_id INTEGER REFERENCES principle (id) ON DELETE SET NULL,
    rating       INTEGER CHECK (rating IS NULL OR rating BETWEEN 1 AND 5),
    notes        TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL
);

-- interview show, export: one interview's debrief in order.
CREATE INDEX interview_debrief_by_interview ON interview_debrief (interview_id, id);
-- plan: the stories already told at a company; ON DELETE SET NULL lookups.
CREATE INDEX interview_debrief_by_story ON interview_debrief (story_id);
CREATE INDEX interview_debrief_by_principle ON interview_debrief (principle_id);

-- A built-in question the user chose never to be drilled on.
ALTER TABLE question ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1));
