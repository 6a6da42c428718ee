"""Locations people use: Word paragraphs, heading paths, table cells; PDF paragraphs reflowed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_runner import invoke

pytest.importorskip("docx")

from fixtures_inputs import write_docx

DRAFT = [
    ("title", "关于2025年度“提质增效重回报”行动方案的公告"),
    ("h1", "提升经营质量"),
    ("h2", "降本增效"),
    ("p", "公司产品技术水平遥遥领先，远销海外多个国家和地区。"),
    ("h2", "经营目标"),
    ("p", "公司2025年主要经营指标如下表："),
    ("table", [["指标", "2024年", "说明"], ["营业收入（亿元）", "46.30", "行业遥遥领先"]]),
    ("h1", "提升投资者回报"),
    ("p", "公司将通过上述措施，力争到2027年末公司市值迈上300亿元台阶。"),
]


@pytest.fixture()
def draft(tmp_path: Path) -> Path:
    return write_docx(tmp_path / "plan.docx", DRAFT, extras=False)


def _findings(path: Path) -> list[dict[str, object]]:
    result = invoke(["check", str(path), "--format", "json", "--select", "HY001,PT001"])
    findings: list[dict[str, object]] = json.loads(result.stdout)["files"][0]["findings"]
    return findings


def test_json_section_is_the_heading_path_of_every_finding(draft: Path) -> None:
    sections = [(f["code"], f["section"]) for f in _findings(draft)]
    assert sections == [
        ("HY001", "一、提升经营质量 > （一）降本增效"),
        ("HY001", "一、提升经营质量 > （二）经营目标"),
        ("PT001", "二、提升投资者回报"),
    ]


def test_text_report_gives_paragraph_heading_path_and_table_cell(draft: Path) -> None:
    result = invoke(["check", str(draft), "--select", "HY001,PT001"])
    out = result.stdout
    assert f"{draft} 第4段第9字  警告  HY001" in out
    assert "位置：一、提升经营质量 › （一）降本增效" in out
    assert "位置：一、提升经营质量 › （二）经营目标；表格1第2行第3列" in out
    assert "第2行第3列" in out


def test_html_report_shows_word_locations_message_and_suggestion(draft: Path, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    assert invoke(["check", str(draft), "--format", "html", "-o", str(page), "--select", "HY001,PT001"]).exit_code == 1
    html = page.read_text(encoding="utf-8")
    assert "段第" in html and "表格1第2行第3列" in html
    assert '<span class="msg">' in html and '<span class="sug"><b>建议</b>' in html
    assert "一、提升经营质量 › （一）降本增效" in html


def test_english_locations(draft: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCLINT_LANG", "en")
    out = invoke(["check", str(draft), "--select", "HY001"]).stdout
    assert "paragraph " in out and "table 1, row 2, column 3" in out and "where: " in out
