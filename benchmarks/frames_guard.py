"""Speed guard for the class/frame engine, printed as ratios (it does not assert).

    python benchmarks/frames_guard.py [--shared ../shared] [--runs 5] [--baseline PATH/TO/disclint]

1. a cold ``disclint check`` of one 20,000-character draft (cut from the seeds,
   as in ``run.py``) against a process that only imports jieba and runs
   ``jieba.lcut`` on the same text — the guard is ratio ≤ 0.5;
2. ``disclint check`` of the dev corpus (every case written to its own file,
   linted in one process) against the same command of a baseline build — the
   guard is ratio ≤ 1.2.

Pairs run in turn (A B A B …) after one warm-up each (which fills the lexicon
cache and the frame-spec marker, as any earlier run would); each line shows
the medians and the median of the pairs' ratios, in CPU seconds (user +
system: what the guards are judged on, since other processes on a shared
machine move wall time far more) and in wall seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import Job, build_inputs, compare, disclint_command


def write_corpus(cases: Path, folder: Path) -> int:
    folder.mkdir()
    count = 0
    for line in cases.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        case = json.loads(line)
        (folder / f"{case['id']}.txt").write_text(case["text"], encoding="utf-8")
        count += 1
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--baseline", default=None, help="disclint of the build to compare the corpus run with")
    args = parser.parse_args()
    shared = args.shared if args.shared.is_dir() else Path("/work/shared")
    disclint = disclint_command()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        draft, _ = build_inputs(shared, work)
        jieba_one = [sys.executable, "-c", "import sys, jieba; jieba.lcut(open(sys.argv[1], encoding='utf-8').read())"]
        # Private cache folders: other processes on the machine must not evict the warmed stores.
        env_a = {**os.environ, "DISCLINT_CACHE_DIR": str(work / "cache_a")}
        env_b = {**os.environ, "DISCLINT_CACHE_DIR": str(work / "cache_b")}
        lint_draft = Job(
            "disclint, one draft", [*disclint, "check", "--no-config", str(draft), "--fail-on", "never"], env_a
        )
        one, jone, ratio = compare(lint_draft, Job("jieba.lcut", [*jieba_one, str(draft)]), args.runs)
        verdict = "ok" if one.cpu_ratio <= 0.5 else "OVER"
        print(
            f"1. cold 20,000-char draft: disclint {one.cpu:.3f} CPU-s, jieba-only {jone.cpu:.3f} CPU-s, "
            f"ratio {one.cpu_ratio:.2f} (guard ≤ 0.50: {verdict}); wall {one.wall:.3f} s / {jone.wall:.3f} s = {ratio:.2f}"
        )
        cases = shared / "dev-corpus" / "cases.jsonl"
        baseline = args.baseline or shutil.which("disclint", path="/work/venvs/baseline/bin")
        if not cases.is_file() or not baseline:
            print("2. [skip] dev corpus or baseline disclint not found")
            return 0
        corpus = work / "dev"
        count = write_corpus(cases, corpus)
        command = ["check", "--no-config", "--fail-on", "never", "--format", "json", str(corpus)]
        mine, theirs, ratio = compare(
            Job("disclint", [*disclint, *command], env_a), Job("baseline", [baseline, *command], env_b), args.runs
        )
        verdict = "ok" if mine.cpu_ratio <= 1.2 else "OVER"
        print(
            f"2. dev corpus ({count} files): disclint {mine.cpu:.3f} CPU-s, baseline {theirs.cpu:.3f} CPU-s, "
            f"ratio {mine.cpu_ratio:.2f} (guard ≤ 1.20: {verdict}); wall {mine.wall:.3f} s / {theirs.wall:.3f} s = {ratio:.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
