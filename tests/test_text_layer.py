"""The text layer: normalisation with an offset map, sentences, the number finder, reflow."""

from __future__ import annotations

import pytest

from disclint.parse.plaintext import document_from_text
from disclint.text.normalize import normalize_span
from disclint.text.numbers import QuantityKind, chinese_to_number, find_quantities
from disclint.text.sentences import split_sentences


def test_normalisation_maps_back_to_the_original() -> None:
    text = "公司技术达到世界一\n流水平，营收１２．５亿元"
    norm = normalize_span(text, 0, len(text))
    assert norm.text == "公司技术达到世界一流水平，营收12.5亿元"
    start = norm.text.index("世界一流")
    source_start, source_end = norm.span_to_source(start, start + 4)
    assert text[source_start:source_end] == "世界一\n流"


def test_normalisation_keeps_chinese_punctuation_and_one_space_between_latin_words() -> None:
    text = "Web 3.0 与 AI 芯片，“小巨人”"
    norm = normalize_span(text, 0, len(text))
    assert norm.text == "Web 3.0与AI芯片，“小巨人”"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("授予1,720.00万份股票期权", [("1,720.00万份", QuantityKind.SHARES, 17_200_000.0)]),
        (
            "总股本21,876万股的7.86%",
            [("21,876万股", QuantityKind.SHARES, 218_760_000.0), ("7.86%", QuantityKind.PERCENT, 7.86)],
        ),
        ("提升5个百分点", [("5个百分点", QuantityKind.POINTS, 5.0)]),
        ("增长1.5倍", [("1.5倍", QuantityKind.MULTIPLE, 1.5)]),
        ("营业收入将实现翻番", [("翻番", QuantityKind.MULTIPLE, 2.0)]),
        ("举办不少于三次", [("三次", QuantityKind.COUNT, 3.0)]),
        ("占比百分之二十", [("百分之二十", QuantityKind.PERCENT, 20.0)]),
        ("回购资金12亿元", [("12亿元", QuantityKind.AMOUNT, 1.2e9)]),
        ("实现千亿市值", [("千亿", QuantityKind.AMOUNT, 1e11)]),
        # 台 before 阶 is a step, not a unit of machines: 百亿 is the amount.
        ("营业收入迈上百亿台阶", [("百亿", QuantityKind.AMOUNT, 1e10)]),
        ("新增数控机床20台", [("20台", QuantityKind.COUNT, 20.0)]),
    ],
)
def test_quantities(text: str, expected: list[tuple[str, QuantityKind, float]]) -> None:
    found = [(q.text, q.kind, q.value) for q in find_quantities(text)]
    assert found == expected


def test_bounds_near_and_far() -> None:
    quantities = find_quantities("研发投入不低于营业收入的8%，新增专利不少于20项，回购比例30%以上")
    assert [(q.text, q.bound) for q in quantities] == [("8%", ">="), ("20项", ">="), ("30%", ">=")]


def test_dates_and_deadlines() -> None:
    kinds = {
        q.text: q.kind
        for q in find_quantities(
            "2025年6月底前完成，2025年3月28日披露，下半年推出，二季度量产，2个交易日内回复，每年五月份举办"
        )
    }
    assert kinds == {
        "2025年6月底前": QuantityKind.DEADLINE,
        "2025年3月28日": QuantityKind.DATE,
        "下半年": QuantityKind.DATE,
        "二季度": QuantityKind.DATE,
        "2个交易日": QuantityKind.DEADLINE,
        "每年五月份": QuantityKind.DATE,
    }


def test_three_years_is_a_deadline_not_a_relative_date() -> None:
    assert [(q.text, q.kind) for q in find_quantities("力争三年内完成")] == [("三年", QuantityKind.DEADLINE)]


@pytest.mark.parametrize(
    "text",
    [
        "第一季度",
        "第三届董事会",
        "DDR5第四子代",
        "大力布局6G等",
        "《上市公司监管指引第10号》",
        "证券代码：688000",
        "三元材料",
        "统一管理",
        "三方协议",
    ],
)
def test_not_quantities(text: str) -> None:
    measurable = [q for q in find_quantities(text) if q.kind not in (QuantityKind.DATE,)]
    assert measurable == []


def test_chinese_numerals() -> None:
    assert chinese_to_number("一百二十") == 120
    assert chinese_to_number("十二") == 12
    assert chinese_to_number("两千零五") == 2005


def test_sentences_end_at_stops_and_keep_closing_quotes() -> None:
    document = document_from_text("他说：“公司将分红。”随后散会！第二句？\n新段落", "a.txt")
    texts = [s.text for s in split_sentences(document)]
    assert texts == ["他说：“公司将分红。”", "随后散会！", "第二句？", "新段落"]


def test_reflow_joins_hard_wrapped_lines_and_keeps_headings() -> None:
    wrapped = (
        "第五条 信息披露义务人应当及时依法履行信息披露义务，披露的信息应当真实、准\n"
        "确、完整，简明清晰、通俗易懂，不得有虚假记载、误导性陈述或者重大遗漏。\n"
        "第六条 在内幕信息依法披露前，内幕信息的知情人和非法获取内幕信息的人不得公\n"
        "开或者泄露该信息。\n"
    )
    document = document_from_text(wrapped, "a.txt")
    assert len(document.blocks) == 2
    first = document.text[document.blocks[0].start : document.blocks[0].end]
    assert first.startswith("第五条") and first.endswith("重大遗漏。")


def test_reflow_double_spaced_pdf_text() -> None:
    lines = [
        "三、激励对象的核实",
        "（一）本激励计划经董事会审议通过后在股东大会召开前，公司通过公司网站或者其",
        "他途径在内部公示激励对象的姓名和职务，公示期不少于10天。",
        "（二）公司监事会将对激励对象名单进行审核，充分听取公示意见，并在公司股东大会",
        "审议本激励计划前5日披露监事会对激励对象名单审核及公示情况的说明。",
        "第五章 股权激励计划具体内容",
        "一、股权激励计划的股票来源",
        "股权激励计划的股票来源为公司向激励对象定向发行公司A股普通股股票。",
        "公司依照第二十三条规定收购本公司股份后，属于第（一）项情形的，应当自收购之日",
        "（三）项、第（五）项情形的，公司合计持有的公司股份数不得超过已发行股份总额的10%。",
    ]
    document = document_from_text("\n\n".join(lines) + "\n", "a.txt")
    blocks = [document.text[b.start : b.end].replace("\n\n", "") for b in document.blocks]
    assert blocks[0] == "三、激励对象的核实"
    assert blocks[1].startswith("（一）") and blocks[1].endswith("不少于10天。")
    assert blocks[2].startswith("（二）") and blocks[2].endswith("的说明。")
    assert blocks[3] == "第五章 股权激励计划具体内容"
    # "（三）项" continues the sentence that refers to it; it does not open an item.
    assert blocks[-1].startswith("公司依照第二十三条") and "（三）项" in blocks[-1]


def test_page_break_inside_a_sentence_is_rejoined() -> None:
    text = "【案例】某公司在行动方案中披露，公司将全力推进“公\n\n募 REITs”平台搭建，力争在2026年前三季度完成发行。\n\n下一段。\n"
    document = document_from_text(text, "a.txt")
    assert len(document.blocks) == 2


def test_markdown_headings_comments_and_front_matter() -> None:
    text = "---\ntitle: x\n---\n# 一、提升经营质量\n\n<!-- 这里是注释 遥遥领先 -->\n公司将推进。\n"
    document = document_from_text(text, "a.md")
    kinds = [(b.kind.value, document.text[b.start : b.end]) for b in document.blocks]
    assert kinds == [("heading", "# 一、提升经营质量"), ("paragraph", "公司将推进。")]
    assert document.locate(document.text.index("公司")).line == 7
