"""Shared helpers for the test suite: lint text in-process and score labelled cases."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from disclint.model.findings import FileResult, LocatedFinding
from disclint.parse.plaintext import document_from_text
from disclint.run.engine import Linter
from disclint.startup.config import Config

DATA = Path(__file__).parent / "data"


@lru_cache(maxsize=16)
def linter_for(doc_type: str = "auto", select: tuple[str, ...] = ()) -> Linter:
    config = Config(select=list(select))
    if doc_type != "auto":
        config.doc_type, config.doc_type_source = doc_type, "option"
    return Linter.create(config)


def lint_text(text: str, doc_type: str = "auto", name: str = "draft.txt", select: tuple[str, ...] = ()) -> FileResult:
    return linter_for(doc_type, select).lint_document(document_from_text(text, name))


def codes(text: str, doc_type: str = "auto") -> list[str]:
    return [item.finding.code for item in lint_text(text, doc_type).findings]


def load_cases(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@dataclass
class CaseOutcome:
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)


def score_case(case: dict[str, Any]) -> CaseOutcome:
    """CONTRACT.md scoring for one labelled case (missing_section not scored)."""
    text = case["text"]
    result = lint_text(text, case.get("doc_type") or "generic", name=f"{case['id']}.txt")
    findings: list[LocatedFinding] = [
        item for item in result.findings if item.finding.category.value != "missing_section"
    ]
    outcome = CaseOutcome()
    expected: dict[str, list[tuple[int, int]]] = {}
    for item in case.get("expect", []):
        start = text.find(item["quote"])
        assert start >= 0, f"{case['id']}: quote not in text: {item['quote']}"
        expected.setdefault(item["category"], []).append((start, start + len(item["quote"])))
    forbid = set(case.get("forbid", []))
    found: set[tuple[str, int]] = set()
    for item in findings:
        category = item.finding.category.value
        span = (item.start.offset, item.end.offset)
        if category in expected:
            hits = [i for i, quote in enumerate(expected[category]) if span[0] < quote[1] and quote[0] < span[1]]
            found.update((category, i) for i in hits)
            if not hits and not case.get("recall_only"):
                outcome.false_positives.append(f"{item.finding.code} {item.excerpt!r}")
        elif category in forbid and not case.get("recall_only"):
            outcome.false_positives.append(f"{item.finding.code} {item.excerpt!r}")
    for category, quotes in expected.items():
        for index, (start, end) in enumerate(quotes):
            if (category, index) not in found:
                outcome.misses.append(f"{category} {text[start:end]!r}")
    return outcome
