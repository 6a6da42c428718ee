"""Baselines: record today's findings, report only new ones later.

``disclint check --write-baseline .disclint-baseline.json drafts/`` writes
every finding of the run; ``--baseline FILE`` (or ``baseline = "…"`` in the
config) drops the findings recorded there.

A finding is recorded by a fingerprint of

* its rule code,
* its excerpt, with whitespace removed and full-width letters and digits folded,
* up to 12 characters of text on each side of it, taken from the same sentence
  (never across 。！？； or a paragraph break) and normalised the same way,

and not by its line or offset, so inserting or editing a paragraph elsewhere
— even the sentence before it — does not revive it, while editing the flagged
sentence itself does (the finding is then in new text and deserves a look).
Identical fingerprints in one file are counted: a third copy of a sentence
recorded twice is reported.

The file is stable JSON — sorted, no line numbers, no dates, no tool version —
so it diffs cleanly in review and rewriting it after an unrelated edit changes
nothing. Paths are relative to the baseline file's folder, with ``/``.
Writing a baseline for some files keeps the entries of other files that still
exist, so ``--write-baseline`` on one folder does not forget another.
"""

from __future__ import annotations

import bisect
import hashlib
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from disclint.i18n import _
from disclint.messages import json_reason, os_reason
from disclint.model.document import Document
from disclint.model.findings import FileResult, LocatedFinding
from disclint.model.results import FileOutcome
from disclint.startup.config import relative_to

SCHEMA = "disclint-baseline/1"
_CONTEXT = 12
_SENTENCE_END = re.compile(r"[。！？；!?;]")
_EXCERPT_SHOWN = 60


class BaselineError(Exception):
    """An unreadable or malformed baseline file; the message names it."""


def _norm(text: str) -> str:
    from disclint.text.normalize import normalize_span

    return normalize_span(text, 0, len(text)).text


def _paragraph_bounds(document: Document, offset: int, starts: Sequence[int] | None = None) -> tuple[int, int]:
    starts = starts if starts is not None else [block.start for block in document.blocks]
    index = bisect.bisect_right(starts, offset) - 1
    if index >= 0 and document.blocks[index].start <= offset < max(document.blocks[index].end, offset + 1):
        block = document.blocks[index]
        return block.start, block.end
    line = document.locate(offset)
    start = offset - (line.column - 1)
    return start, start + len(document.line_text(offset))


def context(document: Document, start: int, end: int, starts: Sequence[int] | None = None) -> tuple[str, str]:
    """Normalised text around ``[start, end)`` within its sentence."""
    low, high = _paragraph_bounds(document, start, starts)
    text = document.text
    before = _norm(text[max(low, start - 4 * _CONTEXT) : start])
    cut = [match.end() for match in _SENTENCE_END.finditer(before)]
    if cut:
        before = before[cut[-1] :]
    excerpt = text[start:end].rstrip()
    if excerpt and _SENTENCE_END.match(excerpt[-1]):
        after = ""
    else:
        after = _norm(text[end : min(max(high, end), end + 4 * _CONTEXT)])
        stop = _SENTENCE_END.search(after)
        if stop:
            after = after[: stop.start()]
    return before[-_CONTEXT:], after[:_CONTEXT]


def fingerprint_of(code: str, excerpt: str, before: str, after: str) -> str:
    payload = "\x1f".join((code, _norm(excerpt), before, after))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:20]


def fingerprints(document: Document, items: Sequence[LocatedFinding]) -> list[str]:
    """The baseline fingerprint of each finding of ``document``."""
    starts = [block.start for block in document.blocks]
    prints = []
    for item in items:
        before, after = context(document, item.finding.start, item.finding.end, starts)
        prints.append(fingerprint_of(item.finding.code, item.excerpt, before, after))
    return prints


@dataclass
class Entry:
    code: str
    excerpt: str
    fingerprint: str
    count: int = 1


@dataclass
class Baseline:
    """Recorded fingerprints per file (paths relative to ``folder``)."""

    folder: Path
    files: dict[str, list[Entry]] = field(default_factory=dict)

    # ------------------------------------------------------------ reading
    @classmethod
    def load(cls, path: Path) -> Baseline:
        import json  # here, not at the top: every file's fingerprints import this module, few runs read a baseline
        import stat

        try:
            descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
            with os.fdopen(descriptor, "rb") as handle:
                if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                    raise BaselineError(_("{path}: not a disclint baseline (not a regular file)").format(path=path))
                data = json.loads(handle.read().decode("utf-8"))
        except FileNotFoundError:
            raise BaselineError(
                _("{path}: baseline file not found (write one with --write-baseline)").format(path=path)
            ) from None
        except OSError as exc:
            raise BaselineError(
                _("{path}: cannot read baseline: {reason}").format(path=path, reason=os_reason(exc))
            ) from None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise BaselineError(
                _("{path}: not a disclint baseline: {reason}").format(path=path, reason=json_reason(exc))
            ) from None
        if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("files"), dict):
            raise BaselineError(
                _('{path}: not a disclint baseline (expected "schema": "{schema}")').format(path=path, schema=SCHEMA)
            )
        baseline = cls(folder=path.resolve().parent)
        for name, entries in data["files"].items():
            parsed: list[Entry] = []
            if not isinstance(entries, list):
                raise BaselineError(_("{path}: files.{name}: must be a list").format(path=path, name=name))
            for entry in entries:
                try:
                    parsed.append(
                        Entry(
                            code=str(entry["code"]),
                            excerpt=str(entry.get("excerpt", "")),
                            fingerprint=str(entry["fingerprint"]),
                            count=int(entry.get("count", 1)),
                        )
                    )
                except (KeyError, TypeError, ValueError, AttributeError):
                    raise BaselineError(
                        _("{path}: files.{name}: malformed entry {entry!r}").format(path=path, name=name, entry=entry)
                    ) from None
            baseline.files[name] = parsed
        return baseline

    def key(self, shown_path: str) -> str:
        """The file's path relative to the baseline's folder (``../`` allowed), with ``/``."""
        inside = relative_to(shown_path, self.folder)
        if not Path(inside).is_absolute():
            return inside
        try:
            return Path(os.path.relpath(inside, self.folder)).as_posix()
        except ValueError:  # another drive (Windows)
            return inside

    # ------------------------------------------------------------ applying
    def filter(self, result: FileResult, fingerprints: Sequence[str]) -> tuple[list[LocatedFinding], list[str]]:
        """The findings (and their fingerprints) of ``result`` that the baseline does not hold."""
        budget: Counter[str] = Counter()
        for entry in self.files.get(self.key(result.path), []):
            budget[entry.fingerprint] += entry.count
        kept: list[LocatedFinding] = []
        kept_prints: list[str] = []
        for item, print_ in zip(result.findings, fingerprints, strict=True):
            if budget[print_] > 0:
                budget[print_] -= 1
                continue
            kept.append(item)
            kept_prints.append(print_)
        return kept, kept_prints

    def apply(self, outcomes: Sequence[FileOutcome]) -> None:
        """Drop recorded findings from every outcome of a run."""
        for outcome in outcomes:
            if not outcome.result.error:
                before = len(outcome.result.findings)
                outcome.result.findings, outcome.fingerprints = self.filter(outcome.result, outcome.fingerprints)
                outcome.result.baselined += before - len(outcome.result.findings)

    # ------------------------------------------------------------ writing
    def record(self, result: FileResult, fingerprints: Sequence[str]) -> None:
        grouped: dict[str, Entry] = {}
        for item, print_ in zip(result.findings, fingerprints, strict=True):
            if print_ in grouped:
                grouped[print_].count += 1
                continue
            excerpt = item.excerpt.replace("\r", "").replace("\n", "")
            if len(excerpt) > _EXCERPT_SHOWN:
                excerpt = excerpt[: _EXCERPT_SHOWN - 1] + "…"
            grouped[print_] = Entry(code=item.finding.code, excerpt=excerpt, fingerprint=print_)
        key = self.key(result.path)
        if grouped:
            self.files[key] = list(grouped.values())
        else:
            self.files.pop(key, None)

    def forget_missing(self, linted: Iterable[str]) -> None:
        """Drop entries of files that no longer exist (files linted now are already current)."""
        current = set(linted)
        for name in list(self.files):
            if name not in current and not (self.folder / name).exists():
                del self.files[name]

    def count(self) -> int:
        return sum(entry.count for entries in self.files.values() for entry in entries)

    def to_json(self) -> str:
        files: dict[str, Any] = {}
        for name in sorted(self.files):
            entries = sorted(self.files[name], key=lambda entry: (entry.code, entry.fingerprint))
            if entries:
                files[name] = [
                    {"code": e.code, "excerpt": e.excerpt, "fingerprint": e.fingerprint, "count": e.count}
                    for e in entries
                ]
        import json

        return json.dumps({"schema": SCHEMA, "files": files}, ensure_ascii=False, indent=2, sort_keys=True) + "\n"

    def write(self, path: Path) -> None:
        from disclint.run.outputs import OutputError, atomic_write_text, check_target

        try:
            target = check_target(path, what="the baseline")
            atomic_write_text(target, self.to_json(), what="the baseline", make_parents=True, shown=path)
        except OutputError as exc:
            raise BaselineError(str(exc)) from None


def write_run_baseline(path: Path, outcomes: Sequence[FileOutcome]) -> tuple[Baseline, int, int]:
    """Record a run's findings in ``path``: ``(baseline, findings recorded, files with findings)``.

    Entries of files not linted in this run are kept while those files exist.
    """
    target = Baseline.load(path) if path.exists() else Baseline(folder=path.resolve().parent)
    linted = []
    recorded = 0
    for outcome in outcomes:
        if outcome.result.error:
            continue
        target.record(outcome.result, outcome.fingerprints)
        linted.append(target.key(outcome.result.path))
        recorded += len(outcome.fingerprints)
    target.forget_missing(linted)
    target.write(path)
    return target, recorded, sum(1 for name in set(linted) if name in target.files)
