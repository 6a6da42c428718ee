"""HT001's claim test, however the link is worded, and what makes a mention legitimate.

A statement by the company about itself that names a hot concept is a link claim until it
gives the facts (revenue or its share, a stage, an impact statement) or denies involvement.
The sentences are our own, modelled on 互动易 replies and clarifications.
"""

from __future__ import annotations

import pytest

from helpers import lint_text


def _hot(text: str, doc_type: str = "voluntary") -> list[str]:
    return [item.excerpt for item in lint_text(text, doc_type).findings if item.finding.category.value == "hot_topic"]


# The company or its product as subject, no link word from the list: still a claim.
CLAIMS = [
    "答：公司电驱产品已进入小米汽车配套体系，具体以公司公告为准。",
    "答：本公司数据库产品已完成与DeepSeek-V3模型的私有化部署，客户可直接调用。",
    "公司部分声学器件已用于搭载HarmonyOS的可穿戴设备。",
    "答：公司与智元机器人保持着顺畅的沟通，双方就关节电机开展了多轮技术交流。",
    "公司的柔性压力传感器能够满足人形机器人手部触觉感知的需要。",
    "答：公司正在研究合成生物路线在香兰素生产中的可行性，相关工作进展良好。",
    "答：公司的线控底盘技术同样适用于eVTOL飞行控制，目前正与多家主机厂沟通。",
    # a stage with an outlook on top: the stage no longer excuses it
    "答：公司固态电池电解质中试产线进展顺利，各项指标国内领先。",
    "答：公司全资子公司的减速器已送样国内几家头部人形机器人企业，前景可期。",
    # a hot market by its shape, whatever the concept's name
    "公司与某车载激光雷达企业签署合作备忘录，将借此切入智能驾驶千亿赛道。",
    "公司的电子特气是晶圆制造的关键材料，将充分受益于国产替代浪潮。",
]

# Denials, clarifications, risk statements, hedges and impact statements: not claims.
CLEAN = [
    "答：公司不生产灵巧手，也未与任何机器人整机厂签订供货协议，请注意投资风险。",
    "答：公司从未与OpenAI签署合作文件，网传信息与事实不符。",
    "公司注意到近期有自媒体将公司归入固态电池概念。公司主营为铅酸蓄电池，锂电相关收入占营业收入的比例不足1%，对公司业绩不构成重大影响。",
    "大模型技术普及可能对公司传统呼叫中心外包业务带来替代风险，请投资者关注相关风险。",
    "答：人形机器人产业化前景尚难判断，公司将审慎评估，不作预测。",
    "《关于加快场景培育和开放推动新一代人工智能高水平应用的指导意见》提出，围绕制造、交通等领域打造重大场景。",
    "答：公司小程序已上线鸿蒙原生版本，该业务不单独收费，占公司营收的比例极小。",
    "近期“具身智能”题材引发市场热议，公司提醒投资者，公司主营业务为物业管理，与上述概念无关。",
    "大模型领域技术路线变化快，公司相关软件产品存在被替代的风险。",
    "本员工持股计划参加对象包括公司人工智能实验室骨干人员共计24人。",
    "答：公司鸿蒙版客户端已于今年9月上架，目前对公司收入暂无直接贡献。",
    # a project with its amount and completion date, or with its own risks
    "2026年公司拟投入技改资金1.6亿元，其中大模型客服系统1,200万元，计划于2026年6月底前上线。",
    "公司将于2026年末前建成液冷服务器组装线，投资额约2.2亿元，项目存在投产延期的风险。",
    "公司的检测系统在2021年获得全国人工智能应用创新大赛一等奖。",
    "本公司将稳步开展大模型在理赔审核环节的试点，相关投入不单独产生收入。",
]


@pytest.mark.parametrize("text", CLAIMS, ids=[f"claim-{i}" for i in range(len(CLAIMS))])
def test_company_statement_naming_a_hot_concept_is_a_claim(text: str) -> None:
    found = _hot(text)
    assert found, text
    assert all(excerpt in text for excerpt in found)


@pytest.mark.parametrize("text", CLEAN, ids=[f"clean-{i}" for i in range(len(CLEAN))])
def test_denials_clarifications_and_facts_are_clean(text: str) -> None:
    assert not _hot(text)


def test_long_filing_business_description_needs_a_link_word() -> None:
    """A prospectus must describe the technology its products use: there the company as
    subject is not enough, a link word or a statement about the future is."""
    description = "公司的智能客服平台以语音识别、语义理解和大模型等技术为核心，为银行客户提供外呼服务。"
    assert not _hot(description, "prospectus")
    assert _hot(description, "voluntary")
    assert _hot("公司将全面布局大模型赛道，打造第二增长曲线。", "prospectus")


@pytest.mark.parametrize(
    "text",
    [
        "公司生产的STR-26G检测试剂盒已取得注册证。",  # "6G" inside a product code
        "公司路由器支持6GHz频段。",  # "6G" inside a frequency band
    ],
)
def test_latin_concept_inside_a_longer_word_is_not_a_hit(text: str) -> None:
    assert not _hot(text)


def test_version_after_a_latin_name_keeps_the_name() -> None:
    assert _hot("答：公司存储接口芯片可用于HBM3E相关产品。")
