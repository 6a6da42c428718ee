"""A bad config or team lexicon stops the run before any file is linted:
exit status 2 and one ``disclint: error:`` line naming the file and the key,
never a traceback and never a half-linted run."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cli_runner import invoke
from disclint.lexicons import LazyRegex, LexiconError, check_team_pattern

DRAFT = "一、经营情况\n本公司主营产品的工艺处于行业遥遥领先水平。\n"
TERM = '[[term]]\nrule = "HY001"\nmatch = "工艺领跑"\nreason = "绝对化表述"\nsource = "000 行动要求2"\n'


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plan.txt").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def _team(project: Path, body: bytes | str) -> tuple[int, str, str]:
    data = body.encode("utf-8") if isinstance(body, str) else body
    (project / "team.toml").write_bytes(data)
    (project / "disclint.toml").write_text('lexicons = ["team.toml"]\n', encoding="utf-8")
    result = invoke(["check", "plan.txt", "--no-cache"])
    return result.exit_code, result.stdout, result.stderr


def _one_error_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert lines[0].startswith("disclint：错误："), stderr
    assert "Traceback" not in stderr
    return lines[0]


def test_config_file_in_another_encoding_is_refused(project: Path) -> None:
    (project / "disclint.toml").write_bytes('select = ["夸大"]\n'.encode("gb18030"))
    result = invoke(["check", "plan.txt", "--no-cache"])
    assert result.exit_code == 2
    line = _one_error_line(result.stderr)
    assert "disclint.toml" in line and "UTF-8" in line
    assert result.stdout == ""  # nothing was linted


@pytest.mark.parametrize("value", ["[]", "{}", "1", '"lenient"'])
def test_a_preset_that_is_not_a_preset_name_is_refused(project: Path, value: str) -> None:
    # preset = [] reached the preset table as a key (TypeError: unhashable type), found by
    # the config property of test_fuzz once it drew every known key.
    (project / "disclint.toml").write_text(f"preset = {value}\n", encoding="utf-8")
    result = invoke(["check", "plan.txt", "--no-cache"])
    assert result.exit_code == 2
    line = _one_error_line(result.stderr)
    assert "disclint.toml" in line and "preset" in line
    assert result.stdout == ""


def test_team_lexicon_in_another_encoding_is_refused(project: Path) -> None:
    code, out, err = _team(project, TERM.encode("gb18030"))
    assert code == 2 and out == ""
    line = _one_error_line(err)
    assert "team.toml" in line and "UTF-8" in line


@pytest.mark.parametrize(
    ("body", "names"),
    [
        ('cue = "否认"\n' + TERM, "'cue'"),
        ('source = ["000"]\n' + TERM, "'source'"),
        ('pack = "action_plan"\n' + TERM, "'pack'"),
        ("[[defaults]]\n" + TERM, "'defaults'"),
        ("[source]\n'900' = 5\n" + TERM, "'900'"),
        ("[cue.hedge]\npatterns = ['据悉']\nsource = ['a']\n" + TERM, "[cue.hedge]"),
        ("[cue.hedge]\npatterns = ['据悉']\ncolour = 1\n" + TERM, "colour"),
        ("[[date_order]]\nbefore = '登记日'\n" + TERM, "'after'"),
        ("[[date_order]]\nbefore = '登记日'\nafter = '(派息'\n" + TERM, "after"),
        ("[[date_order]]\nbefore = '登记日'\nafter = '派息日'\nstrict = 'yes'\n" + TERM, "'strict'"),
    ],
)
def test_team_lexicon_of_the_wrong_shape_names_file_and_key(project: Path, body: str, names: str) -> None:
    code, out, err = _team(project, body)
    assert code == 2 and out == ""
    line = _one_error_line(err)
    assert "team.toml" in line and names in line


def test_unknown_key_in_a_team_section_names_the_team_file(project: Path) -> None:
    body = (
        "[[section]]\npack = 'action_plan'\nid = 'outlook'\nname = '展望'\nseverity = 'info'\n"
        "source = 'action_plan_contents'\nexpects = '未来安排'\ntitle_words = ['展望']\n" + TERM
    )
    code, out, err = _team(project, body)
    assert code == 2 and out == ""
    line = _one_error_line(err)
    assert "team.toml" in line and "title_words" in line
    assert "sections.toml" not in line


@pytest.mark.parametrize("key_value", ["min_keywords = 'two'", "when = ['forward']", "severity = ['info']"])
def test_bad_values_in_a_team_section_are_refused(project: Path, key_value: str) -> None:
    fields = {"severity": "severity = 'info'"}
    key = key_value.split(" ")[0]
    fields[key] = key_value
    body = (
        "[[section]]\npack = 'action_plan'\nid = 'outlook'\nname = '展望'\n"
        + "\n".join(fields.values())
        + "\nsource = '000'\nexpects = '未来安排'\n"
        + TERM
    )
    code, out, err = _team(project, body)
    assert code == 2 and out == ""
    assert "team.toml" in _one_error_line(err)


@pytest.mark.parametrize(
    "pattern",
    ["(a+)+$", "(?:领先|领先者)*的", "(\\d*)*万元", "(?:[一二三]{1,3})+号", "x(?=(y+)+)"],
)
def test_team_pattern_that_can_backtrack_exponentially_is_refused(project: Path, pattern: str) -> None:
    body = f"[[term]]\nrule = 'HY001'\npattern = '{pattern}'\nreason = '绝对化'\nsource = '000'\n"
    code, out, err = _team(project, body)
    assert code == 2 and out == ""
    line = _one_error_line(err)
    assert "team.toml term #1" in line and "指数级" in line


def test_a_cue_the_team_overrides_is_checked_like_its_terms(project: Path) -> None:
    code, _, err = _team(project, "[cue.negation]\npatterns = ['(?:不再|没)+有']\n" + TERM)
    assert code == 2
    assert "[cue.negation]" in _one_error_line(err)


@pytest.mark.parametrize("pattern", ["领先(?:者)+的", "[甲乙]+方", "(?:一|二)", "第(?:一|二)季度{1,3}", "(a+){1,3}$"])
def test_linear_team_patterns_are_accepted(pattern: str) -> None:
    check_team_pattern(LazyRegex(pattern, "team.toml term #1"))


def test_team_pattern_that_does_not_compile_is_refused() -> None:
    with pytest.raises(LexiconError, match=r"team\.toml term #1"):
        check_team_pattern(LazyRegex("(unclosed", "team.toml term #1"))


def test_a_good_team_lexicon_still_loads(project: Path) -> None:
    code, out, err = _team(project, TERM.replace("工艺领跑", "遥遥领先"))
    assert code in (0, 1) and err == ""
    assert "遥遥领先" in out


@pytest.mark.parametrize("baseline", ["/dev/zero", "missing.json", "plan.txt"])
def test_a_bad_baseline_named_in_the_config_names_the_config(project: Path, baseline: str) -> None:
    (project / "disclint.toml").write_text(f'baseline = "{baseline}"\n', encoding="utf-8")
    result = invoke(["check", "plan.txt", "--no-cache"])
    assert result.exit_code == 2 and result.stdout == ""
    line = _one_error_line(result.stderr)
    assert "disclint.toml: baseline" in line


def test_a_team_entry_may_name_a_shipped_cue(project: Path) -> None:
    # The shipped cue @rule_text repeats inside a repetition; it is not the team's pattern to answer for.
    body = TERM.replace('source = "000 行动要求2"\n', 'source = "000 行动要求2"\nallow_sentence = ["@rule_text"]\n')
    code, _, err = _team(project, body)
    assert code in (0, 1) and err == ""


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_baseline_or_config_that_is_a_fifo_is_refused_without_waiting(project: Path) -> None:
    os.mkfifo(project / "pipe")
    for arguments in (["--baseline", "pipe"], ["--config", "pipe"], ["--write-baseline", "pipe"]):
        result = invoke(["check", "plan.txt", "--no-cache", *arguments])
        assert result.exit_code == 2 and result.stdout == ""
        _one_error_line(result.stderr)
