"""consistency: figures that must agree, checked inside one sentence.

Parts against their total (其中首次授予…预留…), a growth rate against its two
values, a lower bound above its upper bound, impossible dates, percentages
of one base that exceed 100%, and a percentage against the part and base it
names. Every comparison allows for rounding: half a unit of each figure's
last written digit.
"""

from __future__ import annotations

import calendar
import itertools
import re
from collections.abc import Iterator

from disclint.analysis import Analysis
from disclint.findings import Category, Finding, Severity
from disclint.rules.registry import RuleSpec, rule
from disclint.text.numbers import Quantity, QuantityKind
from disclint.text.sentences import Sentence

_SIZE_KINDS = frozenset({QuantityKind.AMOUNT, QuantityKind.SHARES, QuantityKind.PHYSICAL, QuantityKind.COUNT})


def _same_family(first: Quantity, second: Quantity) -> bool:
    if first.kind is not second.kind:
        return False
    if first.kind is QuantityKind.SHARES:
        return True  # 份 and 股 of the same plan count alike
    return first.unit.lstrip("万亿") == second.unit.lstrip("万亿") or not first.unit or not second.unit


def _fmt(value: float) -> str:
    if abs(value) >= 1e8:
        return f"{value / 1e8:,.4g}亿"
    if abs(value) >= 1e4:
        return f"{value / 1e4:,.6g}万"
    return f"{value:,.6g}"


_REFERENCE = "000 行动要求5；003 第五条（准确）"


def _finding(analysis: Analysis, spec: RuleSpec, sentence: Sentence, start: int, end: int, message: str) -> Finding:
    return analysis.finding(
        code=spec.code,
        category=spec.category,
        severity=spec.severity,
        message=message,
        sentence=sentence,
        start=start,
        end=end,
        suggestion=spec.suggestion,
        reference=analysis.lexicon.cite(spec.reference),
    )


# ---------------------------------------------------------------- CN001 parts vs total
_TOTAL_THEN_PARTS = re.compile(r"其中")
_COMPLETE_PARTS = re.compile(r"首次[^，。；]{0,8}(?:授予|发行)[^。]{0,60}预留|分别为|合计|共计|总计")


@rule(
    code="CN001",
    name="parts-exceed-total",
    category=Category.CONSISTENCY,
    severity=Severity.ERROR,
    summary="分项之和与总数不符",
    rationale="总量与分项（如首次授予与预留部分）应当相加一致，允许末位四舍五入误差。",
    reference=_REFERENCE,
    bad=["本激励计划拟授予的股票期权数量为1,000万份，其中首次授予850万份，预留200万份。"],
    good=["本激励计划拟授予限制性股票500万股，其中首次授予400万股，占本次授予总量的80.00%；预留100万股，占本次授予总量的20.00%。"],
    suggestion="核对总数与各分项，修正后保持全文一致",
    example_type="incentive_plan",
)
def parts_vs_total(analysis: Analysis, spec: RuleSpec) -> Iterator[Finding]:
    for sentence in analysis.sentences:
        text = sentence.text
        marker = _TOTAL_THEN_PARTS.search(text)
        if marker is None:
            continue
        quantities = [q for q in analysis.quantities(sentence) if q.kind in _SIZE_KINDS and q.value is not None]
        before = [q for q in quantities if q.end <= marker.start()]
        if not before:
            continue
        total = before[-1]
        complete = bool(_COMPLETE_PARTS.search(text[marker.start() :]))
        # Without 首次…预留 / 分别为 / 合计, only the parts listed in the same
        # ；-part belong to the total ("其中A占比超80%；B产能将达到……" lists other things).
        limit = len(text) if complete else sentence.part_at(marker.start())[1]
        parts = [q for q in quantities if marker.end() <= q.start < limit and _same_family(total, q)]
        if len(parts) < 2:
            continue
        part_sum = sum(q.value or 0.0 for q in parts)
        tolerance = total.tolerance + sum(q.tolerance for q in parts)
        assert total.value is not None
        over = part_sum - total.value > tolerance
        mismatch = complete and abs(part_sum - total.value) > tolerance
        if over or mismatch:
            yield _finding(
                analysis, spec, sentence, total.start, parts[-1].end,
                f"分项之和为{_fmt(part_sum)}{total.unit.lstrip('万亿')}，与总数“{total.text}”不符",
            )


# ---------------------------------------------------------------- CN002 growth rate vs values
_GROWTH = re.compile(r"(?P<word>增长|增加|提升|上升|下降|减少|降低)了?(?P<gap>[^，。；]{0,2})$")


@rule(
    code="CN002",
    name="growth-rate-mismatch",
    category=Category.CONSISTENCY,
    severity=Severity.ERROR,
    summary="增长率与所列两个数值不符",
    rationale="“A较B增长P%”中，P 应等于 (A−B)/B，允许末位四舍五入误差。",
    reference=_REFERENCE,
    bad=["2024年公司实现营业收入12.00亿元，较2023年的10.00亿元增长25.00%。"],
    good=["2024年公司营业收入为15.60亿元，较上年的13.00亿元增长20.00%。"],
    suggestion="核对两期数值与增长率",
)
def growth_rate_mismatch(analysis: Analysis, spec: RuleSpec) -> Iterator[Finding]:
    for sentence in analysis.sentences:
        text = sentence.text
        if "较" not in text:
            continue
        quantities = analysis.quantities(sentence)
        for index, percent in enumerate(quantities):
            if percent.kind is not QuantityKind.PERCENT or percent.value is None:
                continue
            growth = _GROWTH.search(text[max(0, percent.start - 6) : percent.start])
            if growth is None:
                continue
            comparison = text.rfind("较", 0, percent.start)
            if comparison < 0:
                continue
            earlier = [q for q in quantities[:index] if q.kind in _SIZE_KINDS and q.value]
            current = [q for q in earlier if q.end <= comparison]
            base = [q for q in earlier if q.start > comparison]
            if not current or not base or not _same_family(current[-1], base[-1]):
                continue
            new, old = current[-1], base[-1]
            assert new.value is not None and old.value is not None
            actual = (new.value - old.value) / old.value * 100
            stated = percent.value if growth.group("word") in ("增长", "增加", "提升", "上升") else -percent.value
            # Rounding of the two values propagates into the rate.
            tolerance = percent.tolerance + 100 * (new.tolerance + old.tolerance * new.value / old.value) / old.value
            if abs(actual - stated) > tolerance:
                yield _finding(
                    analysis, spec, sentence, new.start, percent.end,
                    f"按所列数值计算，变动率为{actual:.2f}%，与所述“{percent.text}”不符",
                )


# ---------------------------------------------------------------- CN003 bounds out of order

@rule(
    code="CN003",
    name="bounds-reversed",
    category=Category.CONSISTENCY,
    severity=Severity.ERROR,
    summary="下限高于上限",
    rationale="“不低于A且不超过B”或“A至B”的区间中，A 不应大于 B。",
    reference=_REFERENCE,
    bad=["本次回购资金总额不低于人民币5,000万元且不超过人民币3,000万元。"],
    good=["公司拟回购股份，回购资金总额不低于5,000万元且不超过10,000万元。"],
    suggestion="核对区间上下限",
    example_type="action_plan",
)
def bounds_reversed(analysis: Analysis, spec: RuleSpec) -> Iterator[Finding]:
    for sentence in analysis.sentences:
        quantities = [q for q in analysis.quantities(sentence) if q.value is not None]
        for low, high in itertools.pairwise(quantities):
            if low.bound != ">=" or high.bound != "<=" or not _same_family(low, high):
                continue
            between = sentence.text[low.end : high.start]
            if len(between) > 16 or re.search(r"[。；]", between):
                continue
            assert low.value is not None and high.value is not None
            if low.value - high.value > low.tolerance + high.tolerance:
                yield _finding(
                    analysis, spec, sentence, low.start, high.end,
                    f"下限“{low.text}”高于上限“{high.text}”",
                )


# ---------------------------------------------------------------- CN004 impossible dates
@rule(
    code="CN004",
    name="impossible-date",
    category=Category.CONSISTENCY,
    severity=Severity.ERROR,
    summary="日期不存在",
    rationale="如 2月30日、13月、非闰年的2月29日。",
    reference=_REFERENCE,
    bad=["公司将于2025年2月30日召开2024年度业绩说明会。"],
    good=["公司将于2025年2月28日召开2024年度业绩说明会。"],
    suggestion="核对日期",
    example_type="action_plan",
)
def impossible_date(analysis: Analysis, spec: RuleSpec) -> Iterator[Finding]:
    for sentence in analysis.sentences:
        for quantity in analysis.quantities(sentence):
            if quantity.date is None:
                continue
            year, month, day = quantity.date
            if month == 0 and day == 0:
                continue
            problem = None
            if not 1 <= month <= 12:
                problem = f"{month}月不存在"
            elif day and day > calendar.monthrange(year, month)[1]:
                problem = f"{year}年{month}月没有{day}日"
            if problem:
                yield _finding(analysis, spec, sentence, quantity.start, quantity.end, f"日期不存在：{problem}")


# ---------------------------------------------------------------- CN005 shares of one base
_SHARE_OF = re.compile(r"占(?P<base>[^，。；]{2,40}?)的?比?例?为?(?P<pct>\d+(?:\.\d+)?%)")
_PAIR = re.compile(r"首次[^，。；]{0,6}部分|预留[^，。；]{0,6}部分")


@rule(
    code="CN005",
    name="percentages-of-one-base",
    category=Category.CONSISTENCY,
    severity=Severity.ERROR,
    summary="同一基数的各部分占比之和超过100%（或应为100%而不是）",
    rationale="同一基数的各组成部分占比相加不应超过100%；首次授予与预留部分之和应为100%。允许末位四舍五入误差。",
    reference=_REFERENCE,
    bad=["首次授予部分占本次授予权益总额的80.00%，预留部分占本次授予权益总额的25.00%。"],
    good=["首次授予部分占本次授予权益总额的85.99%；预留部分占本次授予权益总额的14.01%。"],
    suggestion="核对各部分占比",
    example_type="incentive_plan",
)
def percentages_of_one_base(analysis: Analysis, spec: RuleSpec) -> Iterator[Finding]:
    for sentence in analysis.sentences:
        text = sentence.text
        if text.count("占") < 2:
            continue
        groups: dict[str, list[re.Match[str]]] = {}
        for match in _SHARE_OF.finditer(text):
            base = re.sub(r"^(?:公司|本次|本激励计划)", "", match.group("base"))
            groups.setdefault(base, []).append(match)
        for base, matches in groups.items():
            if len(matches) < 2:
                continue
            values = [float(match.group("pct").rstrip("%")) for match in matches]
            decimals = [len(match.group("pct").rstrip("%").partition(".")[2]) for match in matches]
            tolerance = sum(0.5 * 10**-digits for digits in decimals)
            total = sum(values)
            pair = len(matches) == 2 and all(_PAIR.search(text[max(0, m.start() - 12) : m.start()]) for m in matches)
            if total > 100 + tolerance or (pair and abs(total - 100) > tolerance):
                yield _finding(
                    analysis, spec, sentence, matches[0].start(), matches[-1].end(),
                    f"各部分占“{base}”的比例合计为{total:.2f}%",
                )


# ---------------------------------------------------------------- CN006 percentage of a stated base
_PART_OF_BASE = re.compile(r"占[^，。；]{0,30}?$")
_RANGE_JOIN = re.compile(r"[至到~～\-—－]")


@rule(
    code="CN006",
    name="percentage-of-stated-base",
    category=Category.CONSISTENCY,
    severity=Severity.ERROR,
    summary="占比与所列分子、分母不符",
    rationale="“A，约占总股本B的P%”中，P 应等于 A/B，允许末位四舍五入误差。",
    reference=_REFERENCE,
    bad=["公司拟授予1,720.00万份股票期权，约占公司股本总额21,876万股的9.86%。"],
    good=["公司拟授予1,720.00万份股票期权，约占公司股本总额21,876万股的7.86%。"],
    suggestion="核对分子、分母与占比",
    example_type="incentive_plan",
)
def percentage_of_stated_base(analysis: Analysis, spec: RuleSpec) -> Iterator[Finding]:
    for sentence in analysis.sentences:
        text = sentence.text
        if "占" not in text:
            continue
        quantities = analysis.quantities(sentence)
        for index, percent in enumerate(quantities):
            if percent.kind is not QuantityKind.PERCENT or percent.value is None or index < 2:
                continue
            base = quantities[index - 1]
            if base.kind not in _SIZE_KINDS or not base.value or text[base.end : percent.start] not in ("的", ""):
                continue
            occupies = text.rfind("占", 0, base.start)
            if occupies < 0 or not _PART_OF_BASE.search(text[occupies : base.start]):
                continue
            parts = [q for q in quantities[: index - 1] if q.end <= occupies and _same_family(base, q) and q.value]
            if not parts:
                continue
            if re.search(r"[。；]", text[parts[-1].end : occupies]):
                continue
            pairs = [(parts[-1], percent)]
            following = quantities[index + 1] if index + 1 < len(quantities) else None
            # A range on both sides: "A至B股，约占总股本的P至Q" pairs A↔P and B↔Q.
            if (
                len(parts) >= 2
                and _RANGE_JOIN.fullmatch(text[parts[-2].end : parts[-1].start])
                and following is not None
                and following.kind is QuantityKind.PERCENT
                and _RANGE_JOIN.fullmatch(text[percent.end : following.start])
            ):
                pairs = [(parts[-2], percent), (parts[-1], following)]
            for part, stated in pairs:
                assert part.value is not None and stated.value is not None
                actual = part.value / base.value * 100
                tolerance = stated.tolerance + actual * (part.tolerance / part.value + base.tolerance / base.value)
                if abs(actual - stated.value) > tolerance:
                    yield _finding(
                        analysis, spec, sentence, part.start, stated.end,
                        f"{part.text}÷{base.text}={actual:.2f}%，与所述“{stated.text}”不符",
                    )
