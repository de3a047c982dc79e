#!/usr/bin/env python3
"""Writes fsrs_reference.json: what py-fsrs 5.1.3, the FSRS-5 reference
implementation from PyPI, computes for review histories, so that starlog's
scheduler is tested against code nobody on the project wrote.

    python3 -m venv /tmp/fsrs && /tmp/fsrs/bin/pip install fsrs==5.1.3
    /tmp/fsrs/bin/python Tests/Fixtures/generate_fsrs.py

The scheduler is set up as starlog models FSRS: the 19 default FSRS-5
weights, desired retention 0.9, no learning or relearning steps (every
review is scheduled in whole days by the memory model) and no fuzzing (due
dates are exact). The histories are seeded, so the file is reproducible.
"""
import json
import random
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import fsrs
from fsrs import Card, Rating, Scheduler


START = datetime(2024, 1, 1, tzinfo=timezone.utc)


def stamp(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def random_history(rng):
    moment = START + timedelta(days=rng.randrange(0, 900), seconds=rng.randrange(0, 86400))
    reviews = []
    for _ in range(rng.randint(1, 14)):
        reviews.append((moment, rng.choice([1, 1, 2, 3, 3, 3, 4])))
        kind = rng.random()
        if kind < 0.15:
            gap = timedelta(seconds=rng.randrange(60, 86400))  # the same day, or within 24 hours
        elif kind < 0.25:
            gap = timedelta(days=rng.randrange(100, 900), seconds=rng.randrange(0, 86400))  # a long gap
        else:
            gap = timedelta(days=rng.randrange(1, 40), seconds=rng.randrange(-3600, 3600))
        moment = moment + max(gap, timedelta(seconds=1))
    return reviews


def edge_histories():
    def at(day, hour=9, minute=0):
        return datetime(2026, 10, 1, hour, minute, tzinfo=timezone.utc) + timedelta(days=day)

    cases = [
        ("first rating Again", [(at(0), 1)]),
        ("Again, then Again the next day", [(at(0), 1), (at(1), 1)]),
        ("Easy, then Again after 400 days", [(datetime(2024, 9, 1, tzinfo=timezone.utc), 4),
                                             (datetime(2025, 10, 6, tzinfo=timezone.utc), 1)]),
        ("Good, then Again 400 days later", [(datetime(2024, 9, 1, tzinfo=timezone.utc), 3),
                                            (datetime(2025, 10, 6, tzinfo=timezone.utc), 1)]),
        ("eight Agains in a row, a day apart", [(at(d), 1) for d in range(8)]),
        ("eight Agains in a row, the same day", [(at(0, 8, 5 * d), 1) for d in range(8)]),
        ("eight Agains, then Goods", [(at(d), 1) for d in range(8)] + [(at(8 + 3 * d), 3) for d in range(4)]),
        ("same-day repeats of every grade", [(at(0, 8), 3), (at(0, 9), 1), (at(0, 10), 2), (at(0, 11), 3), (at(0, 12), 4)]),
        ("23h59m apart is still the same day", [(at(0, 0, 0), 3), (at(0, 23, 59), 3)]),
        ("exactly 24 hours apart is a day", [(at(0), 3), (at(1), 3)]),
        ("first rating Easy, then a ten-year gap", [(at(0), 4), (at(3650), 3)]),
        ("Good every day for twenty days", [(at(d), 3) for d in range(20)]),
        ("Easy on every due date", None),
        ("Hard, Hard, Hard, a month apart", [(at(30 * d), 2) for d in range(3)]),
        ("Again long overdue", [(at(0), 3), (at(2000), 1)]),
    ]
    out = []
    for name, reviews in cases:
        if reviews is None:
            reviews = []
            scheduler = make_scheduler()
            card = Card()
            moment = at(0)
            for _ in range(12):
                reviews.append((moment, 4))
                card, _ = scheduler.review_card(card, Rating(4), moment)
                moment = card.due
        out.append((name, reviews))
    return out


def make_scheduler():
    return Scheduler(desired_retention=0.9, learning_steps=(), relearning_steps=(),
                     maximum_interval=36500, enable_fuzzing=False)


def replay(reviews):
    scheduler = make_scheduler()
    assert list(scheduler.parameters) == [
        0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046, 1.54575, 0.1192,
        1.01925, 1.9395, 0.11, 0.29605, 2.2698, 0.2315, 2.9898, 0.51655, 0.6621], "not FSRS-5's default weights"
    card = Card()
    steps = []
    for moment, grade in reviews:
        card, _ = scheduler.review_card(card, Rating(grade), moment)
        steps.append({"at": stamp(moment), "grade": grade, "stability": card.stability,
                      "difficulty": card.difficulty, "due": stamp(card.due)})
    return steps


def main():
    rng = random.Random(20261201)
    histories = [{"name": name, "reviews": replay(reviews)} for name, reviews in edge_histories()]
    while len(histories) < 320:
        histories.append({"name": f"random {len(histories)}", "reviews": replay(random_history(rng))})
    document = {
        "source": "py-fsrs 5.1.3 (pip install fsrs==5.1.3): Scheduler(desired_retention=0.9, learning_steps=(), "
                  "relearning_steps=(), maximum_interval=36500, enable_fuzzing=False), default FSRS-5 weights",
        "generator": "Tests/Fixtures/generate_fsrs.py",
        "histories": histories,
    }
    target = Path(__file__).with_name("fsrs_reference.json")
    # One history a line: small diffs when it is regenerated.
    lines = [json.dumps(h, separators=(",", ":")) for h in histories]
    head = json.dumps({k: v for k, v in document.items() if k != "histories"}, indent=1)[:-2]
    target.write_text(head + ',\n "histories": [\n' + ",\n".join(lines) + "\n ]\n}\n")
    print(f"wrote {len(histories)} histories to {target}", file=sys.stderr)


if __name__ == "__main__":
    main()
