"""Parser for ``.txt`` and ``.md``: the decoded file is the document text."""

from __future__ import annotations

import re

from disclint.model.document import Block, Document, lines_of_plain_text
from disclint.parse.decode import decode_text
from disclint.parse.limits import DEFAULT_LIMITS, Limits, too_many_chars, too_many_lines
from disclint.parse.reflow import PhysicalLine, reflow
from disclint.text.comments import blank_spans, comment_spans

_FRONT_MATTER = re.compile(r"\A---\r?\n.*?\r?\n---\r?\n", re.DOTALL)
_LINE_ENDS = "\r\n\v\f"


def parse_plain_text(data: bytes, path: str, *, limits: Limits = DEFAULT_LIMITS) -> Document:
    text, _encoding = decode_text(data)
    if len(text) > limits.max_chars:
        raise too_many_chars(len(text), limits.max_chars)
    lines = sum(text.count(char) for char in _LINE_ENDS) - text.count("\r\n") + (text[-1:] not in _LINE_ENDS)
    if lines > limits.max_lines:
        raise too_many_lines("lines", lines, limits.max_lines)
    return document_from_text(text, path)


def document_from_text(text: str, path: str) -> Document:
    markdown = path.lower().endswith((".md", ".markdown"))
    lines = lines_of_plain_text(text)
    physical: list[PhysicalLine] = []
    masked = _mask_non_prose(text) if markdown else _mask_disclint_comments(text)
    for index, entry in enumerate(lines):
        end = lines[index + 1].offset if index + 1 < len(lines) else len(text)
        content = masked[entry.offset : end].rstrip(_LINE_ENDS)
        physical.append(PhysicalLine(start=entry.offset, end=entry.offset + len(content), text=content))
    blocks: list[Block] = reflow(physical, markdown=markdown)
    return Document(
        path=path,
        text=text,
        blocks=blocks,
        lines=lines,
        source_format="md" if markdown else "txt",
    )


def _mask_disclint_comments(text: str) -> str:
    """Suppression comments (disclint.run.suppress) in .txt: blanked so that their words
    (codes, reasons) are not linted. Other HTML comments in .txt stay text."""
    return blank_spans(text, comment_spans(text, disclint_only=True)) if "disclint-" in text else text


def _mask_non_prose(text: str) -> str:
    """Blank out Markdown front matter and HTML comments, keeping offsets.

    Line breaks survive so that line numbers stay right; everything else in
    those spans becomes spaces, which the reflow treats as blank.
    """

    front = _FRONT_MATTER.match(text)
    if front is not None:
        text = blank_spans(text, [front.span()])
    return blank_spans(text, comment_spans(text))
