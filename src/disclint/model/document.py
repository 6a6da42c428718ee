"""The parsed document: extracted text, its blocks, and the map back to the source.

Every parser returns a :class:`Document`. Offsets everywhere in disclint index
``Document.text`` in Unicode code points; :meth:`Document.locate` turns an
offset into the line/column/page a person looks up in the source file.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from enum import Enum


class BlockKind(str, Enum):
    """What a block is, as far as the parser can tell from the source layout."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    TABLE_ROW = "table_row"


@dataclass(frozen=True)
class Block:
    """A paragraph-like unit of the text: ``text[start:end]``.

    ``level`` is a heading level when the source says so (Markdown ``#``,
    Word heading styles); 0 means unknown.
    """

    start: int
    end: int
    kind: BlockKind = BlockKind.PARAGRAPH
    level: int = 0


@dataclass(frozen=True)
class Position:
    offset: int
    line: int
    column: int
    page: int | None = None


@dataclass(frozen=True)
class SourceLine:
    """Where one source line (a text line, a PDF line, a DOCX paragraph) begins."""

    offset: int
    line: int
    page: int | None = None


@dataclass
class Document:
    """Extracted text plus its structure and its source map.

    ``lines`` must be sorted by offset and start at offset 0. ``blocks`` cover
    the non-blank text in reading order.
    """

    path: str
    text: str
    blocks: list[Block]
    lines: list[SourceLine]
    source_format: str = "txt"
    _line_offsets: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        if not self.lines or self.lines[0].offset != 0:
            self.lines.insert(0, SourceLine(offset=0, line=1))
        self._line_offsets = [entry.offset for entry in self.lines]

    def locate(self, offset: int) -> Position:
        """Line, column (1-based) and page of ``offset`` in the source."""
        offset = max(0, min(offset, len(self.text)))
        index = bisect.bisect_right(self._line_offsets, offset) - 1
        entry = self.lines[index]
        return Position(
            offset=offset,
            line=entry.line,
            column=offset - entry.offset + 1,
            page=entry.page,
        )

    def line_text(self, offset: int) -> str:
        """The source line that holds ``offset``, without its line break."""
        index = bisect.bisect_right(self._line_offsets, offset) - 1
        start = self._line_offsets[index]
        end = self._line_offsets[index + 1] if index + 1 < len(self._line_offsets) else len(self.text)
        return self.text[start:end].rstrip("\r\n\v\f")


# CR, VT and FF end lines too (old Mac files, text exported with page breaks as form feeds).
_LINE_BREAK = re.compile(r"\r\n|[\r\n\v\f]")


def lines_of_plain_text(text: str) -> list[SourceLine]:
    """One :class:`SourceLine` per physical line (``\\n``, ``\\r\\n``, ``\\r``, ``\\v`` or ``\\f``)."""
    lines = [SourceLine(offset=0, line=1)]
    for number, match in enumerate(_LINE_BREAK.finditer(text), start=2):
        lines.append(SourceLine(offset=match.end(), line=number))
    if lines[-1].offset >= len(text) and len(lines) > 1:
        lines.pop()
    return lines
