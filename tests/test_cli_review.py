"""The review views through the command line: --format html and disclint annotate."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_runner import invoke

FAULTY = (
    "关于2025年度“提质增效重回报”行动方案的公告\n一、提升经营质量\n"
    "公司力争到2027年末公司市值迈上300亿元台阶，技术水平遥遥领先。\n特此公告。\n"
)


def test_html_report_to_a_file(tmp_path: Path) -> None:
    draft = tmp_path / "plan.txt"
    draft.write_text(FAULTY, encoding="utf-8")
    target = tmp_path / "report.html"
    result = invoke(["check", str(draft), "--format", "html", "--output", str(target)])
    assert result.exit_code == 1
    html = target.read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html")
    assert "遥遥领先" in html and "PT001" in html and "risk_warning" in html


def test_annotate_writes_a_reviewed_copy(tmp_path: Path) -> None:
    pytest.importorskip("docx")
    import docx

    draft = tmp_path / "plan.txt"
    draft.write_text(FAULTY, encoding="utf-8")
    before = draft.read_bytes()
    result = invoke(["annotate", str(draft)])
    assert result.exit_code == 0, result.stdout
    reviewed = tmp_path / "plan.reviewed.docx"
    assert reviewed.exists() and draft.read_bytes() == before
    comments = list(docx.Document(str(reviewed)).comments)
    texts = [comment.text for comment in comments]
    assert any("PT001" in text for text in texts) and any("HY001" in text for text in texts)


def test_annotate_reports_unreadable_input(tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    result = invoke(["annotate", str(bad)])
    assert result.exit_code == 2
    assert "empty file" in result.stderr
