"""Output formats for CI: github annotations, SARIF 2.1.0 (validated against the official
schema), JUnit XML, --statistics, --output."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from cli_runner import invoke
from disclint.report.github import escape_data, escape_property
from disclint.rules import all_rules
from fixtures_inputs import write_docx, write_pdf

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
FAULTY = "一、提升经营质量\n公司力争到2027年末公司市值迈上300亿元台阶，技术水平遥遥领先。\n"
WARN_ONLY = "公司核心技术遥遥领先，增长率达到100%。\n"
CLEAN = "公司将于2025年8月28日召开2025年半年度业绩说明会。\n"
SELECT = ("--select", "HY001,PT001,ST")


def run(*args: str) -> tuple[int, str, str]:
    result = invoke(list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def drafts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "a_faulty.txt").write_text(FAULTY, encoding="utf-8")
    (folder / "b_warn, 说明:1.md").write_text("# 标题\n\n" + WARN_ONLY, encoding="utf-8")
    (folder / "c_clean.txt").write_text(CLEAN, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def binaries(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bin")
    write_pdf(folder / "plan.pdf")
    write_docx(folder / "plan.docx")
    return folder


# ---------------------------------------------------------------- github


def test_github_annotations(drafts: Path) -> None:
    code, out, _ = run("check", "drafts", "--format", "github", *SELECT)
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 3 and all(line.startswith("::") for line in lines)
    first = lines[0]
    assert first.startswith("::error file=drafts/a_faulty.txt,line=2,endLine=2,col=")
    assert ",title=disclint PT001::drafts/a_faulty.txt:2:" in first
    assert "%0A依据：" in first and "%0A建议：" in first and "\n" not in first
    assert lines[1].startswith("::warning file=drafts/a_faulty.txt,") and "title=disclint HY001" in lines[1]
    # ":" and "," in a file name are escaped in the property, not in the message
    assert lines[2].startswith("::warning file=drafts/b_warn%2C 说明%3A1.md,line=3,")
    assert "::drafts/b_warn, 说明:1.md:3:" in lines[2]


def test_github_escaping_rules() -> None:
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_github_info_is_a_notice_and_binaries_have_no_lines(
    tmp_path: Path, binaries: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plan.pdf").write_bytes((binaries / "plan.pdf").read_bytes())
    (tmp_path / "disclint.toml").write_text('[severity]\nHY001 = "info"\n', encoding="utf-8")
    _, out, _ = run("check", "plan.pdf", "--format", "github", "--select", "HY001")
    assert out.startswith("::notice file=plan.pdf,title=disclint HY001::plan.pdf:p1:")
    assert ",line=" not in out


def test_github_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty.txt").write_bytes(b"")
    code, out, _ = run("check", "empty.txt", "--format", "github")
    assert code == 2 and out == "::error file=empty.txt,title=disclint::empty.txt：无法读取：空文件\n", out
    monkeypatch.setenv("DISCLINT_LANG", "en")
    _, out, _ = run("check", "empty.txt", "--format", "github")
    assert out == "::error file=empty.txt,title=disclint::empty.txt: cannot read: empty file\n", out


# ---------------------------------------------------------------- sarif


def validate_sarif(text: str) -> dict[str, Any]:
    log = json.loads(text)
    validator = jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(log), key=lambda error: list(error.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])
    return dict(log)


def test_sarif_validates_and_carries_rule_metadata(drafts: Path) -> None:
    code, out, _ = run("check", "drafts", "--format", "sarif", *SELECT)
    assert code == 1
    log = validate_sarif(out)
    run_ = log["runs"][0]
    assert log["version"] == "2.1.0" and run_["columnKind"] == "unicodeCodePoints"
    rules = run_["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == [spec.code for spec in all_rules()]
    pt001 = next(rule for rule in rules if rule["id"] == "PT001")
    assert pt001["shortDescription"]["text"] and pt001["fullDescription"]["text"]
    assert pt001["help"]["text"].startswith("PT001 ") and "不合规示例" in pt001["help"]["text"]
    assert pt001["defaultConfiguration"]["level"] == "error" and pt001["properties"]["category"] == "price_target"
    results = run_["results"]
    assert [r["ruleId"] for r in results] == ["PT001", "HY001", "HY001"]
    first = results[0]
    assert rules[first["ruleIndex"]]["id"] == "PT001" and first["level"] == "error"
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "drafts/a_faulty.txt", "index": 0, "uriBaseId": "%SRCROOT%"}
    region = location["region"]
    text = FAULTY
    assert text[region["charOffset"] : region["charOffset"] + region["charLength"]] == region["snippet"]["text"]
    assert region["startLine"] == 2 and region["endColumn"] - region["startColumn"] == region["charLength"]
    # a file name with spaces, commas and Chinese is percent-encoded
    assert results[2]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        "drafts/b_warn%2C%20%E8%AF%B4%E6%98%8E%3A1.md"
    )
    assert len(run_["artifacts"]) == 3 and run_["invocations"][0]["executionSuccessful"] is True


def test_sarif_pdf_and_docx_locations(tmp_path: Path, binaries: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("plan.pdf", "plan.docx"):
        (tmp_path / name).write_bytes((binaries / name).read_bytes())
    _, out, _ = run("check", "plan.docx", "plan.pdf", "--format", "sarif", "--no-cache")
    log = validate_sarif(out)
    results = log["runs"][0]["results"]
    pdf = [r for r in results if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "plan.pdf"]
    docx = [r for r in results if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "plan.docx"]
    assert pdf and docx
    second_page = [r for r in pdf if r["locations"][0]["physicalLocation"]["region"]["properties"]["page"] == 2]
    assert second_page
    location = second_page[0]["locations"][0]
    assert location["logicalLocations"][0] == {"name": "第2页", "fullyQualifiedName": "plan.pdf#page=2", "kind": "page"}
    assert "charOffset" not in location["physicalLocation"]["region"]
    assert docx[0]["locations"][0]["physicalLocation"]["region"]["properties"] == {"lineKind": "paragraph"}
    assert {a["mimeType"] for a in log["runs"][0]["artifacts"]} == {
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    }


def test_sarif_unreadable_file_is_a_notification(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01binary\x00")
    (tmp_path / "ok.txt").write_text(FAULTY, encoding="utf-8")
    code, out, _ = run("check", "bad.txt", str(tmp_path / "ok.txt"), "--format", "sarif")
    log = validate_sarif(out)
    invocation = log["runs"][0]["invocations"][0]
    assert code == 2 and invocation["executionSuccessful"] is False
    assert "bad.txt" in invocation["toolExecutionNotifications"][0]["message"]["text"]
    absolute = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert absolute["uri"].startswith("file:///") and "uriBaseId" not in absolute


def test_sarif_of_a_clean_run(drafts: Path) -> None:
    code, out, _ = run("check", "drafts/c_clean.txt", "--format", "sarif")
    assert code == 0 and validate_sarif(out)["runs"][0]["results"] == []


# ---------------------------------------------------------------- junit


def test_junit_one_testcase_per_file_failures_at_fail_on(drafts: Path) -> None:
    code, out, _ = run("check", "drafts", "--format", "junit", *SELECT)
    assert code == 1
    root = ET.fromstring(out.encode("utf-8"))
    assert root.tag == "testsuites" and root.attrib["tests"] == "3" and root.attrib["failures"] == "1"
    cases = root.findall("./testsuite/testcase")
    assert [case.attrib["name"] for case in cases] == [
        "drafts/a_faulty.txt",
        "drafts/b_warn, 说明:1.md",
        "drafts/c_clean.txt",
    ]
    faulty, warn, clean = cases
    failures = faulty.findall("failure")
    assert len(failures) == 1 and failures[0].attrib["type"] == "PT001 error"
    assert "依据：" in (failures[0].text or "") and "HY001" in (faulty.findtext("system-out") or "")
    assert warn.find("failure") is None and "HY001" in (warn.findtext("system-out") or "")
    assert list(clean) == []


def test_junit_fail_on_warning_and_errors(drafts: Path) -> None:
    (drafts / "empty.txt").write_bytes(b"")
    code, out, _ = run("check", "drafts", "--format", "junit", "--fail-on", "warning", *SELECT)
    root = ET.fromstring(out.encode("utf-8"))
    assert code == 2 and root.attrib["failures"] == "2" and root.attrib["errors"] == "1"
    faulty = root.find("./testsuite/testcase[@name='drafts/a_faulty.txt']")
    assert faulty is not None and len(faulty.findall("failure")) == 2  # one <failure> per finding
    empty = root.find("./testsuite/testcase[@name='drafts/empty.txt']")
    assert empty is not None and empty.find("error") is not None


# ---------------------------------------------------------------- statistics and output


def test_statistics_text_and_json(drafts: Path) -> None:
    code, out, _ = run("check", "drafts", "--statistics", *SELECT)
    assert code == 1
    assert out.splitlines() == [
        "2  HY001  警告  绝对化、最高级或无来源的排名表述",
        "1  PT001  错误  设定或预测市值目标",
        "共 3 个问题（错误 1，警告 2，提示 0），2 条规则",
    ]
    _, out, _ = run("check", "drafts", "--statistics", "--format", "json", *SELECT)
    rows = json.loads(out)
    assert [(row["code"], row["count"], row["severity"]) for row in rows] == [
        ("HY001", 2, "warning"),
        ("PT001", 1, "error"),
    ]
    assert run("check", "drafts", "--statistics", "--format", "sarif")[0] == 2


def test_statistics_split_a_rule_whose_findings_differ_in_severity(tmp_path: Path) -> None:
    """MS001: a missing risk warning is an error, other missing sections are warnings."""
    from disclint.report.statistics import render_statistics_text

    draft = tmp_path / "plan.txt"
    draft.write_text(
        "汀岚科技2025年度“提质增效重回报”行动方案\n一、提升经营质量\n预计2026年公司营业收入将达到15亿元。\n",
        encoding="utf-8",
    )
    from disclint.run.engine import Linter
    from disclint.startup.config import Config

    result = Linter.create(Config()).lint_path(draft)
    severities = {item.finding.severity.value for item in result.findings if item.finding.code == "MS001"}
    assert severities == {"error", "warning"}
    from disclint.explain import catalogue

    lines = render_statistics_text([result], catalogue()).splitlines()
    assert {line.split()[2] for line in lines if " MS001 " in f" {line} "} == {"错误", "警告"}
    errors = sum(1 for item in result.findings if item.finding.severity.value == "error")
    assert f"（错误 {errors}，" in lines[-1]


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif", "junit"])
def test_output_file_for_every_format(drafts: Path, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"report.{fmt}"
    code, out, _ = run("check", "drafts", "--format", fmt, "--output", str(target), *SELECT)
    assert code == 1 and out == ""
    written = target.read_text(encoding="utf-8")
    assert "PT001" in written and "\x1b[" not in written
    code, same, _ = run("check", "drafts", "--format", fmt, *SELECT)
    if fmt != "text":
        assert same == written


def test_unwritable_output_exits_2(drafts: Path, tmp_path: Path) -> None:
    code, _, err = run("check", "drafts", "--output", str(tmp_path / "missing" / "dir" / "r.json"), "--format", "json")
    assert code == 2 and "无法写入报告" in err


def test_unknown_format(drafts: Path) -> None:
    code, _, err = run("check", "drafts", "--format", "xml")
    assert code == 2 and "github" in err and "sarif" in err and "junit" in err


def test_text_report_is_the_same_with_and_without_colour() -> None:
    """The plain writer (pipes, files, NO_COLOR) and the rich one (terminals) print the same text."""
    import io
    import re

    from disclint.report.text import render_text
    from disclint.run.engine import Linter
    from disclint.startup.config import Config

    examples = Path(__file__).resolve().parent.parent / "examples"
    linter = Linter.create(Config())
    results = [linter.lint_path(path) for path in sorted(examples.glob("*.txt"))]
    assert sum(len(result.findings) for result in results) > 10
    plain = io.StringIO()
    render_text(results, plain, color=False)
    coloured = io.StringIO()
    render_text(results, coloured, color=True)
    assert "\x1b[" in coloured.getvalue()
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured.getvalue()) == plain.getvalue()
