"""The real-filings regression check (tests/real_filings.py, run by .ci/run): its
expectation file is well formed and holds no filing text beyond a few flagged
characters, and its comparison fails on the cases it is meant to catch."""

from __future__ import annotations

import json

import pytest

import real_filings
from disclint.structure.doctype import DOC_TYPES


def test_the_expectation_file_is_well_formed() -> None:
    expected = real_filings.load_expected()
    assert len(expected) >= 127
    for entry in expected.values():
        assert entry.doc_type in DOC_TYPES, entry.path
        assert all(isinstance(count, int) and count >= 0 for count in entry.counts.values())
        for judged in entry.judged:
            assert judged["verdict"] in ("correct", "false_alarm")
            assert len(judged["excerpt"]) <= real_filings.EXCERPT_CHARS
            assert judged["key"].startswith(judged["code"] + ":")


def _entry(findings: list[tuple[str, str]], doc_type: str = "periodic_report") -> dict[str, object]:
    return {
        "doc_type": doc_type,
        "doc_type_reason": "",
        "error": None,
        "findings": [{"code": code, "excerpt": excerpt} for code, excerpt in findings],
    }


def test_the_comparison_catches_what_it_is_for() -> None:
    wrong = real_filings.excerpt_key("HY004", "保本")
    right = real_filings.excerpt_key("HY001", "国内首家")
    expected = {
        "a.pdf": real_filings.Expected(
            "a.pdf",
            "periodic_report",
            {"HY001": 1},
            [
                {"code": "HY004", "offset": 5, "excerpt": "保本", "key": wrong, "verdict": "false_alarm"},
                {"code": "HY001", "offset": 9, "excerpt": "国内首家", "key": right, "verdict": "correct"},
            ],
        )
    }
    ok, _ = real_filings.compare(expected, {"a.pdf": _entry([("HY001", "国内首家")])})
    assert ok == []
    back, _ = real_filings.compare(expected, {"a.pdf": _entry([("HY001", "国内首家"), ("HY004", "保本")])})
    assert any("false alarm is back" in failure for failure in back)
    lost, _ = real_filings.compare(expected, {"a.pdf": _entry([])})
    assert any("no longer reported" in failure for failure in lost)
    retyped, _ = real_filings.compare(expected, {"a.pdf": _entry([("HY001", "国内首家")], "generic")})
    assert any("detected as generic" in failure for failure in retyped)
    flood = [("HY001", "国内首家")] + [("HY001", f"第{n}") for n in range(6)]
    flooded, _ = real_filings.compare(expected, {"a.pdf": _entry(flood)})
    assert any("7 HY001 findings" in failure for failure in flooded)
    unreadable = {"a.pdf": {**_entry([]), "error": "encrypted"}}
    assert real_filings.compare(expected, unreadable)[0]


def test_the_real_filings_are_checked_in_ci_only_where_the_folder_exists() -> None:
    root = real_filings.DEFAULT_SHARED / "real-filings"
    if not root.is_dir():
        pytest.skip(f"{root} is not here: .ci/run checks the real filings where ../shared exists")
    data = json.loads(real_filings.EXPECTED.read_text(encoding="utf-8").splitlines()[0])
    assert (root / data["path"]).exists()
