"""hype: exaggerating, absolute, promotional, flattering and certainty wording.

Terms in ``lexicons/hype.toml``; fixed expressions (第一季度, 最近一期,
领先指标 …) and attributed claims (据…统计, 经…认定, 入选…名单) are allowed
there. The code skips negation, quoted investor questions and 《titles》.
"""

from __future__ import annotations

from collections.abc import Iterator

from disclint.analysis import Analysis, Hit
from disclint.model.findings import Category, Finding, Severity
from disclint.rules.common import HitFilter, finding_for_hit, lexicon_hits, merge_overlapping
from disclint.rules.registry import RuleSpec, rule
from disclint.structure import doctypes


def _not_a_title(analysis: Analysis, hit: Hit) -> bool:
    """An official title or award ("被认定为……示范企业", "入选……名单") vouches for
    the words in its own clause only, not for praise elsewhere in the sentence."""
    start, end = hit.sentence.clause_at(hit.start)
    return not analysis.has_cue("title_award", hit.sentence.text[start:end])


# The interim word-class entries (lexicons/class_terms.toml) and the frames add findings; they never reshape one
# that another entry already reports ("绝对龙头" stays the excerpt, not "成为……行业的绝对龙头"),
# so suppressions and baselines keyed by excerpt keep matching.
_CLASS_TERMS = "class_terms.toml"


def _interim(hit: Hit) -> bool:
    """A hit of a word-class entry or a frame (lexicons/frames/hype.toml), not of hype.toml's terms."""
    return hit.term.file == _CLASS_TERMS or hit.term.label.startswith("frame ")


def _prefer_established(hits: list[Hit]) -> list[Hit]:
    established = [hit for hit in hits if not _interim(hit)]
    return established + [
        hit
        for hit in hits
        if _interim(hit)
        and not any(
            other.sentence is hit.sentence and other.start < hit.end and hit.start < other.end for other in established
        )
    ]


def _about_the_company(analysis: Analysis, hit: Hit) -> bool:
    """A certainty word whose ；-part names the company or one of its operating results
    ("公司新产品必将……", "业务必将成为新的利润增长点"), not the industry, a market or a
    condition ("天然气必然会受到各国的重视", "若运力受阻，势必影响电煤供应")."""
    start, end = hit.sentence.part_at(hit.start)
    part = hit.sentence.text[start:end]
    if analysis.has_cue("subject_own", part):
        return True
    excluded = [found.span() for found in analysis.lexicon.cue("not_outcome").finditer(part)]
    return any(
        not any(ex_start < found.end() and found.start() < ex_end for ex_start, ex_end in excluded)
        for found in analysis.lexicon.cue("outcome").finditer(part)
    )


def _certainty_kept(analysis: Analysis, hit: Hit) -> bool:
    if not _not_a_title(analysis, hit):
        return False
    return not doctypes.get(analysis.doc_type).industry_prose or _about_the_company(analysis, hit)


def _run(analysis: Analysis, spec: RuleSpec, keep: HitFilter | None = None) -> Iterator[Finding]:
    hits = _prefer_established(list(lexicon_hits(analysis, spec, keep=keep or _not_a_title)))
    for hit in merge_overlapping(hits):
        yield finding_for_hit(analysis, spec, hit)


_WORDING = "no_exaggeration"


@rule(
    code="HY001",
    name="absolute-claim",
    category=Category.HYPE,
    severity=Severity.WARNING,
    summary="绝对化、最高级或无来源的排名表述",
    rationale=(
        "披露内容不应使用可能引起歧义、误读或者夸大的表述（上交所“提质增效重回报”一本通“行动要求”第2项），"
        "披露的信息应当真实、准确、完整，简明清晰（《上市公司信息披露管理办法》第三条）。"
        "“遥遥领先”“世界一流”“行业龙头”“全国第一”“唯一”在没有可核验来源时属于夸大；"
        "注明发布机构的排名和官方认定的称号、以及第一季度、第一大股东、最近一期等固定用语不是。"
    ),
    reference=_WORDING,
    bad=["公司核心技术遥遥领先，主要产品性能达到全球顶尖水平。"],
    good=["据中国汽车工业协会统计，2024年公司乘用车销量在自主品牌中排名第三，市场占有率约为6.8%。"],
    suggestion="以可核验的数据与来源说明行业地位，如市场份额及其统计口径、第三方排名的发布机构与时间",
)
def absolute_claim(analysis: Analysis, spec: RuleSpec) -> Iterator[Finding]:
    return _run(analysis, spec)


@rule(
    code="HY002",
    name="promotional-wording",
    category=Category.HYPE,
    severity=Severity.WARNING,
    summary="宣传、广告或荐股用语",
    rationale=(
        "互动易回复不得使用宣传性、夸大性、误导性语言（深交所规范运作指引关于互动易的规定，条款号未核实）；"
        "投资者关系活动应当避免过度宣传误导投资者决策（科创板规范运作指引第8.1条）；"
        "披露的信息应当真实、准确（《上市公司信息披露管理办法》第三条）。"
        "“口碑爆棚”“一货难求”“投资价值凸显”“值得长期持有”属于此类。"
    ),
    reference="no_exaggeration",
    bad=["公司产品口碑爆棚，旺季时多次出现一货难求的火爆场面。"],
    good=["2024年公司产品产能利用率为96.3%，期末在手订单金额为12.40亿元。"],
    suggestion="改为客观事实与数据",
)
def promotional_wording(analysis: Analysis, spec: RuleSpec) -> Iterator[Finding]:
    return _run(analysis, spec)


@rule(
    code="HY003",
    name="flattery",
    category=Category.HYPE,
    severity=Severity.WARNING,
    summary="恭维用语",
    rationale=(
        "恭维性质的词句（“英明决策”“辉煌成就”“巨大成功”）不是可核验的事实，"
        "与披露的信息应当真实、准确、简明清晰的要求（《上市公司信息披露管理办法》第三条）不符。"
    ),
    reference="no_exaggeration",
    bad=["在董事长的英明决策下，公司各项事业取得了辉煌成就。"],
    good=["报告期内，公司完成了行动方案确定的8项目标中的7项。"],
    suggestion="删除恭维用语，只陈述事实与数据",
    example_type="evaluation_report",
)
def flattery(analysis: Analysis, spec: RuleSpec) -> Iterator[Finding]:
    return _run(analysis, spec)


@rule(
    code="HY004",
    name="certainty-wording",
    category=Category.HYPE,
    severity=Severity.WARNING,
    summary="对未来结果的确定性用语",
    rationale=(
        "对设定的目标应当披露其基本假设、主要依据，并充分提示风险（上交所“提质增效重回报”一本通 Q1）；“必将”“确保实现净利润增长”"
        "把不确定的结果写成确定的，与披露的信息应当准确的要求（《上市公司信息披露管理办法》第三条）不符。治理与程序性的“确保”（确保董事会外部董事占多数、确保按时披露）不是。"
    ),
    reference="no_exaggeration；forecast_basis",
    bad=["公司将确保实现2025年净利润同比增长30%的经营目标。"],
    good=["2024年公司将优化董事会成员结构，确保董事会构成中外部董事占多数。"],
    suggestion="删除确定性用语，说明目标的依据、假设与风险",
    example_type="action_plan",
)
def certainty_wording(analysis: Analysis, spec: RuleSpec) -> Iterator[Finding]:
    return _run(analysis, spec, _certainty_kept)


@rule(
    code="HY005",
    name="exaggerated-impact",
    category=Category.HYPE,
    severity=Severity.WARNING,
    summary="夸大增长前景、市场空间或技术影响",
    rationale=(
        "“爆发式增长”“井喷”“万亿赛道”“颠覆性”“前所未有”夸大了事项的影响，与披露的信息应当真实、准确的要求"
        "（《上市公司信息披露管理办法》第三条）不符；深交所规范运作指引关于互动易的规定（条款号未核实）"
        "也要求不得故意夸大相关事项对公司生产经营的影响。"
    ),
    reference="no_exaggeration",
    bad=["该产品采用颠覆性的技术路线，将彻底改变行业竞争格局。"],
    good=["当前行业面临前所未有的挑战，公司计划2025年将期间费用率控制在15%以内。"],
    suggestion="具体说明技术指标、所处阶段与对业绩的影响程度",
)
def exaggerated_impact(analysis: Analysis, spec: RuleSpec) -> Iterator[Finding]:
    return _run(analysis, spec)


@rule(
    code="HY006",
    name="disparaging-competitors",
    category=Category.HYPE,
    severity=Severity.WARNING,
    summary="贬低竞争对手",
    rationale=(
        "“碾压竞品”“吊打同行”是夸大、宣传性的语言（《上市公司信息披露管理办法》第三条；"
        "深交所规范运作指引关于互动易的规定，条款号未核实）。"
    ),
    reference="no_exaggeration",
    bad=["新一代产品性能全面碾压国外竞品。"],
    good=["新一代产品的转换效率为26.5%，较上一代提升0.8个百分点。"],
    suggestion="以可核验的参数对比或第三方测评说明差异",
)
def disparaging_competitors(analysis: Analysis, spec: RuleSpec) -> Iterator[Finding]:
    return _run(analysis, spec)
