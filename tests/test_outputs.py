"""disclint never writes over a file it reads, never writes into something that
is not a regular file, and never leaves half a report behind."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from cli_runner import invoke
from disclint.run.outputs import OutputError, atomic_write, check_target
from fixtures_inputs import write_docx

DRAFT = "一、经营情况\n本公司的工艺遥遥领先，市值力争突破五百亿元。\n"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture()
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "draft.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "second.txt").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def _refused(arguments: list[str], *protected: Path) -> str:
    before = {path: _digest(path) for path in protected}
    result = invoke(arguments)
    assert result.exit_code == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("disclint：错误：")
    for path, digest in before.items():
        assert _digest(path) == digest, f"{path} was modified"
    return result.stderr


def test_report_over_the_draft_itself_is_refused(folder: Path) -> None:
    message = _refused(["check", "draft.txt", "-o", "draft.txt", "--no-cache"], folder / "draft.txt")
    assert "输入文件" in message  # the draft is named as an input, in Chinese


def test_report_over_a_second_input_is_refused(folder: Path) -> None:
    _refused(["check", "draft.txt", "second.txt", "--output", "second.txt", "--no-cache"], folder / "second.txt")


def test_report_over_an_input_found_in_a_folder_walk_is_refused(folder: Path) -> None:
    (folder / "drafts").mkdir()
    (folder / "drafts" / "plan.txt").write_text(DRAFT, encoding="utf-8")
    _refused(["check", "drafts", "-o", "drafts/plan.txt", "--no-cache"], folder / "drafts" / "plan.txt")


def test_html_report_over_a_word_draft_is_refused(folder: Path) -> None:
    write_docx(folder / "plan.docx")
    _refused(["check", "plan.docx", "--format", "html", "-o", "plan.docx", "--no-cache"], folder / "plan.docx")


def test_report_through_a_symlink_to_the_input_is_refused(folder: Path) -> None:
    (folder / "report.txt").symlink_to(folder / "draft.txt")
    _refused(["check", "draft.txt", "-o", "report.txt", "--no-cache"], folder / "draft.txt")


def test_report_through_a_hard_link_to_the_input_is_refused(folder: Path) -> None:
    os.link(folder / "draft.txt", folder / "report.txt")
    _refused(["check", "draft.txt", "-o", "report.txt", "--no-cache"], folder / "draft.txt")


def test_report_through_dot_dot_to_the_input_is_refused(folder: Path) -> None:
    (folder / "sub").mkdir()
    _refused(["check", "draft.txt", "-o", "sub/../draft.txt", "--no-cache"], folder / "draft.txt")


def test_report_over_the_config_or_a_team_lexicon_is_refused(folder: Path) -> None:
    (folder / "team.toml").write_text(
        '[[term]]\nrule = "HY001"\nmatch = "工艺领跑"\nreason = "绝对化"\nsource = "000"\n', encoding="utf-8"
    )
    (folder / "disclint.toml").write_text('lexicons = ["team.toml"]\n', encoding="utf-8")
    _refused(["check", "draft.txt", "-o", "disclint.toml", "--no-cache"], folder / "disclint.toml")
    _refused(["check", "draft.txt", "-o", "team.toml", "--no-cache"], folder / "team.toml")


def test_report_and_baseline_into_one_file_is_refused(folder: Path) -> None:
    _refused(["check", "draft.txt", "-o", "same.json", "--write-baseline", "same.json", "--no-cache"])
    assert not (folder / "same.json").exists()


@pytest.mark.parametrize("target", ["/dev/null", "/proc/self/mem", "."])
def test_report_into_something_that_is_not_a_regular_file_is_refused(folder: Path, target: str) -> None:
    message = _refused(["check", "draft.txt", "-o", target, "--no-cache"])
    assert target in message


@pytest.mark.parametrize("target", ["/dev/null", "/proc/self/mem"])
def test_reviewed_copy_into_a_device_is_refused(folder: Path, target: str) -> None:
    _refused(["annotate", "draft.txt", "-o", target], folder / "draft.txt")


def test_reviewed_copy_over_the_draft_is_refused(folder: Path) -> None:
    write_docx(folder / "plan.docx")
    (folder / "copy.docx").symlink_to(folder / "plan.docx")
    _refused(["annotate", "plan.docx", "-o", "copy.docx"], folder / "plan.docx")


def test_starter_config_into_a_device_is_refused(folder: Path) -> None:
    _refused(["init", "--force", "/dev/null"])


def test_report_through_a_symlink_to_another_file_writes_that_file(folder: Path) -> None:
    (folder / "out").mkdir()
    (folder / "out" / "real.txt").write_text("old", encoding="utf-8")
    (folder / "report.txt").symlink_to(folder / "out" / "real.txt")
    result = invoke(["check", "draft.txt", "-o", "report.txt", "--no-cache"])
    assert result.exit_code in (0, 1)
    assert (folder / "report.txt").is_symlink()
    assert "遥遥领先" in (folder / "out" / "real.txt").read_text(encoding="utf-8")


def test_a_report_interrupted_half_way_leaves_the_old_report_and_no_temporary(folder: Path) -> None:
    target = folder / "report.txt"
    target.write_text("the previous report\n", encoding="utf-8")

    def half_then_interrupted(stream: object) -> None:
        stream.write(b"half of a new rep")  # type: ignore[attr-defined]
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, half_then_interrupted)
    assert target.read_text(encoding="utf-8") == "the previous report\n"
    assert sorted(path.name for path in folder.iterdir()) == ["draft.txt", "report.txt", "second.txt"]


def test_an_unwritable_folder_is_one_error_line(folder: Path) -> None:
    _refused(["check", "draft.txt", "-o", "no/such/folder/report.txt", "--no-cache"])


def test_check_target_returns_the_real_path(folder: Path) -> None:
    (folder / "alias.txt").symlink_to(folder / "new.txt")
    assert check_target(folder / "alias.txt") == (folder / "new.txt").resolve()
    with pytest.raises(OutputError):
        check_target(folder / "alias.txt", [folder / "new.txt"])
