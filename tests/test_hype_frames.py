"""The hype frames (lexicons/frames/hype.toml) and the idioms added for issue 11: wordings that
no single listed phrase covers are found at the words a reviewer would underline, and the
look-alikes real filings use (sourced rankings, barriers to entry, the customer's standing,
negations, risk sentences, past records) stay clean. All sentences are our own."""

from __future__ import annotations

import pytest

from helpers import lint_text


def _hype_spans(text: str, doc_type: str = "generic") -> list[str]:
    result = lint_text(text, doc_type)
    return [
        text[item.start.offset : item.end.offset] for item in result.findings if item.finding.category.value == "hype"
    ]


FOUND = [
    # 居首 + 范围；范围 + 之首
    ("公司新款伺服电机的定位精度冠绝同侪。", "冠绝同侪"),
    ("公司数控系统的市场口碑雄踞全行业。", "雄踞全行业"),
    ("我们的客户复购率遥居同业之首。", "同业之首"),
    ("公司各项经营指标均为业内翘首。", "业内翘首"),
    # 最 + 评价形容词 + 所指
    ("公司建成了国内最完整的检测平台。", "最完整的检测平台"),
    ("可以说，我们拥有市场上最专业的售后团队。", "最专业的售后团队"),
    ("公司研发的密封胶代表了当今同类产品的最高水准。", "最高水准"),
    # 竞争对手做不到
    ("公司积累的客户资源是竞争对手短期内无法复制的。", "竞争对手短期内无法复制"),
    ("公司产品的良率之高令同行望而生畏。", "同行望而生畏"),
    ("公司依托稀缺的矿山资源，拥有无可复制的竞争优势。", "无可复制的竞争优势"),
    # 确定性
    ("凭借多年的技术积累，公司新药上市后必定大获成功。", "必定大获成功"),
    ("公司对赢得本轮招标有十足把握。", "十足把握"),
    ("未来三年公司实现收入倍增的胜算极大。", "胜算极大"),
    ("公司中标该项目几乎没有任何悬念。", "没有任何悬念"),
    # 评价语 + 地位词
    ("公司的冷链物流网络可谓业内标杆。", "标杆"),
    ("该款降糖药堪称同类药物中的王者。", "王者"),
    ("公司的精密陶瓷产品已是国内同类产品中的翘楚。", "翘楚"),
    # 新收的成语
    ("公司的磨削工艺已臻化境，国内同行难望项背。", "已臻化境"),
    ("公司在国内医用导管市场独占半壁江山。", "独占半壁江山"),
    ("公司的新品发布会引发业界轰动。", "引发业界轰动"),
    ("公司研发团队个个是精兵强将。", "精兵强将"),
    ("在董事长卓越的战略眼光指引下，公司实现了转型。", "卓越的战略眼光"),
    ("公司技术实力在业内首屈一指。", "首屈一指"),
]


@pytest.mark.parametrize(("text", "underlined"), FOUND, ids=[f"found-{i}" for i in range(len(FOUND))])
def test_hype_wording_is_found_where_a_reviewer_underlines(text: str, underlined: str) -> None:
    spans = _hype_spans(text)
    start = text.index(underlined)
    end = start + len(underlined)
    offsets = [(text.index(span), text.index(span) + len(span)) for span in spans]
    assert any(s < end and start < e for s, e in offsets), (text, spans)


CLEAN = [
    # 具名来源、行业整体、官方认定
    "根据中国家用电器协会数据，公司2024年洗碗机内销量位居行业首位。",
    "我国稀土永磁材料产量多年稳居全球首位。",
    "本行被英国《银行家》杂志评为2024年度最佳区域性银行。",
    "公司于2023年被工业和信息化部认定为专精特新“小巨人”企业。",
    # 进入壁垒、对手的风险、对标
    "行业新进入者难以在短期内建立起覆盖全国的销售网络，这构成了本行业的渠道壁垒。",
    "若竞争对手推出性能更优的替代产品，公司可能面临市场份额下降的风险。",
    "公司将对标行业第一名企业，找出在成本控制方面的差距。",
    "截至2024年末，公司与行业第一名企业的产能差距缩小至15万吨。",
    "行业内领先企业的研发投入强度普遍在8%以上，公司2024年研发投入强度为6.1%。",
    # 客户的地位、事实与记录
    "公司已是国内多家汽车行业龙头企业的合格供应商。",
    "公司始终把产品质量放在首位，2024年产品一次交验合格率为99.6%。",
    "2024年对公司收入贡献最大的产品为工业阀门，占营业收入的38.2%。",
    "报告期内，公司产能利用率达到成立以来最高水平。",
    "公司持有该药品在国内的独家代理权，代理期限至2028年12月31日。",
    "公司于2024年成功发行可转换公司债券，募集资金净额4.87亿元。",
    # 否定与不确定
    "新产品能否取得市场成功存在不确定性，敬请投资者注意投资风险。",
    "公司不保证本次交易一定能够成功实施，敬请投资者注意风险。",
    "公司能否中标该项目尚存在不确定性。",
    "公司必须在规定期限内完成整改，并报送整改报告。",
    "投资者问：贵公司的产品是不是业内最安全的产品？",
]


@pytest.mark.parametrize("text", CLEAN, ids=[f"clean-{i}" for i in range(len(CLEAN))])
def test_look_alikes_stay_clean(text: str) -> None:
    assert _hype_spans(text) == [], text
