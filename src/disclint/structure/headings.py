"""Headings from Chinese numbering, Markdown and Word styles.

A heading is a block that opens with numbering (第X章, 一、, （一）, 1., （1）,
①) and is short, a Markdown/Word heading, or a short unnumbered line such as
"风险提示". A *run-in* heading is the short first sentence of a numbered
paragraph: "（二）降本增效。公司将……". Levels follow the order in which the
numbering styles first appear in the document (pandoc's rule), so a file
that starts with 一、 ranks 一、 above （一）.

Extraction artefacts handled: a table of contents with page numbers (not
headings), a heading broken over two lines ("……可行权日、" + "禁售期"), and
"（三）项" at a line start that continues a sentence (see numbering.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from disclint.model.document import BlockKind, Document
from disclint.text.numbering import item_marker

_TOC_LINE = re.compile(r"(?:\.{3,}|…{2,}|·{3,}|\t|\s{2,})\s*\d{1,3}\s*$|[^\d\s]\s+\d{1,3}$")
_CLOSING = "。！？!?；;"
_CONNECTOR_END = "、，,和及与或的"
_CANONICAL_ORDER = (
    "part",
    "chapter",
    "section",
    "article",
    "cn_comma",
    "cn_paren",
    "dotted",
    "arabic",
    "arabic_paren",
    "circled",
    "bullet",
)
_SPACE = re.compile(r"[\s\u3000]+")
_MAX_TITLE = 40
# The report templates' applicability mark under a heading ("√适用 □不适用"): not a heading.
_APPLICABILITY = re.compile(r"^[√□■☑☐✔✓]?适用[√□■☑☐✔✓]?不适用$")


@dataclass(frozen=True)
class Heading:
    block_index: int
    title: str  # numbering stripped, whitespace removed, trailing punctuation removed
    text: str  # as written, whitespace removed
    style: str  # numbering style, "markdown", "word", or "plain"
    level: int  # 1 = top
    run_in: bool = False
    start: int = 0  # offsets of the heading text in Document.text
    end: int = 0


def _clean(text: str) -> str:
    return _SPACE.sub("", text)


def _is_toc_line(text: str) -> bool:
    stripped = text.rstrip()
    # Cheap tests first: a contents line ends in a page number and is short.
    if not stripped[-1:].isdigit() or len(_clean(text)) > 60:
        return False
    return bool(_TOC_LINE.search(stripped))


def _toc_blocks(document: Document) -> set[int]:
    """Blocks in a run of three or more table-of-contents lines."""
    flags = [_is_toc_line(document.text[block.start : block.end]) for block in document.blocks]
    toc: set[int] = set()
    index = 0
    while index < len(flags):
        if flags[index]:
            end = index
            while end + 1 < len(flags) and (flags[end + 1] or _clean_short(document, end + 1)):
                end += 1
            if sum(flags[index : end + 1]) >= 3:
                toc.update(range(index, end + 1))
            index = end + 1
        else:
            index += 1
    return toc


def _clean_short(document: Document, index: int) -> bool:
    block = document.blocks[index]
    return len(_clean(document.text[block.start : block.end])) <= 3  # "目 录" between TOC lines


def find_headings(document: Document) -> list[Heading]:
    """Every heading in reading order, with levels."""
    toc = _toc_blocks(document)
    raw: list[tuple[int, str, str, str, bool, int, int]] = []
    levels: dict[int, int] = {}  # levels given by the source (Markdown, Word styles)
    blocks = document.blocks
    skip_next = False
    for index, block in enumerate(blocks):
        if skip_next:
            skip_next = False
            continue
        if index in toc:
            continue
        text = document.text[block.start : block.end]
        compact = _clean(text)
        if not compact or _APPLICABILITY.match(compact):
            continue
        if block.kind is BlockKind.HEADING:
            title = compact.lstrip("#")
            style = "markdown" if compact.startswith("#") else "word"
            marker = item_marker(title)
            if marker is not None:
                title = title[marker.end :]
            if style == "word" and block.level == 0:
                # A PDF heading (bold or larger, no outline level): its numbering ranks it,
                # so a bold "1、……" stays under the "第十二节" above it; without numbering it
                # heads a part of the section it is in, like an unnumbered line.
                style = marker.style if marker is not None else "plain"
                raw.append((index, title, compact, style, False, block.start, block.end))
                continue
            # Markdown: the number of #; Word: the style's outline level.
            levels[index] = (
                max(1, len(compact) - len(compact.lstrip("#"))) if style == "markdown" else max(block.level, 1)
            )
            raw.append(
                (
                    index,
                    title,
                    compact.lstrip("#") if style == "markdown" else compact,
                    style,
                    False,
                    block.start,
                    block.end,
                )
            )
            continue
        if block.kind is BlockKind.TABLE_ROW:
            continue
        marker = item_marker(compact)
        if marker is not None:
            body = compact[marker.end :]
            ends_sentence = body[-1:] in ("；", ";") or (body[-1:] in ("。",) and len(body) > 12)
            if (
                body
                and len(body) <= _MAX_TITLE
                and not ends_sentence
                and not any(char in body[:-1] for char in _CLOSING)
                and ("，" not in body or len(body) <= 20)  # "聚焦主业，提升经营质效"
            ):
                # A heading broken over two lines: "……可行权日、" + "禁售期".
                if body and body[-1] in _CONNECTOR_END and index + 1 < len(blocks):
                    following = _clean(document.text[blocks[index + 1].start : blocks[index + 1].end])
                    if len(following) <= 20 and item_marker(following) is None:
                        body += following
                        compact += following
                        skip_next = True
                raw.append((index, body.rstrip("。：:"), compact, marker.style, False, block.start, block.end))
                continue
            # Run-in heading: "（二）降本增效。公司将……"
            stop = min((body.find(char) for char in "。：:" if char in body), default=-1)
            continues = len(body) > stop + 1
            # "（一）聚焦主业，提升经营效率。公司将……": a short title, at most one comma.
            if (
                0 < stop <= 18
                and continues
                and len(re.findall(r"[，,]", body[:stop])) <= 1
                and not re.search(r"[；;]", body[:stop])
            ):
                end = block.start + len(text) - len(text.lstrip()) + len(compact[: marker.end + stop])
                raw.append((index, body[:stop], compact[: marker.end + stop + 1], marker.style, True, block.start, end))
            continue
        # Unnumbered short line followed by a paragraph: "风险提示", "重要内容提示：", "释 义".
        if (
            2 <= len(compact) <= 12
            and compact[-1] not in _CLOSING
            and not re.search(r"[\d%，,（(]", compact)
            and _followed_by_paragraph(document, index)
        ):
            raw.append((index, compact.rstrip("：:"), compact, "plain", False, block.start, block.end))
    return _assign_levels(raw, levels)


def _followed_by_paragraph(document: Document, index: int) -> bool:
    if index + 1 >= len(document.blocks):
        return False
    following = _clean(document.text[document.blocks[index + 1].start : document.blocks[index + 1].end])
    if item_marker(following) is not None:
        return True
    return len(following) >= 20 and bool(re.search(r"[。，；]", following))


def _assign_levels(raw: list[tuple[int, str, str, str, bool, int, int]], levels: dict[int, int]) -> list[Heading]:
    # The conventional hierarchy of Chinese official documents; styles a
    # document does not use are skipped, so levels stay dense.
    used = {style for _, _, _, style, _, _, _ in raw}
    ranked = [style for style in _CANONICAL_ORDER if style in used]
    level_of = {style: position + 1 for position, style in enumerate(ranked)}
    headings = []
    above: int | None = None  # the level of the last numbered or styled heading
    for index, title, text, style, run_in, start, end in raw:
        if style in ("markdown", "word"):
            level = levels[index]
        elif style == "plain":
            # An unnumbered line ("项目背景", "风险提示") heads a part of the section it is
            # in: in a long filing it must not close the chapter above it.
            level = 1 if above is None else above + 1
        else:
            level = level_of[style]
        if style != "plain" and not run_in:
            above = level
        headings.append(
            Heading(
                block_index=index, title=title, text=text, style=style, level=level, run_in=run_in, start=start, end=end
            )
        )
    return headings
