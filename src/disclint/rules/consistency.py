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
from disclint.model.document import BlockKind, Document
from disclint.model.findings import Category, Finding, Severity
from disclint.rules.common import rule_finding
from disclint.rules.registry import RuleSpec, rule
from disclint.structure import doctypes
from disclint.text.numbering import item_marker
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


_REFERENCE = "accurate_complete"


def _in_parentheses(text: str, index: int) -> bool:
    opened = max(text.rfind("（", 0, index), text.rfind("(", 0, index))
    closed = max(text.rfind("）", 0, index), text.rfind(")", 0, index))
    return opened > closed


# ---------------------------------------------------------------- CN001 parts vs total
_TOTAL_THEN_PARTS = re.compile(r"(?<![在于从])其中(?![之的])")
_FIRST_AND_RESERVED = re.compile(r"首次[^，。；]{0,8}(?:授予|发行)[^。]{0,60}预留")
# "合计占总投资的85%" is a share of another whole, not the parts adding up to this total.
_COMPLETE_WORDS = re.compile(r"分别为|(?:合计|共计|总计)(?!占)")


# A figure after 共计/合计 restates a sum ("共计股本壹亿伍仟万元"), it is not one more part.
_SUBTOTAL_BEFORE = re.compile(r"(?:共计|合计|总计)[^，。；\d]{0,4}$")
# A figure after 以/按/作价 is what was paid, not a part of the total.
_PRICE_BEFORE = re.compile(r"(?:(?<![认出])以|按|作价|价格为?)(?:人民币)?$")
# A clause that starts a new statement ends the list of parts: a change, a share,
# a second 其中, or a subject of its own ("正在申请的专利有12项").
_NOT_A_PART = re.compile(
    r"(?:较|增长|增加|下降|减少|占|比例|其中|合计|累计|另有|尚有(?!\d)|正在|申请|以上|以下|平均|分别|达到|使|达"
    # a clause of its own: a sibling of the total (以及境外专利15项), what was done with a part
    # (清偿, 计提, 对应的预收账款), another subject (23项产品被认定为……)
    r"|以及|清偿|偿还|归还|剩余|计提|对应|被|认定|确认为|虽然|折股"
    # another whole (负债总额为…, 净资产…), a nested breakdown of the last part (包含工程费…),
    # the reason for the figures (主要系…所致)
    r"|总额|净额|净资产|包含|包括|主要(?:系|是|为|由于|原因)|所致|由于"
    r")"
)
# A total that is a net flow or a change of sign: its parts are gross flows, not pieces of it.
_NET_BEFORE = re.compile(r"(?:净(?:额|流量|增加额|减少额|值)(?:为|是)?(?:人民币)?[-－—]?|[-－—])$")


_BOUND_BEFORE = re.compile(r"(?:超过|逾|多于|不少于|不低于|高于|大于)(?:人民币)?$")
_SUM_CLAUSE = re.compile(r"[，,]?(?:合计|共计|总计)(?!占|计提)")
_DIRECTION = re.compile(r"(增加|增长|提高|上升|提升|减少|下降|降低|下滑)了?(?:约|为)?(?:人民币)?$")


def _direction(text: str, quantity: Quantity) -> str | None:
    found = _DIRECTION.search(text[max(0, quantity.start - 8) : quantity.start])
    if found is None:
        return None
    return "up" if found.group(1) in _INCREASE else "down"


def _mixed_directions(text: str, total: Quantity, parts: list[Quantity]) -> bool:
    """The total is a change and some parts change the other way: their sizes do not add up to it."""
    direction = _direction(text, total)
    return direction is not None and any(_direction(text, q) not in (None, direction) for q in parts)


def _in_series(text: str, total: Quantity, before: list[Quantity]) -> bool:
    """``total`` closes a list of figures of the same kind (A、B和C): values of several periods."""
    earlier = [q for q in before if q is not total and _same_family(total, q)]
    if not earlier:
        return False
    gap = text[earlier[-1].end : total.start]
    return len(gap) <= 3 and bool(re.fullmatch(r"[、和及与,，]?", gap.strip()))


def _parts_end(text: str, start: int, limit: int) -> int:
    """Where the parts listed after 其中 end: inside parentheses, at the closing one;
    otherwise at the first later clause that is not a plain "label figure" item."""
    opened = max(text.rfind("（", 0, start), text.rfind("(", 0, start))
    closed = max(text.rfind("）", 0, start), text.rfind(")", 0, start))
    if opened > closed:
        close = min((i for i in (text.find("）", start), text.find(")", start)) if i >= 0), default=limit)
        return min(close, limit)
    first = True
    position = start
    for match in re.finditer(r"[，,]", text[start:limit]):
        end = start + match.start()
        if not first and _NOT_A_PART.search(text[position:end]):
            return position
        first = False
        position = end + 1
    if not first and _NOT_A_PART.search(text[position:limit]):
        return position
    return limit


@rule(
    code="CN001",
    name="parts-exceed-total",
    category=Category.CONSISTENCY,
    severity=Severity.ERROR,
    summary="分项之和与总数不符",
    rationale="总量与分项（如首次授予与预留部分）应当相加一致，允许末位四舍五入误差。",
    reference=_REFERENCE,
    bad=["本激励计划拟授予的股票期权数量为1,000万份，其中首次授予850万份，预留200万份。"],
    good=[
        "本激励计划拟授予限制性股票500万股，其中首次授予400万股，占本次授予总量的80.00%；预留100万股，占本次授予总量的20.00%。"
    ],
    suggestion="核对总数与各分项，修正后保持全文一致",
    example_type="incentive_plan",
)
def parts_vs_total(analysis: Analysis, spec: RuleSpec) -> Iterator[Finding]:
    for sentence in analysis.sentences:
        text = sentence.text
        marker = _TOTAL_THEN_PARTS.search(text)
        if marker is None:
            continue
        every = analysis.quantities(sentence)
        quantities = [q for q in every if q.kind in _SIZE_KINDS and q.value is not None]
        # The total is not a figure in parentheses (上年同期12.36亿元) nor the base
        # of a percentage ("约占总股本20,000.00万股的2.00%").
        before = [
            q
            for q in quantities
            if q.end <= marker.start() and not _in_parentheses(text, q.start) and not _is_base(text, q, every)
        ]
        if not before:
            continue
        total = before[-1]
        if re.search(r"(?:增至|增加至|增资至|扩大至|变更为|增加到)$", text[max(0, total.start - 4) : total.start]):
            continue  # "由X增至Y，其中以A、B转增": the parts make up the increase, not Y
        if _in_series(text, total, before):
            continue  # "分别为A、B和C，其中……分别为a、b和c": one total per period, not one total
        if _NET_BEFORE.search(text[max(0, total.start - 10) : total.start]):
            continue  # "现金流量净额为-3,054.38万元，其中购建……支付的现金3,721.56万元"
        part_end = sentence.part_at(marker.start())[1]
        # 首次…预留 may run over a ；; 分别为 / 合计 complete the parts of their own ；-part.
        # Otherwise only the parts listed in the same ；-part belong to the total
        # ("其中A占比超80%；B产能将达到……" lists other things).
        reserved = bool(_FIRST_AND_RESERVED.search(text[marker.start() :]))
        limit = len(text) if reserved else _parts_end(text, marker.end(), part_end)
        # 分别为 among the parts, or a 合计 clause right after them, says they are all of the total;
        # a 合计 further on sums something else ("其中2-3年…、3年以上…，对应合计计提减值准备…").
        complete = (
            reserved
            or bool(_COMPLETE_WORDS.search(text[marker.start() : limit]))
            or bool(_SUM_CLAUSE.match(text, limit, part_end))
        )
        parts = [
            q
            for q in quantities
            if marker.end() <= q.start < limit
            and _same_family(total, q)
            and not _in_parentheses(text[marker.start() :], q.start - marker.start())
            and not _PRICE_BEFORE.search(text[max(0, q.start - 4) : q.start])
            and not _SUBTOTAL_BEFORE.search(text[max(0, q.start - 6) : q.start])
        ]
        assert total.value is not None
        # A figure equal to the total restates it (a line printed twice), it is not one more part.
        parts = [q for q in parts if abs((q.value or 0.0) - total.value) > total.tolerance + q.tolerance]
        if len(parts) < 2:
            continue
        if _mixed_directions(text, total, parts):
            continue  # "收入增长106.92万元，其中A类减少983.97万元、B类减少948.94万元"
        if any(re.search(r"[各每]$", text[max(0, q.start - 3) : q.start].rstrip("委派持有出资")) for q in parts):
            continue  # "各委派2名": a figure per member, not a part
        part_sum = sum(q.value or 0.0 for q in parts)
        tolerance = total.tolerance + sum(q.tolerance for q in parts)
        if any(
            q is not total and _same_family(total, q) and abs((q.value or 0.0) - part_sum) <= tolerance + q.tolerance
            for q in before
        ):
            continue  # the parts add up to another figure before them: "由三名成员组成，设主席一名，其中两名……，一名……"
        # "需求量超过260万吨，其中……": the total is a lower bound, parts above it do not contradict it
        bound = bool(_BOUND_BEFORE.search(text[max(0, total.start - 4) : total.start]))
        over = part_sum - total.value > tolerance and not bound
        mismatch = complete and abs(part_sum - total.value) > tolerance
        if over or mismatch:
            yield rule_finding(
                analysis,
                spec,
                sentence,
                total.start,
                parts[-1].end,
                f"分项之和为{_fmt(part_sum)}{total.unit.lstrip('万亿')}，与总数“{total.text}”不符",
            )


# ---------------------------------------------------------------- CN002 growth rate vs values
_GROWTH_WORD = re.compile(r"增长|增加|提升|上升|提高|下降|减少|降低|下滑")
_GROWTH = re.compile(r"(?P<word>增长|增加|提升|上升|提高|下降|减少|降低|下滑)了?(?:约|为)?$")
_BASE_CONTEXT = re.compile(
    r"(?:(?:上年同期|上年度?|去年同期|去年|上期|同期)[^，。；\d]{0,6}|较[^，。；\d]{0,8}|\d{4}年度?(?:同期)?[^，。；\d]{0,2}?(?:为|的)"
    r"|较\d{4}年度?(?:同期)?的?)$"
)
# A base named after the rate is the prior period's own figure: "增长20%（上年同期为13.00亿元）".
_BASE_AFTER = re.compile(
    r"(?:(?:上年同期|去年同期|上年度?|去年|上期)[^，。；\d]{0,8}?|[（(]\d{4}年度?(?:同期)?[^，。；\d]{0,2}?)(?:为|的|是)$"
)
# "A和B分别增长P%和Q%": a rate per item, not one rate of two figures.
_PER_ITEM = re.compile(r"分别")
_YEAR_BETWEEN = re.compile(r"\d{4}\s*年")
_COMPOUND = re.compile(r"复合|年均|平均")
_DELTA_BEFORE = re.compile(r"(?:增加|减少|增长|下降|提高|降低|上升|减)了?(?:约|为)?(?:人民币)?$")
_INCREASE = ("增长", "增加", "提升", "上升", "提高")


def _delta_mismatch(
    analysis: Analysis,
    spec: RuleSpec,
    sentence: Sentence,
    text: str,
    current: Quantity,
    delta: Quantity,
    percent: Quantity,
    growth: re.Match[str],
) -> Finding | None:
    """ "A，比上年增加D，增长P%": P must equal D / (A − D) (for a decrease, D / (A + D))."""
    if not (current.end <= delta.start < percent.start) or not _same_family(current, delta):
        return None
    assert current.value is not None and delta.value is not None and percent.value is not None
    word = text[max(0, delta.start - 4) : delta.start]
    decrease = any(verb in word for verb in ("减少", "下降", "降低", "减"))
    base = current.value + delta.value if decrease else current.value - delta.value
    if base <= 0:
        return None
    actual = delta.value / base * 100
    stated = percent.value if growth.group("word") in _INCREASE else -percent.value
    if decrease:
        actual = -actual
    tolerance = percent.tolerance + 100 * (delta.tolerance + current.tolerance) / base * (1 + abs(actual) / 100)
    if abs(actual - stated) <= tolerance:
        return None
    return rule_finding(
        analysis,
        spec,
        sentence,
        current.start,
        percent.end,
        f"按{current.text}与变动额{delta.text}计算，变动率为{actual:.2f}%，与所述“{percent.text}”不符",
    )


_RANGE_WORD = re.compile(r"[至到~～\-—－]")


@rule(
    code="CN002",
    name="growth-rate-mismatch",
    category=Category.CONSISTENCY,
    severity=Severity.ERROR,
    summary="增长率与所列两个数值不符",
    rationale="“A较B增长P%”“A，同比增长P%（上年同期为B）”中，P 应等于 (A−B)/B，允许末位四舍五入误差。",
    reference=_REFERENCE,
    bad=["2024年公司实现营业收入12.00亿元，较2023年的10.00亿元增长25.00%。"],
    good=["2024年公司营业收入为15.60亿元，较上年的13.00亿元增长20.00%。"],
    suggestion="核对两期数值与增长率",
)
def growth_rate_mismatch(analysis: Analysis, spec: RuleSpec) -> Iterator[Finding]:
    for sentence in analysis.sentences:
        text = sentence.text
        if "%" not in text or not _GROWTH_WORD.search(text):
            continue  # cheap test before the number finder
        quantities = analysis.quantities(sentence)
        sizes = [q for q in quantities if q.kind in _SIZE_KINDS and q.value]
        checked_one = False
        for index, percent in enumerate(quantities):
            if percent.kind is not QuantityKind.PERCENT or percent.value is None:
                continue
            lead = text[max(0, percent.start - 8) : percent.start]
            growth = _GROWTH.search(lead)
            if growth is None or _COMPOUND.search(text[max(0, percent.start - 14) : percent.start]):
                continue
            if _PER_ITEM.search(text[max(0, percent.start - 10) : percent.start]):
                continue
            # Only figures of the rate's own ；-part ("……16,664吨；7-9月出货量……较去年同期上升7.67%").
            part_start, part_end = sentence.part_at(percent.start)
            in_part = [q for q in sizes if part_start <= q.start < part_end]
            # "比去年同期增加68,644.36万元，增长44.40%": the figure after 增加 is the change, not the base.
            changes = [q for q in in_part if _DELTA_BEFORE.search(text[max(0, q.start - 4) : q.start])]
            deltas = [q for q in changes if q.end <= percent.start]
            bases = [
                q
                for q in in_part
                if q not in changes
                and (
                    _BASE_CONTEXT.search(text[max(0, q.start - 12) : q.start])
                    if q.end <= percent.start
                    else _BASE_AFTER.search(text[max(0, q.start - 16) : q.start]) and q.start - percent.end <= 20
                )
            ]
            currents = [q for q in in_part if q.end <= percent.start and q not in bases and q not in changes]
            if (
                not bases
                and deltas
                and currents
                and percent.start - deltas[-1].end <= 12
                # "分别为A、B和C，2017年较2016年增加D": the change is of two other periods
                and not _YEAR_BETWEEN.search(text[currents[-1].end : deltas[-1].start])
            ):
                finding = _delta_mismatch(analysis, spec, sentence, text, currents[-1], deltas[-1], percent, growth)
                if finding is not None:
                    yield finding
                continue
            if not bases or not currents:
                continue
            if checked_one:
                break  # "从A增长到B，增长P%，继而增长到C……": only the first rate has its two figures clear
            checked_one = True
            base = bases[0]
            current = currents[-1]
            # Ranges on both sides: "2.10亿元到2.45亿元…增长35.5%到58.1%".
            following = quantities[index + 1] if index + 1 < len(quantities) else None
            previous_percent = quantities[index - 1] if index > 0 else None
            if len(currents) >= 2 and _RANGE_WORD.fullmatch(text[currents[-2].end : currents[-1].start]):
                if (
                    following is not None
                    and following.kind is QuantityKind.PERCENT
                    and _RANGE_WORD.fullmatch(text[percent.end : following.start])
                ):
                    current = currents[-2]
                elif not (
                    previous_percent is not None
                    and previous_percent.kind is QuantityKind.PERCENT
                    and _RANGE_WORD.fullmatch(text[previous_percent.end : percent.start])
                ):
                    continue
            if not _same_family(current, base):
                continue
            assert current.value is not None and base.value is not None
            actual = (current.value - base.value) / base.value * 100
            stated = (
                percent.value if growth.group("word") in ("增长", "增加", "提升", "上升", "提高") else -percent.value
            )
            tolerance = (
                percent.tolerance + 100 * (current.tolerance + base.tolerance * current.value / base.value) / base.value
            )
            if abs(actual - stated) > tolerance:
                yield rule_finding(
                    analysis,
                    spec,
                    sentence,
                    min(current.start, base.start),
                    max(percent.end, base.end),
                    f"按{current.text}与{base.text}计算，变动率为{actual:.2f}%，与所述“{percent.text}”不符",
                )


# ---------------------------------------------------------------- CN003 bounds out of order

_LOWER_BOUND_WORD = re.compile(r"不低于|不少于|至少|最少|最低")


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
        if not _LOWER_BOUND_WORD.search(sentence.text):
            continue
        quantities = [q for q in analysis.quantities(sentence) if q.value is not None]
        for low, high in itertools.pairwise(quantities):
            if low.bound != ">=" or high.bound != "<=" or not _same_family(low, high):
                continue
            between = sentence.text[low.end : high.start]
            if len(between) > 16 or re.search(r"[。；]", between):
                continue
            assert low.value is not None and high.value is not None
            if low.value > high.value:  # bounds are thresholds, not rounded measurements
                yield rule_finding(
                    analysis,
                    spec,
                    sentence,
                    low.start,
                    high.end,
                    f"下限“{low.text}”高于上限“{high.text}”",
                )


# ---------------------------------------------------------------- CN004 impossible dates
_DATE_DIGITS = re.compile(r"\d{4}\s*(?:年\s*\d{1,2}\s*月|[-/.]\d{1,2}[-/.]\d)")


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
        if not _DATE_DIGITS.search(sentence.text):
            continue
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
                yield rule_finding(analysis, spec, sentence, quantity.start, quantity.end, f"日期不存在：{problem}")


# ---------------------------------------------------------------- CN005 shares of one base
_SHARE_OF = re.compile(r"占(?:(?P<base>[^，。；\d]{2,40}?)的?比?例?为?)?(?P<pct>\d+(?:\.\d+)?%)")
_PAIR = re.compile(r"首次[^，。；]{0,6}部分|预留[^，。；]{0,6}部分")
_ALTERNATIVES = re.compile(r"[①②③④⑤][^①②③④⑤]{2,80}[①②③④⑤]|的，[^。；]{0,40}(?:应|最低|不低于|不少于)")
# Shares that are not parts of one whole: a series over periods or items (分别为a%、b%), a total
# (合计, 之和) or a group that holds another (及以上), a bound (85%以上), a change (由72.9%下降到58.7%).
# After a share, "其中" opens the parts of that share: they are summed among themselves.
_SERIES_OR_SUBSET = re.compile(
    r"分别|合计|共计|总计|累计|之和|以上|以下|左右|超过|不低于|不足|(?:下降|降低|减少|增长|增加|提高|提升|上升)(?:到|至)|[降增升]至"
)
_SHARE_PERIOD = re.compile(
    r"\d{4}年(?:度|末|初|上半年|下半年|[1-9]-\d{1,2}月)?|上半年|下半年|期末|期初|年末|年初|报告期末"
)


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
    long_form = doctypes.get(analysis.doc_type).industry_prose
    for sentence in analysis.sentences:
        text = sentence.text
        if text.count("占") < 2:
            continue
        groups: dict[tuple[str, str, int, int], list[re.Match[str]]] = {}
        base = ""
        period = ""
        level = 0
        previous_end = -1
        for match in _SHARE_OF.finditer(text):
            if previous_end >= 0 and "其中" in text[previous_end : match.start()]:
                level += 1  # "欧洲占31%，其中德国占23%": Germany is a part of Europe's share
            previous_end = match.end()
            # "占营业收入的64.2%，电线产品占28.5%": an elliptical share keeps the base.
            if match.group("base"):
                base = re.sub(r"^(?:公司|本次|本激励计划)", "", match.group("base"))
            clause_start = sentence.clause_at(match.start())[0]
            dated = _SHARE_PERIOD.findall(text, clause_start, match.start())
            if dated:
                period = dated[-1]  # "2009年末占比为66.69%，2010年末占比为54.66%": one share, two dates
            # The share's clause and the one before it, which names what is counted ("本科及以上学历
            # 人员101人，占比94.39%").
            subject_start = sentence.clause_at(clause_start - 1)[0] if clause_start > 0 else 0
            window = text[subject_start : min(len(text), match.end() + 3)]
            if not base or _SERIES_OR_SUBSET.search(window):
                continue  # a series (分别为a%、b%), a subtotal or subset (其中, 合计, 及以上), a bound (以上)
            # A long filing states shares of overlapping groups in its ；-parts (专业人才占72%；大专
            # 及以上学历者占94%); parts of one whole are listed together.
            part = sentence.parts().index(sentence.part_at(match.start())) if long_form else 0
            groups.setdefault((base, period, part, level), []).append(match)
        if _ALTERNATIVES.search(text) or analysis.is_rule_text(sentence):
            continue  # shares in alternative cases (①成熟期…80%；②…40%) or a rule's thresholds
        for (base, *_), matches in groups.items():
            if len(matches) < 2:
                continue
            values = [float(match.group("pct").rstrip("%")) for match in matches]
            decimals = [len(match.group("pct").rstrip("%").partition(".")[2]) for match in matches]
            tolerance = sum(0.5 * 10**-digits for digits in decimals)
            total = sum(values)
            pair = len(matches) == 2 and all(_PAIR.search(text[max(0, m.start() - 12) : m.start()]) for m in matches)
            if total > 100 + tolerance or (pair and abs(total - 100) > tolerance):
                yield rule_finding(
                    analysis,
                    spec,
                    sentence,
                    matches[0].start(),
                    matches[-1].end(),
                    f"各部分占“{base}”的比例合计为{total:.2f}%",
                )


# ---------------------------------------------------------------- CN006 percentage of a stated base
_PART_OF_BASE = re.compile(r"占[^，。；]{0,30}?$")
_RANGE_JOIN = re.compile(r"[至到~～\-—－]")
_OF_BASE = re.compile(r"(?:的)?(?:比例)?(?:为|约为|是)?")


def _is_base(text: str, quantity: Quantity, quantities: list[Quantity]) -> bool:
    """``quantity`` is the base of an "占…的P%" (followed by 的 and a percentage)."""
    following = [q for q in quantities if q.start >= quantity.end]
    return bool(
        following
        and following[0].kind is QuantityKind.PERCENT
        and _OF_BASE.fullmatch(text[quantity.end : following[0].start])
        and "占" in text[max(0, quantity.start - 40) : quantity.start]
    )


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
            if base.kind not in _SIZE_KINDS or not base.value or not _OF_BASE.fullmatch(text[base.end : percent.start]):
                continue
            occupies = text.rfind("占", 0, base.start)
            if occupies < 0 or not _PART_OF_BASE.search(text[occupies : base.start]):
                continue
            parts = [
                q
                for q in quantities[: index - 1]
                if q.end <= occupies and _same_family(base, q) and q.value and not _is_base(text, q, quantities)
            ]
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
                    yield rule_finding(
                        analysis,
                        spec,
                        sentence,
                        part.start,
                        stated.end,
                        f"{part.text}÷{base.text}={actual:.2f}%，与所述“{stated.text}”不符",
                    )


# ---------------------------------------------------------------- CN007 table columns vs their total row
_NUMERIC_TOKEN = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$")
_TOTAL_ROW = re.compile(r"^(?:合计|总计|共计|合\s*计)")
_SUBTOTAL = re.compile(r"^小计")
_TOTAL_WORD = re.compile(r"合\s*计|总计|共计")
_CHILD_ROW = re.compile(r"^(?:其中|含|包括)[:：]?")
_MINUS_ROW = re.compile(r"^减[:：]")
_SUB_NUMBER = re.compile(r"^\d+\.\d+(?:\.\d+)*$")
_CHANGE_HEADER = re.compile(r"增幅|增长率|变动率|增减|变动比例|同比")
_HEADER_WORDS = re.compile(
    r"项目|类别|名称|期初|期末|余额|金额|本期|上期|发生额|数量|人数|比例|账龄|种类|性质|日期|单位[:：]"
)


def _trailing_numbers(line: str) -> list[str]:
    tokens = line.split()
    numbers: list[str] = []
    for token in reversed(tokens):
        if not _NUMERIC_TOKEN.match(token):
            break
        numbers.append(token)
    return list(reversed(numbers))


def _value(token: str) -> tuple[float, float]:
    digits = token.rstrip("%").replace(",", "")
    decimals = len(digits.partition(".")[2])
    return float(digits), 0.5 * 10**-decimals


@rule(
    code="CN007",
    name="table-total-mismatch",
    category=Category.CONSISTENCY,
    severity=Severity.ERROR,
    summary="表格各行之和与“合计”行不符",
    rationale=(
        "分配表、明细表的各列应与合计行一致。允许四舍五入误差：n 行各自保留 d 位小数时，"
        "合计可差 n×0.5×10⁻ᵈ（如11行比例之和为99.97%而合计写100.00%，不是错误）。"
    ),
    reference=_REFERENCE,
    bad=[
        "姓名 职务 获授数量（万份） 占授予总数的比例\n张三 董事长 30 30.00%\n李四 总经理 30 30.00%\n核心人员（20人） 30 30.00%\n合计 100 100.00%\n"
    ],
    good=[
        "姓名 职务 获授数量（万份） 占授予总数的比例\n张三 董事长 30 33.33%\n李四 总经理 30 33.33%\n核心人员（20人） 30 33.33%\n合计 90 100.00%\n"
    ],
    suggestion="核对各行数据与合计行；若差异来自四舍五入，可加注说明",
    example_type="incentive_plan",
)
def table_total_mismatch(analysis: Analysis, spec: RuleSpec) -> Iterator[Finding]:
    document = analysis.document
    if not _TOTAL_WORD.search(document.text):
        return  # no "合计" row anywhere
    offsets, texts = _table_lines(document)
    for position, line in enumerate(texts):
        if not _TOTAL_ROW.match(line):
            continue
        totals = _trailing_numbers(line)
        if len(totals) < 1:
            continue
        table = _rows_above(texts, position, totals)
        if table is None:
            continue
        rows, signs = table
        for column, total_token in enumerate(totals):
            total_value, total_tolerance = _value(total_token)
            values = [_value(row[column]) for row in rows]
            if not _additive_column(total_token, total_value, [value for value, _ in values]):
                continue
            column_sum = sum(sign * value for sign, (value, _) in zip(signs, values, strict=True))
            tolerance = total_tolerance + sum(half for _, half in values) + 1e-9
            if abs(column_sum - total_value) > tolerance:
                sentence = _sentence_at(analysis, offsets[position])
                if sentence is None:
                    continue
                start = offsets[position]
                yield rule_finding(
                    analysis,
                    spec,
                    sentence,
                    max(0, _norm_index(sentence, start)),
                    len(sentence.text),
                    f"表中第{column + 1}个数值列各行之和为{column_sum:,.2f}，与合计行的“{total_token}”不符（{len(rows)}行）",
                )


def _table_lines(document: Document) -> tuple[list[int], list[str]]:
    """The document as lines for the table check: a printed line of a text or PDF
    file, and a whole row of a Word table (its cells joined, an empty cell kept as a
    placeholder so that the columns stay aligned)."""
    row_starts = (
        sorted((block.start, block.end) for block in document.blocks if block.kind is BlockKind.TABLE_ROW)
        if document.source_format == "docx"
        else []
    )
    offsets: list[int] = []
    texts: list[str] = []
    entries = document.lines
    row_index = 0
    for position, entry in enumerate(entries):
        while row_index < len(row_starts) and row_starts[row_index][1] <= entry.offset:
            row_index += 1
        if row_index < len(row_starts) and row_starts[row_index][0] <= entry.offset:
            start, end = row_starts[row_index]
            if offsets and offsets[-1] == start:
                continue  # a further cell of the row already taken
            cells = document.text[start:end].split("\t")
            if len(cells) > 1:
                offsets.append(start)
                texts.append(" ".join(cell.strip() or "∅" for cell in cells))
                continue
        end = entries[position + 1].offset if position + 1 < len(entries) else len(document.text)
        offsets.append(entry.offset)
        texts.append(document.text[entry.offset : end].replace("\ufffd", " ").strip())
    return offsets, texts


def _rows_above(texts: list[str], position: int, totals: list[str]) -> tuple[list[list[str]], list[int]] | None:
    """The rows that the total row ``texts[position]`` adds up, read upwards to the table's
    header, with their signs (a 减： row subtracts); None when the table cannot be read
    as rows and columns (a row with fewer cells: a blank cell or a text column shifts
    the columns) or has fewer than two rows.

    A 其中 row is a part of the row above it and is not added again; a 小计 row stands
    for the rows above it up to the line that opens its group (1年以内分项 … 1年以内小计)."""
    rows: list[list[str]] = []
    signs: list[int] = []
    numbered: list[bool] = []
    labels_in_a_row = 0
    in_subtotal_group = False
    cursor = position - 1
    while cursor >= 0 and position - cursor <= 80:
        candidate = texts[cursor]
        cursor -= 1
        if not candidate:
            continue
        if _SUBTOTAL.match(candidate) or _TOTAL_ROW.match(candidate):
            return None
        numbers = _trailing_numbers(candidate)
        tokens = candidate.split()
        label = "".join(tokens[: len(tokens) - len(numbers)])
        if numbers and any(_NUMERIC_TOKEN.match(token) for token in tokens[1 : len(tokens) - len(numbers)]):
            return None  # figures inside the label: two tables side by side, or a shifted column
        if numbers and len(numbers) == len(totals):
            if not all(a.endswith("%") == b.endswith("%") for a, b in zip(numbers, totals, strict=True)):
                return None
            labels_in_a_row = 0
            if in_subtotal_group or _SUB_NUMBER.match(tokens[0]):
                continue  # rows a 小计 stands for; 1.1, 1.2 under row 1
            if _CHILD_ROW.match(label):
                # 其中：A / B / C under a numbered parent: the unnumbered rows below it are children too.
                while rows and not numbered[-1]:
                    rows.pop()
                    signs.pop()
                    numbered.pop()
                continue
            rows.append(numbers)
            signs.append(-1 if _MINUS_ROW.match(label) else 1)
            numbered.append(item_marker(label) is not None)
            in_subtotal_group = "小计" in label
            continue
        if numbers or any(_NUMERIC_TOKEN.match(token) for token in tokens[1:]):
            return None  # a row with a blank cell or a text column: its columns cannot be aligned
        in_subtotal_group = False
        if _HEADER_WORDS.search(candidate) and (len(tokens) >= 2 or _HEADER_WORDS.fullmatch(candidate)):
            if _continues_above(texts, cursor, len(totals)):
                continue  # the header printed again after a page break: the table goes on above it
            if _CHANGE_HEADER.search(candidate):
                return None  # amounts interleaved with their rates of change: columns of two kinds
            break  # the header row: the table begins here
        if len(candidate) > 40 or candidate.endswith(("。", "：", ":")):
            return None  # text before the table, and no header: rows may be missing (a page break, a wrapped row)
        labels_in_a_row += 1
        if labels_in_a_row > 3:
            return None  # rows without figures: where the table begins is not known
    else:
        return None  # no header within reach
    if len(rows) < 2:
        return None
    return rows, signs


def _continues_above(texts: list[str], cursor: int, columns: int) -> bool:
    """A row of ``columns`` figures stands within a few lines above ``texts[cursor + 1]``
    (a header repeated at the top of a page, with its wrapped lines)."""
    for index in range(cursor, max(-1, cursor - 4), -1):
        numbers = _trailing_numbers(texts[index])
        if numbers:
            return len(numbers) == columns and not _TOTAL_ROW.match(texts[index])
    return False


def _additive_column(total_token: str, total: float, values: list[float]) -> bool:
    """The column is one that adds up: not a percentage of each row (计提比例), whose total
    is a weighted rate, and not a column that holds its own parent row."""
    if total_token.endswith("%"):
        return False
    if all(value >= 0 for value in values) and total >= 0 and total < max(values) - 1e-9:
        return False  # a sum of non-negative parts is never below its largest part: a rate column
    # A row equal to the total beside other non-zero rows is the parent of the others.
    return not (any(abs(value - total) < 1e-9 for value in values) and sum(1 for value in values if value) > 1)


def _sentence_at(analysis: Analysis, offset: int) -> Sentence | None:
    for sentence in analysis.sentences:
        if sentence.start <= offset < sentence.end or sentence.start >= offset:
            return sentence
    return None


def _norm_index(sentence: Sentence, offset: int) -> int:
    index = sentence.norm.norm_index(offset)
    return index if index < len(sentence.text) else 0


# ---------------------------------------------------------------- CN008 the same figure stated twice differently
_LABELED = re.compile(
    r"(?<![发行后回购注销变动调整实施增本次截至])(?P<label>总股本|股本总额|股份总数|注册资本|拟授予[^，。；]{0,8}?(?:数量|总量|总数)|首次授予|预留|回购资金总额|募集资金总额)"
    # not either end of a change: "总股本由A股变更为B股", "注册资本增加至B万元"
    r"(?:的|为|约为?|共计|合计|总额)?[^\d，。；由从增减变调]{0,4}$"
)


_LABEL_WORD = re.compile(r"总股本|股本总额|股份总数|注册资本|拟授予|首次授予|预留|回购资金总额|募集资金总额")


@rule(
    code="CN008",
    name="figure-stated-differently",
    category=Category.CONSISTENCY,
    severity=Severity.ERROR,
    summary="同一数据前后表述不一致",
    rationale="同一文件中同一口径的数据（总股本、拟授予总量、首次授予与预留数量、回购资金总额等）前后应一致。",
    reference=_REFERENCE,
    bad=[
        "公司总股本为21,876万股，本次拟授予1,720.00万份。\n本激励计划涉及的标的股票约占公司总股本21,867万股的7.86%。\n"
    ],
    good=["公司总股本为21,876万股。\n本激励计划涉及的标的股票约占公司总股本21,876.00万股的7.86%。\n"],
    suggestion="核对该数据，全文保持一致",
    example_type="incentive_plan",
)
def figure_stated_differently(analysis: Analysis, spec: RuleSpec) -> Iterator[Finding]:
    for part in analysis.parts:
        stated: dict[tuple[str, str], list[tuple[Quantity, Sentence, str]]] = {}
        for sentence in analysis.sentences_in(part):
            if not _LABEL_WORD.search(sentence.text):
                continue
            for quantity in analysis.quantities(sentence):
                if quantity.kind not in _SIZE_KINDS or quantity.value is None:
                    continue
                window_start = max(0, quantity.start - 16)
                match = _LABELED.search(sentence.text[window_start : quantity.start])
                if match is None:
                    continue
                if not _own_current_figure(analysis, sentence, window_start + match.start()):
                    continue
                label = match.group("label")
                if label == "注册资本" and not analysis.has_cue(
                    "subject_own", sentence.text[: window_start + match.start()]
                ):
                    continue  # registered capital of whichever company the list describes
                key = (re.sub(r"股本总额|股份总数", "总股本", label), quantity.kind.value)
                stated.setdefault(key, []).append((quantity, sentence, label))
        for figures in stated.values():
            yield from _differing(analysis, spec, figures)


def _differing(analysis: Analysis, spec: RuleSpec, figures: list[tuple[Quantity, Sentence, str]]) -> Iterator[Finding]:
    """Each figure that differs from the first one of its label. A label stated with
    three or more different values names several things (the capital of several
    companies, or of one at several dates), not one figure stated differently."""
    distinct: list[float] = []
    for quantity, _, _ in figures:
        assert quantity.value is not None
        if not any(abs(value - quantity.value) <= quantity.tolerance * 2 for value in distinct):
            distinct.append(quantity.value)
    if len(distinct) != 2:
        return
    first, first_sentence, _ = figures[0]
    assert first.value is not None
    for quantity, sentence, label in figures[1:]:
        assert quantity.value is not None
        if abs(first.value - quantity.value) > first.tolerance + quantity.tolerance:
            line = analysis.document.locate(first_sentence.norm.span_to_source(first.start, first.end)[0]).line
            yield rule_finding(
                analysis,
                spec,
                sentence,
                quantity.start,
                quantity.end,
                f"“{label}”此处为“{quantity.text}”，与第{line}行的“{first.text}”不一致",
            )


def _own_current_figure(analysis: Analysis, sentence: Sentence, label_start: int) -> bool:
    """The figure before ``label_start`` is the document's own, current one: not another
    entity's (a subsidiary, a counterparty, a shareholder), not one of a past or
    future moment (设立时, 增资后, 2019年末, 发行前), and not a table cell."""
    if analysis.in_table(sentence):
        return False
    before = sentence.text[:label_start]
    return not analysis.has_cue("figure_of_other_moment", before)


# ---------------------------------------------------------------- CN009 dates out of order
_DATE_RANGE = re.compile(
    r"自?(?P<a>\d{4}年\d{1,2}月(?:\d{1,2}日)?)(?:起)?\s*(?:至|到|—|－|-|~)\s*(?P<b>\d{4}年\d{1,2}月(?:\d{1,2}日)?)"
)
_DATE_PARTS = re.compile(r"(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?")


def _as_tuple(text: str) -> tuple[int, int, int] | None:
    match = _DATE_PARTS.fullmatch(text)
    if not match:
        return None
    return int(match.group(1)), int(match.group(2)), int(match.group(3) or 0)


@rule(
    code="CN009",
    name="dates-out-of-order",
    category=Category.CONSISTENCY,
    severity=Severity.ERROR,
    summary="日期先后顺序错误",
    rationale="期间的起始日期不应晚于截止日期；公告中已发生事项的日期不应晚于公告日期。",
    reference=_REFERENCE,
    bad=["回购期限自2025年6月30日至2025年1月1日。"],
    good=["回购期限自2025年1月1日至2025年6月30日。"],
    suggestion="核对日期",
    example_type="action_plan",
)
def dates_out_of_order(analysis: Analysis, spec: RuleSpec) -> Iterator[Finding]:
    for sentence in analysis.sentences:
        if "月" not in sentence.text:
            continue  # cheap test before the range pattern
        for match in _DATE_RANGE.finditer(sentence.text):
            first, second = _as_tuple(match.group("a")), _as_tuple(match.group("b"))
            if first is None or second is None:
                continue
            comparable_second = second if second[2] else (second[0], second[1], 31)
            if first > comparable_second:
                yield rule_finding(
                    analysis,
                    spec,
                    sentence,
                    match.start("a"),
                    match.end("b"),
                    f"起始日期“{match.group('a')}”晚于截止日期“{match.group('b')}”",
                )


# ---------------------------------------------------------------- CN010 dividend per share × base ≠ total
_PER_SHARE = re.compile(
    r"每(?P<per>10|十)?股(?:派发|派)?(?:现金红利|现金股利|红利)?(?:人民币)?(?P<amount>\d+(?:\.\d+)?)元"
)
_DIVIDEND_TOTAL = re.compile(r"(?:合计|共计|总计)(?:拟)?(?:派发|派|分配)(?:现金红利|现金股利|红利)?(?:人民币)?$")


@rule(
    code="CN010",
    name="dividend-arithmetic",
    category=Category.CONSISTENCY,
    severity=Severity.ERROR,
    summary="每股派息×股本与派息总额不符",
    rationale="利润分配方案中，每股（或每10股）派息金额乘以股本基数应等于合计派发的现金红利，允许四舍五入误差。",
    reference="dividend_share_base；" + _REFERENCE,
    bad=["本次利润分配以总股本36,000万股为基数，每股派发现金红利0.20元（含税），共计派发现金红利8,200万元。"],
    good=[
        "公司拟向全体股东每10股派发现金红利3.00元（含税），以总股本40,000万股计算，合计拟派发现金红利12,000万元（含税）。"
    ],
    suggestion="核对每股派息、股本基数与派息总额",
    example_type="dividend",
)
def dividend_arithmetic(analysis: Analysis, spec: RuleSpec) -> Iterator[Finding]:
    for sentence in analysis.sentences:
        text = sentence.text
        per_share = _PER_SHARE.search(text)
        if per_share is None:
            continue
        quantities = analysis.quantities(sentence)
        shares = [q for q in quantities if q.kind is QuantityKind.SHARES and q.value and q.value > 1000]
        totals = [
            q
            for q in quantities
            if q.kind is QuantityKind.AMOUNT
            and q.value
            and _DIVIDEND_TOTAL.search(text[max(0, q.start - 14) : q.start])
        ]
        if len(shares) != 1 or not totals:
            continue
        base, total = shares[0], totals[0]
        assert base.value is not None and total.value is not None
        amount = float(per_share.group("amount"))
        per = 10.0 if per_share.group("per") else 1.0
        decimals = len(per_share.group("amount").partition(".")[2])
        expected = amount / per * base.value
        tolerance = total.tolerance + 0.5 * 10**-decimals / per * base.value + amount / per * base.tolerance
        if abs(expected - total.value) > tolerance:
            yield rule_finding(
                analysis,
                spec,
                sentence,
                per_share.start(),
                total.end,
                f"按每{'10' if per == 10 else ''}股{amount:g}元、股本{base.text}计算，应派发{_fmt(expected)}元，与“{total.text}”不符",
            )


# ---------------------------------------------------------------- CN011 labelled dates out of order
_FULL_DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")


@rule(
    code="CN011",
    name="labelled-dates-out-of-order",
    category=Category.CONSISTENCY,
    severity=Severity.ERROR,
    summary="有先后顺序的日期颠倒（如除权除息日早于股权登记日）",
    rationale=(
        "股权登记日、除权除息日、红利发放日，会议通知与召开日，投票起止，授予日与可行权日等必须先后有序。"
        "顺序表见 lexicons/consistency.toml。"
    ),
    reference=_REFERENCE,
    bad=["本次权益分派股权登记日为2025年6月20日，除权除息日为2025年6月19日。"],
    good=["本次权益分派股权登记日为2025年6月19日，除权除息日为2025年6月20日。"],
    suggestion="核对各日期的先后顺序",
    example_type="dividend",
)
def labelled_dates_out_of_order(analysis: Analysis, spec: RuleSpec) -> Iterator[Finding]:
    orders = _date_orders(analysis)
    if not orders:
        return
    for part in analysis.parts:
        dates: list[tuple[str, tuple[int, int, int], Sentence, int, int]] = []
        for sentence in analysis.sentences_in(part):
            if "年" not in sentence.text or "日" not in sentence.text:
                continue
            for match in _FULL_DATE.finditer(sentence.text):
                value = _as_tuple(match.group(0))
                if value is not None:
                    lead = sentence.text[max(0, match.start() - 16) : match.start()]
                    dates.append((lead, value, sentence, match.start(), match.end()))
        for before, after, strict, reason in orders:
            first = next((d for d in dates if before.search(d[0]) and not after.search(d[0])), None)
            second = next((d for d in dates if after.search(d[0])), None)
            if first is None or second is None:
                continue
            if first[1] > second[1] or (strict and first[1] == second[1]):
                _, _, sentence, start, end = second
                yield rule_finding(analysis, spec, sentence, start, end, f"{reason}：此处为{sentence.text[start:end]}")


def _date_orders(analysis: Analysis) -> list[tuple[re.Pattern[str], re.Pattern[str], bool, str]]:
    cached = analysis.lexicon.memo.get("date_orders")
    if isinstance(cached, list):
        return cached
    orders = [
        (
            re.compile(f"(?:{row['before']})[^，。；\\d]{{0,6}}$"),
            re.compile(f"(?:{row['after']})[^，。；\\d]{{0,6}}$"),
            bool(row.get("strict", False)),
            str(row.get("reason", "日期先后顺序错误")),
        )
        for row in analysis.lexicon.tables.get("date_order", [])
    ]
    analysis.lexicon.memo["date_orders"] = orders
    return orders
