"""forward_looking: forecasts without basis or assumptions, certainty on
forecasts, and forward-looking content with no risk warning anywhere.

A *forecast* is a predictive statement (预计, 有望, 将达到 … — not the
planning words 计划/拟/力争) about an operating result (营业收入, 净利润,
订单 …) with a figure or an unquantified comparison (翻番, 明显好于). A
*quantified target* is a planning statement about such a result with a
figure. The SSE action-plan handbook (Q1) wants both to state their basic assumptions and main basis,
and to carry a risk warning. The cue lists are in ``lexicons/contexts.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from disclint.analysis import Analysis
from disclint.model.findings import Category, Finding, Severity
from disclint.rules.common import not_own_claim, rule_finding
from disclint.rules.registry import RuleSpec, rule
from disclint.structure import doctypes
from disclint.text.numbers import Quantity, QuantityKind
from disclint.text.sentences import Sentence

_RESULT_QUANTITIES = frozenset(
    {QuantityKind.AMOUNT, QuantityKind.PERCENT, QuantityKind.MULTIPLE, QuantityKind.POINTS, QuantityKind.PRICE}
)
# Volumes count as results when the subject is a volume (出货量 500万只, 销量 20万台).
_VOLUME_QUANTITIES = frozenset({QuantityKind.COUNT, QuantityKind.PHYSICAL, QuantityKind.SHARES})
_VOLUME_SUBJECT = re.compile(r"出货量|销量|产量|交付量|装机量|订单量|门店(?:数量|总数)")
_TARGET = re.compile(r"目标|力争|争取|计划|拟|剑指|瞄准|冲刺")
_RATIO_BASE = re.compile(r"占[^，。；]{0,18}$")
# 研发投入不低于营业收入的8%, 现金分红不低于净利润的30%: the result is the base of a ratio.
_RATIO_OF = re.compile(r"(?:总额)?的(?:\d+(?:\.\d+)?%|百分之)")
_BACK_REFERENCE = re.compile(r"全部|上述|该部分|该等|其中")
# A clause that names the topic the next clause judges: "对于完成全年25亿元的销售任务，管理层非常有把握".
_TOPIC_BEFORE = re.compile(r"(?:^|[，,：:；;])(?:对于|关于|对)[^，,：:；;]{2,40}[，,]$")
# A 业绩预告/业绩快报 reports a period that has ended, under its own rules.
# Mandated forecast content: the 业绩预告 format, a periodic report's own section on the expected
# results of the year (对年度经营业绩的预计), a counterparty's past profit commitment.
_PREANNOUNCEMENT = re.compile(
    r"业绩预告|业绩快报|经营业绩的预计|预计的经营业绩|(?:盈利|业绩)承诺(?:补偿)?(?:主体|方|期|期间|数)|补偿协议"
)


@dataclass(frozen=True)
class ForwardStatement:
    sentence: Sentence
    start: int  # normalised span of the statement inside the sentence
    end: int
    forecast: bool  # predictive (预计…) rather than a planned target
    certainty: bool
    quantified: bool = True


def _has_outcome(analysis: Analysis, text: str, *, ratio_base: bool = True, forecast: bool = False) -> bool:
    """An operating result of the company is named in ``text``; with ``ratio_base=False`` not one
    that is only the base of a ratio ("研发投入不低于营业收入的8%"); with ``forecast`` also the
    results that count only beside a forecast word (分红金额, 不良率). A market's or an industry's
    total (全球智能手机出货量, 行业规模) is not the company's result."""
    lexicon = analysis.lexicon
    excluded = [match.span() for match in lexicon.cue("not_outcome").finditer(text)]
    excluded.extend(match.span() for match in lexicon.cue("market_outcome").finditer(text))
    matches = list(lexicon.cue("outcome").finditer(text))
    if forecast:
        matches.extend(lexicon.cue("forecast_outcome").finditer(text))
    for match in matches:
        start, end = match.span()
        if any(ex_start < end and start < ex_end for ex_start, ex_end in excluded):
            continue
        if _RATIO_BASE.search(text[:start]) or (not ratio_base and _RATIO_OF.match(text, end)):
            continue  # 研发投入占营业收入的比例, 不低于营业收入的8%: the subject is 研发投入
        return True
    return False


def _figures(quantities: list[Quantity], kinds: frozenset[QuantityKind], start: int, end: int) -> bool:
    """A figure of one of ``kinds`` starts in ``[start, end)``."""
    return any(start <= quantity.start < end and quantity.kind in kinds for quantity in quantities)


# A figure in a later clause is the target's only when that clause says what is to be reached
# ("拟变更证券简称，……2024年汽车零部件收入占比为78%" states a fact after the plan).
_ATTAINMENT = re.compile(
    r"达到|达成|实现|提升|提高|增长|增加|突破|超过|不低于|不少于|至少|翻|扩大|升至|增至|达|迈上|冲|保持|维持|稳定在|控制在"
    r"|下降|降低|降至|减少|力争|争取|确保|目标|计划|预计|将"
)


def _target_figures(
    sentence: Sentence, quantities: list[Quantity], kinds: frozenset[QuantityKind], start: int, end: int
) -> bool:
    """A figure of ``kinds`` in ``[start, end)`` that belongs to the target whose clause opens at
    ``start``: in that clause, or in a later clause that names an attainment itself."""
    text = sentence.text
    for quantity in quantities:
        if not (start <= quantity.start < end and quantity.kind in kinds):
            continue
        clause_start, clause_end = sentence.clause_at(quantity.start)
        if clause_start <= start or _ATTAINMENT.search(text, clause_start, clause_end):
            return True
    return False


def _unquantified_result(analysis: Analysis, sentence: Sentence, part_start: int, part_end: int) -> bool:
    """A result expected without a figure (全年业绩有望大幅增长, 净利润必将实现高增长): the
    wording of ``unquantified_result`` in a clause that names an operating result itself
    ("将带动肉制品的消费快速增长" is about consumption, whatever else the sentence names)."""
    text = sentence.text
    forecasts = [m.span() for m in analysis.lexicon.cue("forecast").finditer(text, part_start, part_end)]
    for match in analysis.lexicon.cue("unquantified_result").finditer(text, part_start, part_end):
        clause_start, clause_end = sentence.clause_at(match.start())
        clause = text[clause_start:clause_end]
        # The expectation itself, in its own clause: a result, a forecast word reaching into the
        # clause, not a past fact ("在收入快速增长的情况下，预计……" states the growth as history).
        if (
            _has_outcome(analysis, clause, forecast=True)
            and any(start < clause_end and clause_start < end for start, end in forecasts)
            and not analysis.past_only(clause)
        ):
            return True
    return False


# What the company expected back then: "2016年公司预计军方订单将会大幅增加，提前备货……" in a filing
# that reports 2016 as past, "2006年底，本公司预计原材料价格将会上涨，因此加大采购".
_EXPECTED_THEN = re.compile(r"(\d{4})年(?:度|底|末|初|上半年|下半年)?[，,]?(?:本公司|公司|发行人|我们|管理层)(?:当时)?(?:预计|预期|判断)")


def _past_expectation(analysis: Analysis, part: str) -> bool:
    found = _EXPECTED_THEN.search(part)
    limit = analysis.last_past_year
    return found is not None and limit is not None and int(found.group(1)) <= limit


def forward_statements(analysis: Analysis) -> list[ForwardStatement]:
    """Forecasts and quantified result targets, one per ；-part, cached per analysis."""
    cached = analysis.memo.get("forward_statements")
    if isinstance(cached, list):
        return cached
    found: list[ForwardStatement] = []
    unquantified_too = doctypes.get(analysis.doc_type).unquantified_forecasts
    for sentence in analysis.sentences:
        text = sentence.text
        if analysis.is_heading(sentence) or analysis.is_rule_text(sentence):
            continue
        if analysis.is_investor_question(sentence):
            continue
        if not analysis.has_cue("outcome", text) and not analysis.has_cue("forecast_outcome", text):
            continue  # cheap test before parts, tense and the number finder
        if analysis.has_cue("mechanical_effect", text):
            continue  # the offering's effect on capital, depreciation, a what-if estimate: not a forecast
        quantities = analysis.quantities(sentence)
        for part_start, part_end in sentence.parts():
            part = text[part_start:part_end]
            if analysis.past_only(part) or _past_expectation(analysis, part):
                continue
            excluded = [m.span() for m in analysis.lexicon.cue("not_outcome").finditer(part)]
            forecasts = [
                m
                for m in analysis.lexicon.cue("forecast").finditer(part)
                if not any(start < m.end() and m.start() < end for start, end in excluded)
            ]
            if not _has_outcome(analysis, part, forecast=bool(forecasts)):
                continue
            if analysis.has_cue("incentive_condition", part):
                continue
            # In a plan's incentive wording the figures are conditions; a certain claim about the
            # results (本激励计划将确保净利润持续高速增长) is still a forecast.
            if analysis.has_cue("incentive_context", part) and not (
                forecasts and analysis.has_cue("forecast_certainty", part)
            ):
                continue
            # An evaluation report restates targets of a period that has ended: history.
            targets = [] if analysis.doc_type == "evaluation_report" else list(_TARGET.finditer(part))
            kinds = _RESULT_QUANTITIES | (_VOLUME_QUANTITIES if _VOLUME_SUBJECT.search(part) else frozenset())

            chosen: tuple[int, bool] | None = None  # the statement's clause start, quantified
            if forecasts:
                match = forecasts[0]
                if analysis.negated(sentence, part_start + match.start()):
                    continue
                clause_start = sentence.clause_at(part_start + match.start())[0]
                # The figure must belong to the forecast, not to a fact stated before
                # it — unless the forecast refers back to it ("在手订单约26亿元，预计将全部转化为营业收入").
                figures_from = part_start if _BACK_REFERENCE.search(text[clause_start:part_end]) else clause_start
                topic = _TOPIC_BEFORE.search(text[part_start:clause_start])
                if topic is not None:
                    # The statement starts at the topic ("对于……，……有把握"), without its lead-in punctuation.
                    clause_start = figures_from = part_start + topic.start() + (topic.group()[0] in "，,：:；;")
                chosen = (clause_start, _figures(quantities, kinds, figures_from, part_end))
                if not chosen[1]:
                    # "公司目标明年营收增长15%，管理层对此充满信心": the figure is the target's, in a
                    # clause of its own that names the result.
                    for target in targets:
                        own_start, own_end = sentence.clause_at(part_start + target.start())
                        if (
                            not analysis.negated(sentence, part_start + target.start())
                            and _has_outcome(analysis, text[own_start:own_end])
                            and _figures(quantities, kinds, own_start, own_end)
                        ):
                            chosen = (own_start, True)
                            break
            elif targets:
                match = targets[0]
                if analysis.negated(sentence, part_start + match.start()):
                    continue
                clause_start = sentence.clause_at(part_start + match.start())[0]
                figures_from = part_start if _BACK_REFERENCE.search(text[clause_start:part_end]) else clause_start
                if not _has_outcome(analysis, text[figures_from:part_end], ratio_base=False):
                    continue  # 研发投入不低于营业收入的8%: the target is the spending, not a result
                chosen = (clause_start, _target_figures(sentence, quantities, kinds, figures_from, part_end))
            if chosen is None:
                continue
            clause_start, quantified = chosen
            if not quantified and not (
                unquantified_too and _unquantified_result(analysis, sentence, part_start, part_end)
            ):
                continue
            end = part_end
            while end > clause_start and text[end - 1] in "，。；：,;:！？!?":
                end -= 1
            found.append(
                ForwardStatement(
                    sentence=sentence,
                    start=clause_start,
                    end=end,
                    forecast=bool(forecasts),
                    certainty=bool(analysis.lexicon.cue("forecast_certainty").search(part)),
                    quantified=quantified,
                )
            )
    found.extend(_frame_statements(analysis, found))
    found.sort(key=lambda statement: (statement.sentence.index, statement.start))
    analysis.memo["forward_statements"] = found
    return found


def _frame_statements(analysis: Analysis, found: list[ForwardStatement]) -> list[ForwardStatement]:
    """Forecasts found by the frames of ``lexicons/frames/forward_looking.toml`` (a result, a
    future marker and a figure, without 预计), where the cue lists found none in that clause."""
    added: list[ForwardStatement] = []
    for hit in analysis.frame_hits("FL001"):
        sentence = hit.sentence
        if analysis.has_cue("mechanical_effect", sentence.text):
            continue
        clause_start, clause_end = sentence.clause_at(hit.start)
        if any(
            statement.sentence is sentence and statement.start < clause_end and clause_start < statement.end
            for statement in (*found, *added)
        ):
            continue
        # Like the cue-found statements: from the forecast's clause to the end of its ；-part
        # ("营业收入将攀升至80亿元，净利润突破10亿元" is one forecast).
        part_start, part_end = sentence.part_at(hit.start)
        end = max(part_end, hit.end)
        text = sentence.text
        while end > clause_start and text[end - 1] in "，。；：,;:！？!?":
            end -= 1
        added.append(
            ForwardStatement(
                sentence=sentence,
                start=clause_start,
                end=end,
                forecast=True,
                certainty=bool(analysis.lexicon.cue("forecast_certainty").search(text[part_start:part_end])),
                quantified=True,
            )
        )
    return added


def _part_warns(analysis: Analysis, sentence: Sentence) -> bool:
    """The document (the part of a bundle) holding ``sentence`` carries a risk warning somewhere."""
    part = analysis.part_of(sentence)
    key = f"risk_warning_part:{part.start_block if part else -1}"
    cached = analysis.memo.get(key)
    if isinstance(cached, bool):
        return cached
    sentences = analysis.sentences_in(part) if part else analysis.sentences
    warns = analysis.has_cue("risk_warning", "\n".join(other.text for other in sentences))
    analysis.memo[key] = warns
    return warns


def _pack_requires_warning(analysis: Analysis, sentence: Sentence) -> bool:
    """The part holding ``sentence`` is of a type whose pack requires a risk-warning section."""
    from disclint.structure.packs import get_packs

    part = analysis.part_of(sentence)
    pack = get_packs(analysis.lexicon).get(part.doc_type if part else analysis.doc_type)
    return pack is not None and pack.has_risk_warning


@rule(
    code="FL001",
    name="forecast-without-basis",
    category=Category.FORWARD_LOOKING,
    severity=Severity.WARNING,
    summary="量化的业绩预测没有说明依据或假设",
    rationale=(
        "对于设定的目标与预测，应当充分披露其基本假设、主要依据（上交所“提质增效重回报”一本通 Q1）；自愿披露的信息不得误导投资者"
        "（《上市公司信息披露管理办法》关于自愿披露的规定）。同一段落中没有“基于……假设”“根据……经营计划/在手订单/可行性研究报告”等依据时报告。"
        "“根据公司内部测算”没有说明依据的内容，不算依据。计划类文件与答复中设定的量化经营目标（力争2027年营业收入达到80亿元），"
        "同段没有依据、同段和全文也都没有风险提示时同样报告；定期报告、招股说明书的发展目标与没有数字的趋势展望不在此列。"
        "股权激励的行权条件、业绩说明会安排、历史数据不是预测。"
    ),
    reference="forecast_basis",
    bad=["预计2025年公司营业收入将达到50亿元，归属于上市公司股东的净利润将达到6亿元。"],
    good=[
        "基于公司2025年度经营计划，并假设宏观经济环境及主要原材料价格不发生重大变化，公司预计2025年营业收入为50亿元。"
        "上述经营目标不构成公司对投资者的业绩承诺，能否实现存在较大不确定性，敬请投资者注意投资风险。"
    ],
    suggestion="在同一段写明预测的基本假设与主要依据（如经营计划、在手订单、产能），并提示可能无法实现的风险",
    example_type="action_plan",
)
def forecast_without_basis(analysis: Analysis, spec: RuleSpec) -> Iterator[Finding]:
    doc_type = doctypes.get(analysis.doc_type)
    mandated = doc_type.mandated_forecast_sections
    for statement in forward_statements(analysis):
        # A quantified target (力争2027年营业收入达到80亿元) needs its basis too (Q1: 设定的目标与预测);
        # one with its basis or its own warning in the paragraph passes. A long filing's 发展目标
        # states a direction (goals_are_claims), and is not read here.
        if not statement.forecast and not (statement.quantified and doc_type.goals_are_claims):
            continue
        paragraph = analysis.block_text(statement.sentence.block_index)
        if analysis.has_cue("basis", paragraph) or _PREANNOUNCEMENT.search(paragraph):
            continue
        if (not statement.quantified or not statement.forecast) and analysis.has_cue("risk_warning", paragraph):
            continue  # an unquantified expectation or a target that carries its own warning
        if not statement.forecast and _part_warns(analysis, statement.sentence):
            continue  # a target under the document's own warning (上述目标不构成业绩承诺…)
        if not statement.forecast and _pack_requires_warning(analysis, statement.sentence):
            continue  # a plan's target: its missing warning is missing_section/risk_warning, one finding
        if not_own_claim(analysis, spec, statement.sentence, max(statement.start, statement.end - 1)):
            continue
        if mandated is not None and analysis.under_heading(mandated, statement.sentence):
            continue  # a prospectus's project economics and post-audit expectations, with their basis there
        excerpt = statement.sentence.text[statement.start : statement.end]
        if not statement.forecast:
            message = f"量化的业绩目标未说明依据或假设，也未提示不确定性：“{_shorten(excerpt)}”"
        elif statement.certainty:
            message = f"以确定性措辞作出业绩预测，且未说明依据或假设：“{_shorten(excerpt)}”"
        else:
            message = f"业绩预测未说明依据或假设：“{_shorten(excerpt)}”"
        yield rule_finding(analysis, spec, statement.sentence, statement.start, statement.end, message)


@rule(
    code="FL002",
    name="no-risk-warning",
    category=Category.FORWARD_LOOKING,
    severity=Severity.WARNING,
    summary="含有预测或量化目标，但全文没有风险提示",
    rationale=(
        "应当对影响预测性信息实现的重要因素进行充分的风险提示（上交所“提质增效重回报”一本通 Q1），"
        "写明具体的风险因素与不确定性；“敬请投资者关注”不是风险提示。文档类型的必备章节含“风险提示”时"
        "（如行动方案、估值提升计划），改由 missing_section 报告，不重复报告。"
    ),
    reference="risk_warning",
    bad=["公司将持续推进提质增效，预计2025年净利润将实现翻番，敬请投资者关注。"],
    good=[
        "公司力争2025年营业收入同比增长不低于15%。上述目标系公司根据2025年度经营计划及在手订单情况制定，"
        "不代表公司对2025年度的盈利预测，能否实现存在不确定性，敬请投资者注意投资风险。"
    ],
    suggestion="在文末增加风险提示：说明目标与预测的依据不构成承诺、影响其实现的主要因素，并提示投资风险",
    scope="document",
    example_type="generic",
)
def no_risk_warning(analysis: Analysis, spec: RuleSpec) -> Iterator[Finding]:
    from disclint.structure.packs import get_packs

    packs = get_packs(analysis.lexicon)
    statements = forward_statements(analysis)
    for part in analysis.parts:
        pack = packs.get(part.doc_type)
        if pack is not None and pack.has_risk_warning:
            continue  # reported as missing_section/risk_warning: one finding, never two
        inside = [
            statement
            for statement in statements
            if part.start_block <= statement.sentence.block_index < part.end_block
            and _needs_warning(analysis, spec, statement)
        ]
        if not inside:
            continue
        sentences = analysis.sentences_in(part)
        if analysis.has_cue("risk_warning", "\n".join(sentence.text for sentence in sentences)):
            continue
        # Anchored on the first forecast: the statement that needs the warning.
        first = inside[0]
        yield rule_finding(
            analysis,
            spec,
            first.sentence,
            first.start,
            first.end,
            f"文中有预测或量化目标（此处起共{len(inside)}处），但全文没有风险提示",
        )


def _needs_warning(analysis: Analysis, spec: RuleSpec, statement: ForwardStatement) -> bool:
    """The statement is the company's own forecast or target, which its document must warn about:
    not a 业绩预告's mandated figures, not another party's words, not a forecast a named third party
    made ("据某咨询机构预测，全球……") — but the company's own basis ("根据在手订单测算") is no source."""
    paragraph = analysis.block_text(statement.sentence.block_index)
    if _PREANNOUNCEMENT.search(paragraph):
        return False
    if not_own_claim(analysis, spec, statement.sentence, max(statement.start, statement.end - 1)):
        return False
    return not (analysis.attributed(statement.sentence) and not analysis.has_cue("basis", paragraph))


_CLOSING = re.compile(r"^(?:特此公告|董事会$|.{0,40}(?:股份)?有限公司董事会$|\d{4}年\d{1,2}月\d{1,2}日$)")


def insertion_point(sentences: list[Sentence]) -> Sentence:
    """The last content sentence before the closing 特此公告 / signature / date."""
    index = len(sentences) - 1
    while index > 0 and _CLOSING.search(sentences[index].text):
        index -= 1
    return sentences[index]


def _shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
