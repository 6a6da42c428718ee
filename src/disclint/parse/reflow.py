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
from dataclasses import dataclass

from disclint.document import Block, BlockKind
from disclint.text.numbering import item_marker, opens_markdown_item

# A line ending in one of these closes its sentence (and, for a wrapped
# layout, most often its paragraph).
_CLOSING = "。！？；：:;!?…”」』】）)"
# A line starting with one of these cannot start a paragraph.
_CONTINUATION_START = "，。、；：）》」』”,.;:)%％"

_TABLE_LIKE = re.compile(r"\t|\S\s{3,}\S")


@dataclass(frozen=True)
class PhysicalLine:
    start: int
    end: int  # exclusive, without the line break
    text: str


_NARROW = re.compile("[\x00-\u2e7f]")


def _visual_width(text: str) -> float:
    """Width in CJK character cells: Latin letters and digits count 0.55."""
    stripped = text.strip()
    narrow = len(_NARROW.findall(stripped))
    return len(stripped) - 0.45 * narrow


def _wrap_width(lines: Sequence[PhysicalLine]) -> float:
    """The width of a full line: the 90th percentile of non-blank line widths."""
    widths = sorted(_visual_width(line.text) for line in lines if line.text.strip())
    if not widths:
        return 0.0
    return widths[min(len(widths) - 1, int(len(widths) * 0.9))]


def _is_double_spaced(lines: Sequence[PhysicalLine]) -> bool:
    """True when a blank line follows most lines (PDF text extracted with gaps)."""
    non_blank = sum(1 for line in lines if line.text.strip())
    single_gaps = 0
    for index in range(1, len(lines) - 1):
        if not lines[index].text.strip() and lines[index - 1].text.strip() and lines[index + 1].text.strip():
            single_gaps += 1
    return non_blank >= 8 and single_gaps >= 0.6 * non_blank


def _is_heading_like(text: str, wrap_width: float) -> bool:
    stripped = text.strip()
    if not stripped:
        return False
    if stripped.startswith("#"):
        return True
    marker = item_marker(stripped)
    width = _visual_width(stripped)
    if marker and marker.style in ("chapter", "part", "section") and width <= 40:
        return True
    return bool(marker and stripped[-1] not in _CLOSING and width < 0.7 * max(wrap_width, 1))


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
    wrap_width = _wrap_width(lines)
    double_spaced = _is_double_spaced(lines)
    blocks: list[Block] = []
    current: list[PhysicalLine] = []
    blank_run = 0

    def flush() -> None:
        if current:
            first, last = current[0], current[-1]
            start = first.start + (len(first.text) - len(first.text.lstrip()))
            end = last.start + len(last.text.rstrip())
            kind, level = _block_kind(first.text)
            blocks.append(Block(start=start, end=end, kind=kind, level=level))
            current.clear()

    for line in lines:
        if not line.text.strip():
            blank_run += 1
            continue
        if current and not _continues(
            current[-1].text,
            line.text,
            wrap_width=wrap_width,
            gap=blank_run,
            double_spaced=double_spaced,
            markdown=markdown,
        ):
            flush()
        current.append(line)
        blank_run = 0
    flush()
    return blocks


def _continues(
    previous: str,
    line: str,
    *,
    wrap_width: float,
    gap: int,
    double_spaced: bool,
    markdown: bool,
) -> bool:
    """Does ``line`` continue the paragraph that ``previous`` belongs to?"""
    allowed_gap = 1 if double_spaced else 0
    prev = previous.rstrip()
    text = line.strip()
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
    if markdown and (opens_markdown_item(line) or opens_markdown_item(previous)):
        return False
    if _TABLE_LIKE.search(prev) or _TABLE_LIKE.search(text):
        return False
    if text[0] in _CONTINUATION_START and prev[-1] not in "。！？!?":
        return True
    if prev[-1] in _CLOSING:
        return False
    if item_marker(text) is not None:
        return False
    if _is_heading_like(prev, wrap_width):
        return False
    if _unbalanced(prev):
        return True  # a quote or bracket left open: "推进“公" + "募 REITs…”"
    if _visual_width(prev) >= 0.85 * wrap_width and wrap_width >= 12:
        return True
    # A clause-bearing line that stops mid-sentence, as at a page break
    # ("……但难" / "免有疏漏……").
    return "，" in prev or "," in prev


def _unbalanced(text: str) -> bool:
    return (
        text.count("“") > text.count("”") or text.count("（") > text.count("）") or text.count("《") > text.count("》")
    )
