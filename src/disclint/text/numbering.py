"""Chinese item numbering: 第X章/节/条, 一、, （一）, 1., （1）, ①, bullets.

Used by the parsers (does this line open a new item?) and by the structure
layer (how deep is this heading?).
"""

from __future__ import annotations

import re
from typing import NamedTuple

CHINESE_NUMERALS = "一二三四五六七八九十百千零〇两"

# Order matters: the first pattern that matches names the numbering style.
_STYLES: tuple[tuple[str, str], ...] = (
    ("chapter", rf"第[{CHINESE_NUMERALS}\d]+[章篇]"),
    ("part", rf"第[{CHINESE_NUMERALS}\d]+部分"),
    ("section", rf"第[{CHINESE_NUMERALS}\d]+节"),
    ("article", rf"第[{CHINESE_NUMERALS}\d]+条"),
    ("cn_comma", rf"[{CHINESE_NUMERALS}]+\s*[、．.]"),
    ("cn_paren", rf"[（(]\s*[{CHINESE_NUMERALS}]+\s*[）)]"),
    ("dotted", r"\d{1,2}(?:\.\d{1,2}){1,3}(?=\s|[^\d.%])"),
    ("arabic", r"\d{1,2}\s*[、．.](?!\d)"),
    ("arabic_paren", r"[（(]\s*\d{1,2}\s*[）)]"),
    ("circled", r"[\u2460-\u2473\u2776-\u277f]"),
    ("bullet", r"[●•◆■□▪▶◇○]"),
)

_MARKER = re.compile(r"^[ \t\u3000]*(?:" + "|".join(f"(?P<{name}>{pattern})" for name, pattern in _STYLES) + ")")

# "（三）项" or "第（一）项" at a line start continues a sentence that
# refers to an item; it does not open one ("（一）项目概况" does).
_REFERENCE_SUFFIX = re.compile(r"[ \t\u3000]*(?:项(?!目)|款|条|目|的|之|种|类|个|号|、第|至第|或第|和第|及第)")


class Marker(NamedTuple):
    """Item numbering at a line start (a tuple: cheap to make, and made for most lines)."""

    style: str
    text: str
    end: int  # offset just after the marker within the line


def item_marker(line: str) -> Marker | None:
    """The numbering that opens ``line``, or None if the line does not open an item."""
    match = _MARKER.match(line)
    if not match or match.lastgroup is None:
        return None
    if _REFERENCE_SUFFIX.match(line, match.end()):
        return None
    return Marker(style=match.lastgroup, text=match.group(match.lastgroup), end=match.end())


_MARKDOWN_LINE = re.compile(r"^\s*(?:#{1,6}\s|[-*+]\s|\d+\.\s|>\s?|\|)")


def opens_markdown_item(line: str) -> bool:
    return bool(_MARKDOWN_LINE.match(line))
