"""Chinese first, English on request: help of every command, errors, summaries; the catalog is compiled."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from cli_runner import invoke
from disclint.i18n import language
from disclint.structure import doctypes

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = [[], ["check"], ["init"], ["annotate"], ["rules"], ["explain"]]

# What may stay Latin in a Chinese screen: names (of the program, formats, types, exchanges, levels),
# metavars and file names. Option names (--format, -j) are taken out before the check.
ALLOWED = {
    "disclint",
    "PATH",
    "FORMAT",
    "TYPE",
    "CODES",
    "LEVEL",
    "FILE",
    "N",
    "NAME",
    "DIR",
    "SECONDS",
    "MB",
    "EXCHANGE",
    "CODE",
    "text",
    "json",
    "github",
    "sarif",
    "junit",
    "html",
    "XML",
    "Actions",
    "auto",
    "sse",
    "szse",
    "bse",
    "error",
    "warning",
    "info",
    "never",
    "strict",
    "shell",
    "toml",
    "pyproject",
    "docx",
    "pdf",
    "txt",
    "md",
    "stdin",
    "UTF",
    "DISCLINT_CACHE_DIR",
    "cache",
    "review",
    "folder",
    "reviewed",
    "PT",
    "OCR",
    "rules",
    *doctypes.names(),  # --type's help names every registered type
    "FOLDERS",
    "check",
    "init",
    "annotate",
    "explain",
    "CPU",
    "COMMAND",
    "Word",
    "PDF",
    "pre",
    "commit",
}


def _latin_words(text: str) -> set[str]:
    text = re.sub(r"(?<![\w-])--?[A-Za-z][\w-]*", " ", text)  # option names
    text = re.sub(r"[\w./~$-]*[/.~][\w./~$-]*", " ", text)  # paths and file names
    return set(re.findall(r"[A-Za-z][A-Za-z_]*", text)) - ALLOWED


@pytest.mark.parametrize("command", COMMANDS, ids=lambda words: " ".join(words) or "disclint")
def test_help_in_chinese_has_no_english_words(command: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DISCLINT_LANG")
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    result = invoke([*command, "--help"])
    assert result.exit_code == 0
    assert "用法：disclint" in result.stdout and "显示本帮助并退出" in result.stdout
    assert _latin_words(result.stdout) == set(), result.stdout


@pytest.mark.parametrize("command", COMMANDS, ids=lambda words: " ".join(words) or "disclint")
def test_help_in_english(command: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCLINT_LANG", "en")
    result = invoke([*command, "--help"])
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: disclint") and "Show this message and exit." in result.stdout
    assert "用法" not in result.stdout and "选项" not in result.stdout and "显示本帮助" not in result.stdout


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({}, "zh"),
        ({"LANG": "C.UTF-8"}, "zh"),
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANGUAGE": "en_GB:en", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LC_ALL": "en_US.UTF-8"}, "en"),
        ({"LANG": "en_US.UTF-8", "DISCLINT_LANG": "zh"}, "zh"),
        ({"LANG": "zh_CN.UTF-8", "DISCLINT_LANG": "en"}, "en"),
    ],
)
def test_language_follows_the_environment(
    environment: dict[str, str], expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for variable in ("DISCLINT_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    for variable, value in environment.items():
        monkeypatch.setenv(variable, value)
    assert language() == expected


def test_errors_and_summaries_in_both_languages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "plan.txt").write_text("公司技术水平遥遥领先。\n", encoding="utf-8")
    chinese = invoke(["check", str(tmp_path)])
    assert "disclint：错误：" in chinese.stderr and "空文件" in chinese.stderr
    assert (
        "发现 1 个问题" in chinese.stdout and "1 个文件无法读取" in chinese.stdout and "  警告  HY001" in chinese.stdout
    )
    usage = invoke(["check", "--fail-on", "loud", str(tmp_path)])
    assert usage.exit_code == 2 and "不认识的 --fail-on 'loud'" in usage.stderr
    monkeypatch.setenv("DISCLINT_LANG", "en")
    english = invoke(["check", str(tmp_path)])
    assert "disclint: error: " in english.stderr and "empty file" in english.stderr
    assert "1 problems found" in english.stdout or "problem" in english.stdout
    assert "  warning  HY001" in english.stdout and "could not be read" in english.stdout
    assert "unknown --fail-on 'loud'" in invoke(["check", "--fail-on", "loud", str(tmp_path)]).stderr


def test_a_mistyped_command_gets_one_suggestion(monkeypatch: pytest.MonkeyPatch) -> None:
    # typer and click 8.4+ both suggested the close match, so the hint came twice (with a stray "." in Chinese)
    chinese = invoke(["chekc"])
    assert chinese.exit_code == 2
    last = chinese.stderr.strip().splitlines()[-1]
    assert last == "disclint：错误：没有 'chekc' 这个命令。（是否想用 'check'？）", chinese.stderr
    monkeypatch.setenv("DISCLINT_LANG", "en")
    english = invoke(["chekc"])
    assert english.exit_code == 2 and english.stderr.count("'check'") == 1, english.stderr


def test_a_refused_output_is_explained_in_the_users_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    draft = tmp_path / "plan.txt"
    draft.write_text("公司技术水平遥遥领先。\n", encoding="utf-8")
    (tmp_path / "out").mkdir()
    over = invoke(["check", str(draft), "-o", str(draft)])
    assert over.exit_code == 2 and "不会把报告写在它上面" in over.stderr and "refusing" not in over.stderr, over.stderr
    folder = invoke(["check", str(draft), "--write-baseline", str(tmp_path / "out")])
    assert folder.exit_code == 2 and "不能写入基线文件：它是文件夹" in folder.stderr, folder.stderr
    monkeypatch.setenv("DISCLINT_LANG", "en")
    english = invoke(["check", str(draft), "-o", str(tmp_path / "out")])
    assert english.exit_code == 2 and "refusing to write the report: it is a folder" in english.stderr, english.stderr


def test_init_template_is_in_chinese(tmp_path: Path) -> None:
    target = tmp_path / "disclint.toml"
    result = invoke(["init", str(target)])
    assert result.exit_code == 0 and result.stdout.strip() == f"已写入 {target}"
    text = target.read_text(encoding="utf-8")
    assert "配置" in text and "preset" in text and "review-folder" in text


def test_the_catalog_is_compiled_and_complete() -> None:
    pytest.importorskip("babel")
    completed = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "catalog.py"), "--check"], capture_output=True, text=True
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_install_completion_speaks_the_users_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """typer prints its installer's lines in English only; disclint's callback says them through the catalog."""
    from typer import _completion_shared as completion

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(completion, "_get_shell_name", lambda: "bash")
    chinese = invoke(["--install-completion"])
    assert chinese.exit_code == 0 and chinese.stdout.startswith("已为 bash 安装命令补全："), chinese.stdout
    assert "重新打开终端后生效" in chinese.stdout and (tmp_path / ".bash_completions" / "disclint.sh").is_file()
    monkeypatch.setenv("DISCLINT_LANG", "en")
    english = invoke(["--install-completion"])
    assert english.exit_code == 0 and english.stdout.startswith("bash completion installed in"), english.stdout
    monkeypatch.setenv("DISCLINT_LANG", "zh")
    monkeypatch.setattr(completion, "_get_shell_name", lambda: "tcsh")
    refused = invoke(["--install-completion"])
    assert refused.exit_code == 2 and refused.stderr.startswith("disclint：错误：无法为终端 'tcsh' 安装命令补全"), (
        refused.stderr
    )


def test_a_failed_write_gives_the_operating_systems_reason_in_chinese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The OS's own words ("No such file or directory") came through untranslated after 无法写入报告："""
    draft = tmp_path / "plan.txt"
    draft.write_text("公司技术水平遥遥领先。\n", encoding="utf-8")
    missing = tmp_path / "nowhere" / "report.html"
    chinese = invoke(["check", "--format", "html", "-o", str(missing), str(draft)])
    assert chinese.exit_code == 2 and chinese.stderr.endswith("无法写入报告：文件或文件夹不存在\n"), chinese.stderr
    monkeypatch.setenv("DISCLINT_LANG", "en")
    english = invoke(["check", "--format", "html", "-o", str(missing), str(draft)])
    assert "cannot write the report: No such file or directory" in english.stderr, english.stderr


def test_interrupted_while_starting_says_so_in_the_users_language(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ctrl-C before the command line is built (disclint.launch's own handler) speaks the catalog's language."""
    import types

    from disclint import launch

    broken = types.ModuleType("disclint.cli")

    def interrupted() -> None:
        raise KeyboardInterrupt

    broken.main = interrupted  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "disclint.cli", broken)
    monkeypatch.setattr(sys, "argv", ["disclint", "check", "x.txt"])

    def leave(status: object) -> None:
        raise SystemExit(status)

    monkeypatch.setattr(launch, "exit_now", leave)
    for language_value, said in (("zh", "disclint：已中断\n"), ("en", "disclint: interrupted\n")):
        monkeypatch.setenv("DISCLINT_LANG", language_value)
        with pytest.raises(SystemExit) as finished:
            launch.main()
        assert finished.value.code == 130 and capsys.readouterr().err == said


def test_explain_labels_follow_the_language_and_its_content_stays_chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    chinese = invoke(["explain", "HY001"]).stdout
    assert "类别：hype    默认级别：warning（警告）" in chinese and "不合规示例：" in chinese
    monkeypatch.setenv("DISCLINT_LANG", "en")
    english = invoke(["explain", "HY001"]).stdout
    assert "category: hype    default severity: warning\n" in english and "examples that break the rule:" in english
    assert "类别" not in english and "[SSE STAR Market]" in english
    assert "绝对化、最高级或无来源的排名表述" in english  # the rule's summary is content: Chinese in both


def test_docs_rules_md_does_not_depend_on_who_generated_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from disclint.explain import render_rules_markdown

    chinese = render_rules_markdown()
    monkeypatch.setenv("DISCLINT_LANG", "en")
    assert render_rules_markdown() == chinese and "应说明：" in chinese
    import os

    assert os.environ["DISCLINT_LANG"] == "en"  # speaking("zh") gave the environment back


def test_the_html_report_speaks_the_users_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Its labels, that is: the draft, the messages, clauses and suggestions stay Chinese."""
    draft = tmp_path / "plan.txt"
    draft.write_text(
        "关于2025年度“提质增效重回报”行动方案的公告\n一、提升经营质量\n公司技术水平遥遥领先。\n", encoding="utf-8"
    )
    page = tmp_path / "report.html"
    invoke(["check", str(draft), "--format", "html", "-o", str(page)])
    chinese = page.read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in chinese and "审阅报告" in chinese and "按级别筛选" in chinese
    assert "发现 <b>" in chinese and "应有部分：已有" in chinese
    monkeypatch.setenv("DISCLINT_LANG", "en")
    invoke(["check", str(draft), "--format", "html", "-o", str(page)])
    english = page.read_text(encoding="utf-8")
    assert '<html lang="en">' in english and "disclint <span>review report</span>" in english
    assert 'aria-label="Filter by severity"' in english and "problems found (errors" in english
    assert "审阅报告" not in english and "按级别筛选" not in english and "应有部分" not in english
    assert "遥遥领先" in english and '<article class="doc fmt-txt" lang="zh-CN"' in english


@pytest.mark.parametrize("encoding", ["gbk", "ascii"])
def test_an_output_that_cannot_take_every_character_gets_a_question_mark_not_a_traceback(
    tmp_path: Path, encoding: str
) -> None:
    """A piped output on a Chinese Windows machine is GBK; explain's ✗ is not in it."""
    import os

    draft = tmp_path / "plan.txt"
    draft.write_text("公司技术水平遥遥领先。\n", encoding="utf-8")
    env = dict(os.environ, PYTHONIOENCODING=encoding, DISCLINT_NO_CACHE="1")
    for arguments, status in ((["explain", "HY001"], 0), (["check", str(draft)], 0), (["check", "nowhere.txt"], 2)):
        done = subprocess.run(
            [sys.executable, "-m", "disclint", *arguments], capture_output=True, env=env, cwd=tmp_path
        )
        assert done.returncode == status and b"Traceback" not in done.stderr, (arguments, done.stderr[-400:])
    shown = subprocess.run(
        [sys.executable, "-m", "disclint", "explain", "HY001"], capture_output=True, env=env, cwd=tmp_path
    ).stdout.decode(encoding, "replace")
    assert "HY001" in shown and ("? 公司核心技术" in shown if encoding == "gbk" else "?" in shown)


def test_data_formats_on_stdout_are_utf8_whatever_the_streams_encoding(tmp_path: Path) -> None:
    """`disclint check --format json > out.json` on a Chinese Windows machine: a GBK stdout."""
    import json
    import os

    draft = tmp_path / "plan.txt"
    draft.write_text("公司技术水平遥遥领先。\n", encoding="utf-8")
    env = dict(os.environ, PYTHONIOENCODING="gbk", DISCLINT_NO_CACHE="1")
    for arguments in (["check", "--format", "json", str(draft)], ["rules", "--format", "json"]):
        done = subprocess.run([sys.executable, "-m", "disclint", *arguments], capture_output=True, env=env)
        assert json.loads(done.stdout.decode("utf-8")), arguments
    page = subprocess.run(
        [sys.executable, "-m", "disclint", "check", "--format", "html", str(draft)], capture_output=True, env=env
    ).stdout.decode("utf-8")
    assert '<meta charset="utf-8">' in page and "遥遥领先" in page
    text = subprocess.run([sys.executable, "-m", "disclint", "check", str(draft)], capture_output=True, env=env)
    assert "遥遥领先" in text.stdout.decode("gbk")  # for people: the terminal's own encoding
