"""Real-filings regression check: lint ``../shared/real-filings`` and compare with
``tests/real_filings_expected.jsonl``.

    python tests/real_filings.py [--shared DIR] [--disclint CMD] [--update]

Every file under the folder is linted (files added later too). The run fails when

- a file cannot be read, or ``disclint`` fails;
- a file's detected document type differs from the one recorded (the recorded type
  is the reviewed, true type of the filing);
- a finding that the reviewer judged a false alarm comes back;
- a finding that the reviewer judged correct is no longer reported;
- a file reports many more findings of one rule than recorded (more than the recorded
  count + max(3, 10 %)): a class of false alarms has come back.

The expectation file holds, per file, its path relative to the folder, its true type,
the count of findings per rule, and the judged findings: rule, offset, the first few
flagged characters and a hash of the whole flagged text, and the verdict. It holds no
filing text beyond those few characters. ``--update`` rewrites the counts (and keeps
the verdicts) after a reviewed change; a new finding is judged by adding it by hand.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shlex
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
EXPECTED = HERE / "real_filings_expected.jsonl"
DEFAULT_SHARED = HERE.parent.parent / "shared"
EXCERPT_CHARS = 12


def excerpt_key(code: str, excerpt: str) -> str:
    """What identifies a finding across parser changes: its rule and the hash of its text."""
    return f"{code}:{hashlib.sha1(excerpt.encode('utf-8')).hexdigest()[:12]}"


@dataclass
class Expected:
    path: str
    doc_type: str
    counts: dict[str, int]
    judged: list[dict[str, Any]] = field(default_factory=list)

    def record(self) -> dict[str, Any]:
        return {"path": self.path, "doc_type": self.doc_type, "counts": self.counts, "judged": self.judged}


def load_expected(path: Path = EXPECTED) -> dict[str, Expected]:
    entries: dict[str, Expected] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        raw = json.loads(line)
        entries[raw["path"]] = Expected(raw["path"], raw["doc_type"], dict(raw["counts"]), list(raw.get("judged", [])))
    return entries


def run_disclint(command: str, root: Path) -> dict[str, dict[str, Any]]:
    """``disclint check --format json`` over ``root``: the file entries by path relative to ``root``."""
    argv = [*shlex.split(command), "check", "--format", "json", "--no-config", "--fail-on", "never", str(root)]
    completed = subprocess.run(argv, capture_output=True, text=True, check=False)
    if completed.returncode not in (0, 1, 2) or not completed.stdout.strip():
        raise SystemExit(f"disclint failed ({completed.returncode}): {completed.stderr.strip()[:500]}")
    data = json.loads(completed.stdout)
    files: dict[str, dict[str, Any]] = {}
    for entry in data["files"]:
        files[Path(entry["path"]).resolve().relative_to(root.resolve()).as_posix()] = entry
    return files


def compare(expected: dict[str, Expected], actual: dict[str, dict[str, Any]]) -> tuple[list[str], list[str]]:
    """(failures, notes) of the current output against the expectations."""
    failures: list[str] = []
    notes: list[str] = []
    for path, entry in sorted(actual.items()):
        if entry.get("error"):
            failures.append(f"{path}: could not be read: {entry['error']}")
            continue
        findings = entry.get("findings", [])
        want = expected.get(path)
        if want is None:
            notes.append(f"{path}: new file ({entry['doc_type']}, {len(findings)} findings): not yet reviewed")
            continue
        if entry["doc_type"] != want.doc_type:
            failures.append(
                f"{path}: detected as {entry['doc_type']}, is {want.doc_type} ({entry.get('doc_type_reason')})"
            )
        keys = Counter(excerpt_key(item["code"], item["excerpt"]) for item in findings)
        for judged in want.judged:
            present = keys.get(judged["key"], 0) > 0
            where = f"{path}: {judged['code']} “{judged['excerpt']}…” at {judged['offset']}"
            if judged["verdict"] == "false_alarm" and present:
                failures.append(f"{where}: a false alarm is back")
            elif judged["verdict"] == "correct" and not present:
                failures.append(f"{where}: a correct finding is no longer reported")
        counts = Counter(item["code"] for item in findings)
        for code, count in sorted(counts.items()):
            allowed = want.counts.get(code, 0)
            if count > allowed + max(3, allowed // 10):
                failures.append(f"{path}: {count} {code} findings, {allowed} recorded")
            elif count != allowed:
                notes.append(f"{path}: {count} {code} findings, {allowed} recorded")
    for path in sorted(set(expected) - set(actual)):
        notes.append(f"{path}: recorded but not found under the folder")
    return failures, notes


def updated(expected: dict[str, Expected], actual: dict[str, dict[str, Any]]) -> list[Expected]:
    """The expectations with the counts of this run; a new file gets the type it was detected as."""
    result = []
    for path, entry in sorted(actual.items()):
        counts = dict(sorted(Counter(item["code"] for item in entry.get("findings", [])).items()))
        old = expected.get(path)
        doc_type = old.doc_type if old else entry["doc_type"]
        result.append(Expected(path, doc_type, counts, old.judged if old else []))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--disclint", default="disclint", help="how to run disclint (default: disclint)")
    parser.add_argument("--update", action="store_true", help="rewrite the recorded counts from this run")
    args = parser.parse_args(argv)
    root = args.shared / "real-filings"
    if not root.is_dir():
        print(f"real-filings check skipped: {root} does not exist")
        return 0
    expected = load_expected()
    actual = run_disclint(args.disclint, root)
    if args.update:
        lines = [json.dumps(item.record(), ensure_ascii=False) for item in updated(expected, actual)]
        EXPECTED.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {EXPECTED} ({len(lines)} files)")
        return 0
    failures, notes = compare(expected, actual)
    for note in notes:
        print(f"note: {note}")
    for failure in failures:
        print(f"FAIL: {failure}")
    total = sum(len(entry.get("findings", [])) for entry in actual.values())
    right = sum(entry["doc_type"] == expected[path].doc_type for path, entry in actual.items() if path in expected)
    print(f"real filings: {len(actual)} files, {total} findings, document type right on {right}/{len(expected)}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
