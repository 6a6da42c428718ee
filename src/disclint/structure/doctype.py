"""Document-type detection from the title block and, failing that, the body."""

from __future__ import annotations

import re
from dataclasses import dataclass

from disclint.model.document import Document
from disclint.structure import doctypes

# Every type name: the original eight first (CONTRACT.md), then the types of
# what companies really file. The registry (``disclint.structure.doctypes``)
# holds each type's title patterns, pack and the rules that apply.
DOC_TYPES = doctypes.names()

# Documents that accompany a plan but are not the plan: checked as generic.
_OTHER_DOCUMENT = re.compile(
    r"(?:一本通|手册|指引|指南|管理办法|管理制度|制度|规则|细则|准则|问答|评价标准|规定)(?:（[^）]*）)?$"
)
_APPENDIX = re.compile(r"考核管理办法|管理办法$|名单$|独立意见$|意见$|法律意见书$|章程$|核查意见$")
_BODY_EVIDENCE = ("valuation_plan", "action_plan", "esop", "incentive_plan")
_BODY_PATTERNS = tuple((name, doctypes.get(name).titles[0]) for name in _BODY_EVIDENCE)
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class TypeDecision:
    doc_type: str
    reason: str


def _quoted(text: str) -> str:
    """``text`` in quotation marks for a message: 「」 around text that holds “” itself, and the
    quote a match cut off put back (the title pattern matches 提质增效重回报”行动方案)."""
    if text.count("”") > text.count("“"):
        text = "“" + text
    elif text.count("“") > text.count("”"):
        text += "”"
    return f"「{text}」" if "“" in text else f"“{text}”"


def title_text(document: Document, start: int = 0, end: int | None = None, max_blocks: int = 8) -> str:
    """The first few blocks of ``blocks[start:end]``, where a title sits."""
    blocks = document.blocks[start : end if end is not None else len(document.blocks)][:max_blocks]
    lines = (_SPACE.sub("", document.text[block.start : block.end]) for block in blocks)
    # A title is a short line; a long paragraph near the top (a preface that
    # mentions 行动方案) is not.
    return "\n".join(line for line in lines if len(line) <= 60 and "。" not in line[:-1])


def type_from_title(title: str) -> TypeDecision | None:
    """The first registered type whose title pattern matches ``title`` (lines joined by newlines)."""
    for doc_type in doctypes.registry().values():
        match = doc_type.title_match(title)
        if match:
            return TypeDecision(doc_type.name, f"标题含{_quoted(_SPACE.sub('', match.group(0)))}")
    return None


def _body_decision(body: str) -> TypeDecision | None:
    """A type that says what it is in its opening text (a prospectus names itself)."""
    for doc_type in doctypes.registry().values():
        for evidence in doc_type.body:
            count = len(evidence.pattern.findall(body[: evidence.window]))
            if count >= evidence.min_count:
                return TypeDecision(doc_type.name, "标题未识别；" + evidence.reason.format(count=count))
    return None


def detect_type_from_text(document: Document, start: int, end: int, *, title: str | None = None) -> TypeDecision:
    """The type of the document in ``blocks[start:end]``: from its title, else its body."""
    if title:
        if _APPENDIX.search(title):
            return TypeDecision("generic", f"{_quoted(title)}是配套文件，按一般公告检查")
        decision = type_from_title(title)
        if decision is not None:
            return decision
    title = title_text(document, start, end)
    decision = type_from_title(title)
    if decision is not None:
        return decision
    blocks = document.blocks[start:end]
    if not blocks:
        return TypeDecision("generic", "空文档")
    body = _SPACE.sub("", document.text[blocks[0].start : blocks[-1].end][:20000])
    decision = _body_decision(body)
    if decision is not None:
        return decision
    other = next((line for line in title.splitlines() if _OTHER_DOCUMENT.search(line)), None)
    if other is not None:
        # A rule book, policy or handbook that discusses plans is not a plan.
        return TypeDecision("generic", f"标题{_quoted(other)}不是所检查的文件类型")
    # Without a recognisable title (an excerpt, a page range cut from a
    # bundle), fall back to the body, but only on the names of plans, which
    # a policy or rule text mentions rarely; 分红 and 自愿披露 are everywhere.
    counts = {doc_type: len(pattern.findall(body)) for doc_type, pattern in _BODY_PATTERNS}
    best = max(counts, key=lambda key: counts[key])
    if counts[best] >= 5:
        return TypeDecision(best, f"标题未识别；正文{counts[best]}次提到该类文件")
    return TypeDecision("generic", "未识别出特定文件类型")


def detect_doc_type(document: Document) -> TypeDecision:
    return detect_type_from_text(document, 0, len(document.blocks))
