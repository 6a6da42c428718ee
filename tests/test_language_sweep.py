"""Every screen a user can reach speaks one language: no English words in Chinese, no Chinese interface in English.

The screens are those of ``tests/language_sweep.py``: the help of every
command, each command on good and broken drafts, every kind of bad config,
team lexicon and baseline, the limits, the time budget, usage errors,
``rules``, ``explain`` for every code and type, ``init`` and ``annotate``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from language_sweep import Outcome, chinese_words, english_words, sweep, wrong_plurals


def _sweep(language: str, root: Path) -> dict[str, list[Outcome]]:
    """The sweep as a user runs it: Chinese from ``LANG=zh_CN.UTF-8`` alone, English from ``DISCLINT_LANG=en``."""
    with pytest.MonkeyPatch.context() as patch:
        for variable in ("DISCLINT_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES"):
            patch.delenv(variable, raising=False)
        patch.setenv("LANG", "zh_CN.UTF-8")
        if language == "en":
            patch.setenv("DISCLINT_LANG", "en")
        patch.setenv("DISCLINT_NO_CACHE", "1")
        by_command: dict[str, list[Outcome]] = {}
        for outcome in sweep(root):
            by_command.setdefault(outcome.scenario.command, []).append(outcome)
        return by_command


@pytest.fixture(scope="module")
def chinese(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, list[Outcome]]]:
    yield _sweep("zh", tmp_path_factory.mktemp("zh"))


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, list[Outcome]]]:
    yield _sweep("en", tmp_path_factory.mktemp("en"))


COMMANDS = [
    "help", "usage errors", "check", "check: unreadable", "check: limits", "check: config", "check: baseline",
    "rules", "explain", "init", "annotate",
]  # fmt: skip


def _report(outcomes: list[Outcome]) -> str:
    return "\n".join(
        f"{outcome.scenario.label} ({' '.join(outcome.scenario.argv)}): {outcome.english}\n{outcome.text.strip()}"
        for outcome in outcomes
        if outcome.english
    )


@pytest.mark.parametrize("command", COMMANDS)
def test_no_english_in_chinese(chinese: dict[str, list[Outcome]], command: str) -> None:
    outcomes = chinese[command]
    assert outcomes
    assert all(not outcome.english for outcome in outcomes), _report(outcomes)


@pytest.mark.parametrize("command", COMMANDS)
def test_no_chinese_interface_and_no_wrong_plurals_in_english(english: dict[str, list[Outcome]], command: str) -> None:
    outcomes = english[command]
    assert outcomes
    assert all(not outcome.english for outcome in outcomes), _report(outcomes)


def test_the_help_of_every_command_is_swept(chinese: dict[str, list[Outcome]]) -> None:
    helped = {outcome.scenario.argv[0] for outcome in chinese["help"] if "--help" in outcome.scenario.argv}
    assert helped == {"--help", "check", "init", "annotate", "rules", "explain"}
    for outcome in chinese["help"]:
        if "--help" in outcome.scenario.argv:
            assert outcome.status == 0 and "用法：disclint" in outcome.text, outcome.text


def test_every_error_screen_is_an_error(chinese: dict[str, list[Outcome]]) -> None:
    """The broken inputs and configs really fail (a sweep of screens that never show the error proves nothing)."""
    for command in ("usage errors", "check: unreadable", "check: limits", "check: config"):
        for outcome in chinese[command]:
            if outcome.scenario.label != "allow-empty":
                assert outcome.status == 2 and "disclint：错误：" in outcome.text, (
                    outcome.scenario.label,
                    outcome.text,
                )


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("disclint：错误：a.toml: selekt: unknown key", ["unknown", "key"]),
        ("没有检查任何内容：1 个文件无法读取", []),
        ("--format FORMAT  输出格式：text、json 或 html（单文件审阅报告）", []),
        ("CN001  consistency      error    分项之和与总数不符", ["error"]),
        ("类别：hype    默认级别：warning（警告）", []),
        ("disclint：错误：big.txt: the file has 3000 lines, more than the limit", ["the", "has", "lines"]),
        ("依据：一本通 问答Q2；见 https://example.org/a?tagValue=x", []),
        ("为当前 shell 安装命令补全。", ["shell"]),
    ],
)
def test_the_english_detector(text: str, found: list[str]) -> None:
    words = english_words(text)
    assert set(found) <= set(words) and bool(words) == bool(found), words


def test_the_chinese_and_plural_detectors() -> None:
    assert chinese_words("Usage: disclint check\n  用法") == ["用法"]
    assert (
        chinese_words("Lint Chinese disclosure drafts (提质增效重回报行动方案、估值提升计划、激励计\n  划草案……).")
        == []
    )
    assert wrong_plurals("No problems found (1 files checked)") == ["1 files"]
    assert wrong_plurals("1 problem found in 1/2 files; 11 files") == []
