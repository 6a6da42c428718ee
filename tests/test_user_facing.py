"""What a new user sees: truthful summaries, configs found where the drafts are, explain for types."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from cli_runner import invoke

FAULTY = "一、提升经营质量\n公司力争到2027年末公司市值迈上300亿元台阶，技术水平遥遥领先。\n"
CLEAN = "公司将于2025年8月28日召开2025年半年度业绩说明会。\n"


def test_an_unreadable_file_is_never_summarised_as_no_problems(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = invoke(["check", str(tmp_path / "empty.txt")])
    assert result.exit_code == 2
    assert "未发现问题" not in result.stdout
    assert result.stdout.strip() == "没有检查任何内容：1 个文件无法读取"
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    both = invoke(["check", str(tmp_path)])
    assert both.exit_code == 2
    assert both.stdout.strip() == "能读取的 1 个文件未发现问题；1 个文件无法读取"
    stats = invoke(["check", str(tmp_path), "--statistics"])
    assert "无法读取" in stats.stdout


def test_write_baseline_says_what_it_recorded(tmp_path: Path) -> None:
    (tmp_path / "plan.txt").write_text(FAULTY, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    result = invoke(["check", str(tmp_path / "plan.txt"), "--write-baseline", str(baseline)])
    assert result.exit_code == 0
    assert "记入基线" in result.stderr
    assert "未发现问题" not in result.stdout and "记入基线" in result.stdout
    again = invoke(["check", str(tmp_path / "plan.txt"), "--baseline", str(baseline)])
    assert again.exit_code == 0 and "另有 2 个问题已记入基线，未报告" in again.stdout


@pytest.mark.parametrize("name", ["generic", "voluntary", "action_plan"])
def test_explain_answers_for_document_types(name: str) -> None:
    result = invoke(["explain", name])
    assert result.exit_code == 0 and result.stdout.startswith(name)


def test_broken_suppressions_survive_a_narrowing_select(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("<!-- disclint-disable-next-line XX999 -->\n" + CLEAN, encoding="utf-8")
    result = invoke(["check", str(draft), "--select", "PT", "--format", "json"])
    assert [f["code"] for f in json.loads(result.stdout)["files"][0]["findings"]] == ["ST103"]
    ignored = invoke(["check", str(draft), "--select", "PT", "--ignore", "ST", "--format", "json"])
    assert json.loads(ignored.stdout)["files"][0]["findings"] == []


@pytest.fixture()
def two_projects(tmp_path: Path) -> Path:
    """Two projects with their own configs; the tests run from a third folder."""
    strict = tmp_path / "strict" / "drafts"
    lax = tmp_path / "lax" / "drafts"
    for folder in (strict, lax):
        folder.mkdir(parents=True)
        (folder / "plan.txt").write_text(FAULTY, encoding="utf-8")
    (tmp_path / "strict" / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.disclint]\nselect = ["HY"]\nfail-on = "warning"\n', encoding="utf-8"
    )
    (tmp_path / "lax" / "disclint.toml").write_text('ignore = ["HY"]\n', encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    return tmp_path


def _codes(out: str) -> dict[str, list[str]]:
    return {
        Path(entry["path"]).parent.parent.name: [f["code"] for f in entry["findings"]]
        for entry in json.loads(out)["files"]
    }


def test_each_file_gets_the_config_closest_to_it(two_projects: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(two_projects / "elsewhere")
    result = invoke(["check", str(two_projects / "strict"), str(two_projects / "lax"), "--format", "json"])
    codes = _codes(result.stdout)
    assert codes["strict"] == ["HY001"]
    assert "PT001" in codes["lax"] and "HY001" not in codes["lax"]
    only_strict = invoke(["check", str(two_projects / "strict"), "--format", "json"])
    assert only_strict.exit_code == 1  # fail-on = "warning" of that project; HY001 is a warning


def test_config_option_overrides_the_files_own(two_projects: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(two_projects / "elsewhere")
    given = two_projects / "lax" / "disclint.toml"
    result = invoke(["check", str(two_projects / "strict"), "--config", str(given), "--format", "json"])
    assert "HY001" not in _codes(result.stdout)["strict"]
    plain = invoke(["check", str(two_projects / "strict"), "--no-config", "--format", "json"])
    assert {"PT001", "HY001"} <= set(_codes(plain.stdout)["strict"])


def test_show_config_names_the_file_and_the_settings(two_projects: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(two_projects / "elsewhere")
    draft = two_projects / "strict" / "drafts" / "plan.txt"
    result = invoke(["check", "--show-config", str(draft)])
    assert result.exit_code == 0
    assert f"配置文件：{two_projects / 'strict' / 'pyproject.toml'}" in result.stdout
    assert "select = ['HY']" in result.stdout and "fail-on = 'warning'" in result.stdout
    none = invoke(["check", "--show-config", str(two_projects / "elsewhere" / "x.txt")])
    assert "配置文件：无（使用默认设置）" in none.stdout


def test_strict_preset_fails_on_warnings(tmp_path: Path) -> None:
    (tmp_path / "disclint.toml").write_text('preset = "strict"\nselect = ["HY"]\n', encoding="utf-8")
    (tmp_path / "plan.txt").write_text(FAULTY, encoding="utf-8")
    assert invoke(["check", str(tmp_path / "plan.txt")]).exit_code == 1
    assert invoke(["check", str(tmp_path / "plan.txt"), "--fail-on", "error"]).exit_code == 0
    assert invoke(["check", str(tmp_path / "plan.txt"), "--exit-zero"]).exit_code == 0
    (tmp_path / "disclint.toml").write_text('preset = "lenient"\n', encoding="utf-8")
    bad = invoke(["check", str(tmp_path / "plan.txt")])
    assert bad.exit_code == 2 and "preset" in bad.stderr


def test_exit_zero_still_exits_2_for_an_unreadable_input(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    assert invoke(["check", str(tmp_path / "empty.txt"), "--exit-zero"]).exit_code == 2


def test_relative_paths_from_another_folder(two_projects: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(two_projects / "strict")
    result = invoke(["check", os.path.join("drafts", "plan.txt"), "--format", "json"])
    assert _codes(result.stdout) == {"": ["HY001"]} or list(_codes(result.stdout).values()) == [["HY001"]]


def test_allow_empty_makes_an_empty_draft_a_warning(tmp_path: Path) -> None:
    (tmp_path / "new.txt").write_bytes(b"")
    (tmp_path / "plan.txt").write_text(CLEAN, encoding="utf-8")
    plain = invoke(["check", str(tmp_path)])
    assert plain.exit_code == 2
    allowed = invoke(["check", str(tmp_path), "--allow-empty"])
    assert allowed.exit_code == 0
    assert f"disclint：警告：{tmp_path / 'new.txt'}：空文件，未检查" in allowed.stderr
    assert allowed.stdout.strip() == "未发现问题（检查了 1 个文件）"


def test_a_dated_target_in_days_is_a_measure_not_a_vague_pledge(tmp_path: Path) -> None:
    # "降至N天" names a level and a date: checkable, so VP001 must stay quiet; the bare slogan is still flagged
    plan = tmp_path / "plan.txt"
    plan.write_text(
        "某某股份有限公司2026年度“提质增效重回报”行动方案\n一、聚焦主业，提升经营质量\n"
        "公司将把回款纳入考核，力争2026年末应收账款周转天数由2025年末的150天降至120天以内。\n"
        "公司将持续优化运营管理，不断提升盈利水平。\n",
        encoding="utf-8",
    )
    result = invoke(["check", str(plan), "--format", "json", "--select", "VP001", "--no-config"])
    findings = json.loads(result.stdout)["files"][0]["findings"]
    assert [finding["start"]["line"] for finding in findings] == [4], findings


def test_a_selection_that_leaves_no_rule_says_so(tmp_path: Path) -> None:
    """--select HY --ignore HY (or a config whose ignore takes everything it selects) checks nothing:
    "未发现问题" alone would read as a clean draft."""
    (tmp_path / "plan.txt").write_text(FAULTY, encoding="utf-8")
    result = invoke(["check", str(tmp_path / "plan.txt"), "--select", "HY", "--ignore", "HY"])
    assert result.exit_code == 0 and "disclint：警告：--select：没有启用任何规则" in result.stderr
    (tmp_path / "disclint.toml").write_text('select = ["HY"]\nignore = ["hype"]\n', encoding="utf-8")
    configured = invoke(["check", str(tmp_path / "plan.txt")])
    assert f"{tmp_path / 'disclint.toml'}: select：没有启用任何规则" in configured.stderr
    some = invoke(["check", str(tmp_path / "plan.txt"), "--no-config", "--select", "HY"])
    assert "没有启用任何规则" not in some.stderr
