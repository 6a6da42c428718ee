"""style: form problems that make a draft harder to read.

Mixed full- and half-width punctuation in one sentence, brackets and quotes
closed with the other width, and overlong sentences. The disclosure rules ask for
披露形式简明清晰、通俗易懂. These run on the original text (not the matching
copy), because width is exactly what the matching copy folds away.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from disclint.analysis import Analysis
from disclint.model.document import BlockKind
from disclint.model.findings import Category, Finding, Severity
from disclint.rules.common import rule_finding
from disclint.rules.registry import RuleSpec, rule
from disclint.text.sentences import Sentence

_CJK = r"[\u4e00-\u9fff）》」』”]"
# A half-width , ; : used as Chinese punctuation: after a CJK character and
# not between digits (1,720) or inside a time (9:30) or a URL.
_HALF_WIDTH = re.compile(rf"(?<={_CJK})[,;:](?!\d)|(?<=[\d%])[,;](?=[\u4e00-\u9fff])")
_FULL_WIDTH = re.compile(r"[，；：]")

_PAIRS = {"（": "）", "(": ")", "“": "”", "‘": "’", "《": "》", "【": "】", "「": "」"}
_CLOSERS = {close: open_ for open_, close in _PAIRS.items()}
# The other width's closer for each opener.
_WRONG_CLOSER = {"（": ")", "(": "）", "“": '"'}
_HALF_WIDTH_BRACKETS = re.compile(r'[()"]')


def _finding(analysis: Analysis, spec: RuleSpec, sentence: Sentence, start: int, end: int, message: str) -> Finding:
    """``start``/``end`` are original offsets here; the sentence is the anchor."""
    norm = sentence.norm
    local_start = norm.norm_index(start)
    local_end = norm.norm_index(end)
    return rule_finding(analysis, spec, sentence, local_start, max(local_end, local_start + 1), message)


@rule(
    code="ST001",
    name="mixed-punctuation-width",
    category=Category.STYLE,
    severity=Severity.INFO,
    summary="同一句中混用全角与半角标点",
    rationale="中文正文应统一使用全角标点（，；：）；同一句中混用半角逗号、分号显得不规范（信息披露应当简明清晰、通俗易懂）。",
    reference="plain_language",
    bad=["2024年公司营业收入为12.5亿元,同比增长8.3%;归属于上市公司股东的净利润为1.2亿元，同比增长6.1%。"],
    good=["2024年公司营业收入为12.5亿元，同比增长8.3%；归属于上市公司股东的净利润为1.2亿元，同比增长6.1%。"],
    suggestion="统一使用全角中文标点",
)
def mixed_punctuation(analysis: Analysis, spec: RuleSpec) -> Iterator[Finding]:
    text = analysis.document.text
    for sentence in analysis.sentences:
        raw = text[sentence.start : sentence.end]
        if "," not in raw and ";" not in raw and ":" not in raw:
            continue  # most Chinese sentences: no half-width mark at all (three C scans)
        # Text laid out in cells (a tab between them; a PDF table's rows wrap line by line): each
        # piece of a cell is read on its own, a list "甲公司;乙公司" in one cell and a "，" in the
        # next are not one sentence.
        for offset, piece in _cells(raw) if "\t" in raw else ((0, raw),):
            half = list(_HALF_WIDTH.finditer(piece))
            if half and _FULL_WIDTH.search(piece):
                first = sentence.start + offset + half[0].start()
                last = sentence.start + offset + half[-1].end()
                marks = "".join(dict.fromkeys(match.group(0) for match in half))
                yield _finding(analysis, spec, sentence, first, last, f"句中混用半角标点“{marks}”与全角标点")


def _cells(raw: str) -> Iterator[tuple[int, str]]:
    start = 0
    for found in re.finditer(r"[\t\n]", raw):
        yield start, raw[start : found.start()]
        start = found.end()
    yield start, raw[start:]


@rule(
    code="ST002",
    name="mismatched-brackets",
    category=Category.STYLE,
    severity=Severity.INFO,
    summary="括号或引号的全角、半角不配对",
    rationale="全角左括号“（”应以全角右括号“）”闭合；混用会造成阅读和排版错误。",
    reference="plain_language",
    bad=["公司控股子公司（以下简称“甲公司”)已于2024年完成增资。"],
    good=["公司控股子公司（以下简称“甲公司”）已于2024年完成增资。"],
    suggestion="改为成对的全角括号（）",
)
def mismatched_brackets(analysis: Analysis, spec: RuleSpec) -> Iterator[Finding]:
    text = analysis.document.text
    for sentence in analysis.sentences:
        raw = text[sentence.start : sentence.end]
        if not _HALF_WIDTH_BRACKETS.search(raw):
            continue  # only a half-width bracket or quote can close with the other width
        stack: list[tuple[str, int]] = []
        for offset in range(sentence.start, sentence.end):
            char = text[offset]
            if char in _PAIRS and not (char == "“" and stack and stack[-1][0] == "“"):
                stack.append((char, offset))
            elif char == '"' and stack and stack[-1][0] == "“":
                opener, open_offset = stack.pop()
                yield _finding(
                    analysis,
                    spec,
                    sentence,
                    open_offset,
                    offset + 1,
                    '中文左引号“以半角引号"闭合，引号不配对',
                )
            elif char in _CLOSERS:
                if stack and stack[-1][0] == _CLOSERS[char]:
                    stack.pop()
                elif stack and _WRONG_CLOSER.get(stack[-1][0]) == char:
                    opener, open_offset = stack.pop()
                    yield _finding(
                        analysis,
                        spec,
                        sentence,
                        open_offset,
                        offset + 1,
                        f"“{opener}”以“{char}”闭合，全角与半角括号不配对",
                    )


_TOC_LEADER = re.compile(r"(?:\.{4,}|…{2,}|·{4,}|-{4,}|－{4,})\d")
_DOUBLED_GLYPHS = re.compile(r"([\u4e00-\u9fff])\1\1")


@rule(
    code="ST003",
    name="overlong-sentence",
    category=Category.STYLE,
    severity=Severity.INFO,
    summary="句子过长",
    rationale="披露内容应当简明清晰、通俗易懂（《上市公司信息披露管理办法》第三条）；超过200字的句子难以阅读，宜拆分。",
    reference="plain_language",
    bad=[
        "公司" + "将围绕主营业务持续加大研发投入、优化产品结构、拓展海外市场、提升管理效率、" * 8 + "推动高质量发展。"
    ],
    good=["公司将围绕主营业务加大研发投入。2025年研发投入不低于营业收入的8%。"],
    suggestion="按举措拆分为几个短句，每句一个目标或措施",
)
def overlong_sentence(analysis: Analysis, spec: RuleSpec) -> Iterator[Finding]:
    for sentence in analysis.sentences:
        block = analysis.document.blocks[sentence.block_index]
        if block.kind is not BlockKind.PARAGRAPH or len(sentence.text) <= 200:
            continue
        if sentence.text.count("；") + sentence.text.count(";") >= 2:
            continue  # a list of items in one sentence
        if len(_TOC_LEADER.findall(sentence.text)) >= 2 or len(_DOUBLED_GLYPHS.findall(sentence.text)) >= 3:
            continue  # table-of-contents lines run together; a text layer that prints each glyph several times
        yield rule_finding(
            analysis, spec, sentence, 0, min(len(sentence.text), 24), f"句子长{len(sentence.text)}字，宜拆分"
        )


_PAST_DOMINANT_SHARE = 0.6
_PAST_MIN_SENTENCES = 4


@rule(
    code="ST004",
    name="past-achievements-dominate",
    category=Category.STYLE,
    severity=Severity.INFO,
    summary="过往成绩篇幅过大，目标与举措不突出",
    rationale=(
        "行动方案应主要阐述未来的优化目标和具体举措，过往成绩应当简要、概括（上交所“提质增效重回报”一本通“行动要求”第2项）。"
        "一个部分中多数句子陈述已取得的成绩、而非目标与措施时提示。"
    ),
    reference="plan_focus_on_future",
    bad=[
        "关于2025年度“提质增效重回报”行动方案的公告\n一、提升经营质量\n"
        "2024年，公司实现营业收入18.62亿元，同比增长14.3%。2024年，公司净利润2.15亿元，同比增长10.8%。"
        "截至2024年末，公司已累计获得授权专利320项。报告期内，公司完成了3个募投项目的建设。"
        "2025年公司计划营业收入同比增长不低于10%。\n"
    ],
    good=[
        "关于2025年度“提质增效重回报”行动方案的公告\n一、提升经营质量\n"
        "2024年，公司实现营业收入18.62亿元，同比增长14.3%。2025年公司计划营业收入同比增长不低于10%。"
        "公司计划于2025年6月30日前完成募投项目建设。2025年公司计划将存货周转天数压降至80天以内。\n"
    ],
    suggestion="把过往成绩压缩为一两句概括，篇幅留给未来的目标与举措",
    doc_types=("action_plan", "valuation_plan"),
    example_type="action_plan",
)
def past_achievements_dominate(analysis: Analysis, spec: RuleSpec) -> Iterator[Finding]:
    for part in analysis.parts:
        if part.doc_type not in ("action_plan", "valuation_plan"):
            continue
        headings = [h for h in analysis.headings_in(part) if not h.run_in]
        if not headings:
            continue
        top = min(h.level for h in headings)
        sections = [h for h in headings if h.level == top]
        for position, heading in enumerate(sections):
            end_block = sections[position + 1].block_index if position + 1 < len(sections) else part.end_block
            sentences = [
                s
                for s in analysis.sentences_in(part)
                if heading.block_index < s.block_index < end_block and not analysis.is_heading(s)
            ]
            if len(sentences) < _PAST_MIN_SENTENCES:
                continue
            past = [s for s in sentences if analysis.past_only(s.text) and analysis.quantities(s)]
            if len(past) / len(sentences) >= _PAST_DOMINANT_SHARE:
                anchor = next(s for s in analysis.sentences if s.block_index >= heading.block_index)
                yield rule_finding(
                    analysis,
                    spec,
                    anchor,
                    0,
                    len(anchor.text),
                    f"“{heading.title}”部分{len(sentences)}句中有{len(past)}句是过往成绩，目标与举措不突出",
                )
