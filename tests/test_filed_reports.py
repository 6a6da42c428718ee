"""How companies' filed reports are written and laid out, and what the rules must not
read into them: text drawn at 1 pt and scaled up, a numbering tab stop, the templates'
applicability marks, a numeral wrapped to a line start, a year the report looks back on,
a strategy section, a change of share capital, the remaining-performance-obligation note.
Every sentence here was written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from disclint.model.document import Block, BlockKind, Document, lines_of_plain_text
from disclint.structure.headings import find_headings
from disclint.text.numbering import item_marker
from helpers import lint_text

pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")

from disclint.parse import parse_path
from fixtures_inputs import FONT, _register_font

_LEFT = 72.0
_SIZE = 10.5
_FULL = 40  # characters of a full line: the box font advances 1 em per CJK character


def _scaled_pdf(path: Path, lines: list[tuple[float, str]]) -> Path:
    """Draw each (x offset in em, text) line with Tf 1 and a text matrix scaled to 10.5 pt,
    as some report generators do; a line is split into strings where it holds a "|":
    two em apart after CJK (a tab stop), a third of an em after Latin (a word gap)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    _register_font()
    pdf = canvas.Canvas(str(path), pagesize=A4)
    top = A4[1] - 80
    for number, (indent, text) in enumerate(lines):
        x = _LEFT + indent * _SIZE
        for piece in text.split("|"):
            pdf.saveState()
            pdf.translate(x, top - number * 1.5 * _SIZE)
            pdf.scale(_SIZE, _SIZE)
            pdf.setFont(FONT, 1)
            pdf.drawString(0, 0, piece)
            pdf.restoreState()
            x += (len(piece) + 2) * _SIZE if not piece.isascii() else (len(piece) * 0.5 + 0.3) * _SIZE
    pdf.showPage()
    pdf.save()
    return path


def _paragraph(text: str) -> list[tuple[float, str]]:
    """``text`` broken into full lines, the first indented two em, as a report prints it."""
    lines = [(2.0, text[: _FULL - 2])]
    rest = text[_FULL - 2 :]
    while rest:
        lines.append((0.0, rest[:_FULL]))
        rest = rest[_FULL:]
    return lines


def test_text_drawn_at_one_point_and_scaled_up_reads_as_paragraphs(tmp_path: Path) -> None:
    paragraph = (
        "公司主营冷链装备的研发与制造，报告期内持续优化产品结构，冷冻设备与罐式集装箱两大业务板块"
        "均保持稳定增长，新建的夹芯板项目已完成主体工程建设，预计明年上半年投入试生产。"
    )
    lines = [
        *_paragraph(paragraph),
        (0.0, "(三)|经营计划"),
        (0.0, "■适用 □不适用"),
        (2.0, "2021|年，公司将继续加强市场开拓，争取明显增长。"),
    ]
    document = parse_path(_scaled_pdf(tmp_path / "scaled.pdf", lines))
    blocks = {document.text[block.start : block.end].replace("\n", ""): block.kind for block in document.blocks}
    assert paragraph in blocks  # one paragraph, not a block per line
    assert blocks.get("(三)经营计划") is BlockKind.PARAGRAPH  # a numbering tab stop is not a cell
    assert blocks.get("2021年，公司将继续加强市场开拓，争取明显增长。") is BlockKind.PARAGRAPH  # nor a word gap


def test_a_numeral_wrapped_to_the_line_start_continues_the_sentence(tmp_path: Path) -> None:
    above = "国内冷冻设备市场的供求总体保持平衡，市场需求稳定增长，各个细分下游市场的增速均不"
    below = "一、行业集中度也不高。其中，速冻设备生产企业的总体规模相对稳定，行业龙头企业通过"
    assert len(above) == len(below) == _FULL
    lines = [(0.0, above), (0.0, below), (0.0, "技术升级持续满足高端客户的需求。"), (0.0, "二、风险提示")]
    document = parse_path(_scaled_pdf(tmp_path / "wrapped.pdf", lines))
    paragraphs = [document.text[block.start : block.end].replace("\n", "") for block in document.blocks]
    assert paragraphs[0] == above + below + "技术升级持续满足高端客户的需求。"
    assert paragraphs[1] == "二、风险提示"  # a short line with a numeral still opens an item


_REPORT_PLAN = """某某科技股份有限公司2024年年度报告

三、公司关于公司未来发展的讨论与分析

(一)行业格局和趋势

√适用 □不适用

行业集中度逐步提升，龙头企业的规模优势日益明显。

(二)公司发展战略

√适用 □不适用

未来公司将继续深耕主业，持续提升核心竞争力，努力打造受人尊敬的行业品牌。

(三)经营计划

√适用 □不适用

（一）深化市场开拓

2025年，公司将持续加大市场开拓力度，积极拓展海外客户，争取销售规模稳步增长。

（二）强化研发投入

公司将于2025年6月30日前完成新一代产品的定型并投产。

(四)可能面对的风险

√适用 □不适用

原材料价格若大幅波动，公司将及时调整采购策略，努力降低经营风险。
"""


def test_a_periodic_report_s_plan_is_read_for_pledges_and_its_strategy_is_not() -> None:
    result = lint_text(_REPORT_PLAN, "periodic_report")
    flagged = [item.excerpt for item in result.findings if item.finding.code == "VP001"]
    assert any(excerpt.startswith("2025年，公司将持续加大市场开拓力度") for excerpt in flagged), flagged
    assert not any("深耕主业" in excerpt for excerpt in flagged)  # the strategy states a direction
    assert not any("定型并投产" in excerpt for excerpt in flagged)  # dated and checkable
    assert not any("采购策略" in excerpt for excerpt in flagged)  # a risk response


_LOOKING_BACK = """某某股份有限公司2023年度内部控制评价报告

一、人力资源

2023年，公司继续加大核心岗位的招聘力度，进一步完善人才引进与培养机制。

2024年，公司将继续加大核心岗位的招聘力度，进一步完善人才培养机制。

某某股份有限公司董事会
二〇二四年四月二十日
"""


def test_a_year_the_report_looks_back_on_is_an_account_not_a_pledge() -> None:
    flagged = [item.excerpt for item in lint_text(_LOOKING_BACK).findings if item.finding.code == "VP001"]
    assert not any(excerpt.startswith("2023年") for excerpt in flagged), flagged
    assert any(excerpt.startswith("2024年") for excerpt in flagged), flagged


def test_the_figure_a_change_starts_from_is_not_the_share_capital_stated_again() -> None:
    text = (
        "报告期内，公司回购注销限制性股票50,000股，公司总股本由120,050,000股变更为120,000,000股。\n\n"
        "截至本报告披露日，公司总股本为120,000,000股。\n"
    )
    assert "CN008" not in [item.finding.code for item in lint_text(text, "periodic_report").findings]


def test_the_remaining_performance_obligation_note_is_not_a_forecast() -> None:
    text = (
        "本报告期末已签订合同、但尚未履行或尚未履行完毕的履约义务所对应的收入金额为3,200,000元，其中：\n"
        "3,200,000元预计将于2025年度确认收入\n"
    )
    assert "FL001" not in [item.finding.code for item in lint_text(text, "periodic_report").findings]


def _pdf_like(*blocks: tuple[str, BlockKind]) -> Document:
    """A document as the PDF reader builds it: bold or larger lines are HEADING blocks
    with no outline level."""
    text, built, offset = "", [], 0
    for content, kind in blocks:
        built.append(Block(start=offset, end=offset + len(content), kind=kind, level=0))
        text += content + "\n"
        offset = len(text)
    return Document(path="report.pdf", text=text, blocks=built, lines=lines_of_plain_text(text), source_format="pdf")


def test_bold_pdf_headings_rank_by_their_numbering_and_unnumbered_ones_stay_inside() -> None:
    heading, body = BlockKind.HEADING, BlockKind.PARAGRAPH
    document = _pdf_like(
        ("第十二节 募集资金运用", heading),
        ("一、投资项目概况", heading),
        ("（一）项目概况", heading),
        ("本项目总投资12,000万元，建设期两年。", body),
        ("(万吨/年)", heading),
        ("项目背景", body),
        ("下游需求持续增长，现有产能已满负荷运行。", body),
        ("1、对公司经营成果的影响", heading),
        ("本公司估计：本项目达产后每年新增销售收入18,000万元。", body),
    )
    levels = {item.text: item.level for item in find_headings(document)}
    assert levels["第十二节募集资金运用"] < levels["一、投资项目概况"] < levels["（一）项目概况"]
    assert levels["（一）项目概况"] < levels["1、对公司经营成果的影响"]
    assert levels["(万吨/年)"] > levels["（一）项目概况"]  # a bold unit label does not close the chapter
    assert levels["项目背景"] > levels["第十二节募集资金运用"]


def test_numbering_before_a_word_that_starts_with_xiang_opens_an_item() -> None:
    assert item_marker("（一）项目概况") is not None
    assert item_marker("5、项目建设进度") is not None
    assert item_marker("（三）项规定的情形") is None  # a reference to an item continues a sentence


def test_a_country_that_qualifies_the_object_is_not_the_subject() -> None:
    def hype(text: str) -> bool:
        return "HY001" in [item.finding.code for item in lint_text(text, "prospectus").findings]

    assert hype("公司主要从事食品包装容器的生产和销售，是中国最大的金属容器生产企业之一。\n")
    assert not hype("我国已成为全球最大的光伏组件生产国之一。\n")
    # Another company's profile: the sentence never names the issuer, the place stays a subject.
    assert not hype("某某电子创立于1990年，是我国规模最大的被动元件制造企业。\n")
    assert not hype("某某集团作为全球领先的家电解决方案提供商，早在1993年就进入资本市场。\n")


def test_the_capital_after_an_increase_is_a_figure_of_that_moment() -> None:
    text = "2008年1月，股东以货币增资400万元，股份公司的注册资本增加至7,500万元。\n\n本公司注册资本为9,000万元。\n"
    assert "CN008" not in [item.finding.code for item in lint_text(text, "prospectus").findings]


def test_a_claim_restated_in_one_chapter_is_one_finding_that_names_the_other_places() -> None:
    text = (
        "第一节 概览\n\n"
        "公司是国内最大的电容器制造商。凭借规模优势，公司是国内最大的电容器制造商。\n\n"
        "一、主营业务\n\n公司是国内最大的电容器制造商。\n\n"
        "第二节 业务与技术\n\n公司是国内最大的电容器制造商，产品远销海外。\n"
    )
    found = [item for item in lint_text(text, "prospectus").findings if item.finding.code == "HY001"]
    assert [item.start.line for item in found] == [3, 11]  # one per chapter, the first place
    assert "另有2处相同表述：第3行、第7行" in found[0].finding.message
    assert "另有" not in found[1].finding.message
