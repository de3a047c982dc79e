-- starlog schema, version 2: the question bank, practice sessions and
-- practice attempts. Shipped migrations are never edited; add a new file.

-- A behavioural question tied to one principle. Built-in questions
-- (builtin = 1) belong to starlog: a later migration may reword or retire
-- them, and touches only builtin = 1 rows. A user's own questions
-- (builtin = 0) are never changed by an upgrade.
CREATE TABLE question (
    id           INTEGER PRIMARY KEY,
    principle_id INTEGER NOT NULL REFERENCES principle (id) ON DELETE CASCADE,
    text         TEXT NOT NULL CHECK (trim(text) <> ''),
    builtin      INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
    created_at   TEXT NOT NULL,
    UNIQUE (principle_id, text)
);

-- questions --principle, the drill's pick: the questions of one principle.
CREATE INDEX question_by_principle ON question (principle_id, id);

-- One sitting: the attempts made between starting and ending a drill, or
-- one `practice log`.
CREATE TABLE practice_session (
    id         INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    ended_at   TEXT
);

-- One answer rehearsed. It keeps the question's text and principle so that
-- deleting the question or the story never loses history: the links become
-- NULL, the attempt stays.
CREATE TABLE practice_attempt (
    id           INTEGER PRIMARY KEY,
    session_id   INTEGER NOT NULL REFERENCES practice_session (id) ON DELETE CASCADE,
    question_id  INTEGER REFERENCES question (id) ON DELETE SET NULL,
    question     TEXT NOT NULL CHECK (trim(question) <> ''),
    principle_id INTEGER REFERENCES principle (id) ON DELETE SET NULL,
    story_id     INTEGER REFERENCES story (id) ON DELETE SET NULL,
    duration     INTEGER CHECK (duration IS NULL OR duration >= 0),
    rating       INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    notes        TEXT NOT NULL DEFAULT '',
    practiced_at TEXT NOT NULL
);

-- coverage: the attempts of each story, newest and best at hand.
CREATE INDEX practice_attempt_by_story ON practice_attempt (story_id, practiced_at, rating);
-- practice history: newest first.
CREATE INDEX practice_attempt_by_time ON practice_attempt (practiced_at, id);
-- history --principle, the drill's pick: attempts at a principle's questions.
CREATE INDEX practice_attempt_by_principle ON practice_attempt (principle_id, practiced_at);
-- the drill: how often each question was asked; ON DELETE SET NULL lookups.
CREATE INDEX practice_attempt_by_question ON practice_attempt (question_id);
CREATE INDEX practice_attempt_by_session ON practice_attempt (session_id, id);

-- The built-in bank: at least three questions per built-in principle,
-- written for starlog.
WITH q (slug, text) AS (VALUES
('customer-obsession', 'Describe a decision where you put what a customer needed ahead of what was easiest for your team. What did it cost, and was it worth it?'),
('customer-obsession', 'Walk me through a customer problem you uncovered before anyone reported it. How did you spot it, and what changed?'),
('customer-obsession', 'Give an example of a customer request you turned down. How did you decide, and how did you keep their confidence?'),
('ownership', 'Talk about a problem outside your job description that you fixed anyway. Why did you take it on?'),
('ownership', 'Describe a trade-off you made for the long term at the expense of a quick win. Who pushed back, and how did you answer them?'),
('ownership', 'Recall a project that was slipping partly because of you. What did you do once you saw it?'),
('invent-and-simplify', 'Describe something complicated that you made simpler. How did you know the simpler version was good enough?'),
('invent-and-simplify', 'Tell me about an idea you borrowed from another team, field or company and adapted to a problem of your own.'),
('invent-and-simplify', 'Walk me through a new approach you championed that people doubted at first. How did you deal with the doubt?'),
('are-right-a-lot', 'Describe a judgement call you made with incomplete data. What did you weigh, and how did it turn out?'),
('are-right-a-lot', 'Give an example of changing your mind after you went looking for the strongest opposing view.'),
('are-right-a-lot', 'Tell me about a decision you got wrong. What did it teach you about the way you decide?'),
('learn-and-be-curious', 'What have you taught yourself recently, and how did you put it to use at work?'),
('learn-and-be-curious', 'Describe a time your curiosity about an unfamiliar area led to a better result for your team.'),
('learn-and-be-curious', 'Tell me how you got up to speed on a domain that was new to you under time pressure.'),
('hire-and-develop-the-best', 'Describe someone whose growth you invested in. What did you do, and where are they now?'),
('hire-and-develop-the-best', 'Tell me about a hiring decision where you held the bar even though the team badly needed people.'),
('hire-and-develop-the-best', 'Give an example of difficult feedback you gave a colleague, and what happened afterwards.'),
('insist-on-the-highest-standards', 'Describe a time you refused to ship something because it was not good enough. What happened next?'),
('insist-on-the-highest-standards', 'Tell me about a recurring defect you fixed at its root so that it did not come back.'),
('insist-on-the-highest-standards', 'Give an example of raising the quality bar for a whole team rather than only for your own work.'),
('think-big', 'Describe a time you proposed a much larger goal than the one you were handed. How did you get others behind it?'),
('think-big', 'Tell me about a long-range vision you set out, and the first concrete steps you took towards it.'),
('think-big', 'Walk me through an opportunity you pursued that others had written off as too ambitious.'),
('bias-for-action', 'Describe a decision you took quickly without all the facts. How did you keep the risk small?'),
('bias-for-action', 'Tell me about a stalled piece of work you got moving while others were still waiting for approval.'),
('bias-for-action', 'Give an example of a decision you made fast because it could be undone, and one you deliberately slowed down.'),
('frugality', 'Describe a result you achieved with far less money, time or headcount than you wanted.'),
('frugality', 'Tell me about a cost you cut without making things worse for customers.'),
('frugality', 'Give an example of a tight constraint that pushed you to a more inventive answer.'),
('earn-trust', 'Describe a time you had to give a stakeholder news they did not want to hear. How did you deliver it?'),
('earn-trust', 'Tell me about a mistake of yours that you owned in front of others. How did people react?'),
('earn-trust', 'Walk me through how you repaired a working relationship that had broken down.'),
('dive-deep', 'Describe a problem where the dashboards said one thing and the people using the product said another. How did you find out which was true?'),
('dive-deep', 'Tell me about a time you dug several layers below a summary to find the real cause of an issue.'),
('dive-deep', 'Give an example of a detail you checked yourself that changed a decision.'),
('have-backbone-disagree-and-commit', 'Describe a time you disagreed with your manager or a senior leader. How did you make your case?'),
('have-backbone-disagree-and-commit', 'Tell me about a decision you argued against and then committed to fully. What did committing look like?'),
('have-backbone-disagree-and-commit', 'Give an example of holding your position under pressure because the evidence was on your side.'),
('deliver-results', 'Describe a deadline you met despite a serious setback. What did you cut, and what did you protect?'),
('deliver-results', 'Tell me about a goal you missed. What did you do about it afterwards?'),
('deliver-results', 'Walk me through how you chose which inputs mattered most for hitting an important target.'),
('strive-to-be-earths-best-employer', 'Describe something you changed that made your team''s working life safer, fairer or less stressful.'),
('strive-to-be-earths-best-employer', 'Tell me about a time you noticed a teammate struggling, and what you did about it.'),
('strive-to-be-earths-best-employer', 'Give an example of making room for someone with a different background or way of working to succeed.'),
('success-and-scale-bring-broad-responsibility', 'Describe a time you weighed the effect of your work on people outside your team or company.'),
('success-and-scale-bring-broad-responsibility', 'Tell me about a choice where you took the more responsible option even though it was slower or cost more.'),
('success-and-scale-bring-broad-responsibility', 'Give an example of leaving a system, a team or a community better than you found it.')
)
INSERT INTO question (principle_id, text, builtin, created_at)
SELECT p.id, q.text, 1, '2026-01-01T00:00:00Z'
FROM q JOIN principle p ON p.slug = q.slug AND p.builtin = 1
ORDER BY p.position;
