#!/usr/bin/env python3
"""Writes assignment_reference.json: scipy's linear_sum_assignment (an
independent exact solver) on random fit matrices, so that starlog's
Hungarian solver and loop planner are tested against code nobody on the
project wrote.

    python3 -m venv /tmp/lsa && /tmp/lsa/bin/pip install scipy numpy
    /tmp/lsa/bin/python Tests/Fixtures/generate_assignment.py

Each case is a matrix of fits (rows: principles, columns: stories, rows <=
columns, whole numbers in hundredths as starlog's fits are) and the greatest
total fit of giving each row a distinct column. Seeded, so reproducible.
"""
import json
import random
import sys
from pathlib import Path

import numpy as np
import scipy
from scipy.optimize import linear_sum_assignment


def main():
    rng = random.Random(20261201)
    cases = []
    while len(cases) < 150:
        rows = rng.randint(1, 9)
        columns = rng.randint(rows, 14)
        kind = len(cases) % 3
        if kind == 0:
            fits = [[rng.randint(0, 10000) for _ in range(columns)] for _ in range(rows)]
        elif kind == 1:  # few distinct values: many ties
            fits = [[rng.choice([2000, 4000, 6000, 8000]) for _ in range(columns)] for _ in range(rows)]
        else:  # starlog's StoryFit: 60% lint score, 20% focus (1 / tags), 20% mean rating, in hundredths
            parts = [[[rng.randint(0, 100), rng.randint(1, 5), rng.randint(1, 5)] for _ in range(columns)]
                     for _ in range(rows)]
            fits = [[60 * score + 2000 // tags + (mean - 1) * 500 for score, tags, mean in row] for row in parts]
        row_index, column_index = linear_sum_assignment(np.array(fits), maximize=True)
        total = int(sum(fits[r][c] for r, c in zip(row_index, column_index)))
        case = {"fits": fits, "total": total, "assignment": [int(c) for c in column_index]}
        if kind == 2:
            case["parts"] = parts  # [lint score, tags, mean rating] of each cell
        cases.append(case)
    document = {
        "source": f"scipy {scipy.__version__} scipy.optimize.linear_sum_assignment(maximize=True)",
        "generator": "Tests/Fixtures/generate_assignment.py",
        "cases": cases,
    }
    lines = [json.dumps(case, separators=(",", ":")) for case in cases]
    head = json.dumps({k: v for k, v in document.items() if k != "cases"}, indent=1)[:-2]
    target = Path(__file__).with_name("assignment_reference.json")
    target.write_text(head + ',\n "cases": [\n' + ",\n".join(lines) + "\n ]\n}\n")
    print(f"wrote {len(cases)} cases to {target}", file=sys.stderr)


if __name__ == "__main__":
    main()
