"""Split a file that holds several documents into its parts.

Filings are often exported as one bundle: a plan, its 考核管理办法, the list
of participants, the independent directors' opinion and the articles of
association (seed 004). A new part starts at a *title block*: a short line
with no sentence punctuation that names a document (……办法, ……名单,
……独立意见, 章程, ……激励计划（草案）, ……公告) and is not the first block's
own title. A title may be wrapped over several short lines and preceded by
the company name; those lines join the part's title.

Each part gets its own document type. A part whose first block is not a
title or heading, but continues a sentence, is marked as truncated at the
start (the file is a page range cut from a longer document).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from disclint.model.document import Document
from disclint.structure import doctypes
from disclint.structure.doctype import detect_type_from_text
from disclint.text.numbering import item_marker

_SPACE = re.compile(r"[\s\u3000\ufffd]+")
# Appendices and announcements; the names of the checked document types come
# from the registry (the same title patterns as type detection).
_DOC_TITLE = re.compile(
    r"(?:激励计划(?:（草案）|\(草案\))?(?:摘要)?|实施考核管理办法|激励对象名单|独立意见|审核意见|核查意见|法律意见书|章程"
    r"|关于[^。]{2,60}的公告)$"
)
# What may follow a type's name at the end of a title: 方案（草案）摘要, 的公告.
_TITLE_TAIL = re.compile(r"(?:方案|预案|计划|报告书?|草案|修订稿|摘要|[（(][^）)]{0,12}[）)]|的公告|公告)*")
_SIGNATURE = re.compile(r"董事会(?:（盖章）)?$|^[_\s]+$")
_COMPANY = re.compile(r"(?:股份)?有限(?:责任)?公司$")
_DATE_LINE = re.compile(r"^\d{0,4}年\d{0,2}月(?:\d{0,2}日)?$")
_SENTENCE_PUNCT = re.compile(r"[。，；：！？,;:!?]")
_CONTINUATION_START = "，。、；：）》」』”,.;:)%"


@dataclass(frozen=True)
class Part:
    title: str
    start_block: int
    end_block: int  # exclusive
    doc_type: str
    doc_type_reason: str
    truncated_start: bool = False


def _compact(document: Document, index: int) -> str:
    block = document.blocks[index]
    return _SPACE.sub("", document.text[block.start : block.end])


def _title_line(text: str) -> bool:
    return (
        0 < len(text) <= 40
        and not _SENTENCE_PUNCT.search(text)
        and item_marker(text) is None
        and not text.startswith(("#", "|"))
        and not _DATE_LINE.match(text)
        and not _SIGNATURE.search(text)
    )


def _names_document(text: str) -> bool:
    """``text`` ends with the name of a document: an appendix, an announcement, or a
    registered type whose title starts a new part."""
    if _DOC_TITLE.search(text):
        return True
    for doc_type in doctypes.registry().values():
        if not doc_type.part_title:
            continue
        match = doc_type.title_match(text)
        if match and _TITLE_TAIL.fullmatch(text, match.end()):
            return True
    return False


def _title_starts(document: Document) -> list[tuple[int, int, str]]:
    """(first block, first body block, title) of each document title in the file."""
    starts: list[tuple[int, int, str]] = []
    count = len(document.blocks)
    compact = [_compact(document, index) for index in range(count)]
    # A title line printed on every page (a running header) is page furniture, not a new part.
    repeated = Counter(text for text in compact if 0 < len(text) <= 40)
    # Short lines are joined and tested again for each line that may start a title: test
    # each distinct joined text once (a file of many short, alike lines asks the same few).
    named: dict[str, bool] = {}

    def names_document(text: str) -> bool:
        known = named.get(text)
        if known is None:
            known = named[text] = _names_document(text)
        return known

    index = 0
    while index < count:
        text = compact[index]
        if not _title_line(text) or text[0].isdigit():
            index += 1
            continue
        # Gather a title wrapped over up to four short lines, up to the line that completes it.
        lines = [text]
        end = index + 1
        while not names_document("".join(lines)) and end < count and end - index < 4:
            following = compact[end]
            if not _title_line(following):
                break
            lines.append(following)
            end += 1
        joined = "".join(lines)
        if (
            not names_document(joined)
            or joined.startswith("《")
            or len(joined) > 70
            or (len(lines) == 1 and repeated.get(text, 0) >= 3)
        ):
            index += 1
            continue
        title_lines = lines[1:] if len(lines) > 1 and _COMPANY.search(lines[0]) else lines
        title = "".join(title_lines)
        if len(title) < 6:
            title = joined  # "章程" alone: keep the company name
        # A date line right after the title ("2019年2月") belongs to it.
        body = end + 1 if end < count and _DATE_LINE.match(compact[end]) else end
        starts.append((index, body, title))
        index = end
    return starts


_ANNOUNCEMENT_HEADER = re.compile(r"^(?:证券代码|股票代码|证券简称|债券代码|公告编号)")


def _is_content(document: Document, index: int) -> bool:
    text = _compact(document, index)
    return len(text) >= 20 and bool(_SENTENCE_PUNCT.search(text)) and not _ANNOUNCEMENT_HEADER.match(text)


def split_parts(document: Document) -> list[Part]:
    """The documents in ``document``; a single part for an ordinary file."""
    count = len(document.blocks)
    if count == 0:
        return []
    starts = _title_starts(document)
    # A title before any content is the file's own title, not a new part.
    first_content = next((index for index in range(count) if _is_content(document, index)), count)
    boundaries = [start for start in starts if start[0] > first_content]
    first_title = next((title for index, _, title in starts if index < first_content), "")
    segments: list[tuple[int, int, str]] = []
    previous = 0
    title = first_title
    for index, _, next_title in boundaries:
        if index - previous >= 3:
            segments.append((previous, index, title))
            previous, title = index, next_title
    segments.append((previous, count, title))
    if len(segments) == 1:
        decision = detect_type_from_text(document, 0, count)
        return [Part(first_title, 0, count, decision.doc_type, decision.reason, _truncated(document, 0))]
    parts = []
    for start, end, part_title in segments:
        decision = detect_type_from_text(document, start, end, title=part_title)
        parts.append(Part(part_title, start, end, decision.doc_type, decision.reason, _truncated(document, start)))
    first = parts[0]
    if first.doc_type == "generic" and not first.title:
        # An untitled first part followed by the plan's own appendices
        # ("……激励计划实施考核管理办法", "……激励计划激励对象名单") is that plan.
        guess = _plan_named_by_appendices(document, first, parts[1:])
        if guess is not None:
            parts[0] = Part(first.title, first.start_block, first.end_block, guess[0], guess[1], first.truncated_start)
    return parts


_PLAN_NAMES = (
    ("incentive_plan", re.compile(r"(?:股票期权|限制性股票|股权)激励计划")),
    ("esop", re.compile(r"员工持股计划")),
    ("action_plan", re.compile(r"提质增效重回报|行动方案")),
    ("valuation_plan", re.compile(r"估值提升计划")),
)


def _plan_named_by_appendices(document: Document, first: Part, others: list[Part]) -> tuple[str, str] | None:
    body = _SPACE.sub(
        "", document.text[document.blocks[first.start_block].start : document.blocks[first.end_block - 1].end]
    )
    for doc_type, pattern in _PLAN_NAMES:
        named = next((part.title for part in others if pattern.search(part.title)), None)
        if named and (len(pattern.findall(body)) >= 1 or "激励对象" in body or "本计划" in body):
            return doc_type, f"无标题的首个部分，后附配套文件“{named}”"
    return None


_FRAGMENT = re.compile(r"^(?!公司|本次|上述|我们|该|本|此|其)[\u4e00-\u9fff]{1,2}的")


def _truncated(document: Document, start: int) -> bool:
    """The part opens mid-sentence ("份的股东……"): a page range cut out of a longer document."""
    stripped = document.text[document.blocks[start].start : document.blocks[start].end].lstrip()
    if not stripped:
        return False
    return stripped[0] in _CONTINUATION_START or bool(_FRAGMENT.match(stripped))
