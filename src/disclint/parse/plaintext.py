"""Parser for ``.txt`` and ``.md``: the decoded file is the document text."""

from __future__ import annotations

import re

from disclint.document import Block, Document, lines_of_plain_text
from disclint.parse.decode import decode_text
from disclint.parse.reflow import PhysicalLine, reflow

_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_FRONT_MATTER = re.compile(r"\A---\r?\n.*?\r?\n---\r?\n", re.DOTALL)
# Suppression comments (disclint.suppress) in .txt: blanked so that their words
# (codes, reasons) are not linted. Other HTML comments in .txt stay text.
_DISCLINT_COMMENT = re.compile(r"<!--\s*disclint-.*?-->", re.DOTALL | re.IGNORECASE)


def parse_plain_text(data: bytes, path: str) -> Document:
    text, _encoding = decode_text(data)
    return document_from_text(text, path)


def document_from_text(text: str, path: str) -> Document:
    markdown = path.lower().endswith((".md", ".markdown"))
    lines = lines_of_plain_text(text)
    physical: list[PhysicalLine] = []
    masked = _mask_non_prose(text) if markdown else _mask_disclint_comments(text)
    for index, entry in enumerate(lines):
        end = lines[index + 1].offset if index + 1 < len(lines) else len(text)
        content = masked[entry.offset : end].rstrip("\r\n")
        physical.append(PhysicalLine(start=entry.offset, end=entry.offset + len(content), text=content))
    blocks: list[Block] = reflow(physical, markdown=markdown)
    return Document(
        path=path,
        text=text,
        blocks=blocks,
        lines=lines,
        source_format="md" if markdown else "txt",
    )


def _blank(match: re.Match[str]) -> str:
    return "".join(char if char in "\r\n" else " " for char in match.group(0))


def _mask_disclint_comments(text: str) -> str:
    return _DISCLINT_COMMENT.sub(_blank, text) if "disclint-" in text else text


def _mask_non_prose(text: str) -> str:
    """Blank out Markdown front matter and HTML comments, keeping offsets.

    Line breaks survive so that line numbers stay right; everything else in
    those spans becomes spaces, which the reflow treats as blank.
    """

    def blank(match: re.Match[str]) -> str:
        return "".join(char if char in "\r\n" else " " for char in match.group(0))

    text = _FRONT_MATTER.sub(blank, text)
    return _HTML_COMMENT.sub(blank, text)
