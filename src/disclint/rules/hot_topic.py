"""hot_topic: riding a market hot topic with no measurable link to the business.

The dated concept list is ``lexicons/hot_topic.toml``. A mention is reported
when the sentence ties the company to the concept (布局, 赛道, 受益, 赋能 …
or a future statement) and neither the sentence nor its paragraph gives a
measurable link: revenue or its share of 营业收入 (not a forecast), a stage
of development or sale (送样, 小批量, 量产 …), "尚未形成收入", or an impact
statement. Money to be spent is not a link by itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from disclint.analysis import Analysis, Hit
from disclint.model.document import BlockKind
from disclint.model.findings import Category, Finding, Severity
from disclint.rules.common import lexicon_hits, rule_finding
from disclint.rules.registry import RuleSpec, rule
from disclint.structure import doctypes
from disclint.text.numbers import QuantityKind
from disclint.text.sentences import Sentence

_LINK_QUANTITIES = frozenset({QuantityKind.AMOUNT, QuantityKind.PERCENT, QuantityKind.SHARES})


_BACK_REFERENCE = re.compile(r"^(?:该|上述|相关|此类|该类|其|这)")


def _evidence_text(analysis: Analysis, sentence: Sentence, concepts: set[str]) -> str:
    """Where a link to the business may be stated: the sentence itself, the
    sentences of its paragraph that name the same concept or refer back to it
    ("该模块收入规模较小"), and, when the paragraph introduces a list or table
    ("列表如下："), the rows that follow it. A link stated for another concept
    in the same paragraph does not count."""
    block_index = sentence.block_index
    siblings = analysis.sentences_by_block.get(block_index, [sentence])
    texts = []
    for position, other in enumerate(siblings):
        if (
            other is sentence
            or any(concept in other.text for concept in concepts)
            or (position > 0 and siblings[position - 1] is sentence and _BACK_REFERENCE.match(other.text))
        ):
            texts.append(other.text)
    if analysis.block_text(block_index).endswith(("：", ":", "如下")):
        blocks = analysis.document.blocks
        follower = block_index + 1
        while follower < len(blocks) and follower <= block_index + 30:
            if blocks[follower].kind is not BlockKind.TABLE_ROW and follower > block_index + 1:
                break
            texts.append(analysis.block_text(follower))
            follower += 1
    return "\n".join(texts)


def _revenue_link(analysis: Analysis, sentence: Sentence, hit_start: int) -> bool:
    """A clause in the hit's ；-part states revenue (or a revenue share) with a figure."""
    part_start, part_end = sentence.part_at(hit_start)
    quantities = [
        quantity
        for quantity in analysis.quantities(sentence)
        if part_start <= quantity.start < part_end and quantity.kind in _LINK_QUANTITIES
    ]
    if not quantities:
        return False
    for clause_start, clause_end in sentence.clauses():
        if clause_end <= part_start or clause_start >= part_end:
            continue
        clause = sentence.text[clause_start:clause_end]
        if not analysis.has_cue("hot_link_revenue", clause):
            continue
        if analysis.has_cue("forecast", clause):
            continue  # a forecast of total revenue is not a link
        if any(clause_start <= quantity.start < clause_end for quantity in quantities):
            return True
    return False


_REPORTED_SPEECH = re.compile(r"报道|传闻|传言|表述|所称|声称|不属实|不实|澄清")


def _not_quoted_speech(analysis: Analysis, hit: Hit) -> bool:
    """A concept inside quotation marks that a sentence reports or denies ("媒体报道中
    关于公司“布局低空经济赛道”的表述不属实") is someone else's claim."""
    text = hit.sentence.text
    opened = text.rfind("“", 0, hit.start)
    closed = text.rfind("”", 0, hit.start)
    inside = opened > closed and text.find("”", hit.end) >= 0
    if inside and _REPORTED_SPEECH.search(text):
        return False
    # "人工智能应用创新大赛三等奖": the name of an award or an event.
    return not analysis.has_cue("hot_in_event_name", text[hit.end : hit.end + 16])


def _stage_link(analysis: Analysis, evidence: str, concepts: set[str]) -> bool:
    """A stage or impact statement about the company's own business.

    "人形机器人量产的到来" is the industry's mass production, not the
    company's: a stage word right after a concept name does not count.
    """
    for match in analysis.lexicon.cue("hot_link_strong").finditer(evidence):
        before = evidence[max(0, match.start() - 8) : match.start()].rstrip("的")
        if any(before.endswith(concept) for concept in concepts):
            continue
        if _INTENDED_STAGE.search(evidence[max(0, match.start() - 6) : match.start()]):
            continue  # "力争早日实现量产", "已具备量产条件": a stage to come is not a link
        return True
    return False


# A stage to come, or one the company could reach ("已具备量产条件"), is not a stage reached.
_INTENDED_STAGE = re.compile(r"(?:力争|争取|有望|早日|尽快|加快|推进|具备|具有)[^。；，]{0,4}$")


def _claims_link(analysis: Analysis, sentence: Sentence, hits: list[Hit]) -> bool:
    """The sentence ties the company to the concept: a link word (布局, 可用于, 受益 …), a
    statement about the future, or the company, its product or its unit as the subject of
    the clause that names the concept ("公司车载线束已进入小米汽车供应体系",
    "公司与宇树科技建立了良好的沟通渠道"): however the link is worded, a statement by the
    company about itself and a hot concept is a claim until it gives the facts."""
    text = sentence.text
    if analysis.has_cue("hot_claim", text):
        return True
    # Without a link word, a unit's name states a fact ("本员工持股计划参加对象包括公司人工智能实验室骨干人员").
    hits = [hit for hit in hits if not analysis.has_cue("hot_in_unit_name", text[hit.end : hit.end + 16])]
    if not hits:
        return False
    if analysis.has_cue("future", text):
        return True
    if not doctypes.get(_doc_type(analysis, sentence)).hot_subject_claims:
        return False
    return any(analysis.claim_subject(sentence, hit.start) == "own" for hit in hits)


def _concrete_plan(analysis: Analysis, sentence: Sentence) -> bool:
    """A project with its amount and a completion date or its own risks ("其中人工智能质检项目
    6,000万元，计划于2025年第三季度上线"): a measure that can be checked, not a link claimed."""
    if not any(quantity.kind is QuantityKind.AMOUNT for quantity in analysis.quantities(sentence)):
        return False
    return analysis.has_cue("hot_concrete_plan", sentence.text)


_MARKET_SHAPE_END = ("赛道", "风口", "蓝海")


def _holds_a_concept(hit: Hit, hits: list[Hit]) -> bool:
    return hit.text.endswith(_MARKET_SHAPE_END) and any(
        other is not hit and hit.start <= other.start and other.end <= hit.end and other.text != hit.text
        for other in hits
    )


def _doc_type(analysis: Analysis, sentence: Sentence) -> str:
    part = analysis.part_of(sentence)
    return part.doc_type if part else analysis.doc_type


def _paragraph_link(analysis: Analysis, sentence: Sentence) -> bool:
    """An impact or no-revenue statement anywhere in the paragraph ("……对公司业绩不构成重大
    影响"): clarifications state it once, for everything the paragraph mentions."""
    siblings = analysis.sentences_by_block.get(sentence.block_index, [sentence])
    return any(analysis.has_cue("hot_link_paragraph", other.text) for other in siblings)


def _riding(analysis: Analysis, sentence: Sentence, hits: list[Hit]) -> bool:
    if analysis.is_heading(sentence):
        return False
    text = sentence.text
    if not _claims_link(analysis, sentence, hits):
        return False
    if analysis.has_cue("hot_denial", text):
        return False  # "……被列为未来产业重点方向；公司目前未涉及上述领域"
    if not analysis.names_the_issuer(sentence) and analysis.has_cue("hot_other_subject", text):
        return False  # "《……实施意见》提出，重点推进人形机器人、脑机接口等领域"
    concepts = {hit.text for hit in hits}
    evidence = _evidence_text(analysis, sentence, concepts)
    # A stage excuses the mention, not an outlook added to it ("中试线进展顺利", "已送样，前景可期"),
    # from the concept's clause on (a claim about another product before it is not this one's).
    from_concept = text[sentence.clause_at(min(hit.start for hit in hits))[0] :]
    if not analysis.has_cue("hot_outlook", from_concept) and _stage_link(analysis, evidence, concepts):
        return False
    if _concrete_plan(analysis, sentence):
        return False
    if _paragraph_link(analysis, sentence):
        return False
    return not any(_revenue_link(analysis, sentence, hit.start) for hit in hits)


@rule(
    code="HT001",
    name="hot-topic-without-link",
    category=Category.HOT_TOPIC,
    severity=Severity.WARNING,
    summary="提及市场热点概念，却没有可衡量的业务联系",
    rationale=(
        "行动方案不得提及明显“蹭热点”概念的行为指标（上交所“提质增效重回报”一本通 Q1）；公司不得迎合市场热点或者与市场热点不当关联，"
        "不得故意夸大相关事项的影响（深交所规范运作指引关于互动易的规定，条款号未核实；科创板规范运作指引第6.5.4条"
        "对质押平仓风险情形下的董事会秘书有同样的禁止）。提及热点时应说明相关业务的收入及占比、"
        "所处阶段，或明确尚未形成收入、对业绩影响较小。概念清单见 lexicons/hot_topic.toml，每个概念注明日期，应定期复核。"
    ),
    reference="no_hot_topic_riding",
    bad=["公司正加快切入人形机器人赛道，相关技术储备有望在具身智能领域得到广泛应用。"],
    good=["公司低空经济相关的无人机零部件业务目前处于样品验证阶段，尚未形成收入，敬请投资者注意投资风险。"],
    suggestion="写明相关业务的收入及占营业收入的比例、所处研发或商业化阶段，或说明尚未形成收入、对业绩影响较小",
    example_type="voluntary",
)
def hot_topic_without_link(analysis: Analysis, spec: RuleSpec) -> Iterator[Finding]:
    by_sentence: dict[int, list[Hit]] = {}
    for hit in lexicon_hits(analysis, spec, keep=_not_quoted_speech):
        by_sentence.setdefault(hit.sentence.index, []).append(hit)
    for hits in by_sentence.values():
        sentence = hits[0].sentence
        if not _riding(analysis, sentence, hits):
            continue
        hits.sort(key=lambda hit: hit.start)
        start = sentence.clause_at(hits[0].start)[0]
        end = sentence.clause_at(hits[-1].start)[1]
        # The claim may come in a later clause ("……，开辟第二增长曲线"): the finding runs to it.
        for cue in ("hot_claim", "future"):
            for claim in analysis.lexicon.cue(cue).finditer(sentence.text, end):
                end = max(end, sentence.clause_at(claim.start())[1])
        while end > start and sentence.text[end - 1] in "，。；：,;:！？!?":
            end -= 1
        # Name the concepts, not a market-shape hit that holds one ("切入低空经济万亿赛道" holds "低空经济").
        named = [hit for hit in hits if not _holds_a_concept(hit, hits)] or hits
        concepts = "".join(dict.fromkeys(f"“{hit.text}”" for hit in named))
        first = named[0].term
        yield rule_finding(
            analysis,
            spec,
            sentence,
            start,
            end,
            f"把公司与热点概念{concepts}挂钩，但没有说明相关收入、所处阶段或对业绩的影响",
            severity=first.severity,
            suggestion=first.suggest,
            source=first.source,
        )
