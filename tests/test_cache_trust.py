"""The document cache and the lexicon cache can only make a run faster: an
entry that is forged, sealed under another key, out of range, or not a
regular file is a miss, and the findings are those of a run without cache."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from cli_runner import invoke
from disclint import cache_folder
from disclint.cache_folder import read_marshal, seal, write_marshal
from disclint.run.cache import CACHE_SCHEMA, DocumentCache, context_fingerprint
from fixtures_inputs import write_docx


@pytest.fixture(autouse=True)
def own_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.delenv(cache_folder.KEY_ENV, raising=False)
    cache_folder.cache_secret.cache_clear()
    yield
    cache_folder.cache_secret.cache_clear()


@pytest.fixture()
def draft(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return write_docx(tmp_path / "plan.docx")


def _json(*extra: str) -> tuple[int, str]:
    result = invoke(["check", "plan.docx", "--format", "json", *extra])
    assert "Traceback" not in result.stderr and result.stderr == "", result.stderr
    return result.exit_code, result.stdout


def _entry(folder: Path) -> Path:
    entries = list((folder / "documents").glob("*/*.json"))
    assert len(entries) == 1
    return entries[0]


def _reseal(entry: Path, document: dict[str, object]) -> None:
    """Rewrite ``entry`` with ``document`` under a valid seal (as only the key's holder can)."""
    header = json.loads(entry.read_text(encoding="utf-8").splitlines()[0])
    payload = json.dumps(document).encode("utf-8")
    header["seal"] = seal(header["key"].encode(), payload).hex()
    entry.write_bytes(json.dumps(header).encode() + b"\n" + payload)


def _document(entry: Path) -> dict[str, object]:
    loaded = json.loads(entry.read_text(encoding="utf-8").splitlines()[1])
    assert isinstance(loaded, dict)
    return loaded


def test_a_forged_clean_entry_does_not_hide_findings(draft: Path) -> None:
    expected = _json("--no-cache")
    assert expected[0] == 1 and json.loads(expected[1])["files"][0]["findings"]
    assert _json("--cache-dir", "c") == expected
    entry = _entry(Path("c"))
    # What a poisoned CI cache would hold: a well-formed, harmless-looking document.
    header = json.loads(entry.read_text(encoding="utf-8").splitlines()[0])
    forged = {
        "schema": CACHE_SCHEMA,
        "source_format": "docx",
        "text": "一、总则\n本公司经营稳健。\n",
        "blocks": [],
        "lines": [],
    }
    entry.write_text(json.dumps(header) + "\n" + json.dumps(forged, ensure_ascii=False), encoding="utf-8")
    assert _json("--cache-dir", "c") == expected
    assert "本公司经营稳健" not in entry.read_text(encoding="utf-8")  # the miss rewrote it


def test_an_entry_sealed_on_another_machine_is_a_miss(draft: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = _json("--no-cache")
    monkeypatch.setenv(cache_folder.KEY_ENV, "the other machine's key")
    cache_folder.cache_secret.cache_clear()
    _json("--cache-dir", "c")
    entry = _entry(Path("c"))
    document = _document(entry)
    document["text"] = "一、总则\n本公司经营稳健。\n"
    document["blocks"], document["lines"] = [], []
    _reseal(entry, document)
    monkeypatch.delenv(cache_folder.KEY_ENV)
    cache_folder.cache_secret.cache_clear()
    assert _json("--cache-dir", "c") == expected


@pytest.mark.parametrize(
    "damage",
    [
        lambda doc: doc["blocks"].append([0, 10**9, "paragraph", 0]),
        lambda doc: doc["blocks"].insert(0, [-5, 3, "paragraph", 0]),
        lambda doc: doc["lines"].append([10**9, 2, 1]),
        lambda doc: doc["lines"].append([3, True, None]),
        lambda doc: doc["blocks"].append([0, 1, "no-such-kind", 0]),
        lambda doc: doc.update(text=["not", "text"]),
        lambda doc: doc.update(text="\ud800 lone surrogate"),
        lambda doc: doc.update(lines="a string"),
        lambda doc: doc["blocks"].reverse() if len(doc["blocks"]) > 1 else doc["blocks"].append([1, 0, "paragraph", 0]),
    ],
)
def test_a_sealed_entry_with_bad_offsets_or_types_is_a_miss_not_a_crash(draft: Path, damage: object) -> None:
    expected = _json("--no-cache")
    _json("--cache-dir", "c")
    entry = _entry(Path("c"))
    document = _document(entry)
    damage(document)  # type: ignore[operator]
    _reseal(entry, document)
    assert _json("--cache-dir", "c") == expected


@pytest.mark.parametrize("target", ["/dev/zero", "/dev/urandom", "fifo", "folder"])
def test_an_entry_that_is_not_a_regular_file_is_never_read(draft: Path, tmp_path: Path, target: str) -> None:
    expected = _json("--no-cache")
    _json("--cache-dir", "c")
    entry = _entry(Path("c"))
    entry.unlink()
    if target == "fifo":
        os.mkfifo(tmp_path / "pipe")
        entry.symlink_to(tmp_path / "pipe")
    elif target == "folder":
        entry.mkdir()
    else:
        entry.symlink_to(target)
    assert _json("--cache-dir", "c") == expected


def test_the_key_covers_tool_lexicons_and_config(tmp_path: Path) -> None:
    data = b"the same bytes"
    plain = DocumentCache(tmp_path, context_fingerprint("lexicons-a", None))
    other_lexicons = DocumentCache(tmp_path, context_fingerprint("lexicons-b", None))
    config = tmp_path / "disclint.toml"
    config.write_text('fail-on = "warning"\n', encoding="utf-8")
    with_config = DocumentCache(tmp_path, context_fingerprint("lexicons-a", config))
    keys = {cache.key(data, "a.pdf") for cache in (plain, other_lexicons, with_config)}
    assert len(keys) == 3
    config.write_text('fail-on = "error"\n', encoding="utf-8")
    assert DocumentCache(tmp_path, context_fingerprint("lexicons-a", config)).key(data, "a.pdf") not in keys


def test_a_forged_lexicon_cache_is_ignored(tmp_path: Path) -> None:
    store = tmp_path / "lexicons-0123.marshal"
    write_marshal(store, [{"term": []}])
    assert read_marshal(store) == [{"term": []}]
    import marshal

    # Someone without the key replaces the data (the seal in front stays as it was).
    blob = store.read_bytes()
    store.write_bytes(blob[: cache_folder.SEAL_SIZE] + marshal.dumps([{"term": [{"rule": "XX"}]}]))
    assert read_marshal(store) is None
    store.write_bytes(marshal.dumps([{}]))  # an unsealed store, as older versions wrote
    assert read_marshal(store) is None
    store.unlink()
    store.symlink_to("/dev/zero")
    assert read_marshal(store) is None


def test_a_forged_lexicon_cache_does_not_change_findings(draft: Path) -> None:
    expected = _json("--no-cache")
    assert _json("--cache-dir", "c") == expected
    for store in Path("c").glob("lexicons-*.marshal"):
        import marshal

        store.write_bytes(b"\0" * cache_folder.SEAL_SIZE + marshal.dumps([{} for _ in range(8)]))
    assert _json("--cache-dir", "c") == expected


def test_no_file_of_the_cache_folder_but_a_document_entry_changes_findings(draft: Path) -> None:
    """issue 15: rewriting the compiled-pattern store's entries halved the findings. The store
    is gone; whatever else the cache folder holds (lexicon cache, spec markers, keys of
    other versions) may be overwritten with anything and the findings stay those of a
    run without cache."""
    expected = _json("--no-cache")
    assert _json("--cache-dir", "c") == expected
    others = [path for path in Path("c").rglob("*") if path.is_file() and "documents" not in path.parts]
    assert others and not [path for path in others if path.name.startswith("regex-")]
    for path in others:
        path.write_bytes(b"\x00not what was written" * 4)
    assert _json("--cache-dir", "c") == expected


def test_the_key_file_is_made_once_and_private(tmp_path: Path) -> None:
    first = cache_folder.cache_secret()
    cache_folder.cache_secret.cache_clear()
    assert cache_folder.cache_secret() == first
    key_file = tmp_path / "state" / "disclint" / "cache-key"
    assert key_file.stat().st_mode & 0o077 == 0


def test_a_short_key_left_by_a_killed_run_is_replaced(tmp_path: Path) -> None:
    key_file = tmp_path / "state" / "disclint" / "cache-key"
    key_file.parent.mkdir(parents=True)
    key_file.write_bytes(b"half")
    key = cache_folder.cache_secret()
    assert len(key) == cache_folder.SEAL_SIZE and key_file.read_bytes() == key
    cache_folder.cache_secret.cache_clear()
    assert cache_folder.cache_secret() == key
    assert sorted(path.name for path in key_file.parent.iterdir()) == ["cache-key"]


def test_two_runs_at_once_on_one_empty_cache_report_what_a_run_without_cache_reports(tmp_path: Path) -> None:
    """The issue's campaign found this held (concurrent runs on one cache); kept so it goes on holding."""
    write_docx(tmp_path / "plan.docx")
    (tmp_path / "notes.txt").write_text("公司产品工艺遥遥领先，力争市值突破千亿元。\n", encoding="utf-8")
    command = [sys.executable, "-m", "disclint", "check", "--format", "json", "plan.docx", "notes.txt"]
    environment = dict(os.environ)
    reference = subprocess.run(
        [*command, "--no-cache"], cwd=tmp_path, capture_output=True, env=environment, timeout=120
    )
    for _ in range(3):
        cache = tmp_path / "cache"
        runs = [
            subprocess.Popen(
                [*command, "--cache-dir", str(cache)],
                cwd=tmp_path,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=environment,
            )
            for _ in range(2)
        ]
        for run in runs:
            out, err = run.communicate(timeout=120)
            assert (run.returncode, out, err) == (reference.returncode, reference.stdout, reference.stderr)
        warm = subprocess.run([*command, "--cache-dir", str(cache)], cwd=tmp_path, capture_output=True, timeout=120)
        assert (warm.returncode, warm.stdout) == (reference.returncode, reference.stdout)
        shutil.rmtree(cache)
