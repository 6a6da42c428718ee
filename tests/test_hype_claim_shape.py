"""Self-evaluation claim shapes (lexicons/frames/hype.toml, self_evaluation frames) and the idioms
reviewed from jieba's dict.txt for issue 11: an aspect of the company, its products, technology or
team followed or preceded by an evaluative predicate (技术实力雄厚, 卓越的经营管理能力) is found;
what filings legitimately write with the same words stays clean — management models and official
programmes (卓越绩效, 卓越工程师, 双一流), missions and goals (追求卓越, 致力于提供卓越的服务),
another party's strength (战略投资者资金实力雄厚), conditions, negations, plain descriptions
(性能优异, 经验丰富), sourced praise and a region's fame. All sentences are our own."""

from __future__ import annotations

import pytest

from helpers import lint_text


def _spans(text: str, category: str, doc_type: str = "generic") -> list[str]:
    result = lint_text(text, doc_type)
    return [
        text[item.start.offset : item.end.offset]
        for item in result.findings
        if item.finding.category.value == category
    ]


def _underlined(text: str, word: str, spans: list[str]) -> bool:
    start = text.index(word)
    end = start + len(word)
    offsets = [(text.index(span), text.index(span) + len(span)) for span in spans]
    return any(s < end and start < e for s, e in offsets)


FOUND = [
    # 所指 + 评价谓词
    ("公司的封装测试技术实力十分雄厚。", "技术实力十分雄厚"),
    ("公司冷轧薄板产品质量过硬，远销东南亚。", "产品质量过硬"),
    ("本公司的注塑模具精度超凡。", "精度超凡"),
    ("我们的陶瓷刀具做工精湛、品质出众。", "品质出众"),
    ("您好，公司的供应链交付能力超群。", "交付能力超群"),
    ("公司核心管理团队经验丰富且卓越。", "经验丰富且卓越"),
    # 评价谓词 + 所指
    ("公司凭借卓越的经营管理能力实现了扭亏。", "卓越的经营管理能力"),
    ("公司依托雄厚的研发实力，已储备多代产品。", "雄厚的研发实力"),
    ("公司灯具以一流的品质赢得了海外客户。", "一流的品质"),
    # jieba dict.txt 中复核收入的成语
    ("公司的工业机器人在海外市场攻城掠地。", "攻城掠地"),
    ("公司品牌蜚声中外，名不虚传。", "蜚声中外"),
    ("公司在细分市场的地位无人撼动。", "无人撼动"),
    ("公司的散热方案较同类产品更胜一筹。", "更胜一筹"),
    ("公司董事长运筹决胜，带领公司走出困境。", "运筹决胜"),
    ("公司研发团队精明强干、人才辈出。", "精明强干"),
    ("本次合作使公司如虎添翼。", "如虎添翼"),
    ("公司拿下该订单如操左券，请投资者静候佳音。", "如操左券"),
    # 最高级与无人可比的其他句型
    ("公司的仓储配送网络是行业内最完善的。", "行业内最完善的"),
    ("公司钨精矿的开采成本全球最低。", "开采成本全球最低"),
    ("公司婴幼儿奶粉的检测执行业界最高标准。", "业界最高标准"),
    ("公司的光刻胶配方已与国际巨头平起平坐。", "与国际巨头平起平坐"),
    ("公司沉淀的客户数据，没有任何一家企业能够复制。", "没有任何一家企业能够复制"),
    ("答：我们的电池绝对不会出现任何安全问题。", "绝对不会出现任何安全问题"),
    ("公司是A股最大方的分红企业之一。", "最大方的分红企业"),
    ("我们的渠道管理是业内名副其实的标杆。", "标杆"),
    ("公司将巩固在全球钼市场的霸主地位。", "霸主地位"),
]


@pytest.mark.parametrize(("text", "word"), FOUND, ids=[f"found-{i}" for i in range(len(FOUND))])
def test_self_evaluation_is_underlined(text: str, word: str) -> None:
    spans = _spans(text, "hype")
    assert _underlined(text, word, spans), (text, spans)


CLEAN = [
    # 术语、官方项目与称号
    "公司于2022年导入卓越绩效管理模式，并通过省级质量奖评审。",
    "公司与某大学共建卓越工程师培养基地，2024年接收实习生32名。",
    "公司与多所“双一流”高校建立了联合实验室。",
    "公司荣获“卓越品牌奖”称号。",
    # 目标、理念、使命
    "公司始终秉承追求卓越的企业精神。",
    "公司致力于为客户提供卓越的服务体验。",
    "公司的目标是成为一家研发能力卓越的企业。",
    "公司将引进具备卓越经营管理能力的职业经理人。",
    # 说的是别人
    "公司战略投资者资金实力雄厚，可为公司业务拓展提供支持。",
    "竞争对手拥有雄厚的资金实力和成熟的销售渠道。",
    "国外厂商凭借精湛的工艺占据高端市场，公司仍处于追赶阶段。",
    # 条件与风险
    "若公司产品质量不能保持稳定，可能导致客户流失。",
    # 平实描述与可核验的事实
    "公司产品性能优异，2024年出厂合格率为99.7%。",
    "公司管理团队经验丰富，核心成员平均从业年限为16年。",
    "公司研发能力较强，2024年研发投入占营业收入的7.9%。",
    # 具名来源、产区
    "公司被中国轻工业联合会评为“质量卓越企业”。",
    "景德镇陶瓷历史悠久，享誉海内外。",
    # 客户的地位
    "公司主要客户为国内知名整车厂，包括多家行业领军企业。",
    # 否认
    "公司不认为自身在该领域处于绝对领先地位。",
    "公司不能保证不会发生安全事故，已为相关风险投保。",
    # 法定声明、有来源的比较、可比公司分析、没有替代品的风险
    "本公司及董事会全体成员保证信息披露的内容真实、准确、完整，没有虚假记载、误导性陈述或重大遗漏。",
    "据某咨询机构统计，公司2024年单位生产成本在全球同类矿山中最低。",
    "2024年公司毛利率在同行业可比公司中最高，主要系产品结构差异所致。",
    "该辅料目前尚无替代产品，若供应中断将影响公司生产。",
    "公司力争用五年时间在部分型号上与国际巨头并驾齐驱。",
    # 说的是客户
    "公司主要客户为大型电网企业，实力雄厚，信用良好。",
    "公司与多家实力雄厚的整车厂建立了合作关系。",
    # 人事规划与官方称号
    "公司将培养一支技术过硬、作风优良的技能人才队伍。",
    "公司技术总监曾获市级专业技术拔尖人才称号。",
]


@pytest.mark.parametrize("text", CLEAN, ids=[f"clean-{i}" for i in range(len(CLEAN))])
def test_look_alikes_are_not_self_evaluation(text: str) -> None:
    assert _spans(text, "hype") == [], text


PLEDGES = [
    ("公司全体员工将撸起袖子加油干，推动各项工作上台阶。", "撸起袖子加油干"),
    ("公司将以时不我待的紧迫感推动改革。", "时不我待"),
    ("下一步，公司上下将拧成一股绳、铆足一股劲。", "拧成一股绳"),
    ("公司将团结奋进、勇往直前，不辱使命。", "团结奋进"),
    # 方案里以动词开头的句子，主语是公司：其后的“国务院”“国家”是宾语
    ("认真落实国务院关于资本市场的决策部署，持续深化国企改革。", "持续深化"),
    ("抢抓国家产业政策机遇，乘势而上，开创新局面。", "乘势而上"),
    # “市值管理”是工作的名称，不是市值：其举措同样需要锚点
    ("公司将灵活运用多种市值管理手段，持续提升投资者回报。", "持续提升"),
    ("公司将在合适时机实施股份回购。", "在合适时机"),
]


@pytest.mark.parametrize(("text", "word"), PLEDGES, ids=[f"pledge-{i}" for i in range(len(PLEDGES))])
def test_effort_slogans_are_vague_pledges(text: str, word: str) -> None:
    spans = _spans(text, "vague_pledge", "action_plan")
    assert _underlined(text, word, spans), (text, spans)


MEASURED = [
    # 有数量的事实与活动
    "2024年公司开展“团结奋进”主题培训12场，参训员工1,460人次。",
    # 过去的事实，不是承诺
    "经过全体员工二十年的艰苦奋斗，公司2024年营业收入达到12.3亿元。",
]


@pytest.mark.parametrize("text", MEASURED, ids=[f"measured-{i}" for i in range(len(MEASURED))])
def test_slogans_with_measures_or_past_facts_are_not_pledges(text: str) -> None:
    assert _spans(text, "vague_pledge", "action_plan") == [], text
