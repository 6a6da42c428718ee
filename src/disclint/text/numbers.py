"""One finder for numbers, quantities, dates and deadlines.

Every rule that asks "is there an amount, a ratio, a count, a date or a
deadline here?" (vague pledges, forecasts, hot topics) and every rule that
does arithmetic (consistency) reads :func:`find_quantities`. It works on the
normalised matching copy (half-width digits, no spaces) and returns spans in
that copy.

Handled: 1,720.00万份, 21,876万股, 12.5亿元, 3.00元/股, 30%, 百分之二十,
不低于10%, 5个百分点, 1.5倍, 翻番, 3次, 不少于50款, 十二个月, 2025年6月30日,
2025年6月底前, 2024年末, 下半年, 二季度, 每年五月份, 2个交易日内, 千亿市值.
Skipped as non-quantities: ordinals (第一期, 第三届), numbers inside 《》
titles, product and standard names (DDR5, 6G, Web3.0), stock codes and
announcement numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum


class QuantityKind(str, Enum):
    AMOUNT = "amount"  # money
    SHARES = "shares"  # 股, 份
    PERCENT = "percent"
    POINTS = "points"  # 个百分点
    MULTIPLE = "multiple"  # 倍, 翻番
    COUNT = "count"
    DURATION = "duration"  # 3年, 12个月
    DEADLINE = "deadline"  # 2个交易日内, 年底前
    DATE = "date"  # 2025年6月30日, 2025年6月, 二季度
    YEAR = "year"  # 2025年, 2025年度
    PHYSICAL = "physical"  # 吨, GW, 平方米
    PRICE = "price"  # 元/股
    NUMBER = "number"  # a bare number with no recognised unit


MEASURABLE_KINDS = frozenset(QuantityKind) - {QuantityKind.NUMBER}


@dataclass(frozen=True)
class Quantity:
    """A quantity found in the normalised text ``text[start:end]``."""

    start: int
    end: int
    text: str
    kind: QuantityKind
    value: float | None = None
    unit: str = ""
    bound: str | None = None  # ">=", "<=", ">", "<", "~"
    # Half a unit of the last written digit, in the same scale as ``value``:
    # the rounding tolerance of this figure.
    tolerance: float = 0.0
    date: tuple[int, int, int] | None = None  # (year, month, day); 0 = not given


_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def chinese_to_number(text: str) -> int | None:
    """Value of a Chinese numeral up to 千 (一百二十, 十二, 两千零五)."""
    total = 0
    current = 0
    seen = False
    for char in text:
        if char in _CN_DIGITS:
            current = _CN_DIGITS[char]
            seen = True
        elif char in _CN_UNITS:
            total += (current or 1) * _CN_UNITS[char]
            current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


_ARABIC = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_CHINESE = r"[零〇一二两三四五六七八九十百千]+"
_MAGNITUDE = r"(?:万亿|千万|百万|亿|万)"
_MAGNITUDES = {"万亿": 1e12, "千万": 1e7, "百万": 1e6, "亿": 1e8, "万": 1e4, "": 1.0}

# Unit -> kind. Longest units first when building the pattern.
_UNITS: dict[str, QuantityKind] = {
    "个百分点": QuantityKind.POINTS,
    "百分点": QuantityKind.POINTS,
    "%": QuantityKind.PERCENT,
    "‰": QuantityKind.PERCENT,
    "成": QuantityKind.PERCENT,
    "倍": QuantityKind.MULTIPLE,
    "元/股": QuantityKind.PRICE,
    "元/份": QuantityKind.PRICE,
    "元人民币": QuantityKind.AMOUNT,
    "美元": QuantityKind.AMOUNT,
    "港元": QuantityKind.AMOUNT,
    "港币": QuantityKind.AMOUNT,
    "欧元": QuantityKind.AMOUNT,
    "日元": QuantityKind.AMOUNT,
    "元": QuantityKind.AMOUNT,
    "股": QuantityKind.SHARES,
    "份": QuantityKind.SHARES,
    "个交易日": QuantityKind.DURATION,
    "个工作日": QuantityKind.DURATION,
    "交易日": QuantityKind.DURATION,
    "工作日": QuantityKind.DURATION,
    "个自然日": QuantityKind.DURATION,
    "个季度": QuantityKind.DURATION,
    "个月": QuantityKind.DURATION,
    "个会计年度": QuantityKind.DURATION,
    "年度": QuantityKind.DURATION,
    "年": QuantityKind.DURATION,
    "月": QuantityKind.DURATION,
    "天": QuantityKind.DURATION,
    "日": QuantityKind.DURATION,
    "周": QuantityKind.DURATION,
    "小时": QuantityKind.DURATION,
    "人次": QuantityKind.COUNT,
    "个": QuantityKind.COUNT,
    "次": QuantityKind.COUNT,
    "项": QuantityKind.COUNT,
    "家": QuantityKind.COUNT,
    "名": QuantityKind.COUNT,
    "人": QuantityKind.COUNT,
    "场": QuantityKind.COUNT,
    "款": QuantityKind.COUNT,
    "颗": QuantityKind.COUNT,
    "台": QuantityKind.COUNT,
    "套": QuantityKind.COUNT,
    "条": QuantityKind.COUNT,
    "所": QuantityKind.COUNT,
    "批": QuantityKind.COUNT,
    "篇": QuantityKind.COUNT,
    "件": QuantityKind.COUNT,
    "只": QuantityKind.COUNT,
    "户": QuantityKind.COUNT,
    "座": QuantityKind.COUNT,
    "艘": QuantityKind.COUNT,
    "辆": QuantityKind.COUNT,
    "架": QuantityKind.COUNT,
    "位": QuantityKind.COUNT,
    "单": QuantityKind.COUNT,
    "笔": QuantityKind.COUNT,
    "期": QuantityKind.COUNT,
    "轮": QuantityKind.COUNT,
    "份额": QuantityKind.COUNT,
    "万吨": QuantityKind.PHYSICAL,
    "吨": QuantityKind.PHYSICAL,
    "平方米": QuantityKind.PHYSICAL,
    "平方公里": QuantityKind.PHYSICAL,
    "立方米": QuantityKind.PHYSICAL,
    "千米": QuantityKind.PHYSICAL,
    "公里": QuantityKind.PHYSICAL,
    "米": QuantityKind.PHYSICAL,
    "亩": QuantityKind.PHYSICAL,
    "千瓦时": QuantityKind.PHYSICAL,
    "千瓦": QuantityKind.PHYSICAL,
    "兆瓦": QuantityKind.PHYSICAL,
    "片": QuantityKind.PHYSICAL,
    "方": QuantityKind.PHYSICAL,
    "升": QuantityKind.PHYSICAL,
    "GWh": QuantityKind.PHYSICAL,
    "MWh": QuantityKind.PHYSICAL,
    "kWh": QuantityKind.PHYSICAL,
    "GW": QuantityKind.PHYSICAL,
    "MW": QuantityKind.PHYSICAL,
    "kW": QuantityKind.PHYSICAL,
    "mm": QuantityKind.PHYSICAL,
    "nm": QuantityKind.PHYSICAL,
    "cm": QuantityKind.PHYSICAL,
    "km": QuantityKind.PHYSICAL,
    "kg": QuantityKind.PHYSICAL,
    "TB": QuantityKind.PHYSICAL,
    "GB": QuantityKind.PHYSICAL,
    "MHz": QuantityKind.PHYSICAL,
    "GHz": QuantityKind.PHYSICAL,
}
# Units a Chinese numeral may take without being part of a word.
_CHINESE_NUMERAL_UNITS = frozenset(
    [
        "次",
        "项",
        "家",
        "名",
        "个",
        "场",
        "款",
        "颗",
        "台",
        "套",
        "所",
        "批",
        "篇",
        "件",
        "户",
        "座",
        "艘",
        "辆",
        "架",
        "位",
        "笔",
        "轮",
        "人次",
        "人",
        "年",
        "个月",
        "月",
        "日",
        "天",
        "周",
        "季度",
        "个季度",
        "个交易日",
        "个工作日",
        "交易日",
        "工作日",
        "小时",
        "倍",
        "成",
        "年度",
        "个会计年度",
        "个百分点",
        "百分点",
    ]
)
_ASCII_UNITS = {unit for unit in _UNITS if unit.isascii() and unit.isalpha()}
# A unit character that begins a longer word is not a unit there (百亿台阶: a step, not machines).
_UNIT_NOT_BEFORE = {"台": "阶账湾风"}
_UNIT_PATTERN = "|".join(
    re.escape(unit) + (f"(?![{_UNIT_NOT_BEFORE[unit]}])" if unit in _UNIT_NOT_BEFORE else "")
    for unit in sorted(_UNITS, key=len, reverse=True)
)

_NUMBER = re.compile(
    # The spoken amount: 五个亿, 10个亿 (亿元; never a count of 亿 things).
    rf"(?P<colloquial>(?P<coll_num>{_ARABIC}|{_CHINESE})个(?P<coll_mag>万亿|亿))(?![元股份人次])"
    rf"|(?P<arabic>{_ARABIC})(?P<mag_a>{_MAGNITUDE})?(?P<unit_a>{_UNIT_PATTERN})?"
    rf"|(?P<percent_cn>百分之(?P<percent_num>{_CHINESE}(?:点[零〇一二三四五六七八九]+)?))"
    rf"|(?P<chinese>{_CHINESE})(?P<mag_c>{_MAGNITUDE})?(?P<unit_c>{_UNIT_PATTERN})"
    rf"|(?P<bare_mag>[百千]亿|[十百千]万亿|万亿|百万|千万)(?P<unit_m>元|股|份)?"
    rf"|(?P<double>翻一番|翻两番|翻番|翻倍|翻了一番)"
)

_DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*年\s*(?:(?P<m>\d{1,2})\s*月\s*(?:(?P<d>\d{1,2})\s*日)?)?"
    r"(?P<tail>(?:年度|度)?(?:上半年|下半年|前三季度|第?[一二三四1-4]季度|[一二三四1-4]季度|全年|年底|年末|年初|年中|底|末|初|中旬|上旬|下旬)?(?:前|之前|以前|内|以内)?)"
    r"|(?P<iso>(?:19|20)\d{2})[-/.](?P<im>\d{1,2})[-/.](?P<id>\d{1,2})"
    r"|(?P<range>(?:19|20)\d{2})\s*[-—–~至到]\s*(?:19|20)\d{2}\s*年度?"
)

_RELATIVE_DATE = re.compile(
    r"(?<![\d零〇一二两三四五六七八九十百千])(?:今年|明年|当年|本年度?|年内|年底前|年末前|年底|年末|上半年|下半年|前三季度|第?[一二三四]季度|每季度|每半年|每年[一二三四五六七八九十\d]+月份?|每月|每周|每年|月底前|季度末|半年度|年度内)"
)

_DEADLINE_SUFFIX = re.compile(r"(?:内|以内|之内|前|之前|以前|后|以后|届满)")

_BOUND_PREFIX = re.compile(
    r"(?P<bound>不低于|不少于|不超过|不高于|不多于|不大于|不小于|至少|最少|最多|最高|最低|超过|高于|低于|少于|多于|大于|小于|达到|约为|约|近|逾|超)(?P<gap>[^\d，。；：,;:]{0,14})$"
)
_BOUND_SUFFIX = re.compile(r"(?P<bound>以上|以下|以内|之内|左右|多|余)")
_BOUNDS = {
    "不低于": ">=",
    "不少于": ">=",
    "至少": ">=",
    "最少": ">=",
    "最低": ">=",
    "不小于": ">=",
    "以上": ">=",
    "不超过": "<=",
    "不高于": "<=",
    "不多于": "<=",
    "不大于": "<=",
    "最多": "<=",
    "最高": "<=",
    "以下": "<=",
    "以内": "<=",
    "之内": "<=",
    "超过": ">",
    "高于": ">",
    "多于": ">",
    "大于": ">",
    "逾": ">",
    "超": ">",
    "多": ">",
    "余": ">",
    "低于": "<",
    "少于": "<",
    "小于": "<",
    "约": "~",
    "约为": "~",
    "近": "~",
    "左右": "~",
    "达到": ">=",
}

_FAR_BOUNDS = frozenset(
    {"不低于", "不少于", "不超过", "不高于", "不多于", "不大于", "不小于", "至少", "超过", "高于", "低于"}
)

_CODE_CONTEXT = re.compile(r"(?:代码|编号|编码|证号|代号|电话|传真|邮编|No\.?)[:：]?$")
_TITLE = re.compile(r"《[^《》]{0,80}》")


def _decimals(number: str) -> int:
    return len(number.split(".")[1]) if "." in number else 0


def _find_bound(text: str, start: int, end: int, clause_start: int) -> str | None:
    suffix = _BOUND_SUFFIX.match(text, end)
    if suffix:
        return _BOUNDS[suffix.group("bound")]
    # The bound word may stand a few words before its number
    # ("不低于营业收入的8%"), but not before another number.
    window = text[max(clause_start, start - 20) : start]
    prefix = _BOUND_PREFIX.search(window)
    if prefix and (not prefix.group("gap") or prefix.group("bound") in _FAR_BOUNDS):
        return _BOUNDS[prefix.group("bound")]
    return None


def _clause_start(text: str, index: int) -> int:
    for stop in range(index - 1, -1, -1):
        if text[stop] in "，。；：,;:！？":
            return stop + 1
    return 0


def _masked(text: str) -> str:
    """``text`` with 《titles》 blanked out (numbers in titles are not quantities)."""
    return _TITLE.sub(lambda match: "《" + "□" * (len(match.group(0)) - 2) + "》", text)


def find_quantities(text: str) -> list[Quantity]:
    """All quantities in the normalised ``text``, in order, non-overlapping."""
    scan = _masked(text)
    found: list[Quantity] = []
    taken = [False] * (len(scan) + 1)

    def take(start: int, end: int) -> bool:
        if any(taken[start:end]):
            return False
        for index in range(start, end):
            taken[index] = True
        return True

    for match in _DATE.finditer(scan):
        start, end = match.span()
        if start > 0 and scan[start - 1].isdigit():
            continue
        if match.group("y"):
            year = int(match.group("y"))
            month = int(match.group("m") or 0)
            day = int(match.group("d") or 0)
            tail = match.group("tail") or ""
            kind = QuantityKind.DATE if month or tail.strip("度年") else QuantityKind.YEAR
            if tail.endswith(("前", "之前", "以前", "内", "以内")):
                kind = QuantityKind.DEADLINE
        elif match.group("iso"):
            year, month, day = int(match.group("iso")), int(match.group("im")), int(match.group("id"))
            kind = QuantityKind.DATE
        else:
            year, month, day = int(match.group("range")), 0, 0
            kind = QuantityKind.YEAR
        if take(start, end):
            found.append(
                Quantity(start, end, text[start:end], kind, value=float(year), unit="年", date=(year, month, day))
            )

    for match in _RELATIVE_DATE.finditer(scan):
        start, end = match.span()
        if take(start, end):
            kind = QuantityKind.DEADLINE if match.group(0).endswith("前") else QuantityKind.DATE
            found.append(Quantity(start, end, text[start:end], kind))

    for match in _NUMBER.finditer(scan):
        quantity = _quantity_from_match(scan, text, match)
        if quantity is None or not take(quantity.start, quantity.end):
            continue
        found.append(quantity)

    found.sort(key=lambda item: item.start)
    return found


def _quantity_from_match(scan: str, text: str, match: re.Match[str]) -> Quantity | None:
    start, end = match.span()
    before = scan[start - 1] if start > 0 else ""
    if before == "第":
        return None  # ordinal: 第一期, 第3次
    if match.group("double"):
        return Quantity(start, end, text[start:end], QuantityKind.MULTIPLE, value=2.0, unit="倍")
    if match.group("colloquial"):
        if before in _CN_DIGITS or before in _CN_UNITS or before.isdigit():
            return None
        raw = match.group("coll_num")
        digits = raw.replace(",", "")
        spoken = float(digits) if digits[0].isdigit() else chinese_to_number(raw)
        if spoken is None:
            return None
        scale = _MAGNITUDES[match.group("coll_mag")]
        return Quantity(
            start,
            end,
            text[start:end],
            QuantityKind.AMOUNT,
            value=float(spoken) * scale,
            unit="亿元",
            bound=_find_bound(scan, start, end, _clause_start(scan, start)),
            tolerance=0.5 * scale,
        )
    if match.group("bare_mag"):
        word = match.group("bare_mag")
        value = {
            "百亿": 1e10,
            "千亿": 1e11,
            "万亿": 1e12,
            "十万亿": 1e13,
            "百万亿": 1e14,
            "千万亿": 1e15,
            "百万": 1e6,
            "千万": 1e7,
        }.get(word, 0.0)
        if before in _CN_DIGITS or before in _CN_UNITS:
            return None
        unit = match.group("unit_m") or ""
        kind = QuantityKind.SHARES if unit in ("股", "份") else QuantityKind.AMOUNT
        return Quantity(start, end, text[start:end], kind, value=value, unit=unit or "元", tolerance=value / 2)
    if match.group("percent_cn"):
        raw = match.group("percent_num")
        whole, _, fraction = raw.partition("点")
        whole_value = chinese_to_number(whole)
        if whole_value is None:
            return None
        value = float(whole_value)
        if fraction:
            value += float("0." + "".join(str(_CN_DIGITS[char]) for char in fraction))
        return Quantity(
            start,
            end,
            text[start:end],
            QuantityKind.PERCENT,
            value=value,
            unit="%",
            bound=_find_bound(scan, start, end, _clause_start(scan, start)),
            tolerance=0.5 * 10 ** -len(fraction),
        )
    if match.group("arabic"):
        number, magnitude, unit = match.group("arabic"), match.group("mag_a") or "", match.group("unit_a") or ""
        # Product and standard names: DDR5, 6G, Web3.0, PCIe 6.0, H20.
        if before.isascii() and before.isalpha():
            return None
        if start >= 2 and scan[start - 1] == " " and scan[start - 2].isascii() and scan[start - 2].isalpha():
            return None
        after = scan[end] if end < len(scan) else ""
        if after.isascii() and after.isalpha() and not unit:
            return None
        if unit in _ASCII_UNITS and after.isascii() and after.isalpha():
            return None
        if _CODE_CONTEXT.search(scan[max(0, start - 6) : start]):
            return None
        if not unit and not magnitude and len(number) == 6 and number.isdigit() and number[0] in "0368":
            return None  # a stock code
        try:
            base = float(number.replace(",", ""))
        except ValueError:
            return None
        scale = _MAGNITUDES[magnitude]
        value = base * scale
        kind = _UNITS.get(unit, QuantityKind.NUMBER)
        # Counts (5次, 30项, 86人) are exact; other figures are rounded to their last digit.
        exact = kind is QuantityKind.COUNT and not magnitude and "." not in number
        tolerance = 0.0 if exact else 0.5 * 10 ** -_decimals(number) * scale
        if not unit and magnitude:
            kind = QuantityKind.AMOUNT if scan[end : end + 1] in ("元",) else QuantityKind.NUMBER
        clause_start = _clause_start(scan, start)
        bound = _find_bound(scan, start, end, clause_start)
        if kind is QuantityKind.DURATION and _DEADLINE_SUFFIX.match(scan, end):
            kind = QuantityKind.DEADLINE
        return Quantity(
            start, end, text[start:end], kind, value=value, unit=unit or magnitude, bound=bound, tolerance=tolerance
        )
    if match.group("chinese"):
        numeral, magnitude, unit = match.group("chinese"), match.group("mag_c") or "", match.group("unit_c") or ""
        # A Chinese numeral counts only with a unit, and not inside a word
        # like 统一/唯一/之一 (the character before must not be a CJK letter
        # that glues to 一).
        if before and before in "统唯之单同专万逐划整合第某任每其另":
            return None
        if unit not in _CHINESE_NUMERAL_UNITS and not (magnitude and unit in ("元", "股", "份", "吨")):
            return None  # 三元材料, 三方协议, 一条龙: words, not quantities
        if unit == "成" and numeral == "两":
            pass  # 两成 is 20 % (一成 stays out: 一成不变)
        elif numeral in ("一", "两") and unit in ("方", "期", "名", "位", "所", "个", "份额", "单", "成", "件"):
            # 一方面, 一期 (as a name), 一名 is fine but 一个 is too often
            # filler ("一个重要"); keep only clear counts.
            after = scan[end : end + 1]
            if unit != "名" or not after:
                return None
        value_int = chinese_to_number(numeral)
        if value_int is None:
            return None
        kind = _UNITS.get(unit, QuantityKind.NUMBER)
        if kind is QuantityKind.DURATION and _DEADLINE_SUFFIX.match(scan, end):
            kind = QuantityKind.DEADLINE
        value = value_int * _MAGNITUDES[magnitude]
        return Quantity(
            start,
            end,
            text[start:end],
            kind,
            value=value,
            unit=unit,
            bound=_find_bound(scan, start, end, _clause_start(scan, start)),
            tolerance=0.5 * _MAGNITUDES[magnitude],
        )
    return None
