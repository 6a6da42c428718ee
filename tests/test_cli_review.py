"""The review views through the command line: --format html and disclint annotate."""

from __future__ import annotations

import json
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
    reviewed = tmp_path / "审阅" / "plan.reviewed.docx"
    assert reviewed.exists() and draft.read_bytes() == before
    comments = list(docx.Document(str(reviewed)).comments)
    texts = [comment.text for comment in comments]
    assert any("PT001" in text for text in texts) and any("HY001" in text for text in texts)
    # The reviewed copy is not linted again by a check of the folder.
    again = invoke(["check", str(tmp_path), "--format", "json"])
    assert [Path(entry["path"]).name for entry in json.loads(again.stdout)["files"]] == ["plan.txt"]


def test_reviewed_copies_elsewhere_are_walked_past_and_the_folder_is_configurable(tmp_path: Path) -> None:
    (tmp_path / "disclint.toml").write_text('review-folder = "批注稿"\n', encoding="utf-8")
    (tmp_path / "plan.txt").write_text(FAULTY, encoding="utf-8")
    (tmp_path / "old.reviewed.docx").write_bytes(b"not looked at")
    result = invoke(["annotate", str(tmp_path / "plan.txt")])
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "批注稿" / "plan.reviewed.docx").is_file()
    again = invoke(["check", str(tmp_path), "--format", "json"])
    assert [Path(entry["path"]).name for entry in json.loads(again.stdout)["files"]] == ["plan.txt"]


def test_a_doc_in_a_folder_is_reported_as_skipped(tmp_path: Path) -> None:
    (tmp_path / "plan.txt").write_text(FAULTY, encoding="utf-8")
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    result = invoke(["check", str(tmp_path), "--format", "json"])
    assert result.exit_code == 1
    assert str(tmp_path / "old.doc") in result.stderr and ".docx" in result.stderr
    assert [Path(entry["path"]).name for entry in json.loads(result.stdout)["files"]] == ["plan.txt"]


def test_annotate_reports_unreadable_input(tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    result = invoke(["annotate", str(bad)])
    assert result.exit_code == 2
    assert "空文件" in result.stderr


def test_the_summary_counts_the_skipped_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The skip lines go to stderr before the report and scroll away: the last line says it too."""
    (tmp_path / "plan.txt").write_text(FAULTY, encoding="utf-8")
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "older.wps").write_bytes(b"\xd0\xcf\x11\xe0")
    last = invoke(["check", str(tmp_path)]).stdout.strip().splitlines()[-1]
    assert last.endswith("；跳过 2 个文件（见上文，另存为 .docx 后可检查）"), last
    statistics = invoke(["check", "--statistics", str(tmp_path)]).stdout.strip().splitlines()[-1]
    assert statistics.endswith("；跳过 2 个文件（见上文，另存为 .docx 后可检查）"), statistics
    (tmp_path / "older.wps").unlink()
    monkeypatch.setenv("DISCLINT_LANG", "en")
    english = invoke(["check", str(tmp_path)]).stdout.strip().splitlines()[-1]
    assert english.endswith("; 1 file skipped (named above; save them as .docx)"), english
    alone = invoke(["check", str(tmp_path / "plan.txt")]).stdout
    assert "skipped" not in alone


def test_an_html_page_on_a_terminal_ends_with_a_hint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import disclint.cli

    draft = tmp_path / "plan.txt"
    draft.write_text(FAULTY, encoding="utf-8")
    piped = invoke(["check", str(draft), "--format", "html"])
    assert piped.stdout.lstrip().startswith("<!DOCTYPE html>") and "提示" not in piped.stderr
    monkeypatch.setattr(disclint.cli, "_is_terminal", lambda stream: True)
    shown = invoke(["check", str(draft), "--format", "html"])
    assert shown.stderr == "disclint：提示：HTML 报告要在浏览器中打开：请用 -o 报告.html 写入文件\n", shown.stderr
    assert "提示" not in invoke(["check", str(draft), "--format", "json"]).stderr
