#!/usr/bin/env python3
"""Synthetic starlog journals for the benchmarks, deterministic from a seed.

Writes, for N stories:
  OUT/stories.json  a `starlog export --format json` dump (format 1): N stories
                    of 150-400 words across the STAR fields, 1-3 Amazon
                    principles each, and 1-4 practice attempts per story in
                    sessions of a few attempts; `starlog import` loads it.
  OUT/jrnl.txt      the same stories in jrnl's plain-text format (title as the
                    first sentence, STAR text as the body, principles as @tags),
                    for the jrnl comparison.
  OUT/words.txt     the search terms the benchmark uses and how many stories
                    hold each (for the record in RESULTS.md).

Usage: generate.py N OUT [--seed S]

Search terms planted on purpose, the same in every size:
  rare    "zeppelin"       in about 0.1% of stories
  common  "team"           in about 60% of stories
  phrase  "root cause"     in about 5% of stories
  prefix  "migrat*"        migrate/migrated/migration/migrations, about 8%
"""
import json
import random
import sys

PRINCIPLES = [
    "customer-obsession", "ownership", "invent-and-simplify", "are-right-a-lot",
    "learn-and-be-curious", "hire-and-develop-the-best", "insist-on-the-highest-standards",
    "think-big", "bias-for-action", "frugality", "earn-trust", "dive-deep",
    "have-backbone-disagree-and-commit", "deliver-results", "strive-to-be-earths-best-employer",
    "success-and-scale-bring-broad-responsibility",
]

# Ordinary work vocabulary, used with a Zipf-like weighting so that some
# words are everywhere and most are uncommon, as in real prose.
VOCAB = """
the a of to and in we i our was it for on that with as by at from this my were
be had they which an have their not but or all after so when more than into about
service customers latency release deadline incident outage database cache queue
pipeline dashboard metrics alert budget quarter roadmap stakeholders manager
engineer product design review tests deploy rollback region traffic capacity cost
savings vendor contract hiring interview feedback mentor junior senior onboarding
documentation process checklist postmortem escalation priority tradeoff estimate
schedule scope requirement launch pilot experiment hypothesis data analysis query
index schema api client server mobile web checkout payment fraud search ranking
recommendation experiment conversion retention churn revenue margin forecast
backlog sprint standup retro ticket bug defect regression flaky build compiler
library framework upgrade security audit compliance privacy encryption key token
partner support call escalated weekend night pager rotation handoff runbook
proposal document memo decision meeting leadership director vp customer trust
risk mitigation plan milestone delivered shipped reduced improved increased cut
saved doubled halved measured tracked reported presented convinced negotiated
disagreed committed learned taught coached hired fired promoted resigned joined
legacy monolith microservice kubernetes terraform java python swift go rust sql
warehouse etl batch stream kafka spark latency throughput p99 slo sla error rate
""".split()

NAMES = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Wonka", "Tyrell", "Cyberdyne"]
ROLES = ["Software Engineer", "Senior Engineer", "Staff Engineer", "Engineering Manager", "Tech Lead", "Product Manager"]
QUESTIONS = [
    "Tell me about a time you disagreed with your manager.",
    "Describe a time you delivered under a tight deadline.",
    "Tell me about a mistake you made and what you learnt.",
    "Describe the most complex problem you have solved.",
    "Tell me about a time you went above and beyond for a customer.",
]


def zipf_weights(n):
    return [1.0 / (rank + 1) ** 1.05 for rank in range(n)]


def main():
    args = sys.argv[1:]
    seed = 42
    if "--seed" in args:
        at = args.index("--seed")
        seed = int(args[at + 1])
        del args[at:at + 2]
    if len(args) != 2:
        sys.exit("usage: generate.py N OUT [--seed S]")
    count, out = int(args[0]), args[1]
    rng = random.Random(seed)
    weights = zipf_weights(len(VOCAB))
    # Cumulative weights make choices() fast for many draws.
    cumulative = []
    total = 0.0
    for w in weights:
        total += w
        cumulative.append(total)

    def words(k):
        return rng.choices(VOCAB, cum_weights=cumulative, k=k)

    def sentence_block(k):
        ws = words(k)
        # Sentences of 8-20 words.
        out_words, i = [], 0
        while i < len(ws):
            n = rng.randint(8, 20)
            chunk = ws[i:i + n]
            chunk[0] = chunk[0].capitalize()
            out_words.append(" ".join(chunk) + ".")
            i += n
        return " ".join(out_words)

    planted = {"zeppelin": 0, "team": 0, "root cause": 0, "migrat*": 0}
    base = 1_577_836_800  # 2020-01-01T00:00:00Z
    span = 6 * 365 * 86_400

    def stamp(seconds):
        import time
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds))

    stories, sessions, attempts = [], [], []
    jrnl_lines = []
    session_id, attempt_id = 0, 0
    session_left = 0
    for sid in range(1, count + 1):
        total_words = rng.randint(150, 400)
        # Split the words over situation/task/action/result/learnings.
        shares = [rng.random() + 0.3 for _ in range(5)]
        norm = sum(shares)
        sizes = [max(8, int(total_words * s / norm)) for s in shares]
        fields = [sentence_block(n) for n in sizes]
        extra = []
        if rng.random() < 0.001:
            extra.append("zeppelin")
            planted["zeppelin"] += 1
        if rng.random() < 0.60:
            extra.append("team")
            planted["team"] += 1
        if rng.random() < 0.05:
            extra.append("root cause")
            planted["root cause"] += 1
        if rng.random() < 0.08:
            extra.append(rng.choice(["migrate", "migrated", "migration", "migrations"]))
            planted["migrat*"] += 1
        for term in extra:
            slot = rng.randrange(5)
            fields[slot] += " We found the " + term + " mattered."
        title_words = words(rng.randint(3, 7))
        title = " ".join(title_words).capitalize()
        tags = rng.sample(PRINCIPLES, rng.randint(1, 3))
        created = base + int(span * sid / (count + 1)) + rng.randint(0, 3600)
        updated = created + rng.randint(0, 30 * 86_400)
        when = stamp(created - rng.randint(0, 400) * 86_400)[:7]
        outcome = rng.choices(["success", "failure", "mixed"], weights=[8, 1, 1])[0]
        story = {
            "id": sid, "title": title,
            "situation": fields[0], "task": fields[1], "action": fields[2],
            "result": fields[3], "learnings": fields[4],
            "outcome": outcome, "company": rng.choice(NAMES), "role": rng.choice(ROLES),
            "when": when, "principles": tags,
            "created_at": stamp(created), "updated_at": stamp(updated),
        }
        stories.append(story)
        for _ in range(rng.randint(1, 4)):
            if session_left == 0:
                session_id += 1
                session_left = rng.randint(2, 5)
                started = updated + rng.randint(0, 86_400)
                sessions.append({"id": session_id, "started_at": stamp(started), "ended_at": stamp(started + 1800)})
            session_left -= 1
            attempt_id += 1
            attempts.append({
                "id": attempt_id, "session_id": session_id, "question": rng.choice(QUESTIONS),
                "principle": tags[0], "story_id": sid, "duration": rng.randint(60, 300),
                "rating": rng.randint(1, 5), "notes": "", "practiced_at": stamp(updated + rng.randint(0, 86_400)),
            })
        # jrnl: "[YYYY-MM-DD HH:MM:SS AM] Title. body" with @tags in the body.
        import time
        t = time.gmtime(created)
        jrnl_stamp = time.strftime("%Y-%m-%d %I:%M:%S %p", t)
        body = "\n".join(fields) + "\n" + " ".join("@" + tag for tag in tags)
        jrnl_lines.append(f"[{jrnl_stamp}] {title}.\n{body}\n\n")

    document = {
        "format": "starlog", "version": 1, "exported_at": stamp(base + span + 86_400),
        "principles": [], "stories": stories, "questions": [],
        "sessions": sessions, "attempts": attempts,
    }
    with open(f"{out}/stories.json", "w", encoding="utf-8") as handle:
        # One story per line keeps the file streamable and the errors locatable.
        handle.write('{"format": "starlog", "version": 1, "exported_at": %s, "principles": [],\n"stories": [\n'
                     % json.dumps(document["exported_at"]))
        for index, story in enumerate(stories):
            handle.write(("," if index else "") + json.dumps(story, ensure_ascii=False) + "\n")
        handle.write('],\n"questions": [],\n"sessions": [\n')
        for index, session in enumerate(sessions):
            handle.write(("," if index else "") + json.dumps(session) + "\n")
        handle.write('],\n"attempts": [\n')
        for index, attempt in enumerate(attempts):
            handle.write(("," if index else "") + json.dumps(attempt) + "\n")
        handle.write("]}\n")
    with open(f"{out}/jrnl.txt", "w", encoding="utf-8") as handle:
        handle.writelines(jrnl_lines)
    with open(f"{out}/words.txt", "w", encoding="utf-8") as handle:
        for term, n in planted.items():
            handle.write(f"{term}\t{n}\n")
        handle.write(f"attempts\t{len(attempts)}\nsessions\t{len(sessions)}\n")


if __name__ == "__main__":
    main()
