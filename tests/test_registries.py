"""The input- and output-format registries: what derives from them agrees with them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from cli_runner import invoke
from disclint.model.document import Document, lines_of_plain_text
from disclint.parse import formats, parse_bytes
from disclint.parse.formats import FORMATS, InputFormat, Locations
from disclint.report import OUTPUT_FORMATS, format_help

ROOT = Path(__file__).resolve().parents[1]
FAULTY = "公司核心技术遥遥领先。\n"


def _hook_fields(name: str) -> list[str]:
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    found = re.findall(rf"^\s*{name}:\s*(.+)$", text, re.MULTILINE)
    assert found, name
    return [value.strip() for value in found]


def test_pre_commit_files_pattern_is_the_registry_s() -> None:
    for files in _hook_fields("files"):
        assert files == formats.files_pattern(), f"write `files: {formats.files_pattern()}`"
    pattern = re.compile(formats.files_pattern())
    for fmt in FORMATS:
        for suffix in (*fmt.suffixes, *fmt.aliases):
            assert pattern.search(f"drafts/草案{suffix.upper()}") and pattern.search(f"公告/草案{suffix}")
            assert bool(pattern.search(f"草案{suffix}")) is fmt.binary  # text drafts only in draft folders
    assert not pattern.search("drafts/草案.doc")


def test_pre_commit_description_names_every_walked_suffix() -> None:
    description = _hook_fields("description")[0]
    assert all(suffix in description for suffix in formats.walked_suffixes() if formats.is_binary(f"x{suffix}"))


def test_every_format_names_its_parser_and_parses() -> None:
    for fmt in FORMATS:
        module, _, function = fmt.parser.partition(":")
        assert module.startswith("disclint.parse.") and function
        assert formats.for_path(f"x{fmt.suffixes[0]}") is fmt
        assert formats.named(fmt.name) is fmt
    assert formats.for_path("x.unknown") is None


def test_help_lists_the_registries(tmp_path: Path) -> None:
    result = invoke(["check", "--help"])
    help_text = " ".join(result.stdout.split())
    assert all(name in help_text for name in OUTPUT_FORMATS)  # the help is translated; the names are not
    assert all(name in format_help() for name in OUTPUT_FORMATS)
    assert set(OUTPUT_FORMATS) == {"text", "json", "github", "sarif", "junit", "html"}


def _parse_scratch(data: bytes, path: str, *, limits: object) -> Document:
    text = data.decode("utf-8").replace("|", "\n")
    from disclint.model.document import Block

    return Document(path=path, text=text, blocks=[Block(0, len(text))], lines=lines_of_plain_text(text))


def test_a_new_input_format_is_one_registration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scratch = InputFormat(
        "scratch",
        (".scr",),
        "草稿",
        "application/x-scratch",
        f"{__name__}:_parse_scratch",
        binary=True,
        locations=Locations.PARAGRAPH,
    )
    monkeypatch.setattr(formats, "FORMATS", [*FORMATS, scratch])
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "plan.scr").write_text(FAULTY, encoding="utf-8")
    assert parse_bytes(FAULTY.encode(), "plan.scr").text == FAULTY
    assert "scr" in formats.files_pattern()
    # The folder is walked for it, the cache keeps it, GitHub gets a file-level annotation.
    result = invoke(["check", str(folder), "--format", "json", "--no-config", "--fail-on", "never"])
    [file] = json.loads(result.stdout)["files"]
    assert file["path"].endswith("plan.scr") and file["findings"]
    result = invoke(["check", str(folder), "--format", "github", "--no-config", "--fail-on", "never"])
    assert "file=" in result.stdout and ",line=" not in result.stdout
    from disclint.run.cache import DocumentCache

    assert DocumentCache.wants("plan.scr")
