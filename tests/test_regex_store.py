"""The compiled-pattern store: same patterns as re.compile, never an error, saved by the CLI and its workers."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from disclint import regex_store
from disclint.launch import store_folder
from disclint.lexicons import LazyRegex, default_lexicon

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SAMPLE = "\n".join(path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.txt")))

pytestmark = pytest.mark.skipif(regex_store.store_file(Path(".")) is None, reason="not CPython's re internals")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Path]:
    re.purge()  # patterns already in re's own cache would not reach the compiler
    assert regex_store.install(tmp_path)
    path = regex_store.store_file(tmp_path)
    assert path is not None
    yield path
    regex_store.uninstall()
    re.purge()


def _reinstall(folder: Path) -> None:
    regex_store.uninstall()
    re.purge()
    assert regex_store.install(folder)


def _behaviour(pattern: re.Pattern[str]) -> tuple[object, ...]:
    matches = [(m.span(), m.groups()) for m in pattern.finditer(SAMPLE)]
    return pattern.pattern, pattern.flags, pattern.groups, dict(pattern.groupindex), matches


def test_saved_patterns_come_back_identical(store: Path) -> None:
    patterns = [
        (r"(?P<amount>\d+(?:\.\d+)?)\s*(?P<unit>亿|万)?元", 0),
        (r"目标(?:股价|市值)|市值(?:管理)?目标", 0),
        (r"no\.\s*1|top\s*\d+", re.IGNORECASE),
        (r"^[一二三四五六七八九十]+、.{2,20}$", re.MULTILINE),
        (r"(?<![第])一流|(?=领先)领先", 0),
    ]
    fresh = [_behaviour(re.compile(pattern, flags)) for pattern, flags in patterns]
    regex_store.save()
    assert store.is_file()
    _reinstall(store.parent)
    assert all((pattern, int(flags)) in regex_store._entries for pattern, flags in patterns)
    stored = [_behaviour(re.compile(pattern, flags)) for pattern, flags in patterns]
    assert stored == fresh
    assert not regex_store._unsaved  # nothing compiled afresh


def test_every_pattern_the_linter_uses_matches_as_re_compiles_it(tmp_path: Path) -> None:
    """Lint the examples through the CLI, then build each stored pattern from its code and compare with re's own."""
    import _sre  # type: ignore[import-not-found]

    completed = _run_cli(["check", str(EXAMPLES), "--fail-on", "never"], tmp_path)
    assert completed.returncode == 0, completed.stderr
    path = regex_store.store_file(tmp_path)
    assert path is not None
    entries = marshal.loads(path.read_bytes())
    assert len(entries) > 300
    compiler = getattr(re, "_compiler", None) or __import__("sre_compile")
    for (pattern, flags), entry in entries.items():
        assert _behaviour(_sre.compile(pattern, *entry)) == _behaviour(compiler.compile(pattern, flags)), pattern


def test_invalid_pattern_raises_as_re_does(store: Path) -> None:
    with pytest.raises(re.error, match="missing \\)"):
        re.compile("(未闭合")


def test_corrupt_store_file_is_ignored(tmp_path: Path) -> None:
    path = regex_store.store_file(tmp_path)
    assert path is not None
    path.write_bytes(b"\x00not marshal")
    re.purge()
    try:
        assert regex_store.install(tmp_path)
        assert re.compile("股价|市值").search("公司市值") is not None
        regex_store.save()
        assert ("股价|市值", 0) in marshal.loads(path.read_bytes())
    finally:
        regex_store.uninstall()
        re.purge()


def test_damaged_entry_is_compiled_afresh(store: Path) -> None:
    regex_store._entries[("公司股价", 0)] = (0, [1, 2, 3], 0, {}, (None,))
    assert re.compile("公司股价").search("本公司股价稳定") is not None
    assert regex_store._entries[("公司股价", 0)][1] != [1, 2, 3]


def test_unwritable_folder_is_only_slower(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    re.purge()
    try:
        assert regex_store.install(blocker / "cache")
        assert re.compile("回购").search("股份回购") is not None
        regex_store.save()  # cannot create the folder: no error
    finally:
        regex_store.uninstall()
        re.purge()


def test_uninstall_gives_re_its_compiler_back(store: Path) -> None:
    compiler = regex_store._compiler
    assert compiler is not None and compiler.compile is not regex_store._original
    regex_store.uninstall()
    assert compiler.compile.__module__ in ("re._compiler", "sre_compile")


def test_store_folder_follows_the_cache_options(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCLINT_CACHE_DIR", str(tmp_path / "env"))
    monkeypatch.delenv("DISCLINT_NO_CACHE", raising=False)
    assert store_folder(["check", "a.txt"]) == tmp_path / "env"
    assert store_folder(["check", "--cache-dir", str(tmp_path / "opt"), "a.txt"]) == tmp_path / "opt"
    assert store_folder(["check", f"--cache-dir={tmp_path / 'eq'}"]) == tmp_path / "eq"
    assert store_folder(["check", "--no-cache", "a.txt"]) is None
    monkeypatch.setenv("DISCLINT_NO_CACHE", "1")
    assert store_folder(["check", "a.txt"]) is None


def _run_cli(arguments: list[str], cache: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DISCLINT_CACHE_DIR": str(cache), "PYTHONPATH": os.pathsep.join(sys.path)}
    env.pop("DISCLINT_NO_CACHE", None)
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from disclint.launch import main; sys.argv[0] = 'disclint'; main()",
            *arguments,
        ],
        capture_output=True,
        text=True,
        env=env,
    )


def test_cli_and_its_workers_fill_the_store_and_output_is_unchanged(tmp_path: Path) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    for index in range(10):
        for path in sorted(EXAMPLES.glob("*.txt")):
            (folder / f"{index}_{path.name}").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    arguments = ["check", str(folder), "--format", "json", "--jobs", "2", "--fail-on", "never"]
    without = _run_cli([*arguments, "--no-cache"], tmp_path / "unused")
    assert without.returncode == 0, without.stderr
    assert not (tmp_path / "unused").exists()

    cache = tmp_path / "cache"
    first = _run_cli(arguments, cache)
    path = regex_store.store_file(cache)
    assert path is not None and path.is_file()
    saved = set(marshal.loads(path.read_bytes()))
    # Lexicon patterns are compiled lazily, in the workers: they are saved too, so the
    # store holds everything a one-process run of the same files compiles.
    serial = _run_cli([*arguments[:-4], "--jobs", "1", "--fail-on", "never"], tmp_path / "serial")
    serial_path = regex_store.store_file(tmp_path / "serial")
    assert serial_path is not None
    in_one_process = set(marshal.loads(serial_path.read_bytes()))
    lexicon_patterns = {entry.source for entry in _lexicon_patterns()}
    assert {key for key in in_one_process if key[0] in lexicon_patterns}
    assert saved >= in_one_process
    second = _run_cli(arguments, cache)
    assert without.stdout == first.stdout == second.stdout == serial.stdout
    assert first.stderr == second.stderr == ""


def _lexicon_patterns() -> list[LazyRegex]:

    return [pattern for term in default_lexicon().terms for pattern in term.patterns()]


def test_old_versions_of_a_store_are_pruned(tmp_path: Path) -> None:
    import time

    from disclint.cache_folder import KEEP_VERSIONS, write_marshal

    for index in range(6):
        old = tmp_path / f"lexicons-old{index}.marshal"
        old.write_bytes(marshal.dumps([index]))
        stamp = time.time() - 1000 + index
        os.utime(old, (stamp, stamp))
    (tmp_path / "regex-other.marshal").write_bytes(b"x")  # another store: untouched
    current = tmp_path / "lexicons-new.marshal"
    write_marshal(current, ["new"], siblings="lexicons-*.marshal")
    kept = sorted(path.name for path in tmp_path.glob("lexicons-*.marshal"))
    assert len(kept) == KEEP_VERSIONS and "lexicons-new.marshal" in kept
    assert kept == sorted(["lexicons-new.marshal", *(f"lexicons-old{index}.marshal" for index in (3, 4, 5))])
    assert (tmp_path / "regex-other.marshal").exists()
