"""scripts/catalog.py: extraction keeps every translation, and the catalog covers the source."""

from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def catalog_script(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """scripts/catalog.py, working on a copy of the catalog."""
    pytest.importorskip("babel")
    spec = importlib.util.spec_from_file_location("catalog_script", ROOT / "scripts" / "catalog.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    po = tmp_path / "disclint.po"
    shutil.copy(module.PO, po)
    shutil.copy(module.MO, tmp_path / "disclint.mo")
    monkeypatch.setattr(module, "PO", po)
    monkeypatch.setattr(module, "MO", tmp_path / "disclint.mo")
    monkeypatch.setattr(module, "ROOT", tmp_path)
    return module


def test_extraction_keeps_every_translation(catalog_script: ModuleType) -> None:
    """Running the extraction on the committed catalog changes no translation and drops none."""
    before = {message.id: message.string for message in catalog_script.load() if message.id}
    assert catalog_script.main([]) == 0
    after = {message.id: message.string for message in catalog_script.load() if message.id}
    lost = {key: value for key, value in before.items() if value and after.get(key) != value}
    assert lost == {}


def test_extraction_refuses_to_drop_an_id_it_cannot_see(catalog_script: ModuleType) -> None:
    """An id built at run time (not a literal in _()) is not extracted: its translation is not dropped silently."""
    catalog = catalog_script.load()
    catalog.add("a message built at run time", "运行时拼出的消息", [("src/disclint/cli.py", 1)])
    from babel.messages.pofile import write_po

    with catalog_script.PO.open("wb") as handle:
        write_po(handle, catalog, width=120)
    assert catalog_script.dropped(catalog_script.load(), catalog_script.extracted(libraries=False)) == [
        "a message built at run time"
    ]
    assert catalog_script.main(["--check"]) == 1
    assert catalog_script.main([]) == 1
    assert catalog_script.load().get("a message built at run time") is not None
    assert catalog_script.main(["--drop"]) == 0
    assert catalog_script.load().get("a message built at run time") is None


def test_registry_help_is_extracted(catalog_script: ModuleType) -> None:
    """--format's help is built from the output registry; its pieces are in the catalog, translated."""
    from disclint.report import OUTPUT_FORMATS

    template = catalog_script.extracted(libraries=False)
    catalog = catalog_script.load()
    for fmt in OUTPUT_FORMATS.values():
        if fmt.help and not fmt.help.replace(".", "").isdigit() and not fmt.help.isupper():
            assert template.get(fmt.help) is not None, fmt.help
            entry = catalog.get(fmt.help)
            assert entry is not None and entry.string, fmt.help


# Errors that reach a person as they are (stderr), so their text must go through the catalog. The parsers'
# InputError and the outputs' OutputError stay English (the JSON "error" field) and are translated on the way
# out by disclint.messages.error_text.
USER_FACING_ERRORS = {
    "ConfigError",
    "LexiconError",
    "BaselineError",
    "AnnotateError",
    "GlobError",
    "UsageError",
    "BadValue",
}


def _untranslated_raises(source: str) -> list[int]:
    """Lines raising a user-facing error whose message is English text, not a ``_()`` call.

    A message made only of placeholders and separators (``f"{where}: {exc}"``) composes translated parts.
    """
    import ast

    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in USER_FACING_ERRORS):
            continue
        if not node.args:
            continue
        message = node.args[0]
        if isinstance(message, ast.Constant) and isinstance(message.value, str):
            words = message.value
        elif isinstance(message, ast.JoinedStr):
            words = "".join(part.value for part in message.values if isinstance(part, ast.Constant))
        else:
            continue
        if any(character.isalpha() for character in words):
            found.append(node.lineno)
    return found


def test_user_facing_errors_go_through_the_catalog() -> None:
    offenders = []
    for path in sorted((ROOT / "src" / "disclint").rglob("*.py")):
        for line in _untranslated_raises(path.read_text(encoding="utf-8")):
            offenders.append(f"{path.relative_to(ROOT)}:{line}")
    assert offenders == [], "wrap these messages in _(…).format(…): " + ", ".join(offenders)


def test_the_untranslated_raise_detector() -> None:
    assert _untranslated_raises('raise ConfigError(f"{where}: unknown key")') == [1]
    assert _untranslated_raises('raise ConfigError("empty pattern")') == [1]
    assert _untranslated_raises('raise ConfigError(f"{where}: {exc}")') == []
    assert _untranslated_raises('raise ConfigError(_("{where}: unknown key").format(where=where))') == []
    assert _untranslated_raises('raise InputError(f"the file has {n} lines")') == []


def test_every_reason_a_parser_gives_is_translated() -> None:
    """Each InputError a parser raises (English, for the JSON) has a template in disclint.messages.

    Its placeholders are filled with a sample; the helpers that build a message from words given by their
    callers (too_large, too_many_lines) are left to the sweep, which meets their every use.
    """
    import ast

    from disclint.messages import error_text

    untranslated = []
    for path in sorted((ROOT / "src" / "disclint").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        helpers = {
            id(node)
            for function in ast.walk(tree)
            if isinstance(function, ast.FunctionDef) and function.name in ("too_large", "too_many_lines")
            for node in ast.walk(function)
        }
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "InputError"):
                continue
            if id(node) in helpers or not node.args:
                continue
            message = node.args[0]
            if isinstance(message, ast.Constant) and isinstance(message.value, str):
                sample = message.value
            elif isinstance(message, ast.JoinedStr):
                sample = "".join(part.value if isinstance(part, ast.Constant) else "x1" for part in message.values)
            else:
                continue
            if error_text(sample) == sample:
                untranslated.append(f"{path.relative_to(ROOT)}:{node.lineno}: {sample}")
    assert untranslated == [], "add a template to disclint.messages: " + "; ".join(untranslated)


def test_no_message_is_looked_up_inside_an_f_string() -> None:
    """Extraction (Babel on Python 3.11) reads an f-string as one string token: a ``_("…")`` inside
    its braces is never extracted, so its id never reaches the catalog and the user sees English."""
    import tokenize

    lookup = re.compile(r"\{[^{}]*(?<![\w.])(?:_|ngettext|N_)\(\s*['\"]")
    found = []
    for path in sorted((ROOT / "src" / "disclint").rglob("*.py")):
        with path.open(encoding="utf-8") as handle:
            for token in tokenize.generate_tokens(handle.readline):
                if token.type != tokenize.STRING:
                    continue
                prefix = token.string[: len(token.string) - len(token.string.lstrip("rRbBuUfF"))]
                if "f" in prefix.lower() and lookup.search(token.string):
                    found.append(f"{path.relative_to(ROOT)}:{token.start[0]}: {token.string[:80]}")
    assert not found, "\n".join(found)
