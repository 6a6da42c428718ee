"""Parsers: one module per input format, each returns a :class:`Document`.

``parse_bytes`` picks the parser from the file name. Heavy parsers (PDF,
DOCX) are imported only when such a file is linted.
"""

from __future__ import annotations

from pathlib import Path

from disclint.document import Document
from disclint.parse.errors import InputError

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
SUPPORTED_SUFFIXES = (".txt", ".md", ".docx", ".pdf")

_LEGACY_WORD = {".doc": "legacy Word .doc", ".wps": "WPS .wps"}


def parse_bytes(data: bytes, path: str) -> Document:
    """Parse ``data`` as the file named ``path`` (used for the format only)."""
    suffix = Path(path).suffix.lower()
    if suffix in _LEGACY_WORD:
        raise InputError(f"{_LEGACY_WORD[suffix]} files are not supported: save as .docx and lint that")
    if suffix == ".docx":
        from disclint.parse.docx import parse_docx

        return parse_docx(data, path)
    if suffix == ".pdf":
        from disclint.parse.pdf import parse_pdf

        return parse_pdf(data, path)
    from disclint.parse.plaintext import parse_plain_text

    return parse_plain_text(data, path)


def parse_path(path: Path) -> Document:
    try:
        data = path.read_bytes()
    except IsADirectoryError as exc:
        raise InputError("is a directory") from exc
    except FileNotFoundError as exc:
        raise InputError("no such file") from exc
    except PermissionError as exc:
        raise InputError("permission denied") from exc
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from exc
    return parse_bytes(data, str(path))


__all__ = ["SUPPORTED_SUFFIXES", "TEXT_SUFFIXES", "InputError", "parse_bytes", "parse_path"]
