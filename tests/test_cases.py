"""Labelled cases written for this project (tests/data/cases/*.jsonl), scored as CONTRACT.md says.

traps.jsonl holds legitimate text a naive linter would flag; positives.jsonl
holds problems it must find. A case may carry "known_gap": a documented
limitation, run as an expected failure so that fixing it is noticed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from helpers import DATA, load_cases, score_case

FILES = sorted((DATA / "cases").glob("*.jsonl"))
CASES: list[tuple[Path, dict[str, Any]]] = [(path, case) for path in FILES for case in load_cases(path)]


def test_case_files_exist() -> None:
    assert len(CASES) >= 300


@pytest.mark.parametrize(("path", "case"), CASES, ids=[case["id"] for _, case in CASES])
def test_case(path: Path, case: dict[str, Any]) -> None:
    if case.get("known_gap"):
        pytest.xfail(case["known_gap"])
    outcome = score_case(case)
    assert not outcome.misses and not outcome.false_positives, (
        f"{case['id']}: misses={outcome.misses} false_positives={outcome.false_positives}\n{case['text']}"
    )
