"""missing_section: a section the document type requires or strongly expects is absent.

The packs are data (``lexicons/sections.toml``). A section is present when a
heading or run-in heading matches it, or — written as plain paragraphs —
when enough of its keywords occur in the part. Each part of a bundle is
checked against its own type's pack. A missing section is reported where it
would go: after the section that precedes it in the pack's order, or, for a
risk warning, before 特此公告.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from disclint.analysis import Analysis
from disclint.model.findings import Category, Finding, SectionCheck, Severity
from disclint.rules.common import rule_finding
from disclint.rules.forward_looking import forward_statements, insertion_point
from disclint.rules.registry import RuleSpec, provide_sections, rule
from disclint.structure.bundle import Part
from disclint.structure.doctype import title_text
from disclint.structure.headings import Heading
from disclint.structure.packs import Pack, SectionSpec, get_packs
from disclint.text.numbers import QuantityKind
from disclint.text.sentences import Sentence

_UNIMPLEMENTED = re.compile(
    r"未(?:能)?(?:实施|完成|达到|达成|实现|开展|举办|按(?:期|计划|时))|尚未(?:实施|完成|开展|办理|启动)|延期|推迟|延迟|顺延|"
    r"调整至|终止|暂缓|不及预期|未发生投入|实际举办\d+次"
)
_REASON = re.compile(r"原因|由于|因(?!此|而|素)|系因|主要系|受[^。]{0,20}影响|鉴于")
_LOW_PAYOUT = re.compile(r"不进行现金分红|未进行现金分红|不派发现金红利|不进行利润分配|不分配利润|现金分红比例低于30%")
_PAYOUT = re.compile(r"占[^。；]{0,30}净利润的?(?:比例)?为?(?P<pct>\d+(?:\.\d+)?)%")
_BOILERPLATE = re.compile(r"董事会及全体董事保证|全体董事保证|证券代码|证券简称|公告编号")
_FUTURE_YEAR_CONTEXT = re.compile(
    r"(?:到|至|于|在)\d{4}年|\d{4}年(?:末|底)?(?:前|之前)|\d{4}\s*[-—–~至到]\s*\d{4}年|未来[一二三四五\d]+年|[一二三四五\d]+年内"
)


_BOUNDED_TARGET = re.compile(r"不低于|不少于|不超过|以上|以内|提升至|降至|达到")
_TARGET_KINDS = frozenset(
    {
        QuantityKind.AMOUNT,
        QuantityKind.PERCENT,
        QuantityKind.COUNT,
        QuantityKind.MULTIPLE,
        QuantityKind.POINTS,
        QuantityKind.SHARES,
        QuantityKind.PHYSICAL,
    }
)


@dataclass(frozen=True)
class SectionStatus:
    spec: SectionSpec
    present: bool
    required: bool
    heading: Heading | None  # the heading that satisfies it, when found by heading
    block_index: int | None  # where evidence was found


def _titles(analysis: Analysis, part: Part) -> list[Heading]:
    return analysis.headings_in(part)


def _part_text(analysis: Analysis, part: Part) -> list[tuple[int, str]]:
    texts = []
    for index in range(part.start_block, part.end_block):
        text = analysis.block_text(index)
        if not _BOILERPLATE.search(text):
            texts.append((index, text))
    return texts


def _document_year(analysis: Analysis, part: Part) -> int | None:
    """The year the announcement is dated (its last date line), if any."""
    for index in range(part.end_block - 1, max(part.start_block, part.end_block - 6) - 1, -1):
        match = re.fullmatch(r"(\d{4})年\d{1,2}月\d{1,2}日", analysis.block_text(index))
        if match:
            return int(match.group(1))
    return None


def _future_year_evidence(analysis: Analysis, part: Part) -> int | None:
    """A block stating a target year or period at or after the document's year."""
    year = _document_year(analysis, part)
    for sentence in analysis.sentences_in(part):
        if not _FUTURE_YEAR_CONTEXT.search(sentence.text):
            continue
        if analysis.past_only(sentence.text):
            continue
        years = [q.date[0] for q in analysis.quantities(sentence) if q.date and q.kind is not QuantityKind.NUMBER]
        if any(year is None or found >= year for found in years) or re.search(
            r"未来[一二三四五\d]+年|[一二三四五\d]+年内", sentence.text
        ):
            return sentence.block_index
    return None


def _condition_holds(analysis: Analysis, part: Part, condition: str | None) -> bool:
    if condition is None:
        return True
    text = "".join(text for _, text in _part_text(analysis, part))
    if condition == "forward":
        return _has_forward(analysis, part)
    if condition == "unimplemented":
        return bool(_UNIMPLEMENTED.search(text))
    if condition == "full_draft":
        return "摘要" not in (part.title or title_text(analysis.document, part.start_block, part.end_block))
    if condition == "low_payout":
        if _LOW_PAYOUT.search(text):
            return True
        return any(float(match.group("pct")) < 30 for match in _PAYOUT.finditer(text))
    return True


def _has_forward(analysis: Analysis, part: Part) -> bool:
    """The part makes forecasts or sets quantified targets (the SSE handbook's trigger for a risk warning)."""
    if any(part.start_block <= s.sentence.block_index < part.end_block for s in forward_statements(analysis)):
        return True
    for sentence in analysis.sentences_in(part):
        if analysis.is_heading(sentence) or analysis.past_only(sentence.text):
            continue
        if not (analysis.has_cue("future", sentence.text) or _BOUNDED_TARGET.search(sentence.text)):
            continue
        if any(q.kind in _TARGET_KINDS for q in analysis.quantities(sentence)):
            return True
    return False


def _reasons_given(analysis: Analysis, part: Part) -> bool:
    """Every item that reports something unimplemented says why within the item
    (its paragraph: "实施情况：未完成。……主要原因是……")."""
    for sentence in analysis.sentences_in(part):
        if not _UNIMPLEMENTED.search(sentence.text) or analysis.is_heading(sentence):
            continue
        if not _REASON.search(analysis.block_text(sentence.block_index)):
            return False
    return True


def section_statuses(analysis: Analysis, part: Part, pack: Pack) -> list[SectionStatus]:
    headings = _titles(analysis, part)
    texts = _part_text(analysis, part)
    full_text = "\n".join(text for _, text in texts)
    statuses = []
    for spec in pack.sections:
        required = _condition_holds(analysis, part, spec.when)
        heading = next((h for h in headings if any(p.search(h.title) for p in spec.headings)), None)
        block_index = heading.block_index if heading else None
        present = heading is not None
        if spec.risk_warning and not present:
            found = next((index for index, text in texts if analysis.has_cue("risk_warning", text)), None)
            present, block_index = found is not None, found
        if spec.reasons:
            # Judged item by item: a "……及原因" heading does not excuse an item that gives none.
            present = _reasons_given(analysis, part)
        if not present and (spec.keywords or spec.special_keywords):
            hits = [pattern for pattern in spec.keywords if pattern.search(full_text)]
            evidence = len(hits)
            if "@future_year" in spec.special_keywords:
                future_block = _future_year_evidence(analysis, part)
                if future_block is not None:
                    evidence += 1
                    block_index = future_block
            if evidence >= spec.min_keywords:
                present = True
                if block_index is None and hits:
                    block_index = next((index for index, text in texts if hits[0].search(text)), None)
        statuses.append(
            SectionStatus(spec=spec, present=present, required=required, heading=heading, block_index=block_index)
        )
    return statuses


def _anchor(
    analysis: Analysis, part: Part, statuses: list[SectionStatus], position: int
) -> tuple[Sentence | None, str]:
    """Where the missing section would go, and a phrase saying so."""
    spec = statuses[position].spec
    sentences = analysis.sentences_in(part)
    if not sentences:
        return None, ""
    if spec.risk_warning:
        point = insertion_point(sentences)
        return point, "文末（“特此公告”之前）"
    before = [status for status in statuses[:position] if status.present and status.block_index is not None]
    if before:
        previous = before[-1]
        start_block = previous.block_index or 0
        level = previous.heading.level if previous.heading else None
        # The end of the previous section: the block before the next heading of the same or a higher level.
        end_block = part.end_block
        for heading in analysis.headings_in(part):
            if heading.block_index > start_block and (level is None or heading.level <= level):
                end_block = heading.block_index
                break
        candidates = [s for s in sentences if start_block <= s.block_index < end_block]
        # Not after 特此公告 or the signature: the end of the section's content.
        anchor = insertion_point(candidates) if candidates else sentences[0]
        label = previous.heading.text if previous.heading else f"“{previous.spec.name}”相关内容"
        return anchor, f"“{label}”之后"
    later = [status for status in statuses[position + 1 :] if status.present and status.block_index is not None]
    if later:
        target = later[0].block_index
        candidates = [s for s in sentences if s.block_index >= (target or 0)]
        anchor = candidates[0] if candidates else sentences[0]
        label = later[0].heading.text if later[0].heading else f"“{later[0].spec.name}”相关内容"
        return anchor, f"“{label}”之前"
    return sentences[0], "正文开头"


def _severity(analysis: Analysis, part: Part, spec: SectionSpec) -> Severity:
    if spec.severity_when_forward is not None and _has_forward(analysis, part):
        return spec.severity_when_forward
    return spec.severity


@rule(
    code="MS001",
    name="missing-required-section",
    category=Category.MISSING_SECTION,
    severity=Severity.WARNING,
    summary="缺少该类文件应当或建议包含的部分",
    rationale=(
        "行动方案建议从提升经营质量、加快发展新质生产力、完善公司治理、强化“关键少数”责任、提升投资者回报、"
        "加强投资者沟通6个方面制定（上交所“提质增效重回报”一本通“行动要求”第2项、Q2），设定量化目标时应当充分提示风险（同上 Q1）；"
        "估值提升计划应当明确目标、期限及具体措施（《市值管理指引》第九条）；评估报告应当包含措施的实施情况及效果、"
        "未实施的原因、投资者的意见建议和进一步改进措施（同上“行动要求”第3项）；股权激励计划、员工持股计划、利润分配方案"
        "的必备内容见 `disclint rules --format json` 输出中的 `packs`。各部分按含义识别：标题措辞不同、写成带编号的段落也可。"
    ),
    reference="accurate_complete",
    bad=[
        "关于2025年度“提质增效重回报”行动方案的公告\n一、提升经营质量\n2025年公司计划营业收入同比增长不低于10%。\n特此公告。\n"
    ],
    good=[
        "关于2025年度“提质增效重回报”行动方案的公告\n"
        "一、提升经营质量\n2025年公司产能利用率目标不低于85%，募投项目于2025年6月30日前投产，净资产收益率不低于9%。\n"
        "二、加快发展新质生产力\n2025年研发投入不低于营业收入的8%，新增发明专利申请不少于30项。\n"
        "三、完善公司治理\n2025年6月30日前完成《公司章程》修订，召开独立董事专门会议不少于4次。\n"
        "四、强化“关键少数”责任\n公司将高级管理人员薪酬与净资产收益率挂钩；控股股东承诺12个月内不减持。\n"
        "五、提升投资者回报\n2025年现金分红比例不低于净利润的40%，回购金额不低于5,000万元。\n"
        "六、加强投资者沟通\n2025年召开业绩说明会不少于3次，2个交易日内回复上证e互动提问。\n"
        "七、风险提示\n上述目标系基于2025年度经营计划制定，不构成业绩承诺，能否实现存在不确定性，敬请投资者注意投资风险。\n"
        "特此公告。\n"
    ],
    suggestion="按文件类型补充该部分；`disclint explain MS001` 列出各类文件的必备部分",
    scope="document",
    example_type="action_plan",
)
def missing_required_section(analysis: Analysis, spec: RuleSpec) -> Iterator[Finding]:
    packs = get_packs(analysis.lexicon)
    for part in analysis.parts:
        pack = packs.get(part.doc_type)
        if pack is None:
            continue
        statuses = section_statuses(analysis, part, pack)
        first_present = next((i for i, status in enumerate(statuses) if status.present), None)
        for position, status in enumerate(statuses):
            if status.present or not status.required:
                continue
            if part.truncated_start and first_present is not None and position < first_present:
                continue  # would sit in the part cut off before the file starts
            anchor, where = _anchor(analysis, part, statuses, position)
            if anchor is None:
                continue
            section = status.spec
            yield rule_finding(
                analysis,
                spec,
                anchor,
                0,
                len(anchor.text),
                f"{pack.name}缺少“{section.name}”部分：应说明{section.expects}",
                severity=_severity(analysis, part, section),
                suggestion=f"在{where}增加“{section.name}”部分" if where else None,
                source=section.source,
                section=section.id,
            )


def checklist(analysis: Analysis) -> list[tuple[str, SectionStatus]]:
    """Each part's pack sections with their status, for reports that show a checklist."""
    packs = get_packs(analysis.lexicon)
    rows: list[tuple[str, SectionStatus]] = []
    for part in analysis.parts:
        pack = packs.get(part.doc_type)
        if pack is not None:
            rows.extend((part.doc_type, status) for status in section_statuses(analysis, part, pack))
    return rows


def section_checks(analysis: Analysis) -> list[SectionCheck]:
    """The checklist as reports show it: each part's pack sections, present or missing."""
    return [
        SectionCheck(
            doc_type=doc_type,
            section=status.spec.id,
            name=status.spec.name,
            present=status.present,
            required=status.required,
            severity=status.spec.severity,
        )
        for doc_type, status in checklist(analysis)
    ]


provide_sections("MS001", section_checks)
