"""Parsers: one module per input format, each returns a :class:`Document`.

``parse_bytes`` picks the parser from the file name through the format
registry (:mod:`disclint.parse.formats`). Heavy parsers (PDF, DOCX) are
imported only when such a file is linted. Every parser works within
:class:`~disclint.parse.limits.Limits` and raises :class:`InputError` (one
line for the user) for what it cannot read; :func:`parse_path` reads regular
files only.
"""

from __future__ import annotations

import re
from pathlib import Path

from disclint.model.document import Document
from disclint.parse.errors import InputError
from disclint.parse.formats import PLAIN_TEXT, for_path
from disclint.parse.limits import DEFAULT_LIMITS, Limits, read_input, too_large, too_many_chars, too_many_lines

_LEGACY_WORD = {".doc": "legacy Word .doc", ".wps": "WPS .wps"}

# A lone surrogate (U+D800–U+DFFF) is not a character: it cannot be encoded as
# UTF-8 (the cache, the reports) and breaks the segmenter. A Word w:sym or a
# PDF text layer can produce one.
_SURROGATE = re.compile("[\ud800-\udfff]")


def parse_bytes(data: bytes, path: str, *, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Parse ``data`` as the file named ``path`` (used for the format only)."""
    if len(data) > limits.max_file_bytes:
        raise too_large("the input", len(data), limits.max_file_bytes, "--max-file-size")
    suffix = Path(path).suffix.lower()
    if suffix in _LEGACY_WORD:
        raise InputError(f"{_LEGACY_WORD[suffix]} files are not supported: save as .docx and lint that")
    document = (for_path(path) or PLAIN_TEXT).parse(data, path, limits)
    if len(document.text) > limits.max_chars:
        raise too_many_chars(len(document.text), limits.max_chars)
    if len(document.lines) > limits.max_lines:
        raise too_many_lines("lines", len(document.lines), limits.max_lines)
    return without_surrogates(document)


def parse_path(path: Path, *, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Parse the regular file ``path`` (FIFOs, devices and sockets are refused)."""
    return parse_bytes(read_input(path, limits), str(path), limits=limits)


def without_surrogates(document: Document) -> Document:
    """``document`` with every lone surrogate replaced by U+FFFD, one for one (offsets stay)."""
    if _SURROGATE.search(document.text) is not None:
        document.text = _SURROGATE.sub("\ufffd", document.text)
    return document


__all__ = [
    "DEFAULT_LIMITS",
    "InputError",
    "Limits",
    "parse_bytes",
    "parse_path",
    "read_input",
    "without_surrogates",
]
