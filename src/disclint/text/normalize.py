"""The matching copy of a text span, normalised one character to one character.

Real drafts write "２０２５年", "1,720.00 万份" and, after PDF extraction,
"世界一\\n流". Rules match on a copy where full-width digits and letters are
half-width and whitespace inside a sentence is gone, and map every hit back
to the original offsets. Chinese punctuation is kept as it is; there is no
blanket NFKC (it would turn "，" into "," and "㈠" into "(一)").
"""

from __future__ import annotations

from dataclasses import dataclass

_SPACES = frozenset(" \t\r\n\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff\ufffd")


def _fold(char: str) -> str:
    code = ord(char)
    # Full-width digits and Latin letters (and ％ ＋ －) to ASCII.
    if 0xFF10 <= code <= 0xFF19 or 0xFF21 <= code <= 0xFF3A or 0xFF41 <= code <= 0xFF5A:
        return chr(code - 0xFEE0)
    if char in "％＋－／":
        return chr(code - 0xFEE0)
    return char


def _is_ascii_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


@dataclass(frozen=True)
class NormText:
    """``text`` is the matching copy; ``origin[i]`` is the original offset of ``text[i]``."""

    text: str
    origin: tuple[int, ...]
    source_end: int

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the normalised span ``text[start:end]``."""
        if not self.origin:
            return self.source_end, self.source_end
        start = max(0, min(start, len(self.origin) - 1))
        end = max(start + 1, min(end, len(self.origin)))
        return self.origin[start], self.origin[end - 1] + 1

    def source_offset(self, index: int) -> int:
        if index >= len(self.origin):
            return self.source_end
        return self.origin[index]


def normalize_span(text: str, start: int, end: int) -> NormText:
    """Normalise ``text[start:end]``."""
    chars: list[str] = []
    origin: list[int] = []
    pending_space = False
    for offset in range(start, end):
        raw = text[offset]
        if raw in _SPACES:
            pending_space = True
            continue
        char = _fold(raw)
        if char == "．" and chars and chars[-1].isdigit() and offset + 1 < end and _fold(text[offset + 1]).isdigit():
            char = "."
        if pending_space and chars and _is_ascii_alnum(chars[-1]) and _is_ascii_alnum(char):
            # Keep one space between Latin words and numbers ("Web 3.0", "12 34").
            chars.append(" ")
            origin.append(offset - 1)
        pending_space = False
        chars.append(char)
        origin.append(offset)
    return NormText(text="".join(chars), origin=tuple(origin), source_end=end)
