"""Keep the message catalog in step with the source (needs Babel: pip install '.[test]').

    python scripts/catalog.py          extract _()/ngettext() ids from src/disclint,
                                       merge them into the zh_CN .po, compile the .mo
    python scripts/catalog.py --check  exit 1 when the .po lacks an id or a translation,
                                       holds a translation extraction would drop,
                                       or the .mo is not the compiled .po
    python scripts/catalog.py --drop   extract, and drop the translations of ids no longer
                                       in the source (without it, extraction refuses to)

Extraction finds the literal ids of ``_()``, ``ngettext()`` and ``N_()`` (which
marks an id where it is defined, for instance in a registry, and is
translated where it is shown). A message built at run time and passed to
``_()`` has no literal id: extraction cannot see it, and its translation
would silently go on the next run. So extraction never drops a translated
message unless told to, and ``--check`` (run by the tests) names one it would.

Both the .po (what a translator edits) and the .mo (what gettext reads at run
time) are committed, so an install needs no build step.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "disclint"
PO = PACKAGE / "locale" / "zh_CN" / "LC_MESSAGES" / "disclint.po"
MO = PO.with_suffix(".mo")
KEYWORDS = {"_": None, "ngettext": (1, 2), "N_": None}


# typer and the click it carries look their words up with gettext in the default domain, which
# disclint points at its own catalog (disclint.i18n.install_for_libraries): their ids are kept here too.
LIBRARY_FILES = (
    ("typer", ("rich_utils.py", "core.py", "main.py")),
    ("click", ("core.py", "exceptions.py", "formatting.py", "parser.py", "types.py", "decorators.py", "termui.py")),
)


def _library_folder(name: str) -> Path | None:
    import importlib

    try:
        module = importlib.import_module(name)
    except ImportError:  # pragma: no cover
        return None
    return Path(str(module.__file__)).parent


def extracted(*, libraries: bool = True) -> Catalog:
    template = Catalog(project="disclint", domain="disclint")
    for filename, lineno, message, comments, context in extract_from_dir(
        str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)
    ):
        template.add(message, None, [(f"src/disclint/{filename}", lineno)], auto_comments=comments, context=context)
    for package, names in LIBRARY_FILES if libraries else ():
        folder = _library_folder(package)
        if folder is None:
            continue
        for name in names:
            path = folder / name
            if not path.is_file():
                continue
            with path.open("rb") as handle:
                from babel.messages.extract import extract

                for lineno, message, comments, context in extract("python", handle, keywords=KEYWORDS):
                    if isinstance(message, tuple):
                        message = message[0]
                    if message and message not in template:
                        template.add(
                            message, None, [(f"{package}/{name}", lineno)], auto_comments=comments, context=context
                        )
    return template


def load() -> Catalog:
    with PO.open("rb") as handle:
        return read_po(handle, locale="zh_CN", domain="disclint")


def compiled(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def problems(catalog: Catalog, template: Catalog) -> list[str]:
    found = []
    for message in template:
        if not message.id:
            continue
        entry = catalog.get(message.id, context=message.context)
        if entry is None:
            found.append(f"not in the catalog: {message.id!r}")
        elif not entry.string or (isinstance(entry.string, tuple) and not all(entry.string)) or entry.fuzzy:
            found.append(f"not translated: {message.id!r}")
    if not MO.is_file() or MO.read_bytes() != compiled(catalog):
        found.append(f"{MO.relative_to(ROOT)} is not the compiled {PO.name}: run python scripts/catalog.py")
    return found


def dropped(catalog: Catalog, template: Catalog) -> list[str]:
    """The translated ids of disclint's own messages that ``template`` (an extraction) no longer holds.

    Only ids the catalog places in ``src/disclint``: typer's and click's come
    and go with their versions, and are not disclint's to keep.
    """
    return [
        message.id if isinstance(message.id, str) else message.id[0]
        for message in catalog
        if message.id
        and message.string
        and any(filename.startswith("src/disclint/") for filename, _line in message.locations)
        and template.get(message.id, context=message.context) is None
    ]


def main(argv: list[str]) -> int:
    if "--check" in argv:
        # Only disclint's own messages must be translated; a newer typer may bring words the catalog lacks.
        catalog, template = load(), extracted(libraries=False)
        issues = problems(catalog, template)
        issues += [f"extraction would drop the translation of {message!r}" for message in dropped(catalog, template)]
        for issue in issues:
            print(issue)
        return 1 if issues else 0
    template = extracted()
    catalog = load() if PO.is_file() else Catalog(locale="zh_CN", project="disclint", domain="disclint")
    lost = dropped(catalog, template)
    if lost and "--drop" not in argv:
        for message in lost:
            print(f"not in the source any more: {message!r}")
        print("refusing to drop these translations: mark their ids with _(), ngettext() or N_(), or pass --drop")
        return 1
    catalog.update(template, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    PO.parent.mkdir(parents=True, exist_ok=True)
    with PO.open("wb") as handle:
        write_po(handle, catalog, width=120, omit_header=False, sort_output=False)
    MO.write_bytes(compiled(catalog))
    untranslated = [m.id for m in catalog if m.id and not m.string]
    print(f"{PO.relative_to(ROOT)}: {len(catalog)} messages, {len(untranslated)} untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
