#!/usr/bin/env python3
"""Writes edit_distance_reference.json: rapidfuzz's optimal string
alignment distance (insertions, deletions, substitutions and swaps of two
neighbouring characters, each costing one) on random pairs of short words,
so that starlog's did-you-mean distance is tested against code nobody on
the project wrote.

    python3 -m venv /tmp/rf && /tmp/rf/bin/pip install rapidfuzz==3.9.7
    /tmp/rf/bin/python Tests/Fixtures/generate_edit_distance.py

The alphabet has no combining marks, so a character is one code point for
rapidfuzz and one Character for Swift. Seeded, so reproducible.
"""
import json
import random
from pathlib import Path

import rapidfuzz
from rapidfuzz.distance import OSA

ALPHABET = "abcdeilmnorst-" + "é" + "ü" + "😀"


def mutate(rng, word):
    """A near miss of `word`: a few random edits, swaps among them."""
    chars = list(word)
    for _ in range(rng.randint(0, 3)):
        kind = rng.randint(0, 3)
        if kind == 0 and len(chars) > 1:
            i = rng.randrange(len(chars) - 1)
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
        elif kind == 1:
            chars.insert(rng.randint(0, len(chars)), rng.choice(ALPHABET))
        elif kind == 2 and chars:
            del chars[rng.randrange(len(chars))]
        elif chars:
            chars[rng.randrange(len(chars))] = rng.choice(ALPHABET)
    return "".join(chars)


def main():
    rng = random.Random(20261202)
    cases = []
    # Words people mistype, and the classic case where OSA and full
    # Damerau-Levenshtein differ ("ca" to "abc": 3, not 2).
    for a, b in [("lgo", "log"), ("practise", "practice"), ("serach", "search"),
                 ("ca", "abc"), ("", "abc"), ("abc", ""), ("", "")]:
        cases.append({"a": a, "b": b, "distance": OSA.distance(a, b)})
    while len(cases) < 400:
        word = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 9)))
        other = mutate(rng, word) if rng.random() < 0.8 else "".join(
            rng.choice(ALPHABET) for _ in range(rng.randint(0, 9)))
        cases.append({"a": word, "b": other, "distance": OSA.distance(word, other)})
    out = {"generator": f"rapidfuzz {rapidfuzz.__version__} rapidfuzz.distance.OSA.distance", "cases": cases}
    path = Path(__file__).with_name("edit_distance_reference.json")
    path.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
