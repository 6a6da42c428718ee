"""The matching copy of a text span, normalised one character to one character.

Real drafts write "２０２５年", "1,720.00 万份" and, after PDF extraction,
"世界一\\n流". Rules match on a copy where full-width digits and letters are
half-width and whitespace inside a sentence is gone, and map every hit back
to the original offsets. Chinese punctuation is kept as it is; there is no
blanket NFKC (it would turn "，" into "," and "㈠" into "(一)").

The copy is built with C-speed string operations (``str.translate`` and one
regex for whitespace runs); the map back is a short list of segments, one
per stretch of text between removed whitespace.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

SPACE_CHARS = " \t\r\n\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff\ufffd"
_SPACE_RUN = re.compile(f"[{SPACE_CHARS}]+")
_FOLD = {code: code - 0xFEE0 for code in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))}
_FOLD.update({ord(char): ord(char) - 0xFEE0 for char in "％＋－／"})
_FULLWIDTH_POINT = re.compile(r"(?<=\d)．(?=\d)")


def _traditional_table() -> dict[int, int]:
    """繁→简 for matching only: ``lexicons/t2s.tsv`` (traditional<TAB>simplified, one character each).

    Excerpts stay exact: findings map back to the original offsets. A missing
    or unreadable table folds nothing.
    """
    here = Path(__file__).resolve()
    for folder in (here.parents[1] / "_lexicons", here.parents[3] / "lexicons"):
        path = folder / "t2s.tsv"
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError:
            continue
        table: dict[int, int] = {}
        for line in lines:
            if not line or line.startswith("#"):
                continue
            traditional, _, simplified = line.partition("\t")
            simplified = simplified.split("\t")[0].strip()
            if len(traditional) == 1 and len(simplified) == 1 and traditional != simplified:
                table[ord(traditional)] = ord(simplified)
        return table
    return {}


_FOLD.update({code: target for code, target in _traditional_table().items() if code not in _FOLD})
# Whether a span has anything to fold, as a set test: a regex class of these thousands of
# characters (the traditional ones) is slow to compile at start-up and to search per sentence.
_FOLDABLE = frozenset(map(chr, _FOLD))


def _is_ascii_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


@dataclass(frozen=True)
class NormText:
    """``text`` is the matching copy of the source span; ``source_offset`` maps back.

    ``segments`` holds ``(norm_start, source_start)`` for each stretch copied
    without gaps; a kept single space between Latin words is its own stretch.
    """

    text: str
    segments: tuple[tuple[int, int], ...]
    source_end: int

    def source_offset(self, index: int) -> int:
        """Original offset of ``text[index]`` (``source_end`` past the end)."""
        if index >= len(self.text):
            return self.source_end
        position = bisect.bisect_right(self._starts, index) - 1
        norm_start, source_start = self.segments[position]
        return source_start + index - norm_start

    @cached_property
    def _starts(self) -> list[int]:
        return [start for start, _ in self.segments]

    @property
    def origin(self) -> list[int]:
        """The original offset of every character (for callers that scan the map)."""
        return [self.source_offset(index) for index in range(len(self.text))]

    def norm_index(self, source: int) -> int:
        """The first index whose original offset is at or after ``source``."""
        for position, (norm_start, source_start) in enumerate(self.segments):
            next_norm = self.segments[position + 1][0] if position + 1 < len(self.segments) else len(self.text)
            source_last = source_start + (next_norm - norm_start)
            if source < source_last:
                return norm_start + max(0, source - source_start)
        return len(self.text)

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the normalised span ``text[start:end]``."""
        if not self.text:
            return self.source_end, self.source_end
        start = max(0, min(start, len(self.text) - 1))
        end = max(start + 1, min(end, len(self.text)))
        return self.source_offset(start), self.source_offset(end - 1) + 1


def normalize_span(text: str, start: int, end: int) -> NormText:
    """Normalise ``text[start:end]``."""
    raw = text[start:end]
    # translate() looks up every character; most spans have nothing to fold.
    folded = raw if _FOLDABLE.isdisjoint(raw) else raw.translate(_FOLD)
    if "．" in folded:
        folded = _FULLWIDTH_POINT.sub(".", folded)
    if not _SPACE_RUN.search(folded):
        # Most sentences: nothing to remove, one stretch.
        return NormText(text=folded, segments=((0, start),) if folded else (), source_end=end)
    pieces: list[str] = []
    segments: list[tuple[int, int]] = []
    length = 0
    cursor = 0
    for match in _SPACE_RUN.finditer(folded):
        gap_start, gap_end = match.span()
        if gap_start > cursor:
            segments.append((length, start + cursor))
            pieces.append(folded[cursor:gap_start])
            length += gap_start - cursor
        # Keep one space between Latin words and numbers ("Web 3.0", "PCIe 6.0").
        if (
            pieces
            and gap_start > 0
            and gap_end < len(folded)
            and _is_ascii_alnum(folded[gap_start - 1])
            and _is_ascii_alnum(folded[gap_end])
        ):
            segments.append((length, start + gap_end - 1))
            pieces.append(" ")
            length += 1
        cursor = gap_end
    if cursor < len(folded):
        segments.append((length, start + cursor))
        pieces.append(folded[cursor:])
    return NormText(text="".join(pieces), segments=tuple(segments), source_end=end)
