"""scripts/catalog.py: extraction keeps every translation, and the catalog covers the source."""

from __future__ import annotations

import importlib.util
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
