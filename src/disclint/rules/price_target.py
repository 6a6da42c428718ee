"""price_target: target share prices, market-cap and valuation targets,
predictions of and promises about the share price.

The terms live in ``lexicons/price_target.toml``. The code adds what a list
cannot: rule texts that forbid price predictions, trigger conditions of a
稳定股价预案 ("若股价低于…"), past facts, quoted investor questions and
negation (handled in :func:`lexicon_hits`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from disclint.analysis import Analysis, Hit
from disclint.model.findings import Category, Finding, Severity
from disclint.rules.common import finding_for_hit, lexicon_hits, merge_overlapping
from disclint.rules.registry import RuleSpec, rule
from disclint.text.sentences import Sentence

_CONDITION = re.compile(
    r"(?:^|[，,；;])[^，,；;]{0,8}?(?:若|如果|如(?!期|实|何|下|此|今|同|上|前|约|常|数|愿|意|是)|倘若|假如|一旦|当(?![前期年日月天地然季])|凡)"
)


def _skip_sentence(analysis: Analysis, sentence: Sentence) -> bool:
    return analysis.is_rule_text(sentence)


def _keep(analysis: Analysis, hit: Hit) -> bool:
    sentence = hit.sentence
    part_start, _ = sentence.part_at(hit.start)
    # Trigger conditions of a 稳定股价预案: "若公司股票……低于……，则……".
    if _CONDITION.search(sentence.text[part_start : hit.start]):
        return False
    # A past fact ("截至……收盘价为……", "市值由年初的……提升至……") is judged by the hit's
    # own clause: "截至……收盘价为8.46元，我们认为股价有一倍上涨空间" still counts. A judgement
    # (PT004: 股价已经严重背离基本面) is about the present, whatever its tense.
    if hit.term.rule == "PT004":
        return True
    clause_start, clause_end = sentence.clause_at(hit.start)
    return not analysis.past_only(sentence.text[clause_start:clause_end])


def _one_claim_per_part(hits: list[Hit]) -> list[Hit]:
    """A rule's hits in one ；-part are one claim ("股价必将回归至每股20元以上的合理价值区间";
    "力争市值达到300亿元，实现市值与内在价值相匹配"): one finding over them, named by the first
    hit's entry."""
    merged: list[Hit] = []
    for hit in hits:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.sentence is hit.sentence
            and hit.sentence.part_at(hit.start)[0] == hit.sentence.part_at(previous.start)[0]
        ):
            merged[-1] = Hit(previous.term, hit.sentence, previous.start, max(previous.end, hit.end))
            continue
        merged.append(hit)
    return merged


def _run(analysis: Analysis, spec: RuleSpec) -> Iterator[Finding]:
    # Frames carry their own conditions (lexicons/frames/price_target.toml: condition, past_fact …).
    hits = list(lexicon_hits(analysis, spec, skip_sentence=_skip_sentence, keep=_keep, frame_keep=None))
    for hit in _one_claim_per_part(merge_overlapping(hits)):
        yield finding_for_hit(analysis, spec, hit)


_REFERENCE = "no_price_prediction"


@rule(
    code="PT001",
    name="market-cap-target",
    category=Category.PRICE_TARGET,
    severity=Severity.ERROR,
    summary="设定或预测市值目标",
    rationale=(
        "行动方案与估值提升计划不得直接提及目标股价、市值、市盈率等具体预测指标（上交所“提质增效重回报”一本通 Q1）。"
        "“市值突破千亿”“市值迈上300亿元台阶”“千亿市值目标”都属于市值目标。"
        "市值管理制度、把市值表现纳入薪酬考核、历史市值数据不是目标。"
    ),
    reference="no_valuation_target",
    bad=["公司力争在2027年底前实现市值突破千亿元。"],
    good=["公司已根据《上市公司监管指引第10号——市值管理》制定《市值管理制度》。"],
    suggestion="删除市值目标，改写为可检验的经营、分红或回购目标，并说明依据与风险",
    example_type="action_plan",
)
def market_cap_target(analysis: Analysis, spec: RuleSpec) -> Iterator[Finding]:
    return _run(analysis, spec)


@rule(
    code="PT002",
    name="share-price-target",
    category=Category.PRICE_TARGET,
    severity=Severity.ERROR,
    summary="给出目标股价，或预测、承诺股价",
    rationale=(
        "不得对公司证券交易价格作出预测或者承诺（《市值管理指引》所列禁止行为，条款号未核实；"
        "深交所规范运作指引关于互动易的规定，条款号未核实），投资者关系活动中不得对公司股票价格公开做出预期或承诺"
        "（科创板规范运作指引第8.1条），行动方案不得提及目标股价（上交所“提质增效重回报”一本通 Q1）。"
        "稳定股价预案的启动条件（跌破每股净资产、跌破发行价）、回购价格上限、行权价格公式和"
        "Black-Scholes 模型中的标的股价假设不是股价预测。"
    ),
    reference=_REFERENCE,
    bad=["随着新产能逐步释放，公司股价有望翻倍。"],
    good=["若公司股票连续20个交易日的收盘价均低于首次公开发行价格，控股股东将在10个交易日内提出增持计划。"],
    suggestion="删除对股价的预测或承诺；稳定股价安排写明启动条件、措施与程序",
)
def share_price_target(analysis: Analysis, spec: RuleSpec) -> Iterator[Finding]:
    return _run(analysis, spec)


@rule(
    code="PT003",
    name="valuation-target",
    category=Category.PRICE_TARGET,
    severity=Severity.ERROR,
    summary="设定市盈率、市净率或估值倍数目标",
    rationale=(
        "上交所“提质增效重回报”一本通 Q1 禁止提及市盈率等具体预测指标；估值提升计划应写明提升经营、回报的具体措施与期限"
        "（《市值管理指引》第九条），而不是估值倍数。历史市净率、资产评估值、股份支付的估值模型不是目标。"
    ),
    reference="no_valuation_target",
    bad=["本计划的目标是在2025年末前推动公司市净率修复至1倍以上。"],
    good=["截至2024年12月31日，公司股票收盘价为3.61元/股，市净率为0.62倍。"],
    suggestion="删除估值倍数目标，改写为净资产收益率、分红率、回购金额等目标",
    example_type="valuation_plan",
)
def valuation_target(analysis: Analysis, spec: RuleSpec) -> Iterator[Finding]:
    return _run(analysis, spec)


@rule(
    code="PT004",
    name="share-price-judgement",
    category=Category.PRICE_TARGET,
    severity=Severity.ERROR,
    summary="判断股价被低估或预测其上涨空间",
    rationale=(
        "“股价被严重低估”“价值重估在即”“股价具备较大提升空间”是对股价的判断与预测，"
        "属于《市值管理指引》所列的对证券交易价格作出预测（条款号未核实），也为交易所规则所禁止（见依据）。"
    ),
    reference=_REFERENCE,
    bad=["公司认为当前股价被严重低估，未能充分反映公司的内在价值。"],
    good=["公司将密切关注市场对公司价值的评价，2025年计划举办不少于3次业绩说明会。"],
    suggestion="删除对股价高低的判断，陈述可核验的经营与财务事实",
)
def share_price_judgement(analysis: Analysis, spec: RuleSpec) -> Iterator[Finding]:
    return _run(analysis, spec)
