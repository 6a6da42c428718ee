"""A content-hash cache of parsed documents (.docx and .pdf).

Parsing a PDF or a Word file is the slow part of linting it; the rules are
fast. The cache keeps the parsed :class:`~disclint.document.Document` (text,
blocks and source map) under a key made of

* the cache schema version and the disclint version,
* a fingerprint of the parser code (``disclint/parse/*.py`` and
  ``disclint/document.py``), so a changed parser never reads stale entries,
* the file's suffix and a SHA-256 of its bytes — not its name or mtime, so a
  renamed or re-checked-out file still hits and a changed one never does.

Entries are JSON (no pickle: a cache folder shared in CI must not be able to
run code), written to a temporary file and renamed into place, so parallel
jobs and concurrent runs never see half an entry. Any cache problem (a
read-only or full disk, a corrupt entry) is a miss, never an error.

The folder is ``--cache-dir``, else ``$DISCLINT_CACHE_DIR``, else the
config's ``cache-dir``, else the user's cache folder (``$XDG_CACHE_HOME``
or ``~/.cache``) + ``disclint`` — the same folder as the lexicon cache.
``--no-cache`` turns it off. ``.txt``/``.md`` are not cached: decoding them
is faster than reading a cache entry.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from disclint import __version__
from disclint.document import Block, BlockKind, Document, SourceLine

CACHE_SCHEMA = "disclint-documents-1"
CACHED_SUFFIXES = (".docx", ".pdf")
_CACHEDIR_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This folder is a cache made by disclint.\n"
_DOCUMENT_FIELDS = {"path", "text", "blocks", "lines", "source_format", "_line_offsets"}
_BLOCK_FIELDS = ("start", "end", "kind", "level")
_LINE_FIELDS = ("offset", "line", "page")


@lru_cache(maxsize=1)
def parser_fingerprint() -> str:
    """A hash of the code that turns bytes into a Document."""
    digest = hashlib.sha256(f"{CACHE_SCHEMA}\0{__version__}\0".encode())
    package = Path(__file__).resolve().parent
    for path in [*sorted((package / "parse").glob("*.py")), package / "document.py"]:
        try:
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
        except OSError:
            digest.update(path.name.encode() + b"\0?\0")
    return digest.hexdigest()[:16]


def _layout_known() -> bool:
    """The serialiser knows every field of Document, Block and SourceLine."""
    return (
        {item.name for item in dataclasses.fields(Document)} == _DOCUMENT_FIELDS
        and tuple(item.name for item in dataclasses.fields(Block)) == _BLOCK_FIELDS
        and tuple(item.name for item in dataclasses.fields(SourceLine)) == _LINE_FIELDS
    )


def encode_document(document: Document) -> dict[str, Any]:
    return {
        "schema": CACHE_SCHEMA,
        "source_format": document.source_format,
        "text": document.text,
        "blocks": [[block.start, block.end, block.kind.value, block.level] for block in document.blocks],
        "lines": [[line.offset, line.line, line.page] for line in document.lines],
    }


def decode_document(data: dict[str, Any], path: str) -> Document:
    return Document(
        path=path,
        text=str(data["text"]),
        blocks=[Block(int(s), int(e), BlockKind(k), int(level)) for s, e, k, level in data["blocks"]],
        lines=[SourceLine(int(o), int(n), None if p is None else int(p)) for o, n, p in data["lines"]],
        source_format=str(data["source_format"]),
    )


class DocumentCache:
    """Parsed documents by content hash, in ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.enabled = _layout_known()
        self.hits = 0
        self.misses = 0

    @staticmethod
    def wants(path: str) -> bool:
        return path.lower().endswith(CACHED_SUFFIXES)

    def key(self, data: bytes, path: str) -> str:
        suffix = Path(path).suffix.lower()
        digest = hashlib.sha256(f"{parser_fingerprint()}\0{suffix}\0".encode())
        digest.update(data)
        return digest.hexdigest()

    def _entry(self, key: str) -> Path:
        return self.folder / "documents" / key[:2] / f"{key}.json"

    def load(self, key: str, path: str) -> Document | None:
        if not self.enabled:
            return None
        try:
            with self._entry(key).open(encoding="utf-8") as handle:
                data = json.load(handle)
            if not isinstance(data, dict) or data.get("schema") != CACHE_SCHEMA:
                raise ValueError("stale entry")
            document = decode_document(data, path)
        except (OSError, ValueError, KeyError, TypeError):
            self.misses += 1
            return None
        self.hits += 1
        return document

    def store(self, key: str, document: Document) -> None:
        if not self.enabled:
            return
        target = self._entry(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            tag = self.folder / "CACHEDIR.TAG"
            if not tag.exists():
                _atomic_write(tag, _CACHEDIR_TAG.encode())
            payload = json.dumps(encode_document(document), ensure_ascii=False, separators=(",", ":"))
            _atomic_write(target, payload.encode("utf-8"))
        except (OSError, ValueError):
            pass  # a read-only or full disk: run without the cache


def _atomic_write(target: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
