"""The input formats: one entry each, and everything else reads them from here.

An :class:`InputFormat` says which file names it takes, which parser reads
it (imported only when such a file is linted), whether it is a binary file
(parsed documents are cached; a CI annotation cannot point at its lines),
how its locations read, and its MIME type. Folder walking, the command
line's help, the document cache, the SARIF, GitHub and HTML reporters and
the pre-commit hook's ``files`` pattern all derive from :data:`FORMATS`.

Adding a format is a parser module plus one :func:`register` call below.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Collection
from dataclasses import dataclass
from enum import Enum
from pathlib import PurePath
from typing import TYPE_CHECKING

from disclint.i18n import N_

if TYPE_CHECKING:
    from disclint.model.document import Document
    from disclint.parse.limits import Limits


class Locations(Enum):
    """How a finding's line and column read in a format."""

    TEXT = "text"  # line and column of the decoded file; offsets index the file's own text
    PARAGRAPH = "paragraph"  # the paragraph number (table cells counted one by one)
    PAGE = "page"  # the line on a page; the page is given too


@dataclass(frozen=True)
class InputFormat:
    name: str  # Document.source_format
    suffixes: tuple[str, ...]  # walked in folders, lower case with the dot
    label: str  # for readers (HTML report), an id of the catalog (shown through _())
    mime: str
    parser: str  # "module:function" taking (data: bytes, path: str, *, limits: Limits) -> Document
    binary: bool = False
    locations: Locations = Locations.TEXT
    aliases: tuple[str, ...] = ()  # also read when named, but not walked in folders
    inline_comments: bool = False  # <!-- disclint-… --> comments in the text are read

    def parse(self, data: bytes, path: str, limits: Limits) -> Document:
        module, _, function = self.parser.partition(":")
        parse: Callable[..., Document] = getattr(importlib.import_module(module), function)
        return parse(data, path, limits=limits)


FORMATS: list[InputFormat] = []


def register(fmt: InputFormat) -> InputFormat:
    FORMATS.append(fmt)
    return fmt


register(
    InputFormat(
        "txt",
        (".txt",),
        N_("plain text"),
        "text/plain",
        "disclint.parse.plaintext:parse_plain_text",
        inline_comments=True,
    )
)
register(
    InputFormat(
        "md",
        (".md",),
        "Markdown",
        "text/markdown",
        "disclint.parse.plaintext:parse_plain_text",
        aliases=(".markdown",),
        inline_comments=True,
    )
)
register(
    InputFormat(
        "docx",
        (".docx",),
        "Word",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "disclint.parse.docx:parse_docx",
        binary=True,
        locations=Locations.PARAGRAPH,
    )
)
register(
    InputFormat(
        "pdf",
        (".pdf",),
        "PDF",
        "application/pdf",
        "disclint.parse.pdf:parse_pdf",
        binary=True,
        locations=Locations.PAGE,
    )
)

# Read as plain text: a name with no registered suffix (stdin, a draft named 方案.TXT~ …).
PLAIN_TEXT = FORMATS[0]


def for_path(path: str) -> InputFormat | None:
    """The format of a file name, or None for a suffix no format registers."""
    suffix = PurePath(path).suffix.lower()
    for fmt in FORMATS:
        if suffix in fmt.suffixes or suffix in fmt.aliases:
            return fmt
    return None


def named(name: str) -> InputFormat | None:
    """The format whose ``name`` (``Document.source_format``) this is."""
    for fmt in FORMATS:
        if fmt.name == name:
            return fmt
    return None


def walked_suffixes() -> tuple[str, ...]:
    return tuple(suffix for fmt in FORMATS for suffix in fmt.suffixes)


def is_binary(path: str) -> bool:
    fmt = for_path(path)
    return fmt is not None and fmt.binary


def suffixes(*, binary: bool | None = None) -> tuple[str, ...]:
    """Every suffix a format reads, its aliases after it; only binary or only text formats if asked."""
    return tuple(
        suffix for fmt in FORMATS if binary is None or fmt.binary is binary for suffix in (*fmt.suffixes, *fmt.aliases)
    )


# The pre-commit hooks lint binary drafts anywhere and text drafts only in these folders
# (at any depth), so that README.md or requirements.txt are left alone. The hooks name
# them in ``check --drafts-in``, so a new format needs no change to the hook manifest.
HOOK_DRAFT_FOLDERS = ("drafts", "draft", "草稿", "公告", "披露", "定稿")


def is_draft(path: str, folders: Collection[str]) -> bool:
    """Whether ``check --drafts-in FOLDERS`` lints ``path``: a file of a binary format anywhere, of a
    text format only inside one of ``folders`` (folder names, at any depth, in any case)."""
    fmt = for_path(path)
    if fmt is None:
        return False
    if fmt.binary:
        return True
    wanted = {folder.casefold() for folder in folders}
    return any(part.casefold() in wanted for part in PurePath(path).parts[:-1])


def reads_inline_comments(name: str) -> bool:
    """Whether documents of this ``source_format`` may carry ``<!-- disclint-… -->`` comments."""
    fmt = named(name)
    return fmt is not None and fmt.inline_comments
