"""Rebuild paragraphs from physical lines.

Text exported from PDF is hard-wrapped ("…应当真实、准\\n确、完整") and sometimes
double-spaced (a blank line after every line, as in seed 004). Drafts typed in
Word have one paragraph per line. This module decides, line by line, whether
a line break closes a paragraph or only wraps it, from the layout alone: end
punctuation, item numbering on the next line, and whether the line is as
wide as the page's text block.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from disclint.model.document import Block, BlockKind
from disclint.text.numbering import Marker, item_marker, opens_markdown_item

# A line ending in one of these closes its sentence (and, for a wrapped
# layout, most often its paragraph).
_CLOSING = "。！？；：:;!?…”」』】）)"
# A line starting with one of these cannot start a paragraph.
_CONTINUATION_START = "，。、；：）》」』”,.;:)%％"

_TABLE_LIKE = re.compile(r"\t|\S\s{3,}\S")


class PhysicalLine(NamedTuple):
    start: int
    end: int  # exclusive, without the line break
    text: str


_NARROW = re.compile("[\x00-\u2e7f]")


class _Facts:
    """What the paragraph decisions read of one physical line, worked out once.

    Each line is looked at as the line that may continue a paragraph and
    again as the paragraph's last line, so its width, table look and item
    marker are kept rather than recomputed.
    """

    __slots__ = ("_marker", "marker_known", "stripped", "table_after", "table_before", "text", "width")

    def __init__(self, text: str) -> None:
        self.text = text
        self.stripped = text.strip()
        # Width in CJK character cells: Latin letters and digits count 0.55.
        narrow = len(_NARROW.findall(self.stripped)) if self.stripped else 0
        self.width = len(self.stripped) - 0.45 * narrow
        # As the next line the test reads the stripped text; as the previous line, the
        # right-stripped one, whose leading whitespace can only add a tab.
        self.table_after = bool(_TABLE_LIKE.search(self.stripped))
        self.table_before = self.table_after or "\t" in text[: len(text) - len(text.lstrip())]
        self.marker_known = False
        self._marker: Marker | None = None

    def marker(self) -> Marker | None:
        if not self.marker_known:
            self._marker = item_marker(self.stripped)
            self.marker_known = True
        return self._marker


_BLANK = _Facts("")


def _wrap_width(lines: Sequence[_Facts]) -> float:
    """The width of a full line: the 90th percentile of non-blank line widths."""
    widths = sorted(line.width for line in lines if line.stripped)
    if not widths:
        return 0.0
    return widths[min(len(widths) - 1, int(len(widths) * 0.9))]


def _is_double_spaced(lines: Sequence[_Facts]) -> bool:
    """True when a blank line follows most lines (PDF text extracted with gaps)."""
    non_blank = sum(1 for line in lines if line.stripped)
    single_gaps = 0
    for index in range(1, len(lines) - 1):
        if not lines[index].stripped and lines[index - 1].stripped and lines[index + 1].stripped:
            single_gaps += 1
    return non_blank >= 8 and single_gaps >= 0.6 * non_blank


def _is_heading_like(line: _Facts, wrap_width: float) -> bool:
    stripped = line.stripped
    if not stripped:
        return False
    if stripped.startswith("#"):
        return True
    marker = line.marker()
    if marker is None:
        return False
    width = line.width
    if marker.style in ("chapter", "part", "section") and width <= 40:
        return True
    return stripped[-1] not in _CLOSING and width < 0.7 * max(wrap_width, 1)


def _block_kind(text: str) -> tuple[BlockKind, int]:
    stripped = text.lstrip()
    if stripped.startswith("#"):
        hashes = len(stripped) - len(stripped.lstrip("#"))
        if 1 <= hashes <= 6 and stripped[hashes : hashes + 1] in (" ", "\u3000", "\t"):
            return BlockKind.HEADING, hashes
    if stripped.startswith("|") or "\t" in stripped:
        return BlockKind.TABLE_ROW, 0
    return BlockKind.PARAGRAPH, 0


def reflow(lines: Sequence[PhysicalLine], *, markdown: bool = False) -> list[Block]:
    """Group physical lines into blocks (paragraphs, headings, table rows)."""
    # A blank line is only ever asked whether it is blank: one shared record for all of them.
    facts = [_Facts(line.text) if line.text.strip() else _BLANK for line in lines]
    wrap_width = _wrap_width(facts)
    double_spaced = _is_double_spaced(facts)
    blocks: list[Block] = []
    current: list[int] = []  # indexes of the current paragraph's lines
    blank_run = 0

    def flush() -> None:
        if current:
            first, last = lines[current[0]], lines[current[-1]]
            start = first.start + (len(first.text) - len(first.text.lstrip()))
            end = last.start + len(last.text.rstrip())
            kind, level = _block_kind(first.text)
            blocks.append(Block(start=start, end=end, kind=kind, level=level))
            current.clear()

    for index, line in enumerate(facts):
        if not line.stripped:
            blank_run += 1
            continue
        if current and not _continues(
            facts[current[-1]],
            line,
            wrap_width=wrap_width,
            gap=blank_run,
            double_spaced=double_spaced,
            markdown=markdown,
        ):
            flush()
        current.append(index)
        blank_run = 0
    flush()
    return blocks


def _continues(
    previous: _Facts,
    line: _Facts,
    *,
    wrap_width: float,
    gap: int,
    double_spaced: bool,
    markdown: bool,
) -> bool:
    """Does ``line`` continue the paragraph that ``previous`` belongs to?"""
    allowed_gap = 1 if double_spaced else 0
    prev = previous.text.rstrip()
    text = line.stripped
    if not prev or not text:
        return False
    if gap > allowed_gap:
        # A page break may still split a sentence ("公\n\n募"); rejoin only
        # when the next line cannot start a paragraph.
        return (
            gap <= allowed_gap + 2
            and prev[-1] not in _CLOSING
            and (text[0] in _CONTINUATION_START or _unbalanced(prev))
        )
    if markdown and (opens_markdown_item(line.text) or opens_markdown_item(previous.text)):
        return False
    if previous.table_before or line.table_after:
        return False
    if text[0] in _CONTINUATION_START and prev[-1] not in "。！？!?":
        return True
    if prev[-1] in _CLOSING:
        return False
    if line.marker() is not None:
        return False
    if _is_heading_like(previous, wrap_width):
        return False
    if _unbalanced(prev):
        return True  # a quote or bracket left open: "推进“公" + "募 REITs…”"
    if previous.width >= 0.85 * wrap_width and wrap_width >= 12:
        return True
    # A clause-bearing line that stops mid-sentence, as at a page break
    # ("……但难" / "免有疏漏……").
    return "，" in prev or "," in prev


def _unbalanced(text: str) -> bool:
    return (
        text.count("“") > text.count("”") or text.count("（") > text.count("）") or text.count("《") > text.count("》")
    )
