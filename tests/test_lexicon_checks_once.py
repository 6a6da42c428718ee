"""The class and frame patterns are compiled at load once per content: a load of the same files
again (with a cache folder) does not compile them all again; changed files are checked anew."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from disclint import frames
from disclint.lexicons import LexiconError, load_lexicons

LEXICONS = Path(__file__).resolve().parents[1] / "lexicons"


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """The patterns that loads compile to check them (a cache folder and a key of the test's own)."""
    monkeypatch.setenv("DISCLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.delenv("DISCLINT_NO_CACHE", raising=False)
    compiled: list[str] = []
    check = frames._check_regex

    def counted(pattern: str, where: str) -> None:
        compiled.append(pattern)
        check(pattern, where)

    monkeypatch.setattr(frames, "_check_regex", counted)
    return compiled


def test_the_same_files_are_checked_once(checks: list[str]) -> None:
    load_lexicons()
    assert checks  # the first load compiled them
    checks.clear()
    load_lexicons()
    assert checks == []


def test_without_a_cache_folder_every_load_checks(checks: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCLINT_NO_CACHE", "1")
    load_lexicons()
    first = len(checks)
    load_lexicons()
    assert first and len(checks) == 2 * first


def test_a_changed_frame_file_is_checked_anew(checks: list[str], tmp_path: Path) -> None:
    folder = tmp_path / "lexicons"
    shutil.copytree(LEXICONS, folder)
    load_lexicons([folder])
    frame_file = sorted((folder / "frames").glob("*.toml"))[0]
    text = frame_file.read_text(encoding="utf-8")
    # an unless item that is a broken regex, in the first frame's own list
    broken = text.replace("[[frame]]\n", '[[frame]]\nunless = ["(未闭合"]\n', 1)
    assert broken != text
    frame_file.write_text(broken, encoding="utf-8")
    with pytest.raises(LexiconError, match="bad pattern"):
        load_lexicons([folder])
