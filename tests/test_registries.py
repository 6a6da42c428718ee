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
from disclint.structure import doctypes

ROOT = Path(__file__).resolve().parents[1]
FAULTY = "公司核心技术遥遥领先。\n"


def _hook_fields(name: str) -> list[str]:
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    found = re.findall(rf"^\s*{name}:\s*(.+)$", text, re.MULTILINE)
    assert found, name
    return [value.strip() for value in found]


def test_the_hooks_leave_the_choice_of_files_to_the_registry() -> None:
    """No suffix list in the manifest: every staged file is named and ``check --drafts-in`` keeps the drafts."""
    assert not re.search(r"^\s*files:", (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"), re.MULTILINE)
    for entry in _hook_fields("entry"):
        folders = re.search(r"--drafts-in (\S+)", entry)
        assert folders, entry
        assert tuple(folders.group(1).split(",")) == formats.HOOK_DRAFT_FOLDERS
    for fmt in FORMATS:
        for suffix in (*fmt.suffixes, *fmt.aliases):
            assert formats.is_draft(f"drafts/草案{suffix.upper()}", formats.HOOK_DRAFT_FOLDERS)
            assert formats.is_draft(f"项目/公告/2025/草案{suffix}", formats.HOOK_DRAFT_FOLDERS)
            # Text drafts only in draft folders; binary ones anywhere.
            assert formats.is_draft(f"草案{suffix}", formats.HOOK_DRAFT_FOLDERS) is fmt.binary
            assert formats.is_draft(f"notes/草案{suffix}", formats.HOOK_DRAFT_FOLDERS) is fmt.binary
    assert not formats.is_draft("drafts/草案.doc", formats.HOOK_DRAFT_FOLDERS)
    assert not formats.is_draft("drafts公告/草案.txt", formats.HOOK_DRAFT_FOLDERS)  # a folder name, not a part of one


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
    assert all(name in help_text for name in doctypes.names())  # --type names every registered type
    assert all(suffix in help_text for suffix in formats.suffixes())  # --drafts-in names every suffix


def test_a_new_document_type_is_one_module_and_its_name(monkeypatch: pytest.MonkeyPatch) -> None:
    """A type registered in the order is detected, listed by --type's help and rules --format json, explained,
    and its rules are left out where it says so."""
    meeting = doctypes.DocType(
        name="scratch_meeting",
        label="临时会议通知",
        summary="召开临时会议的通知",
        titles=doctypes.patterns(r"召开[^，。\n]{0,20}临时会议的通知"),
        skip=frozenset({"HY"}),
        skip_reason="通知只列会议议题",
    )
    registry = {"scratch_meeting": meeting, **doctypes.registry()}
    monkeypatch.setattr(doctypes, "registry", lambda: registry)
    draft = "关于召开第二次临时会议的通知\n本次会议审议公司核心技术遥遥领先的议题。\n"
    result = invoke(["check", "-", "--format", "json", "--no-config", "--fail-on", "never"], input=draft)
    [file] = json.loads(result.stdout)["files"]
    assert file["doc_type"] == "scratch_meeting" and not file["findings"]
    assert "scratch_meeting" in " ".join(invoke(["check", "--help"]).stdout.split())
    listed = json.loads(invoke(["rules", "--format", "json"]).stdout)["doc_types"]
    assert any(entry["name"] == "scratch_meeting" and "HY001" not in entry["rules"] for entry in listed)
    assert "临时会议通知" in invoke(["explain", "scratch_meeting"]).stdout


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
    assert formats.is_draft("plan.scr", formats.HOOK_DRAFT_FOLDERS)  # the pre-commit hooks take it anywhere
    help_text = " ".join(invoke(["check", "--help"]).stdout.split())
    assert ".scr" in help_text  # --drafts-in names it
    # The folder is walked for it, the cache keeps it, GitHub gets a file-level annotation.
    result = invoke(["check", str(folder), "--format", "json", "--no-config", "--fail-on", "never"])
    [file] = json.loads(result.stdout)["files"]
    assert file["path"].endswith("plan.scr") and file["findings"]
    result = invoke(["check", str(folder), "--format", "github", "--no-config", "--fail-on", "never"])
    assert "file=" in result.stdout and ",line=" not in result.stdout
    from disclint.run.cache import DocumentCache

    assert DocumentCache.wants("plan.scr")
