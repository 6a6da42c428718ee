#!/usr/bin/env python3
"""Run ../shared/tools/score.py and fail unless *every* category meets the bounds.

score.py's own --min-precision/--min-recall look at the overall figures only;
the project's bar is per category. Usage:
    score_gate.py --min-precision 0.9 --min-recall 0.9 -- <score.py arguments>
"""

from __future__ import annotations

import argparse
import subprocess
import sys


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--min-precision", type=float, default=0.9)
    parser.add_argument("--min-recall", type=float, default=0.9)
    parser.add_argument("--exact", action="append", default=[], help="a category that must score 1.00/1.00")
    parser.add_argument("score_args", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    score_args = [arg for arg in args.score_args if arg != "--"]
    completed = subprocess.run([sys.executable, *score_args, "-v"], capture_output=True, text=True)
    print(completed.stdout, end="")
    print(completed.stderr, end="", file=sys.stderr)
    if completed.returncode not in (0, 1):
        return completed.returncode
    failures = []
    rows = 0
    for line in completed.stdout.splitlines():
        parts = line.split()
        if len(parts) == 6 and parts[0] != "category":
            try:
                precision, recall = float(parts[4]), float(parts[5])
            except ValueError:
                continue
            rows += 1
            floor_p, floor_r = (1.0, 1.0) if parts[0] in args.exact else (args.min_precision, args.min_recall)
            if precision < floor_p or recall < floor_r:
                failures.append(f"{parts[0]}: precision {precision:.2f}, recall {recall:.2f}")
    if rows == 0:
        print("score_gate: no category rows in score.py output", file=sys.stderr)
        return 1
    for failure in failures:
        print(f"score_gate: below bound: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
