"""Compiled regular expressions kept between runs (CPython only).

CPython compiles a pattern in two steps: a pure-Python parser and code
generator (``re._parser``, ``re._compiler``) turn it into a list of integers,
and ``_sre.compile`` builds the Pattern from that list in C. disclint compiles
about 500 patterns on a run (the rules' own, the lexicons' terms and cues,
the required-section packs): 30–50 ms of a 0.2 s run, paid again by each
``--jobs`` worker for the lexicon patterns its files need. The store keeps each
pattern's integer code in a marshal file in the cache folder, so later runs
do only the C step — the same idea as Python's own ``__pycache__``.

Safety:

* the file name carries a hash of the exact Python build and the regex
  engine's MAGIC number, so code made by one interpreter is never given to
  another;
* :func:`install` first compiles a probe both ways and installs nothing if
  the results differ (a Python whose ``re`` internals changed);
* ``_sre.compile`` validates the code it is given; a damaged entry, an
  unreadable or corrupt file, or a read-only folder falls back to the
  ordinary compiler — never an error, at most a slower run.

Only the command-line entry point installs the store (:mod:`disclint.launch`);
importing disclint as a library leaves ``re`` untouched. ``DISCLINT_NO_CACHE``
or ``--no-cache`` turn it off, like the other caches.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from disclint.cache_folder import cache_dir, read_marshal, write_marshal

# (pattern, flags) -> the arguments of _sre.compile after the pattern.
Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]

_MAX_ENTRIES = 4000  # a file grown past this (lexicons edited many times) starts afresh
_STORE_VERSION = "disclint-regex-1"

_entries: dict[tuple[str, int], Entry] = {}
_unsaved: dict[tuple[str, int], Entry] = {}
_store_path: Path | None = None
_original: Callable[..., Any] | None = None
_compiler: Any = None


def _internals() -> tuple[Any, Any, Any] | None:
    """The stdlib's pattern compiler, parser and ``_sre``, if this Python has them as expected."""
    if sys.implementation.name != "cpython":
        return None
    try:
        import _sre  # type: ignore[import-not-found]
        import re

        compiler = getattr(re, "_compiler", None)
        if compiler is None:  # Python 3.10
            import sre_compile as compiler
        parser = getattr(compiler, "_parser", None) or getattr(compiler, "sre_parse", None)
    except ImportError:
        return None
    if parser is None or not callable(getattr(compiler, "_code", None)) or not callable(getattr(parser, "parse", None)):
        return None
    return compiler, parser, _sre


def store_file(folder: Path) -> Path | None:
    """The store's file for this interpreter in ``folder``."""
    found = _internals()
    return _store_file(folder, found[2]) if found is not None else None


def _store_file(folder: Path, sre: Any) -> Path:
    build = f"{_STORE_VERSION}\0{sys.version}\0{sys.implementation.cache_tag}\0{sre.MAGIC}\0{sre.CODESIZE}"
    return folder / f"regex-{hashlib.sha256(build.encode()).hexdigest()[:16]}.marshal"


def _read(path: Path) -> dict[tuple[str, int], Entry]:
    data = read_marshal(path)
    return data if isinstance(data, dict) else {}


def install(folder: Path | None = None) -> bool:
    """Route ``re``'s compiler through the store; ``False`` when this Python or the folder does not allow it."""
    global _store_path, _original, _compiler
    if _original is not None:
        return True
    folder = folder if folder is not None else cache_dir()
    found = _internals()
    if folder is None or found is None:
        return False
    compiler, parser, sre = found
    path = _store_file(folder, sre)
    original = compiler.compile

    def compile_with_store(pattern: Any, flags: int = 0) -> Any:
        if type(pattern) is not str or flags & compiler.SRE_FLAG_DEBUG:
            return original(pattern, flags)
        key = (pattern, flags)
        entry = _entries.get(key)
        if entry is not None:
            try:
                return sre.compile(pattern, *entry)
            except Exception:  # a damaged entry: compile afresh below
                del _entries[key]
        parsed = parser.parse(pattern, flags)  # raises re.error exactly as re.compile does
        state = parsed.state
        groupindex = dict(state.groupdict)
        indexgroup: list[str | None] = [None] * state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        # int(): the opcodes are an int subclass, which marshal does not write.
        code = [int(op) for op in compiler._code(parsed, flags)]
        entry = (int(flags | state.flags), code, int(state.groups - 1), groupindex, tuple(indexgroup))
        compiled = sre.compile(pattern, *entry)
        _entries[key] = _unsaved[key] = entry
        return compiled

    if not _agrees(original, compile_with_store):
        return False
    _entries.clear()
    _unsaved.clear()
    _entries.update(_read(path))
    _store_path, _original, _compiler = path, original, compiler
    compiler.compile = compile_with_store
    return True


def _agrees(original: Callable[..., Any], candidate: Callable[..., Any]) -> bool:
    """The store's compiler builds the same pattern as the stdlib's on a probe (checked twice: fresh and stored)."""
    probe = r"(?P<amount>\d+(?:\.\d+)?)\s*(?:亿|万)?元|(?i:no\.\s*1)|[^\W\d_]{2,}?$"
    try:
        expected = original(probe, 0)
        results = [candidate(probe, 0), candidate(probe, 0)]
    except Exception:
        return False
    finally:
        _entries.pop((probe, 0), None)
        _unsaved.pop((probe, 0), None)
    sample = "股价100.5亿元 No. 1 计划"
    for result in results:
        if (result.pattern, result.flags, result.groups, dict(result.groupindex)) != (
            expected.pattern,
            expected.flags,
            expected.groups,
            dict(expected.groupindex),
        ):
            return False
        if [m.span() for m in result.finditer(sample)] != [m.span() for m in expected.finditer(sample)]:
            return False
    return True


def uninstall() -> None:
    """Give ``re`` its own compiler back (tests)."""
    global _original, _store_path, _compiler
    if _original is not None and _compiler is not None:
        _compiler.compile = _original
    _original = _store_path = _compiler = None
    _entries.clear()
    _unsaved.clear()


def save() -> None:
    """Write the patterns compiled since the last save, merged with what the file holds now."""
    if not _unsaved or _store_path is None:
        return
    first = not _store_path.exists()
    merged = _read(_store_path)
    if len(merged) + len(_unsaved) > _MAX_ENTRIES:
        merged = {}
    merged.update(_unsaved)
    _unsaved.clear()
    # A new store (another Python build): older builds' stores beyond a few are removed.
    write_marshal(_store_path, merged, siblings="regex-*.marshal" if first else None)
