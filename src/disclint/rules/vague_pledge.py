"""vague_pledge: measures and targets that are not 可操作、可落实、可检验.

Unit: the 。-sentence. A sentence is reported when it is a pledge (a future
cue such as 将/拟/力争 with an improvement verb, or the pledge wording of
``lexicons/vague_pledge.toml``) and carries no measurable anchor: a number
with a unit, a ratio, a count, a date or a deadline. Headings, past facts,
rule texts, statutory duties (及时履行信息披露义务) and quoted questions are
not pledges.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from disclint.analysis import Analysis, Hit
from disclint.model.findings import Category, Finding, Severity
from disclint.rules.common import not_own_claim, rule_finding
from disclint.rules.forward_looking import forward_statements
from disclint.rules.registry import RuleSpec, rule
from disclint.structure import doctypes
from disclint.text.numbering import item_marker
from disclint.text.numbers import MEASURABLE_KINDS, Quantity, QuantityKind
from disclint.text.sentences import Sentence

# A figure that belongs to a price or market-cap statement is not an anchor
# of a measure ("争取早日实现千亿市值目标"); its date still is.
_DATE_POINT = re.compile(
    r"[\d一二三四五六七八九十]+(?:月|日|号)|[一二三四1-4]季度|上半年|下半年|年[底末]|年中|月[底末]"
)
# "市值管理" is the name of the work (监管指引第10号), not a market value: its measures need anchors too.
_PRICE_CONTEXT = re.compile(r"市值(?!管理)|股价|市盈率|市净率|估值")
_PRICE_FIGURES = frozenset(
    {QuantityKind.AMOUNT, QuantityKind.MULTIPLE, QuantityKind.PERCENT, QuantityKind.PRICE, QuantityKind.NUMBER}
)
# A commitment frame: the company will / plans to / keeps on doing something.
_FUTURE_PLEDGE = re.compile(
    r"将(?!来|其|之|该|此|上述|本|所)|拟|(?<![重需主必只概纲首])要(?![求素点件])|(?<![励股动购持行资营展红度作本划])计划(?![的书草》])"
    r"|力争|争取|继续|下一步|今后|致力于|努力"
)


# A year that only opens the sentence as its time frame ("2025年，公司将砥砺前行……")
# says when the slogan is said, not what is to be done by when.
_FRAME_YEAR_FOLLOWER = re.compile(r"(?:度)?(?:[，,]|(?:本公司|公司|我们|我司|集团|董事会|管理层|全年|是|要))")


def _frame_year(sentence: Sentence, quantity: Quantity) -> bool:
    if quantity.kind is not QuantityKind.YEAR:
        return False
    text = sentence.text
    clause_start = sentence.clause_at(quantity.start)[0]
    lead = text[clause_start : quantity.start]
    marker = item_marker(lead) if clause_start == 0 else None
    if marker is not None:
        lead = lead[marker.end :]
    if lead.strip("在于自从") != "":
        return False
    return _FRAME_YEAR_FOLLOWER.match(text, quantity.end) is not None


def _anchors(analysis: Analysis, sentence: Sentence, *, slogan: bool = False, plan: bool = False) -> list[Quantity]:
    """Measurable quantities of the sentence; with an effort slogan, a year that only
    opens the sentence does not count ("2025年，公司将砥砺前行、奋楫争先"); in a plan,
    a date or period counts only with something to be completed by then."""
    text = sentence.text
    time_counts = not plan or (_COMPLETION.search(text) is not None and _TIMING_VAGUE.search(text) is None)
    anchors = []
    for quantity in analysis.quantities(sentence):
        if quantity.kind not in MEASURABLE_KINDS:
            continue
        # A year alone ("2025年，公司将继续砥砺前行") or "每年" is not a measure; a deadline
        # (2025年底前, 2025年内), a day or a month (2025年6月30日, 二季度) is.
        if quantity.kind is QuantityKind.YEAR:
            continue
        if quantity.kind is QuantityKind.DATE and not _DATE_POINT.search(text[quantity.start : quantity.end]):
            continue
        if slogan and _frame_year(sentence, quantity):
            continue
        if quantity.kind in _TIME_KINDS and not time_counts:
            continue
        window = text[max(0, quantity.start - 8) : quantity.end + 3]
        if quantity.kind in _PRICE_FIGURES and _PRICE_CONTEXT.search(window):
            continue
        anchors.append(quantity)
    return anchors


def _unanchored(
    sentence: Sentence,
    markers: list[Hit],
    anchors: list[Quantity],
    slogans: frozenset[str],
    anchor_spans: list[tuple[int, int]],
    forecasts: list[tuple[int, int]],
) -> bool:
    """Some pledge wording of the sentence has nothing that makes it checkable.

    The sentence is the unit, as the handbook's cases read (a quantified target in the
    sentence covers its soft wording), with two exceptions. A figure inside a forecast
    or a quantified result target ("预计三年内海外收入占比将超过50%") is that forecast's,
    not an anchor of the measures beside it ("持续优化产品结构", "择机开展产业并购").
    A forecast that begins in the measure's clause or right after the run of measures it
    belongs to is their target.
    An effort slogan ("再上新台阶", "想方设法") is anchored only by a figure in its own
    clause or the one before it: a time frame or another metric's figure ("未来三年将力争收入规模再上新台阶，
    净利润年均复合增长率不低于30%") does not make it checkable.
    """
    points = [(quantity.start, quantity.kind) for quantity in anchors] + [(start, None) for start, _ in anchor_spans]
    if not markers:
        return not points

    def inside_forecast(position: int) -> tuple[int, int] | None:
        return next(((start, end) for start, end in forecasts if start <= position < end), None)

    clauses = sentence.clauses()

    def clause_index(position: int) -> int:
        return next((index for index, (start, end) in enumerate(clauses) if start <= position < end), len(clauses) - 1)

    measure_clauses = {clause_index(hit.start) for hit in markers}
    for hit in markers:
        slogan = hit.text in slogans
        own = inside_forecast(hit.start)
        # a run of measures ("进一步深化精益管理，持续推进降本增效，2025年……下降不低于5%") shares the
        # target after it; a slogan's run may also follow the anchored measure it is for
        # ("……不低于净利润的35%，与投资者共享发展成果"), within its ；-part.
        first = last = clause_index(hit.start)
        while last + 1 in measure_clauses:
            last += 1
        if slogan and first > 0 and clauses[first - 1][0] >= sentence.part_at(hit.start)[0]:
            first -= 1
        window_end = clauses[min(last + 1, len(clauses) - 1)][1]
        window_start = clauses[first][0]
        if not any(
            _covers(
                inside_forecast(point),
                own,
                window_start,
                window_end,
                point,
                window_start if slogan else clauses[clause_index(hit.start)][0],
            )
            and (not slogan or (window_start <= point < window_end and kind is not None and kind not in _TIME_KINDS))
            for point, kind in points
        ):
            return True
    return False


def _covers(
    forecast: tuple[int, int] | None, own: tuple[int, int] | None, start: int, end: int, point: int, clause_start: int
) -> bool:
    """A figure outside any forecast; or in the forecast the marker stands in, from the marker's
    clause on (a measure set after the figure, "……不低于15%，并不断增强核心竞争力", is not its
    target); or in a forecast that begins within the marker's run of measures or right after it
    (the measures' stated target: "加快推进……扩产，预计2024年……出货量占比20%以上")."""
    if forecast is None:
        return True
    if forecast == own:
        return point >= clause_start
    return start <= forecast[0] < end


# A sentence set in a year the document reports on as past: "2017年，公司继续加大……" in a
# report signed in 2018 says what was done, even with 继续 or 进一步.
_YEAR_FRAME = re.compile(
    r"(?:在|于)?(\d{4})年度?(?:上半年|下半年|全年|内|中|以来)?(?=[，,]|本?公司|我们|我司|集团|继续|进一步)"
)


def _reported_year(analysis: Analysis, sentence: Sentence) -> bool:
    limit = analysis.last_past_year
    if limit is None:
        return False
    marker = item_marker(sentence.text)
    match = _YEAR_FRAME.match(sentence.text, marker.end if marker else 0)
    return match is not None and int(match.group(1)) <= limit


_INTRODUCERS = frozenset({"力争", "争取"})


def _price_goal(analysis: Analysis, sentence: Sentence) -> bool:
    """A figure of the sentence belongs to a market-value or share-price statement."""
    text = sentence.text
    for quantity in analysis.quantities(sentence):
        window = text[max(0, quantity.start - 8) : quantity.end + 3]
        if quantity.kind in _PRICE_FIGURES and _PRICE_CONTEXT.search(window):
            return True
    return _PRICE_FIGURE_TEXT.search(text) is not None


# A market value written in words ("市值千亿", "百亿市值"), which the number finder may not read as an amount.
_PRICE_FIGURE_TEXT = re.compile(r"(?:市值|股价|估值)[^，。；]{0,4}[百千万]亿|[百千万]亿(?:元)?(?:级)?的?(?:总)?市值")


def _price_clause(sentence: Sentence, index: int) -> bool:
    """The clause holding ``index`` is about the market value, the share price or valuation multiples."""
    start, end = sentence.clause_at(index)
    return _PRICE_CONTEXT.search(sentence.text, start, end) is not None


_HOT_CLASSES = ("hot_concept", "famous_ecosystem")


def _hot_topic_sentence(analysis: Analysis, sentence: Sentence) -> bool:
    """The sentence names a hot concept or a famous ecosystem (a standalone member)."""
    matcher = analysis.matcher(sentence)
    return any(name in analysis.lexicon.classes and matcher.spans(f"@{name}", standalone=True) for name in _HOT_CLASSES)


_FRAME_LEAD = re.compile(r"^(?:\d{4}年度?|下一步|同时|此外|另外|未来[^，。；]{0,3}|今后|届时|后续|随后|并|且|也|还)?$")


# "为实现上述目标，公司将……" names the goal as a purpose; the measures that follow still need anchors.
_BACK_REFERENCE = re.compile(r"(?<!实现)(?<!完成)(?<!达成)(?:上述|前述|前文所述)(?:项目|措施|举措|计划|安排|目标|事项)")
# In a plan, a date or a period anchors a measure only when something is to be done by then:
# "2025年6月30日前完成……" is checkable, "于2025年内持续优化……" and "2025年内择机实施……" are not.
_TIME_KINDS = frozenset({QuantityKind.YEAR, QuantityKind.DATE, QuantityKind.DEADLINE, QuantityKind.DURATION})
_COMPLETION = re.compile(
    r"完成|实现|达到|达成|建成|投产|上线|发布|披露|召开|举办|举行|推出|制定|出台|修订|设立|成立|签署|签订|启动|开工|竣工"
    r"|验收|交付|提交|审议|派发|实施|办理|支付|兑现|落成|开业|取得|获得|通过"
    # a metric brought to a stated level by then: "2026年末周转天数降至130天以内"
    r"|(?:降|降低|下降|压降|缩短|减少|提升|提高|增加|增长|升)至|控制在"
)
_TIMING_VAGUE = re.compile(r"择机|适时|视情况|酌情|(?:合适|适当|恰当)的?时(?:机|候)")
_PLAN_TYPES = frozenset({"action_plan", "valuation_plan"})
# Measures written without a subject open with a verb of this kind.
_SUBJECTLESS_LEAD = re.compile(
    r"(?:坚持|持续|切实|深化|加快|推进|推动|全面|加强|强化|积极|大力|不断|着力|努力|进一步|稳步|扎实|聚焦|优化|完善)"
)
# A plan's sentence that opens with its verb ("深入贯彻落实国务院……", "紧抓国家政策机遇，……"): the company is its subject.
_VERB_LEAD = re.compile(
    r"(?:深入|认真|全面|坚决|紧紧|牢牢)?(?:贯彻|落实|紧抓|抓住|抢抓|把握|围绕|按照|依据|响应|聚焦|立足|紧扣|紧跟|对标|用好|借助|依托|顺应|学习)"
)


def _opens_with_verb(text: str) -> bool:
    marker = item_marker(text)
    start = marker.end if marker else 0
    return _VERB_LEAD.match(text, start) is not None or _SUBJECTLESS_LEAD.match(text, start) is not None


# A summary line that the body details ("重要内容提示：", "估值提升计划概述：", "●").
_SUMMARY = re.compile(r"^(?:[●•◆■]|重要内容提示|[^，。；：]{0,12}(?:概述|概要|摘要|综述|要点)[：:])")


# The company as the subject right before pledge wording: "公司加快打造……",
# "2024年，公司持续推进……" — not "推动公司高质量发展" (the company as object).
_ACTORS = r"(?:本公司|公司|我们|我司|集团|本集团|本行|我行|董事会|管理层|经营层|经营班子|领导班子|全体(?:干部)?(?:员工|职工)?|全体干部|各部门|各单位|各子公司|各级)"
_ACTOR_LEAD = re.compile(r"^(?:\d{4}年度?|下一步|同时|此外|未来[^，。；]{0,3})?" + _ACTORS + r"[^，。；]{0,3}$")


# The company as subject before "将/拟/计划": "公司将", "本公司及控股子公司将", "公司董事会拟".
_FUTURE_LEAD = re.compile(r"^(?:\d{4}年度?|下一步|同时|此外|未来[^，。；]{0,3})?" + _ACTORS + r"[^，。；]{0,8}$")


def _commitment_frame(analysis: Analysis, sentence: Sentence, markers: list[Hit], *, plan: bool = True) -> int | None:
    """Where a clause commits the company, or None.

    "公司将……", "下一步将……", "2025年，拟……": a future word whose lead is
    empty, a time word or names the company. "公司加快打造……": pledge
    wording right after the company as subject. A purpose or evaluation
    ("本计划有利于进一步完善……") is not a commitment.
    """
    text = sentence.text
    marker_starts = sorted(hit.start for hit in markers)
    for clause_start, clause_end in sentence.clauses():
        clause = text[clause_start:clause_end]
        marker = item_marker(clause) if clause_start == 0 else None
        if marker is not None:  # "（三）公司将……"
            clause_start += marker.end
            clause = clause[marker.end :]
        match = _FUTURE_PLEDGE.search(clause)
        if match is not None:
            lead = clause[: match.start()]
            if _FUTURE_LEAD.match(lead) or _FRAME_LEAD.match(lead):
                return clause_start + match.start()
        # "公司持续加大研发投入" outside a plan describes what the company does; in a plan it is a measure.
        for start in marker_starts if plan else ():
            if clause_start <= start < clause_end and _ACTOR_LEAD.match(text[clause_start:start]):
                return start
    return None


def _is_pledge(
    analysis: Analysis,
    sentence: Sentence,
    markers: list[Hit],
    *,
    subjectless: bool = False,
    slogans: frozenset[str] = frozenset(),
) -> bool:
    """A commitment frame followed by pledge wording or an improvement verb.

    In a plan (``subjectless``) a sentence may open with the measure itself,
    as state-owned companies write: "坚持党建引领，持续深化国企改革，切实提升……".
    """
    frame = _commitment_frame(analysis, sentence, markers, plan=subjectless)
    if frame is None and subjectless and any(hit.text in slogans for hit in markers):
        return True  # "各部门要狠抓落实"："全体干部员工将踔厉奋发" — a slogan in a plan is its own pledge
    if frame is None and subjectless:
        text = sentence.text
        marker = item_marker(text)
        body_start = marker.end if marker else 0
        if any(hit.start == body_start for hit in markers) or _opens_with_verb(text):
            frame = body_start
    if frame is None:
        return False
    rest = sentence.text[frame:]
    return any(hit.start >= frame for hit in markers) or analysis.has_cue("pledge_verb", rest)


@rule(
    code="VP001",
    name="unmeasurable-pledge",
    category=Category.VAGUE_PLEDGE,
    severity=Severity.WARNING,
    summary="举措或目标没有金额、比例、数量、时点或期限，不可检验",
    rationale=(
        "方案举措应当可操作、可落实、可检验，例如募投项目进度、研发投入强度、拟回购分红的金额（上交所“提质增效重回报”一本通“行动要求”第2项）。"
        "“积极推进”“持续提升”“适时”“择机”而没有任何数字、日期或期限的句子无法检验。"
        "同一句中有量化目标（“不低于 XX%”也可，同上 Q1）时不报告。"
    ),
    reference="plan_measures_specific",
    bad=["公司将积极推进募投项目建设，持续提升经营质量，努力为股东创造更大价值。"],
    good=["公司将积极推进“年产2万吨锂电铜箔项目”建设，力争于2025年6月前完成设备安装调试并投产。"],
    suggestion="写明做什么、做到多少、何时完成，如“2025年研发投入不低于营业收入的8%”",
    example_type="action_plan",
)
def unmeasurable_pledge(analysis: Analysis, spec: RuleSpec) -> Iterator[Finding]:
    terms = analysis.lexicon.terms_for(spec.code)
    term_ids = frozenset(map(id, terms))
    statements_found = forward_statements(analysis)
    forecasts = {statement.sentence.index for statement in statements_found if statement.forecast}
    statements: dict[int, list[tuple[int, int]]] = {}
    for statement in statements_found:
        statements.setdefault(statement.sentence.index, []).append((statement.start, statement.end))
    plan_types = {part.doc_type for part in analysis.parts} & _PLAN_TYPES
    sections = doctypes.get(analysis.doc_type).pledge_sections
    slogan_class = analysis.lexicon.classes.get("effort_slogan")
    slogans = frozenset(slogan_class.members) if slogan_class else frozenset()
    # An evaluation report's conclusions ("各项举措均已有效执行，成效显著") need figures too.
    result_class = analysis.lexicon.classes.get("vague_result")
    evaluation = any(part.doc_type == "evaluation_report" for part in analysis.parts)
    results = tuple(result_class.members) if result_class and evaluation else ()

    def _vague_result(analysis: Analysis, sentence: Sentence, words: tuple[str, ...]) -> Finding | None:
        text = sentence.text
        found = [(text.find(word), word) for word in words if word in text]
        if not found:
            return None
        if any(quantity.kind not in _TIME_KINDS for quantity in _anchors(analysis, sentence)):
            return None
        position, word = min(found)
        if analysis.negated(sentence, position) or not_own_claim(analysis, spec, sentence, position):
            return None
        lead = item_marker(text)
        start = lead.end if lead is not None else 0
        end = len(text)
        while end > start and text[end - 1] in "。；;！!？?":
            end -= 1
        return rule_finding(
            analysis,
            spec,
            sentence,
            start,
            end,
            f"“{word}”等评估结论没有数据支撑：完成了哪些目标、数值多少，不可检验",
            suggestion="写明各项举措的完成情况与数据，如“现金分红1.2亿元，占净利润的35%；召开业绩说明会3次”",
        )

    for sentence in analysis.sentences:
        text = sentence.text
        if len(text) < 8 or analysis.is_heading(sentence):
            continue
        if analysis.is_rule_text(sentence) or analysis.has_cue("duty", text) or analysis.has_cue("advisory", text):
            continue
        if analysis.is_investor_question(sentence):
            continue
        if results and not _SUMMARY.match(text):
            result = _vague_result(analysis, sentence, results)
            if result is not None:
                yield result
                continue
        if analysis.past_only(text) or _reported_year(analysis, sentence):
            continue
        if _SUMMARY.match(text):
            continue  # a summary detailed below
        markers = [
            hit
            for term in analysis.present_terms(terms, term_ids, sentence)
            for hit in analysis.term_hits(term, sentence)
        ]
        markers = [hit for hit in markers if not analysis.in_title(sentence, hit.start, hit.end)]
        if sentence.index in forecasts and not markers:
            continue  # a forecast is not a measure; pledge wording beside it still is
        if markers:
            # Wording inside a market-value or share-price clause ("使股价尽快回归每股净资产之上") is
            # price_target's to judge, not a measure; beside such a goal, "力争""争取" and slogans only frame it.
            measures = [hit for hit in markers if not _price_clause(sentence, hit.start)]
            if not measures:
                continue
            if _price_goal(analysis, sentence) and all(
                hit.text in slogans or hit.text in _INTRODUCERS for hit in measures
            ):
                continue  # "以本次行动方案为抓手，力争用三年时间实现“市值千亿”": the goal is the finding
            markers = measures
        if not _is_pledge(analysis, sentence, markers, subjectless=bool(plan_types), slogans=slogans):
            continue
        slogan = bool(slogans) and any(hit.text in slogans for hit in markers)
        anchors = _anchors(analysis, sentence, slogan=slogan, plan=bool(plan_types))
        anchor_spans = [match.span() for match in analysis.lexicon.cue("anchor_words").finditer(text)]
        if not _unanchored(sentence, markers, anchors, slogans, anchor_spans, statements.get(sentence.index, [])):
            continue
        if not plan_types and _hot_topic_sentence(analysis, sentence):
            continue  # a 互动易 reply or an announcement tying the company to a hot concept: hot_topic's to judge
        if _BACK_REFERENCE.search(text):
            continue  # "上述项目", "前述措施": quantified where they were first stated
        if sections is not None and (
            not analysis.under_heading(sections, sentence) or analysis.under_heading("direction_heading", sentence)
        ):
            continue  # a periodic report: only its business plan holds measures, its strategy a direction
        if not plan_types and analysis.has_cue("impact_statement", text):
            continue  # outside a plan: an event's effect, a mission statement, a what-if
        if not_own_claim(
            analysis,
            spec,
            sentence,
            markers[0].start if markers else sentence.clause_at(0)[1] - 1,
            subjectless=bool(plan_types) and _opens_with_verb(text),
        ):
            continue
        start = 0
        marker = item_marker(text)
        if marker is not None:
            start = marker.end
        end = len(text)
        while end > start and text[end - 1] in "。；;！!？?":
            end -= 1
        spans = [(hit.start, hit.text) for hit in markers]
        spans += [
            (found.start(), found.group(0))
            for found in analysis.lexicon.cue("vague_weak").finditer(text)
            if not any(hit.start <= found.start() < hit.end for hit in markers)
        ]
        words = list(dict.fromkeys(word for _, word in sorted(spans)))
        shown = "".join(f"“{word}”" for word in words[:3])
        message = (
            f"{shown}等表述没有金额、比例、数量、时点或期限，举措不可检验"
            if shown
            else "举措没有金额、比例、数量、时点或期限，不可检验"
        )
        first_term = markers[0].term if markers else None
        yield rule_finding(
            analysis,
            spec,
            sentence,
            start,
            end,
            message,
            suggestion=(first_term.suggest if first_term else None),
        )
