"""The README's walkthroughs are what disclint prints today.

Each ```text block of "A Word draft, step by step" and "What you see" holds
``$ disclint …`` command lines, each followed by its output. The Word draft is
the one tests/fixtures_inputs.py builds (the README's drafts/…行动方案.docx);
the quick start runs on examples/. A block that shows only part of the output
(a line "…") is compared up to the "…" and on its last line.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from cli_runner import invoke

ROOT = Path(__file__).resolve().parents[1]
DRAFT = "2025年度提质增效重回报行动方案.docx"


def _section(title: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def _sessions(section: str) -> list[tuple[str, list[str]]]:
    """(command line, expected output lines) for every ``$ disclint`` line of the section's text blocks."""
    sessions: list[tuple[str, list[str]]] = []
    for block in re.findall(r"```text\n(.*?)```", section, flags=re.DOTALL):
        for line in block.splitlines():
            if line.startswith("$ disclint "):
                sessions.append((line[2:], []))
            elif sessions:
                sessions[-1][1].append(line)
    return sessions


def _matches(expected: list[str], actual: list[str]) -> bool:
    if "…" not in expected:
        return expected == actual
    cut = expected.index("…")
    return actual[:cut] == expected[:cut] and actual[-1:] == expected[-1:]


def _run(command: str) -> list[str]:
    result = invoke(shlex.split(command)[1:])
    return result.stdout.rstrip("\n").splitlines() if result.stdout else []


def test_the_word_draft_walkthrough(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("docx")
    from fixtures_inputs import write_docx

    (tmp_path / "drafts").mkdir()
    write_docx(tmp_path / "drafts" / DRAFT)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DISCLINT_NO_CACHE", "1")
    sessions = _sessions(_section("A Word draft, step by step"))
    assert [command.split()[1] for command, _ in sessions] == ["check", "annotate", "check", "check"]
    for command, expected in sessions:
        actual = _run(command)
        assert _matches(expected, actual), (
            f"{command}\nREADME:\n" + "\n".join(expected) + "\nnow:\n" + "\n".join(actual)
        )
    assert (tmp_path / "drafts" / "审阅" / DRAFT.replace(".docx", ".reviewed.docx")).is_file()
    assert (tmp_path / "审阅报告.html").is_file()


def test_the_quick_start_output(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("DISCLINT_NO_CACHE", "1")
    sessions = _sessions(_section("What you see"))
    assert [command for command, _ in sessions] == ["disclint check examples/"]
    for command, expected in sessions:
        actual = _run(command)
        assert _matches(expected, actual), (
            f"{command}\nREADME:\n" + "\n".join(expected) + "\nnow:\n" + "\n".join(actual)
        )
