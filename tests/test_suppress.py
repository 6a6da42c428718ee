"""Suppressions: inline comments in .txt/.md, the config's sidecar list for .docx/.pdf,
and the meta rules ST101 (unused), ST102 (expired) and ST103 (invalid)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_runner import invoke
from disclint.model.findings import FileResult
from disclint.parse.plaintext import document_from_text
from disclint.run.engine import Linter
from disclint.startup.config import Config
from fixtures_inputs import write_docx, write_pdf

HYPE = "公司核心技术遥遥领先。"
CLEAN = "公司将于2025年8月28日召开2025年半年度业绩说明会。"
LINTER = Linter.create(Config(select=["HY001", "PT", "ST"]))  # robust to other rules evolving


def lint(text: str, name: str = "draft.txt", linter: Linter = LINTER) -> FileResult:
    return linter.lint_document(document_from_text(text, name))


def found(text: str, name: str = "draft.txt") -> list[tuple[str, int]]:
    return [(item.finding.code, item.start.line) for item in lint(text, name).findings]


def run(*args: str) -> tuple[int, str, str]:
    result = invoke(list(args))
    return result.exit_code, result.stdout, result.stderr


# ---------------------------------------------------------------- inline comments


@pytest.mark.parametrize("name", ["draft.txt", "draft.md"])
def test_disable_next_line_with_reason(name: str) -> None:
    text = f"{HYPE}\n<!-- disclint-disable-next-line HY001 -- 引用第三方报告原文 -->\n{HYPE}\n"
    assert found(text, name) == [("HY001", 1)]


def test_next_line_skips_blank_lines_and_stacked_comments() -> None:
    text = (
        "<!-- disclint-disable-next-line HY001 -- 理由一 -->\n"
        "\n"
        "<!-- disclint-disable-next-line PT -- 理由二 -->\n"
        "公司力争市值迈上300亿元台阶，技术遥遥领先。\n"
        f"{HYPE}\n"
    )
    assert found(text) == [("HY001", 5)]


def test_disable_line_on_the_same_line() -> None:
    assert found(f"{HYPE}<!-- disclint-disable-line HY001 -->\n{HYPE}\n") == [("HY001", 2)]


def test_disable_enable_range_with_prefix_and_category() -> None:
    text = (
        f"{HYPE}\n"
        "<!-- disclint-disable HY,price_target -- 本节为引用的监管问答原文 -->\n"
        "公司力争市值迈上300亿元台阶，技术遥遥领先。\n"
        f"{HYPE}\n"
        "<!-- disclint-enable HY -->\n"
        "公司力争市值迈上300亿元台阶，技术遥遥领先。\n"
        "<!-- disclint-enable -->\n"
        "公司力争市值迈上300亿元台阶。\n"
    )
    assert found(text) == [("HY001", 1), ("HY001", 6), ("PT001", 8)]


def test_disable_without_enable_runs_to_the_end() -> None:
    assert found(f"{HYPE}\n<!-- disclint-disable HY001 -->\n{HYPE}\n{HYPE}\n") == [("HY001", 1)]


def test_comment_words_are_not_linted_in_txt_or_md() -> None:
    for name in ("draft.txt", "draft.md"):
        text = f"<!-- disclint-disable-next-line HY001 -- 原文：遥遥领先，市值将突破千亿元 -->\n{HYPE}\n"
        assert found(text, name) == []


def test_other_html_comments_in_txt_stay_text() -> None:
    assert [code for code, _ in found("<!-- 技术遥遥领先 -->\n")] == ["HY001"]
    assert found("<!-- 技术遥遥领先 -->\n", "draft.md") == []


def test_unused_suppression_is_reported_at_the_comment() -> None:
    result = lint(f"<!-- disclint-disable-next-line HY001,PT001 -->\n{HYPE}\n")
    assert [(f.finding.code, f.start.line) for f in result.findings] == [("ST101", 1)]
    item = result.findings[0]
    assert "PT001" in item.finding.message and "HY001" not in item.finding.message
    assert item.excerpt == "<!-- disclint-disable-next-line HY001,PT001 -->"
    assert item.finding.category.value == "style" and item.finding.severity.value == "warning"


def test_suppression_of_a_rule_that_is_not_enabled_is_unused() -> None:
    linter = Linter.create(Config(select=["HY", "PT", "ST"], ignore=["HY001"]))
    result = lint(f"<!-- disclint-disable-next-line HY001 -->\n{HYPE}\n", linter=linter)
    assert [f.finding.code for f in result.findings] == ["ST101"]
    assert "未启用" in result.findings[0].finding.message


def test_expired_inline_suppression_stops_suppressing() -> None:
    text = f"<!-- disclint-disable-next-line HY001 expires=2020-06-30 -- 待法务确认 -->\n{HYPE}\n"
    result = lint(text)
    assert [(f.finding.code, f.start.line) for f in result.findings] == [("ST102", 1), ("HY001", 2)]
    assert "2020-06-30" in result.findings[0].finding.message
    future = f"<!-- disclint-disable-next-line HY001 expires=2999-12-31 -- 待法务确认 -->\n{HYPE}\n"
    assert found(future) == []


@pytest.mark.parametrize(
    ("comment", "problem"),
    [
        ("<!-- disclint-disable-next-line XX999 -->", "XX999"),
        ("<!-- disclint-disabel HY001 -->", "未知指令"),
        ("<!-- disclint-disable-next-line -->", "没有写明规则代码"),
        ("<!-- disclint-disable-next-line HY001 expires=2025-02-30 -->", "日期格式错误"),
        ("<!-- disclint-enable HY001 -->", "没有对应的"),
    ],
)
def test_invalid_comments_are_st103(comment: str, problem: str) -> None:
    result = lint(f"{comment}\n{CLEAN}\n")
    invalid = [f for f in result.findings if f.finding.code == "ST103"]
    assert len(invalid) == 1 and problem in invalid[0].finding.message


def test_invalid_token_does_not_void_the_valid_ones() -> None:
    assert [c for c, _ in found(f"<!-- disclint-disable-next-line HY001,XX999 -->\n{HYPE}\n")] == ["ST103"]


def test_all_is_an_explicit_blanket() -> None:
    assert (
        found("<!-- disclint-disable-next-line all -- 引用原文 -->\n公司力争市值迈上300亿元台阶，技术遥遥领先。\n")
        == []
    )


def test_meta_rules_follow_selection_and_severity(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "draft.txt").write_text(f"<!-- disclint-disable-next-line HY001 -->\n{CLEAN}\n", encoding="utf-8")
    code, out, _ = run("check", "draft.txt", "--format", "json")
    assert code == 0 and [f["code"] for f in json.loads(out)["files"][0]["findings"]] == ["ST101"]
    assert (
        json.loads(run("check", "draft.txt", "--format", "json", "--ignore", "ST101")[1])["files"][0]["findings"] == []
    )
    (tmp_path / "disclint.toml").write_text('[severity]\nST101 = "error"\n', encoding="utf-8")
    assert run("check", "draft.txt")[0] == 1


def test_inline_comments_are_not_read_in_docx(tmp_path: Path) -> None:
    from disclint.model.document import Block, Document

    text = f"<!-- disclint-disable-next-line HY001 -->\n{HYPE}"
    document = Document(
        path="x.docx", text=text, blocks=[Block(0, 41), Block(42, len(text))], lines=[], source_format="docx"
    )
    assert "HY001" in {f.finding.code for f in LINTER.lint_document(document).findings}


# ---------------------------------------------------------------- sidecar suppressions (.docx / .pdf)


@pytest.fixture(scope="module")
def binaries(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("binaries")
    write_pdf(folder / "plan.pdf")
    write_docx(folder / "plan.docx")
    return folder


def _project(tmp_path: Path, binaries: Path, config: str) -> None:
    (tmp_path / "drafts").mkdir()
    for name in ("plan.pdf", "plan.docx"):
        (tmp_path / "drafts" / name).write_bytes((binaries / name).read_bytes())
    (tmp_path / "disclint.toml").write_text(config, encoding="utf-8")


def _codes(out: str) -> dict[str, list[tuple[str, str]]]:
    return {
        Path(f["path"]).name: [(x["code"], x["excerpt"].replace("\n", "")) for x in f["findings"]]
        for f in json.loads(out)["files"]
    }


def test_sidecar_suppresses_in_pdf_and_docx(tmp_path: Path, binaries: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _project(tmp_path, binaries, "")
    _, before, _ = run("check", "drafts", "--format", "json", "--select", "HY")
    assert ("HY001", "遥遥领先") in _codes(before)["plan.pdf"]  # "遥遥\n领先" across a PDF line break
    (tmp_path / "disclint.toml").write_text(
        '[[suppressions]]\nfile = "drafts/*.{pdf,docx}"\ncode = "HY001"\nexcerpt = "遥遥领先"\n'
        'reason = "引用行业协会报告原文"\nexpires = 2999-12-31\n',
        encoding="utf-8",
    )
    code, after, _ = run("check", "drafts", "--format", "json", "--select", "HY,ST")
    assert code == 0
    assert _codes(after) == {"plan.docx": [("HY001", "绝对龙头")], "plan.pdf": [("HY001", "绝对龙头")]}


def test_sidecar_prefix_excerpt(tmp_path: Path, binaries: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _project(
        tmp_path,
        binaries,
        '[[suppressions]]\nfile = "plan.pdf"\ncode = "vague_pledge"\nexcerpt = "公司将积极推进降本增效…"\n',
    )
    _, out, _ = run("check", "drafts/plan.pdf", "--format", "json", "--select", "VP,ST")
    assert [excerpt[:8] for _, excerpt in _codes(out)["plan.pdf"]] == ["公司将进一步完善"]


def test_unused_sidecar_is_reported_once_per_run(
    tmp_path: Path, binaries: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _project(
        tmp_path,
        binaries,
        '[[suppressions]]\nfile = "*.{pdf,docx}"\ncode = "HY001"\nexcerpt = "世界一流"\n'
        '[[suppressions]]\nfile = "*.pdf"\ncode = "HY001"\nexcerpt = "绝对龙头"\n'
        '[[suppressions]]\nfile = "other/*.pdf"\ncode = "HY001"\nexcerpt = "不存在"\n',
    )
    code, out, _ = run("check", "drafts", "--format", "json", "--select", "HY,ST")
    data = json.loads(out)["files"]
    unused = [(Path(f["path"]).name, x) for f in data for x in f["findings"] if x["code"] == "ST101"]
    # the first entry matched nothing in either file: once, at the start of the first file it covers;
    # the second was used; the third covers no file of this run
    assert len(unused) == 1 and unused[0][0] == "plan.docx"
    item = unused[0][1]
    assert item["start"]["line"] == 1 and item["excerpt"] == "" and "suppressions[1]" in item["message"]
    assert code == 0


def test_expired_sidecar_reports_the_finding_and_st102(
    tmp_path: Path, binaries: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _project(
        tmp_path,
        binaries,
        '[[suppressions]]\nfile = "*.pdf"\ncode = "HY001"\nexcerpt = "绝对龙头"\nexpires = 2021-01-31\n'
        '[[suppressions]]\nfile = "*.pdf"\ncode = "HY001"\nexcerpt = "不存在"\nexpires = "2021-01-31"\n',
    )
    _, out, _ = run("check", "drafts/plan.pdf", "--format", "json", "--select", "HY,ST")
    findings = json.loads(out)["files"][0]["findings"]
    codes = [(x["code"], x["excerpt"].replace("\n", "")) for x in findings]
    assert ("HY001", "绝对龙头") in codes and ("ST102", "绝对龙头") in codes  # at the finding it no longer covers
    assert ("ST102", "") in codes  # the expired entry that matched nothing, at the start of the file
    st102 = [x for x in findings if x["code"] == "ST102"]
    assert all("2021-01-31" in x["message"] for x in st102)
