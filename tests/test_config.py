"""Configuration: every key, every error (exit 2, file and key named), `disclint init`,
file globs, team lexicons with allowed phrases and extra terms."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cli_runner import invoke
from disclint.rules import all_rules
from disclint.startup.config import (
    STARTER_CONFIG,
    STARTER_CONFIG_ZH,
    Config,
    ConfigError,
    cache_dir_for,
    load_config,
    resolve_severities,
)
from disclint.startup.globs import Glob, GlobError

DATA = Path(__file__).parent / "data" / "workflow"
FAULTY = "一、提升经营质量\n公司力争到2027年末公司市值迈上300亿元台阶，技术水平遥遥领先。\n"
CODES = [spec.code for spec in all_rules()]


def run(*args: str) -> tuple[int, str, str]:
    result = invoke(list(args))
    return result.exit_code, result.stdout, result.stderr


def findings(out: str) -> dict[str, set[tuple[str, str]]]:
    data = json.loads(out)
    return {Path(f["path"]).as_posix(): {(x["code"], x["severity"]) for x in f["findings"]} for f in data["files"]}


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "drafts" / "archive").mkdir(parents=True)
    (tmp_path / "drafts" / "plan.txt").write_text(FAULTY, encoding="utf-8")
    (tmp_path / "drafts" / "archive" / "old.txt").write_text(FAULTY, encoding="utf-8")
    return tmp_path


# ---------------------------------------------------------------- keys that work


def test_every_key_together(project: Path) -> None:
    shutil.copy(DATA / "team-lexicon.toml", project / "team.toml")
    (project / "disclint.toml").write_text(
        """
select = ["price_target", "hype", "HT"]
ignore = ["HY005"]
fail-on = "warning"
type = "action_plan"
lexicons = ["team.toml"]
cache-dir = ".cache"

[severity]
HY = "error"
PT001 = "info"

[per-file-ignores]
"archive/**" = ["all"]
"drafts/archive/*.txt" = ["PT"]

[per-file-types]
"drafts/*.txt" = "valuation_plan"

[[suppressions]]
file = "*.pdf"
code = "HY001"
excerpt = "领先者"
reason = "产品名称"
expires = 2999-12-31
""",
        encoding="utf-8",
    )
    config = load_config(project / "disclint.toml")
    assert config.select == ["price_target", "hype", "HT"] and config.fail_on == "warning"
    assert config.lexicons == [project / "team.toml"] and config.cache_dir == project / ".cache"
    assert config.suppressions[0].codes == {"HY001"} and str(config.suppressions[0].expires) == "2999-12-31"
    code, out, _ = run("check", "drafts", "--format", "json")
    assert code == 1
    found = findings(out)
    assert found["drafts/plan.txt"] == {("PT001", "info"), ("HY001", "error")}
    assert found["drafts/archive/old.txt"] == {("HY001", "error")}  # "archive/**" is relative to the root: no match
    entry = json.loads(out)["files"][1]
    assert entry["doc_type"] == "valuation_plan" and entry["doc_type_source"] == "config"


def test_pyproject_table_and_nearest_upward(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "pyproject.toml").write_text('[tool.disclint]\nselect = ["hype"]\n', encoding="utf-8")
    monkeypatch.chdir(project / "drafts")
    code, out, _ = run("check", "plan.txt", "--format", "json")
    assert findings(out) == {"plan.txt": {("HY001", "warning")}} and code == 0


def test_disclint_toml_wins_over_pyproject_in_the_same_folder(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.disclint]\nselect = ["hype"]\n', encoding="utf-8")
    (project / "disclint.toml").write_text('select = ["PT"]\n', encoding="utf-8")
    _, out, _ = run("check", "drafts/plan.txt", "--format", "json")
    assert findings(out) == {"drafts/plan.txt": {("PT001", "error")}}


def test_config_option_names_a_file(project: Path, tmp_path: Path) -> None:
    other = tmp_path / "elsewhere.toml"
    other.write_text('ignore = ["PT"]\n', encoding="utf-8")
    (project / "disclint.toml").write_text('ignore = ["hype"]\n', encoding="utf-8")
    _, out, _ = run("check", "drafts/plan.txt", "--format", "json", "--config", str(other))
    assert findings(out) == {"drafts/plan.txt": {("HY001", "warning")}}
    assert run("check", "drafts/plan.txt", "--config", str(tmp_path / "missing.toml"))[0] == 2


def test_cli_options_override_config(project: Path) -> None:
    (project / "disclint.toml").write_text(
        'select = ["hype"]\nfail-on = "warning"\ntype = "dividend"\n', encoding="utf-8"
    )
    code, out, _ = run(
        "check", "drafts/plan.txt", "--format", "json", "--select", "PT", "--fail-on", "never", "--type", "esop"
    )
    entry = json.loads(out)["files"][0]
    assert code == 0 and {f["code"] for f in entry["findings"]} == {"PT001"}
    assert entry["doc_type"] == "esop" and entry["doc_type_source"] == "option"


def test_per_file_ignores_by_category_and_basename_glob(project: Path) -> None:
    (project / "disclint.toml").write_text(
        '[per-file-ignores]\n"plan.txt" = ["price_target"]\n"drafts/archive/**" = ["hype", "PT"]\n', encoding="utf-8"
    )
    _, out, _ = run("check", "drafts", "--format", "json")
    found = findings(out)
    assert found["drafts/plan.txt"] == {("HY001", "warning")}
    assert found["drafts/archive/old.txt"] == set()


def test_severity_override_most_specific_wins() -> None:
    levels = resolve_severities({"hype": "info", "HY": "warning", "HY001": "error", "all": "info"}, CODES)
    assert levels["HY001"].value == "error" and levels["HY002"].value == "warning" and levels["PT001"].value == "info"


def test_severity_override_changes_the_exit_status(project: Path) -> None:
    (project / "plain.txt").write_text("公司核心技术遥遥领先。\n", encoding="utf-8")
    assert run("check", "plain.txt")[0] == 0
    (project / "disclint.toml").write_text('[severity]\nHY001 = "error"\n', encoding="utf-8")
    assert run("check", "plain.txt")[0] == 1


# ---------------------------------------------------------------- every config problem is exit 2, file and key named

BAD_CONFIGS = [
    ('selekt = ["PT"]\n', "selekt", "unknown key"),
    ('select = ["XX999"]\n', "select", "XX999"),
    ('ignore = "PT001"\nselect = 3\n', "select", "list of rule codes"),
    ('fail-on = "sometimes"\n', "fail-on", "must be one of"),
    ('type = "annual_report"\n', "type", "annual_report"),
    ('[severity]\nHY001 = "fatal"\n', "severity.HY001", "must be one of"),
    ('[severity]\nZZ = "error"\n', "severity.ZZ", "ZZ"),
    ('[per-file-ignores]\n"drafts/[ab" = ["HY"]\n', 'per-file-ignores."drafts/[ab"', "bad glob"),
    ('[per-file-ignores]\n"drafts/{a,b" = ["HY"]\n', "per-file-ignores", "unclosed '{'"),
    ('[per-file-ignores]\n"a**/x.md" = ["HY"]\n', "per-file-ignores", "'**'"),
    ('[per-file-ignores]\n"*.pdf" = ["HY999"]\n', 'per-file-ignores."*.pdf"', "HY999"),
    ('[per-file-types]\n"*.md" = "plan"\n', 'per-file-types."*.md"', "plan"),
    ('lexicons = ["missing.toml"]\n', "lexicons", "not found"),
    ('lexicons = ["empty.toml"]\n', "lexicons", "empty"),
    ('lexicons = ["broken.toml"]\n', "lexicons", "not valid TOML"),
    ('lexicons = ["wrong-rule.toml"]\n', "lexicons", "XY001"),
    ('lexicons = ["bad-pattern.toml"]\n', "lexicons", "bad pattern"),
    ('[[suppressions]]\nfile = "*.pdf"\ncode = "HY001"\n', "suppressions[1].excerpt", "missing"),
    (
        '[[suppressions]]\nfile = "*.pdf"\ncode = "HY001"\nexcerpt = "x"\nexpires = "2025-02-30"\n',
        "suppressions[1].expires",
        "bad date",
    ),
    (
        '[[suppressions]]\nfile = "*.pdf"\ncode = "HY001"\nexcerpt = "x"\nexpires = 5\n',
        "suppressions[1].expires",
        "bad date",
    ),
    (
        '[[suppressions]]\nfile = "*.pdf"\ncode = "HY001"\nexcerpt = "x"\nuntil = 2025-01-01\n',
        "suppressions[1].until",
        "unknown key",
    ),
    ('[[suppressions]]\nfile = "[*.pdf"\ncode = "HY001"\nexcerpt = "x"\n', "suppressions[1].file", "bad glob"),
    ('[[suppressions]]\nfile = "*.pdf"\ncode = "QQ1"\nexcerpt = "x"\n', "suppressions[1].code", "QQ1"),
    ("baseline = 3\n", "baseline", "must be a path"),
    ('cache-dir = ""\n', "cache-dir", "must be a path"),
    ("select = [\n", "", "invalid TOML"),
]


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize(("content", "key", "message"), BAD_CONFIGS, ids=[row[1] or "toml" for row in BAD_CONFIGS])
def test_config_error_exits_2_naming_file_and_key(project: Path, content: str, key: str, message: str) -> None:
    (project / "empty.toml").write_text("# nothing here\n", encoding="utf-8")
    (project / "broken.toml").write_text("[[term]\n", encoding="utf-8")
    (project / "wrong-rule.toml").write_text(
        '[[term]]\nrule = "XY001"\nmatch = "a"\nreason = "r"\nsource = "s"\n', encoding="utf-8"
    )
    (project / "bad-pattern.toml").write_text(
        '[[term]]\nrule = "HY001"\npattern = "(unclosed"\nreason = "r"\nsource = "s"\n', encoding="utf-8"
    )
    (project / "disclint.toml").write_text(content, encoding="utf-8")
    code, out, err = run("check", "drafts/plan.txt", "--format", "json")
    assert code == 2, err
    assert out == ""  # never a silent clean run
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "disclint.toml" in lines[0] and key in lines[0] and message in lines[0], err


@pytest.mark.usefixtures("english")
def test_pyproject_errors_name_the_table(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.disclint]\nfail_on = "warning"\n', encoding="utf-8")
    code, _, err = run("check", "drafts/plan.txt")
    assert code == 2 and "pyproject.toml: [tool.disclint].fail_on: unknown key (did you mean 'fail-on'?)" in err


def test_bad_selection_on_the_command_line(project: Path) -> None:
    code, _, err = run("check", "drafts/plan.txt", "--ignore", "NOPE1")
    assert code == 2 and "NOPE1" in err


# ---------------------------------------------------------------- team lexicon


def test_team_lexicon_adds_terms_and_allowed_phrases(project: Path) -> None:
    shutil.copy(DATA / "team-lexicon.toml", project / "team.toml")
    text = (
        "公司旗下“国内领先”牌净水器2024年销量为12万台。\n"
        "公司将紧抓海洋牧场产业浪潮，加快相关业务拓展。\n"
        "公司净水器技术国内领先。\n"
    )
    (project / "draft.txt").write_text(text, encoding="utf-8")
    _, before, _ = run("check", "draft.txt", "--format", "json", "--select", "HY,HT")
    assert sorted(f["excerpt"] for f in json.loads(before)["files"][0]["findings"]) == ["国内领先", "国内领先"]
    (project / "disclint.toml").write_text('lexicons = ["team.toml"]\n', encoding="utf-8")
    _, after, _ = run("check", "draft.txt", "--format", "json", "--select", "HY,HT")
    found = [(f["code"], f["start"]["line"]) for f in json.loads(after)["files"][0]["findings"]]
    # the trademark is allowed, the new hot topic is found, the claim on line 3 is still reported
    assert found == [("HT001", 2), ("HY001", 3)]


def test_team_lexicon_examples_run_like_the_shipped_ones(project: Path) -> None:
    import sys

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    from disclint.parse.plaintext import document_from_text
    from disclint.run.engine import Linter

    data = tomllib.loads((DATA / "team-lexicon.toml").read_text(encoding="utf-8"))
    linter = Linter.create(Config(lexicons=[DATA / "team-lexicon.toml"]))
    for term in data["term"]:
        for example in term["bad"]:
            assert term["rule"] in {
                f.finding.code for f in linter.lint_document(document_from_text(example, "x.txt")).findings
            }
        for example in term["good"]:
            assert term["rule"] not in {
                f.finding.code for f in linter.lint_document(document_from_text(example, "x.txt")).findings
            }


def test_allow_table_is_validated(project: Path) -> None:
    (project / "team.toml").write_text('[allow]\nphrases = ["ok"]\nwords = ["x"]\n', encoding="utf-8")
    (project / "disclint.toml").write_text('lexicons = ["team.toml"]\n', encoding="utf-8")
    code, _, err = run("check", "drafts/plan.txt")
    assert code == 2 and "disclint.toml: lexicons" in err and "words" in err


# ---------------------------------------------------------------- init


def test_init_writes_a_valid_commented_starter_and_refuses_to_overwrite(project: Path) -> None:
    code, out, _ = run("init")
    target = project / "disclint.toml"
    assert code == 0 and "disclint.toml" in out and target.read_text(encoding="utf-8") == STARTER_CONFIG_ZH
    config = load_config(target)
    assert config.fail_on == "error" and config.select == []
    assert STARTER_CONFIG_ZH.count("\n# ") > 20 and STARTER_CONFIG.count("\n# ") > 20  # commented
    target.write_text("# mine\n", encoding="utf-8")
    code, _, err = run("init")
    assert code == 2 and "--force" in err and target.read_text(encoding="utf-8") == "# mine\n"
    assert run("init", "--force")[0] == 0 and target.read_text(encoding="utf-8") == STARTER_CONFIG_ZH
    assert run("init", "pyproject.toml")[0] == 2


@pytest.mark.parametrize("starter", [STARTER_CONFIG_ZH, STARTER_CONFIG], ids=["zh", "en"])
def test_starter_config_uncommented_is_still_valid(tmp_path: Path, starter: str) -> None:
    """Every example in the starter file is a working setting once uncommented."""
    import re

    example = re.compile(r'^(\[\[?[a-z-]+\]\]?$|"[^"]+"\s*=\s|[A-Za-z][\w-]*\s*=\s)')
    lines = [
        line[2:] if line.startswith("# ") and example.match(line[2:]) else line for line in starter.splitlines()
    ]
    (tmp_path / "disclint-lexicon.toml").write_text('[allow]\nphrases = ["x"]\n', encoding="utf-8")
    path = tmp_path / "disclint.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    config = load_config(path)
    assert config.per_file_ignores and config.per_file_types and config.suppressions and config.severity
    assert config.baseline == tmp_path / ".disclint-baseline.json"


# ---------------------------------------------------------------- globs and paths


@pytest.mark.parametrize(
    ("pattern", "path", "matches"),
    [
        ("*.pdf", "drafts/x/plan.pdf", True),
        ("*.pdf", "plan.docx", False),
        ("drafts/*.md", "drafts/a.md", True),
        ("drafts/*.md", "drafts/x/a.md", False),
        ("drafts/**/*.md", "drafts/a.md", True),
        ("drafts/**/*.md", "drafts/x/y/a.md", True),
        ("drafts/**", "drafts/x/y/a.md", True),
        ("drafts/", "drafts/x/a.md", True),
        ("**/archive/*", "a/b/archive/x.txt", True),
        ("*.{docx,pdf}", "a/b.pdf", True),
        ("*.{docx,pdf}", "a/b.txt", False),
        ("plan?.txt", "plan1.txt", True),
        ("[!x]*.txt", "a.txt", True),
        ("[!x]*.txt", "x.txt", False),
        ("./drafts/*.txt", "drafts/a.txt", True),
        ("*激励计划*.docx", "drafts/2025年股票期权激励计划（草案）.docx", True),
    ],
)
def test_glob(pattern: str, path: str, matches: bool) -> None:
    assert Glob.compile(pattern).matches(path) is matches


@pytest.mark.parametrize("pattern", ["", "  ", "[abc", "{a,b", "a}", "a]", "x**", "**y/z", "{a,{b}}", "[]"])
def test_bad_globs(pattern: str) -> None:
    with pytest.raises(GlobError):
        Glob.compile(pattern)


def test_relative_path_is_relative_to_the_config_folder(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "disclint.toml").write_text("", encoding="utf-8")
    config = load_config(project / "disclint.toml")
    monkeypatch.chdir(project / "drafts")
    assert config.relative_path("plan.txt") == "drafts/plan.txt"
    assert config.relative_path(str(project / "drafts" / "plan.txt")) == "drafts/plan.txt"
    assert config.relative_path("/elsewhere/x.txt") == "/elsewhere/x.txt"


def test_cache_dir_precedence(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "disclint.toml").write_text('cache-dir = "from-config"\n', encoding="utf-8")
    config = load_config(project / "disclint.toml")
    monkeypatch.delenv("DISCLINT_CACHE_DIR", raising=False)
    assert cache_dir_for(config, Path("opt")) == Path("opt")
    assert cache_dir_for(config, None) == project / "from-config"
    monkeypatch.setenv("DISCLINT_CACHE_DIR", str(project / "env"))
    assert cache_dir_for(config, None) == project / "env"
    monkeypatch.delenv("DISCLINT_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(project / "xdg"))
    assert cache_dir_for(Config(), None) == project / "xdg" / "disclint"


@pytest.mark.usefixtures("english")
def test_load_config_raises_config_error_directly(tmp_path: Path) -> None:
    path = tmp_path / "disclint.toml"
    path.write_text('[per-file-types]\n"*.md" = 3\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r'per-file-types\."\*\.md": unknown document type'):
        load_config(path)
