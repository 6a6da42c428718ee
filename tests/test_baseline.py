"""Baselines: --write-baseline records, --baseline (or the config key) hides recorded
findings; matching survives edits elsewhere in the file; the file is stable JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_runner import invoke
from disclint.parse.plaintext import document_from_text
from disclint.run.baseline import SCHEMA, Baseline, context

DRAFT = [
    "一、提升经营质量",
    "公司核心技术遥遥领先，产品质量稳居行业第一。",
    "二、重视投资者回报",
    "公司力争到2027年末公司市值迈上300亿元台阶。",
]
SELECT = ("--select", "HY001,PT001")


def run(*args: str) -> tuple[int, str, str]:
    result = invoke(list(args))
    return result.exit_code, result.stdout, result.stderr


def write(path: Path, lines: list[str]) -> None:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def reported(*args: str) -> list[tuple[str, str, int]]:
    code, out, err = run("check", *args, "--format", "json", *SELECT)
    assert code in (0, 1), err
    return [
        (f["code"], f["excerpt"], f["start"]["line"]) for entry in json.loads(out)["files"] for f in entry["findings"]
    ]


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "drafts").mkdir()
    write(tmp_path / "drafts" / "plan.txt", DRAFT)
    return tmp_path


def test_write_then_check_reports_nothing(project: Path) -> None:
    assert len(reported("drafts")) == 3
    code, out, err = run("check", "drafts", "--write-baseline", ".disclint-baseline.json", *SELECT)
    assert code == 0 and "已把 3 个问题（1 个文件）记入基线" in err and "未发现新问题" in out
    assert "3 个问题已记入基线 .disclint-baseline.json" in out
    data = json.loads((project / ".disclint-baseline.json").read_text(encoding="utf-8"))
    assert data["schema"] == SCHEMA and list(data["files"]) == ["drafts/plan.txt"]
    assert sorted(entry["code"] for entry in data["files"]["drafts/plan.txt"]) == ["HY001", "HY001", "PT001"]
    code, _, _ = run("check", "drafts", "--baseline", ".disclint-baseline.json", *SELECT)
    assert code == 0
    assert reported("drafts", "--baseline", ".disclint-baseline.json") == []


def test_baseline_survives_inserting_a_paragraph_above_old_findings(project: Path) -> None:
    run("check", "drafts", "--write-baseline", "baseline.json", *SELECT)
    before = (project / "baseline.json").read_bytes()
    edited = [
        "（本方案经2025年4月10日董事会审议通过。）",
        DRAFT[0],
        "公司坚持稳健经营。公司将持续完善内部控制。",
        "2024年公司营业收入为12.5亿元。" + DRAFT[1],  # a new sentence before an old finding, same paragraph
        "",
        *DRAFT[2:],
    ]
    write(project / "drafts" / "plan.txt", edited)
    assert reported("drafts", "--baseline", "baseline.json") == []
    # lines moved, nothing revived; rewriting the baseline gives the same bytes
    run("check", "drafts", "--write-baseline", "baseline.json", *SELECT)
    assert (project / "baseline.json").read_bytes() == before


def test_new_findings_are_still_reported(project: Path) -> None:
    run("check", "drafts", "--write-baseline", "baseline.json", *SELECT)
    write(project / "drafts" / "plan.txt", [*DRAFT, "公司产品遥遥领先同行。"])
    assert reported("drafts", "--baseline", "baseline.json") == [("HY001", "遥遥领先", 5)]
    code, _, _ = run("check", "drafts", "--baseline", "baseline.json", *SELECT, "--fail-on", "warning")
    assert code == 1


def test_editing_the_flagged_sentence_revives_it(project: Path) -> None:
    run("check", "drafts", "--write-baseline", "baseline.json", *SELECT)
    changed = [*DRAFT]
    changed[3] = "公司力争到2028年末公司市值迈上300亿元台阶。"
    write(project / "drafts" / "plan.txt", changed)
    assert [code for code, _, _ in reported("drafts", "--baseline", "baseline.json")] == ["PT001"]


def test_repeated_sentences_are_counted(project: Path) -> None:
    write(project / "drafts" / "plan.txt", ["公司技术遥遥领先。", "公司技术遥遥领先。"])
    run("check", "drafts", "--write-baseline", "baseline.json", *SELECT)
    entries = json.loads((project / "baseline.json").read_text(encoding="utf-8"))["files"]["drafts/plan.txt"]
    assert len(entries) == 1 and entries[0]["count"] == 2
    write(project / "drafts" / "plan.txt", ["公司技术遥遥领先。"] * 3)
    assert reported("drafts", "--baseline", "baseline.json") == [("HY001", "遥遥领先", 3)]


def test_baseline_from_config_key(project: Path) -> None:
    (project / "disclint.toml").write_text('baseline = "ci/baseline.json"\n', encoding="utf-8")
    run("check", "drafts", "--write-baseline", "ci/baseline.json", *SELECT)
    assert list(json.loads((project / "ci" / "baseline.json").read_text(encoding="utf-8"))["files"]) == [
        "../drafts/plan.txt"
    ]
    assert reported("drafts") == []
    assert len(reported("drafts", "--no-config")) == 3


def test_writing_keeps_other_files_that_still_exist(project: Path) -> None:
    (project / "more").mkdir()
    write(project / "more" / "b.txt", ["公司技术遥遥领先。"])
    write(project / "more" / "gone.txt", ["公司技术遥遥领先。"])
    run("check", "drafts", "more", "--write-baseline", "baseline.json", *SELECT)
    (project / "more" / "gone.txt").unlink()
    write(project / "drafts" / "plan.txt", DRAFT[:2])
    run("check", "drafts", "--write-baseline", "baseline.json", *SELECT)
    files = json.loads((project / "baseline.json").read_text(encoding="utf-8"))["files"]
    assert sorted(files) == ["drafts/plan.txt", "more/b.txt"]
    assert len(files["drafts/plan.txt"]) == 2


def test_stable_json(project: Path) -> None:
    run("check", "drafts", "--write-baseline", "a.json", *SELECT)
    run("check", "drafts", "--write-baseline", "b.json", *SELECT)
    a = (project / "a.json").read_text(encoding="utf-8")
    assert a == (project / "b.json").read_text(encoding="utf-8")
    assert a.endswith("\n") and '"line"' not in a and '"offset"' not in a and "version" not in a
    assert json.dumps(json.loads(a), ensure_ascii=False, indent=2, sort_keys=True) + "\n" == a


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "not found"),
        ("{", "not a disclint baseline"),
        ('{"schema": "other"}', "not a disclint baseline"),
        ('{"schema": "disclint-baseline/1", "files": {"a": [{"code": "X"}]}}', "malformed entry"),
    ],
)
def test_bad_baseline_exits_2(project: Path, content: str | None, message: str) -> None:
    if content is not None:
        (project / "baseline.json").write_text(content, encoding="utf-8")
    code, out, err = run("check", "drafts", "--baseline", "baseline.json")
    assert code == 2 and message in err and "baseline.json" in err and out == ""


def test_baseline_and_write_baseline_together_is_a_usage_error(project: Path) -> None:
    assert run("check", "drafts", "--baseline", "a.json", "--write-baseline", "b.json")[0] == 2


def test_context_stays_inside_the_sentence() -> None:
    text = "第一句话很长很长。公司核心技术遥遥领先，产品质量稳居行业第一。下一句。"
    document = document_from_text(text, "x.txt")
    start = text.index("遥遥领先")
    assert context(document, start, start + 4) == ("公司核心技术", "，产品质量稳居行业第一")


def test_baseline_load_roundtrip(tmp_path: Path) -> None:
    baseline = Baseline(folder=tmp_path)
    (tmp_path / "b.json").write_text(baseline.to_json(), encoding="utf-8")
    assert Baseline.load(tmp_path / "b.json").files == {}
