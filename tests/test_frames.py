"""The class/frame engine (lexicons/classes, lexicons/frames): loading, specs at load, matching."""

from __future__ import annotations

from pathlib import Path

import pytest

from disclint.frames import FrameError
from disclint.lexicons import LexiconError
from disclint.startup.lexicon import default_lexicon, load_lexicons
from disclint.startup.specs import verify_specs
from helpers import lint_text

LEXICONS = Path(__file__).resolve().parents[1] / "lexicons"


def _copy_lexicons(tmp_path: Path, classes: str, frames: str) -> Path:
    folder = tmp_path / "lexicons"
    folder.mkdir()
    for path in LEXICONS.glob("*.toml"):
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "classes").mkdir()
    (folder / "frames").mkdir()
    # The top-level files refer to the shipped word classes (class_terms.toml, cues of hot_topic.toml).
    for path in (LEXICONS / "classes").glob("*.toml"):
        (folder / "classes" / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "classes" / "test.toml").write_text(classes, encoding="utf-8")
    (folder / "frames" / "test.toml").write_text(frames, encoding="utf-8")
    return folder


_CLASSES = """
[meta]
topic = "test"
source = "000 Q1"

[[class]]
name = "cap_noun"
members = ["市值"]
bad = ["市值很高。"]
good = ["收入很高。"]

[[class]]
name = "reach"
members = ["站稳"]
context_dependent = ["站"]
bad = [{text = "站稳了。", hit = true}]
good = [{text = "站了。", hit = false}]
"""

_FRAME = """
[defaults]
unless = ["negated"]

[[frame]]
rule = "PT001"
name = "cap_reach"
seq = ["@cap_noun", "@reach", '\\d+亿元']
gap = 4
reason = "市值目标"
source = "000 Q1"
bad = ["{bad}"]
good = ["{good}"]
"""


def _frame(bad: str = "公司将力争市值站稳300亿元。", good: str = "公司不设定市值站稳300亿元的目标。") -> str:
    return _FRAME.replace("{bad}", bad).replace("{good}", good)


def test_shipped_classes_and_frames_load_and_their_specs_pass() -> None:
    lexicon = default_lexicon()
    assert lexicon.frames.frames, "lexicons/frames is empty"
    verify_specs(lexicon, use_cache=False)


def test_a_frame_spec_that_fails_is_a_load_error_naming_file_and_entry(tmp_path: Path) -> None:
    folder = _copy_lexicons(tmp_path, _CLASSES, _frame(bad="公司营业收入增长。"))
    lexicon = load_lexicons([folder])
    with pytest.raises(FrameError, match=r"test.toml frame #1 \(cap_reach\).*not matched"):
        verify_specs(lexicon, use_cache=False)


def test_a_good_example_that_gets_a_finding_is_a_load_error(tmp_path: Path) -> None:
    folder = _copy_lexicons(tmp_path, _CLASSES, _frame(good="公司将力争市值站稳300亿元。"))
    lexicon = load_lexicons([folder])
    with pytest.raises(FrameError, match="good example"):
        verify_specs(lexicon, use_cache=False)


def test_a_class_spec_that_fails_is_a_load_error(tmp_path: Path) -> None:
    classes = _CLASSES.replace('good = ["收入很高。"]', 'good = ["市值不高。"]')
    folder = _copy_lexicons(tmp_path, classes, _frame())
    with pytest.raises(FrameError, match=r"test\.toml class cap_noun"):
        verify_specs(load_lexicons([folder]), use_cache=False)


def test_the_engine_frame_passes_its_specs(tmp_path: Path) -> None:
    folder = _copy_lexicons(tmp_path, _CLASSES, _frame())
    verify_specs(load_lexicons([folder]), use_cache=False)


def test_unknown_class_is_a_load_error(tmp_path: Path) -> None:
    folder = _copy_lexicons(tmp_path, _CLASSES, _frame().replace("@reach", "@nowhere"))
    with pytest.raises(LexiconError, match=r"cap_reach.*unknown class @nowhere"):
        load_lexicons([folder])


def test_unknown_condition_is_a_load_error(tmp_path: Path) -> None:
    folder = _copy_lexicons(tmp_path, _CLASSES, _frame().replace('unless = ["negated"]', 'unless = ["negatd"]'))
    with pytest.raises(LexiconError, match="unknown condition 'negatd'"):
        load_lexicons([folder])


def test_a_class_defined_twice_is_a_load_error(tmp_path: Path) -> None:
    folder = _copy_lexicons(tmp_path, _CLASSES, _frame())
    (folder / "classes" / "again.toml").write_text(_CLASSES, encoding="utf-8")
    with pytest.raises(LexiconError, match="already defined"):
        load_lexicons([folder])


def test_unknown_key_is_a_load_error(tmp_path: Path) -> None:
    folder = _copy_lexicons(tmp_path, _CLASSES, _frame().replace("gap = 4", "gap = 4\nwithn = 'clause'"))
    with pytest.raises(LexiconError, match="unknown key"):
        load_lexicons([folder])


def test_gap_bound_and_clause_scope(tmp_path: Path) -> None:
    folder = _copy_lexicons(tmp_path, _CLASSES, _frame())
    lexicon = load_lexicons([folder])
    from disclint.analysis import Analysis
    from disclint.parse.plaintext import document_from_text

    def spans(text: str) -> list[str]:
        analysis = Analysis(document=document_from_text(text, "t.txt"), lexicon=lexicon)
        return [hit.text for hit in analysis.frame_hits("PT001")]

    assert spans("力争市值站稳300亿元。") == ["市值站稳300亿元"]
    assert spans("力争市值在未来的三到五年里逐步站稳300亿元。") == []  # beyond the gap
    assert spans("力争市值提升，站稳300亿元。") == []  # another clause
    assert spans("公司不会把市值站稳300亿元作为目标。") == []  # unless negated
    assert spans("站稳300亿元。") == []


def test_a_copy_with_one_frame_matches_with_that_frame_only() -> None:
    # A rule's frames are indexed on first use; a copy with other frames must not reuse that index.
    from disclint.analysis import Analysis
    from disclint.parse.plaintext import document_from_text

    lexicon = default_lexicon()
    text = "公司力争2027年营业收入将达到50亿元。预计公司营业收入将实现翻番。"
    frames = lexicon.frames.frames_for("FL001")
    assert len(frames) > 1
    full = Analysis(document=document_from_text(text, "t.txt"), lexicon=lexicon).frame_hits("FL001")
    for frame in frames:
        alone = lexicon.with_only_entry("FL001", frame)
        hits = Analysis(document=document_from_text(text, "t.txt"), lexicon=alone).frame_hits("FL001")
        assert {hit.term.index for hit in hits} <= {frame.index}
    assert Analysis(document=document_from_text(text, "t.txt"), lexicon=lexicon).frame_hits("FL001") == full


def test_context_dependent_members_count_only_inside_a_longer_frame(tmp_path: Path) -> None:
    folder = _copy_lexicons(tmp_path, _CLASSES, _frame())
    lexicon = load_lexicons([folder])
    from disclint.frames import Matcher

    matcher = Matcher(lexicon.frames, "公司站在新起点。")
    assert matcher.spans("@reach", standalone=True) == []
    assert matcher.spans("@reach") == [(2, 3)]


def test_traditional_chinese_is_folded_for_matching_only() -> None:
    from disclint.text.normalize import normalize_span

    text = "公司將積極佈局低空經濟。"
    norm = normalize_span(text, 0, len(text))
    if norm.text == text:
        pytest.skip("lexicons/t2s.tsv not present")
    assert "经济" in norm.text
    assert len(norm.text) == len(text)


def _categories(text: str, doc_type: str = "generic") -> set[str]:
    return {item.finding.category.value for item in lint_text(text, doc_type).findings}


@pytest.mark.parametrize(
    "text",
    [
        "力争三年内总市值站稳三百亿元。",
        "公司将以回购和增持推动股价重返发行价之上。",
        "随着主业回暖，公司价值终将迎来重估。",
        "公司将多措并举，让市值与行业地位相匹配。",
        "公司力争在2026年底前不再破净。",
        "我们的目标是推动市值在两年内跨过五百亿元关口。",
        "力争用三年时间实现公司市值翻一番。",
        "公司将推动市盈率逐步修复至20倍以上。",
        "管理层将持续努力，使股价与公司的内在价值相匹配。",
        "本计划期间，力争市净率回到1倍以上。",
        "公司将推动估值水平向行业平均水平靠拢。",
        "通过本次回购，公司将逐步摆脱破净状态。",
    ],
)
def test_price_target_frames_find_new_wordings(text: str) -> None:
    assert "price_target" in _categories(text, "valuation_plan")


@pytest.mark.parametrize(
    "text",
    [
        "公司2025年第一季度实现营业收入3.2亿元，同比增长8%。",
        "公司使用闲置自有资金购买保本型理财产品，单笔期限不超过12个月。",
        "截至2024年12月31日，公司股票收盘价为5.12元/股，市净率为0.71倍。",
        "2024年公司总市值由年初的120亿元增长至年末的150亿元。",
        "本估值提升计划不设定股价或市值目标，不构成对股价的任何预测或承诺。",
        "激励计划以2024年净利润为基数，2025年净利润增长率不低于15%作为公司层面业绩考核目标。",
        "本次回购价格上限为每股15元，未超过董事会决议前30个交易日股票交易均价的150%。",
        "若公司股价持续低于每股净资产，可能对公司再融资产生不利影响。",
        "当公司股票连续20个交易日收盘价低于每股净资产时，公司将启动稳定股价措施。",
        "公司将把市值表现作为管理层考核的参考指标之一，权重为10%。",
        "公司对投资性房地产每年末按公允价值进行重估，差额计入当期损益。",
        "问：公司股价什么时候能重回发行价？",
        "股价受宏观经济、行业周期和市场情绪等多种因素影响，存在波动风险。",
        "公司已按照《市值管理制度》的要求开展市值管理工作。",
    ],
)
def test_price_target_frames_leave_filing_wording_alone(text: str) -> None:
    assert "price_target" not in _categories(text, "valuation_plan")


@pytest.mark.parametrize(
    "text",
    [
        "明年公司收入将攀升至现在的两倍。",
        "公司利润将实现翻两番。",
        "随着新产线投产，公司的市场份额将提升至25%。",
        "2026年公司现金分红总额将超过8亿元。",
        "未来两年公司海外收入有望翻一番。",
        "新产品上市后，公司毛利率将回升至35%以上。",
        "公司订单金额将突破20亿元。",
        "公司归母净利润势必增长五成。",
    ],
)
def test_forward_looking_frames_find_forecasts_without_yuji(text: str) -> None:
    assert "forward_looking" in _categories(text, "voluntary")


@pytest.mark.parametrize(
    "text",
    [
        "2024年公司营业收入增长了12%，净利润为3.5亿元。",
        "如果主要原材料价格上涨5%，则公司当年净利润将减少约900万元。",
        "据行业协会预测，到2027年我国储能行业市场规模将突破3000亿元。",
        "公司研发投入占营业收入的比例将近6%。",
        "产品售价每上涨1%，产品毛利会增加约2.8%。",
        "激励计划的考核目标为：以2024年营业收入为基数，2025年营业收入增长率不低于20%。",
        "公司将于2025年4月28日召开业绩说明会，介绍公司经营业绩。",
        "报告期内公司海外收入实现翻番，达到12亿元。",
        "本次募集资金到位后，公司净资产将有较大幅度增加。",
        "基于公司2025年度经营计划和在手订单，假设宏观环境无重大变化，公司营业收入将达到50亿元。"
        "上述目标不构成业绩承诺，能否实现存在不确定性，敬请投资者注意投资风险。",
    ],
)
def test_forward_looking_frames_leave_filing_wording_alone(text: str) -> None:
    findings = lint_text(text, "voluntary").findings
    assert not [item for item in findings if item.finding.code == "FL001"], [item.excerpt for item in findings]


@pytest.mark.parametrize(
    "text",
    [
        "2025年，公司将继续坚定信心，持续提升经营质量。",
        "2026年度公司将进一步加强投资者关系管理。",
        "公司将每年持续提升分红水平，不断增强投资者获得感。",
    ],
)
def test_a_year_alone_is_not_a_measurable_anchor(text: str) -> None:
    assert "vague_pledge" in _categories(text, "action_plan")


@pytest.mark.parametrize(
    "text",
    [
        "公司将积极推进新厂区建设，力争于2025年6月底前完成竣工验收。",
        "公司将在2025年内完成不低于1亿元的股份回购。",
        "公司将于2025年9月30日前召开临时股东会审议中期分红方案。",
        "公司实行积极、持续、稳定的利润分配政策，公司利润分配应重视对投资者的合理投资回报。",
    ],
)
def test_deadlines_and_dates_are_anchors(text: str) -> None:
    assert "vague_pledge" not in _categories(text, "action_plan")


def test_explain_shows_the_frames_and_classes_of_a_rule() -> None:
    from disclint.explain import render_explain

    text = render_explain("PT001")
    assert text is not None
    assert "market_value_goal" in text and "@market_value_noun" in text and "市值名词" in text
    assert "negated：" in text  # every reason a sentence passes is shown
    fl = render_explain("FL001")
    assert fl is not None and "future_result_quantity" in fl and "〔数量" in fl


@pytest.mark.parametrize(
    "text",
    [
        "公司有信心让股价在未来两年持续跑赢创业板指。",
        "回购完成后，公司股价将步入上升通道。",
        "经过两年调整，公司股价已见底，具备长线投资吸引力。",
        "从估值角度看，公司股票后续下跌空间已经非常有限。",
        "我们认为公司市值空间至少还有两倍。",
        "建议广大投资者长期持有公司股票，分享成长红利。",
        "公司将推动估值水平逐步修复，缩小与同行业可比公司的估值差距。",
        "力争在2026年底前让市盈率回升至20倍以上。",
        "市场终将给予公司更为合理的估值。",
        "随着第二曲线放量，公司市值有望实现爆发式增长。",
        "公司将为长期持有的投资者带来可观的资本利得。",
        "本持股计划将保证参与员工获得不低于10%的年化收益。",
        "公司力争早日摆脱“破净”状态。",
        "五年内市值翻两番可期。",
    ],
)
def test_more_price_target_wordings(text: str) -> None:
    assert "price_target" in _categories(text, "valuation_plan")


@pytest.mark.parametrize(
    "text",
    [
        "2024年公司股价涨幅跑输沪深300指数，主要受行业周期影响。",
        "报告期内公司市盈率由8倍提升至11倍。",
        "公司产品价格已见底企稳，四季度毛利率回升至19%。",
        "请投资者注意投资风险，理性决策。",
        "公司购买的结构性存款保证获得不低于1.5%的年化收益，本金安全。",
        "个人转让上市公司股票取得的资本利得暂免征收个人所得税。",
        "评估机构给予标的资产的评估值为8.6亿元。",
        "公司H股价格较A股折价约35%，两地市场投资者结构不同。",
        "公司的市场空间广阔，2024年市场占有率约为2%。",
        "控股股东承诺，锁定期满后两年内减持的，减持价格不低于发行价。",
    ],
)
def test_more_price_target_look_alikes(text: str) -> None:
    assert "price_target" not in _categories(text, "valuation_plan")


@pytest.mark.parametrize(
    "text",
    [
        "公司有信心在2026年实现扭亏为盈。",
        "公司有信心在2027年实现归母净利润不低于5亿元。",
        "收购完成后，标的公司每年将为公司贡献不少于2亿元的净利润。",
        "项目投产后内部收益率有望超过20%。",
        "明年公司营业收入将攀升至80亿元，净利润突破10亿元。",
    ],
)
def test_more_forward_looking_wordings(text: str) -> None:
    assert "forward_looking" in _categories(text, "voluntary")


@pytest.mark.parametrize(
    "text",
    [
        "公司应将每年实现的不少于可分配利润的30%用于现金分红。",
        "发行人在订货会上完成的订单金额占全年销售额的60%以上。",
        "报告期内公司实现扭亏为盈，归母净利润为0.6亿元。",
        "2024年标的公司为上市公司贡献净利润1.1亿元。",
        "公司计划于年底前注销两家亏损子公司，预计每年可减少亏损约800万元；该测算基于2024年亏损水平。",
    ],
)
def test_more_forward_looking_look_alikes(text: str) -> None:
    findings = lint_text(text, "voluntary").findings
    assert not [item for item in findings if item.finding.code == "FL001"], [item.excerpt for item in findings]
