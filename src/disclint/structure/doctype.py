"""Document-type detection from the title block and, failing that, the body."""

from __future__ import annotations

import re
from dataclasses import dataclass

from disclint.document import Document

DOC_TYPES = (
    "action_plan",
    "valuation_plan",
    "evaluation_report",
    "incentive_plan",
    "esop",
    "dividend",
    "voluntary",
    "generic",
)

# Checked in order against the title lines; the first match wins. The
# evaluation report is tested before the plan it evaluates.
_TITLE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("evaluation_report", re.compile(r"(?:行动方案|估值提升计划)[^。]{0,20}(?:评估报告|半年度评估|执行情况|进展情况|落实情况)|评估报告")),
    ("valuation_plan", re.compile(r"估值提升计划")),
    ("action_plan", re.compile(r"提质增效重回报[^。]{0,6}(?:行动)?方案|行动方案")),
    ("esop", re.compile(r"员工持股计划")),
    ("incentive_plan", re.compile(r"(?:股票期权|限制性股票|股权)激励计划")),
    ("dividend", re.compile(r"利润分配|现金分红|分红方案|权益分派|中期分红|特别分红")),
    ("voluntary", re.compile(r"自愿性?信息披露|自愿披露")),
)

_BODY_EVIDENCE = ("valuation_plan", "action_plan", "esop", "incentive_plan")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class TypeDecision:
    doc_type: str
    reason: str


def title_text(document: Document, max_blocks: int = 8) -> str:
    """The first few blocks, where an announcement's title sits."""
    parts = []
    for block in document.blocks[:max_blocks]:
        parts.append(_SPACE.sub("", document.text[block.start : block.end])[:120])
    return "\n".join(parts)


def detect_doc_type(document: Document) -> TypeDecision:
    title = title_text(document)
    for doc_type, pattern in _TITLE_RULES:
        match = pattern.search(title)
        if match:
            return TypeDecision(doc_type, f"标题含“{match.group(0)}”")
    # Without a recognisable title (an excerpt, a file cut from a bundle),
    # fall back to the body, but only on the names of plans, which a policy
    # or rule text mentions rarely; 分红 and 自愿披露 are everywhere.
    body = _SPACE.sub("", document.text[:20000])
    counts = {
        doc_type: len(pattern.findall(body))
        for doc_type, pattern in _TITLE_RULES
        if doc_type in _BODY_EVIDENCE
    }
    best = max(counts, key=lambda key: counts[key])
    if counts[best] >= 5:
        return TypeDecision(best, f"标题未识别；正文{counts[best]}次提到该类文件")
    return TypeDecision("generic", "未识别出特定文件类型")
