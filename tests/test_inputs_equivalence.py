"""The same draft as .txt, .docx and .pdf gives the same findings."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("docx")
pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")

from disclint.model.findings import FileResult
from disclint.run.engine import Linter
from disclint.startup.config import Config
from fixtures_inputs import HEADER, write_docx, write_pages, write_pdf, write_txt


@pytest.fixture(scope="module")
def drafts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("drafts")
    paths = {
        "txt": write_txt(folder / "行动方案.txt"),
        "docx": write_docx(folder / "行动方案.docx"),
        "pdf": folder / "行动方案.pdf",
    }
    write_pdf(paths["pdf"])
    return paths


@pytest.fixture(scope="module")
def results(drafts: dict[str, Path]) -> dict[str, FileResult]:
    linter = Linter.create(Config())
    return {kind: linter.lint_path(path) for kind, path in drafts.items()}


def signature(result: FileResult) -> list[tuple[str, str]]:
    """Codes and excerpts; a PDF excerpt keeps the line break where the line wrapped."""
    return [(item.finding.code, item.excerpt.replace("\n", "")) for item in result.findings]


def test_all_three_formats_are_read(results: dict[str, FileResult]) -> None:
    for kind, result in results.items():
        assert result.error is None, (kind, result.error)
        assert result.doc_type == "action_plan", kind


def test_same_findings_in_txt_docx_and_pdf(results: dict[str, FileResult]) -> None:
    expected = signature(results["txt"])
    codes = {code for code, _excerpt in expected}
    # The draft exercises several rule families, so the comparison means something.
    assert {"HY001", "VP001", "HT001", "PT001"} <= codes
    assert signature(results["docx"]) == expected
    assert signature(results["pdf"]) == expected


def test_locations_follow_each_format(results: dict[str, FileResult]) -> None:
    for item in results["txt"].findings + results["docx"].findings:
        assert item.start.page is None
    for item in results["pdf"].findings:
        assert item.start.page in (1, 2) and item.end.page in (1, 2)
    [txt_hit] = [item for item in results["txt"].findings if item.finding.code == "PT001"]
    [docx_hit] = [item for item in results["docx"].findings if item.finding.code == "PT001"]
    [pdf_hit] = [item for item in results["pdf"].findings if item.finding.code == "PT001"]
    assert txt_hit.excerpt.startswith("市值迈上")
    assert (txt_hit.start.line, txt_hit.start.column) == (28, 22)
    assert (docx_hit.start.line, docx_hit.start.column) == (34, 22)  # table cells count one by one
    assert (pdf_hit.start.page, pdf_hit.start.line, pdf_hit.start.column) == (2, 21, 22)


def test_no_excluded_text_reaches_a_finding(results: dict[str, FileResult]) -> None:
    for result in results.values():
        for item in result.findings:
            assert "隔膜供应商" not in item.source_line
            assert "市值突破百亿元" not in item.excerpt  # a tracked deletion
            assert "文本框" not in item.source_line and "批注" not in item.source_line
        assert HEADER not in "".join(item.source_line for item in result.findings)


def test_a_mixed_folder_is_linted_in_one_run(drafts: dict[str, Path], tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    for kind, path in drafts.items():
        (folder / f"draft.{kind}").write_bytes(path.read_bytes())
    (folder / "notes.md").write_text("# 备注\n\n公司技术水平遥遥领先。\n", encoding="utf-8")
    write_pages(folder / "locked.pdf", [[(72, 100, "加密", 12)]], encrypt=("secret", "owner"))
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    out = subprocess.run(
        [sys.executable, "-m", "disclint", "check", str(folder), "--format", "json", "--no-config"],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 2  # unreadable inputs; the others are still linted
    report = json.loads(out.stdout)
    by_name = {Path(entry["path"]).name: entry for entry in report["files"]}
    assert set(by_name) == {"draft.txt", "draft.docx", "draft.pdf", "notes.md", "locked.pdf", "broken.docx"}
    assert "encrypted PDF" in by_name["locked.pdf"]["error"]
    assert "corrupt" in by_name["broken.docx"]["error"]
    for name in ("draft.txt", "draft.docx", "draft.pdf", "notes.md"):
        assert by_name[name]["error"] is None and by_name[name]["findings"], name
    pdf_pages = {item["start"]["page"] for item in by_name["draft.pdf"]["findings"]}
    assert pdf_pages == {1, 2}
    errors = [line for line in out.stderr.splitlines() if line.startswith("disclint：错误：")]
    assert len(errors) == 2


def test_text_report_shows_page_line_column(drafts: dict[str, Path]) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "disclint", "check", str(drafts["pdf"]), "--no-config"],
        capture_output=True,
        text=True,
        env={"NO_COLOR": "1", "PATH": "/usr/bin:/bin"},
    )
    assert f"{drafts['pdf']}:p1:13:27" in out.stdout
    assert f"{drafts['pdf']}:p2:21:22" in out.stdout
