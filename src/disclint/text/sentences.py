"""Sentence and clause splitting on the original text.

A sentence ends at 。！？ (and their half-width forms) or at the end of its
block; closing quotes and brackets right after the stop belong to it. A
sentence longer than :data:`MAX_SENTENCE` characters is split into windows
of at most that length. Clauses
are the pieces between ，；：、-free clause marks inside a sentence, used where
a rule needs "the same clause".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from disclint.model.document import Block, Document
from disclint.text.normalize import NormText, normalize_span

SENTENCE_STOPS = "。！？!?"
_CLOSERS = "”’」』）)】》\"'"
_CLAUSE_SPLIT = re.compile(r"[，；：,;:]")
_SEMICOLON_SPLIT = re.compile(r"[；;]")


@dataclass
class Sentence:
    """``text[start:end]`` of the document, inside block ``block_index``."""

    index: int
    start: int
    end: int
    block_index: int
    norm: NormText
    _clauses: list[tuple[int, int]] | None = field(default=None, repr=False)
    # The normalised matching copy (``norm.text``), read by every rule: a plain attribute.
    text: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.text = self.norm.text

    def clauses(self) -> list[tuple[int, int]]:
        """Clause spans ``(start, end)`` in normalised coordinates."""
        if self._clauses is None:
            self._clauses = _split_spans(self.norm.text, _CLAUSE_SPLIT)
        return self._clauses

    def clause_at(self, index: int) -> tuple[int, int]:
        for start, end in self.clauses():
            if start <= index < end:
                return start, end
        return 0, len(self.norm.text)

    def parts(self) -> list[tuple[int, int]]:
        """Pieces between semicolons (a list of parallel statements)."""
        return _split_spans(self.norm.text, _SEMICOLON_SPLIT)

    def part_at(self, index: int) -> tuple[int, int]:
        for start, end in self.parts():
            if start <= index < end:
                return start, end
        return 0, len(self.norm.text)


def _split_spans(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in pattern.finditer(text):
        spans.append((start, match.end()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans or [(0, len(text))]


# A stop and the stops and closing quotes or brackets right after it.
_SENTENCE_END = re.compile(f"[{re.escape(SENTENCE_STOPS)}][{re.escape(SENTENCE_STOPS + _CLOSERS)}]*")


# A sentence longer than this — a run of text with no end punctuation, up to a
# whole file — is read as consecutive windows of at most this many characters,
# so that what rules do per sentence stays bounded and the time linear in the text.
MAX_SENTENCE = 1000
# Where a window is cut, when one of these stands in its second half: after a clause mark or a space.
_WINDOW_CUTS = ("，", "；", "、", "：", ",", ";", ":", " ", "\u3000", "\t", "\n")


def _windows(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """``[start, end)`` in windows of at most :data:`MAX_SENTENCE` characters."""
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        cut = max(text.rfind(mark, start + MAX_SENTENCE // 2, limit) for mark in _WINDOW_CUTS)
        cut = cut + 1 if cut >= 0 else limit
        yield start, cut
        start = cut
    yield start, end


def _sentence_bounds(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    cursor = start
    for match in _SENTENCE_END.finditer(text, start, end):
        stop = match.end()
        if stop - cursor > MAX_SENTENCE:
            yield from _windows(text, cursor, stop)
        else:
            yield cursor, stop
        cursor = stop
    if cursor < end:
        yield from _windows(text, cursor, end)


def split_block(document: Document, block: Block, block_index: int, first_index: int) -> list[Sentence]:
    sentences: list[Sentence] = []
    text = document.text
    for start, end in _sentence_bounds(text, block.start, block.end):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            continue
        norm = normalize_span(text, start, end)
        if not norm.text:
            continue
        sentences.append(
            Sentence(
                index=first_index + len(sentences),
                start=start,
                end=end,
                block_index=block_index,
                norm=norm,
            )
        )
    return sentences


def split_sentences(document: Document) -> list[Sentence]:
    sentences: list[Sentence] = []
    for block_index, block in enumerate(document.blocks):
        sentences.extend(split_block(document, block, block_index, len(sentences)))
    return sentences
