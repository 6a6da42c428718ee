"""A content-hash cache of parsed documents (.docx and .pdf): it can only make a run faster.

Parsing a PDF or a Word file is the slow part of linting it; the rules are
fast. The cache keeps the parsed :class:`~disclint.model.document.Document` (text,
blocks and source map) under a key made of

* the cache schema version and the disclint version,
* a fingerprint of the parser code (``disclint/parse/*.py`` and
  ``disclint/model/document.py``), so a changed parser never reads stale entries,
* the run's context: a fingerprint of the lexicons and of the config file,
* the file's suffix and a SHA-256 of its bytes — not its name or mtime, so a
  renamed or re-checked-out file still hits and a changed one never does.

An entry is two lines of JSON: a header (schema, key, seal) and the document.
The seal is an HMAC-SHA256 of the key and the document's bytes under the
secret of :func:`disclint.cache_folder.cache_secret`, which is not in the
cache folder. On read an entry must be a regular file (a symbolic link is not
followed, a device is not opened) under a size limit, name its own key, carry
a valid seal, and decode to a well-formed document (every block and line
offset within the text, in order, of known kinds). Anything else — a corrupt,
truncated, forged, foreign or oversized entry — is a miss: the file is parsed
again and the entry rewritten. Entries are JSON (no pickle: a cache folder
shared in CI must not be able to run code), written to a temporary file and
renamed into place, so parallel jobs and concurrent runs never see half an
entry. Any cache problem (a read-only or full disk) is a miss, never an error.

The folder is ``--cache-dir``, else ``$DISCLINT_CACHE_DIR``, else the
config's ``cache-dir``, else the user's cache folder (``$XDG_CACHE_HOME``
or ``~/.cache``) + ``disclint`` — the same folder as the lexicon cache.
``--no-cache`` turns it off. ``.txt``/``.md`` are not cached: decoding them
is faster than reading a cache entry. docs/workflow.md describes the trust model.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import hmac
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from disclint import __version__
from disclint.cache_folder import read_regular, seal
from disclint.model.document import Block, BlockKind, Document, SourceLine
from disclint.parse.formats import is_binary

CACHE_SCHEMA = "disclint-documents-2"
MAX_ENTRY_BYTES = 512 * 1024 * 1024
_CACHEDIR_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This folder is a cache made by disclint.\n"
_DOCUMENT_FIELDS = {"path", "text", "blocks", "lines", "source_format", "_line_offsets"}
_BLOCK_FIELDS = ("start", "end", "kind", "level")
_LINE_FIELDS = ("offset", "line", "page")


@lru_cache(maxsize=1)
def parser_fingerprint() -> str:
    """A hash of the code that turns bytes into a Document."""
    digest = hashlib.sha256(f"{CACHE_SCHEMA}\0{__version__}\0".encode())
    package = Path(__file__).resolve().parents[1]
    for path in [*sorted((package / "parse").glob("*.py")), package / "model" / "document.py"]:
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
    """The document an entry holds; ``ValueError`` unless it is well formed (see the module)."""
    text = data["text"]
    if not isinstance(text, str) or not isinstance(data["source_format"], str):
        raise ValueError("text and source_format must be strings")
    text.encode("utf-8")  # no lone surrogates (UnicodeEncodeError is a ValueError)
    size = len(text)
    blocks: list[Block] = []
    last_start = 0
    for item in data["blocks"]:
        start, end, kind, level = item
        if not (_whole(start) and _whole(end) and _whole(level) and last_start <= start <= end <= size):
            raise ValueError("block offsets outside the text or out of order")
        blocks.append(Block(start, end, BlockKind(kind), level))
        last_start = start
    lines: list[SourceLine] = []
    last_offset = 0
    for item in data["lines"]:
        offset, number, page = item
        if not (_whole(offset) and _whole(number) and last_offset <= offset <= size and number >= 1):
            raise ValueError("line offsets outside the text or out of order")
        if page is not None and not (_whole(page) and page >= 0):
            raise ValueError("bad page number")
        lines.append(SourceLine(offset, number, page))
        last_offset = offset
    return Document(path=path, text=text, blocks=blocks, lines=lines, source_format=data["source_format"])


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 1 << 40


class DocumentCache:
    """Parsed documents by content hash, in ``folder``.

    ``context`` fingerprints what else the run depends on (lexicons, config):
    it is part of every key.
    """

    def __init__(self, folder: Path, context: str = "") -> None:
        self.folder = folder
        self.context = context
        self.enabled = _layout_known()
        self.hits = 0
        self.misses = 0

    @staticmethod
    def wants(path: str) -> bool:
        return is_binary(path)

    def key(self, data: bytes, path: str) -> str:
        suffix = Path(path).suffix.lower()
        digest = hashlib.sha256(f"{parser_fingerprint()}\0{__version__}\0{self.context}\0{suffix}\0".encode())
        digest.update(data)
        return digest.hexdigest()

    def _entry(self, key: str) -> Path:
        return self.folder / "documents" / key[:2] / f"{key}.json"

    def load(self, key: str, path: str) -> Document | None:
        if not self.enabled:
            return None
        document = self._read(key, path)
        if document is None:
            self.misses += 1
        else:
            self.hits += 1
        return document

    def _read(self, key: str, path: str) -> Document | None:
        blob = read_regular(self._entry(key), MAX_ENTRY_BYTES)
        if blob is None:
            return None
        header, _, payload = blob.partition(b"\n")
        try:
            head = json.loads(header)
            if not isinstance(head, dict) or head.get("schema") != CACHE_SCHEMA or head.get("key") != key:
                return None
            mark = bytes.fromhex(str(head.get("seal", "")))
            if not hmac.compare_digest(mark, seal(key.encode(), payload)):
                return None
            data = json.loads(payload)
            if not isinstance(data, dict) or data.get("schema") != CACHE_SCHEMA:
                return None
            return decode_document(data, path)
        except Exception:  # anything wrong with an entry is a miss, whatever it is
            return None

    def store(self, key: str, document: Document) -> None:
        if not self.enabled:
            return
        target = self._entry(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            tag = self.folder / "CACHEDIR.TAG"
            if not tag.exists():
                _atomic_write(tag, _CACHEDIR_TAG.encode())
            payload = json.dumps(encode_document(document), ensure_ascii=False, separators=(",", ":")).encode()
            header = json.dumps({"schema": CACHE_SCHEMA, "key": key, "seal": seal(key.encode(), payload).hex()})
            _atomic_write(target, header.encode() + b"\n" + payload)
        except (OSError, ValueError):
            pass  # a read-only or full disk: run without the cache


def context_fingerprint(lexicon_fingerprint: str, config_path: Path | None) -> str:
    """What a run's parsed documents are keyed by besides the file: its lexicons and config file."""
    digest = hashlib.sha256(lexicon_fingerprint.encode() + b"\0")
    if config_path is not None:
        blob = read_regular(config_path, 16 * 1024 * 1024)
        digest.update(blob if blob is not None else b"?")
    return digest.hexdigest()[:16]


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
