"""Paired timings of two disclint installs on the same input: A B A B …

    python benchmarks/paired.py --a /path/to/before/bin/disclint --b /path/to/after/bin/disclint \\
        --runs 15 -- check draft.txt
    python benchmarks/paired.py --a … --b … -- check --jobs 2 corpus/

Each install gets its own cache folder, filled by one untimed warm-up run (as
any earlier run on the machine would). Then the two commands run in turn, so
that a slow phase of a shared machine hits both alike. Prints the median wall
and CPU seconds (user + system, children included) of each, and the median of
the pairs' ratios B/A. It prints; it asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path


def run_once(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"{command[0]} exited {process.returncode}")
    return wall, usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--a", required=True, help="the 'before' disclint executable")
    parser.add_argument("--b", required=True, help="the 'after' disclint executable")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("arguments", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    arguments = [argument for argument in args.arguments if argument != "--"]
    with tempfile.TemporaryDirectory() as work:
        envs = {}
        for name in ("a", "b"):
            envs[name] = {**os.environ, "DISCLINT_CACHE_DIR": str(Path(work) / name)}
            run_once([getattr(args, name), *arguments], envs[name])  # warm-up: fills the caches
        walls: dict[str, list[float]] = {"a": [], "b": []}
        cpus: dict[str, list[float]] = {"a": [], "b": []}
        for _ in range(args.runs):
            for name in ("a", "b"):
                wall, cpu = run_once([getattr(args, name), *arguments], envs[name])
                walls[name].append(wall)
                cpus[name].append(cpu)
    for name in ("a", "b"):
        print(
            f"{name}: wall {statistics.median(walls[name]):.3f} s  cpu {statistics.median(cpus[name]):.3f} s"
            f"  ({getattr(args, name)})"
        )
    wall_ratio = statistics.median(b / a for a, b in zip(walls["a"], walls["b"], strict=True))
    cpu_ratio = statistics.median(b / a for a, b in zip(cpus["a"], cpus["b"], strict=True))
    print(f"B/A: wall {wall_ratio:.2f}  cpu {cpu_ratio:.2f}  (median of {args.runs} pairs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
