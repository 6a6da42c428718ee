"""Document structure: headings, bundles, document types and required sections."""

from __future__ import annotations

import json

from cli_runner import invoke
from disclint.parse.plaintext import document_from_text
from disclint.structure.bundle import split_parts
from disclint.structure.headings import find_headings
from helpers import lint_text

HEADER = "证券代码：688123          证券简称：云帆科技          公告编号：2026-011\n\n"
GUARANTEE = "本公司董事会及全体董事保证本公告内容不存在任何虚假记载、误导性陈述或者重大遗漏，并对其内容的真实性、准确性和完整性依法承担法律责任。\n\n"
CLOSING = "特此公告。\n\n云帆科技股份有限公司董事会\n2026年3月28日\n"

PLAN_AREAS = {
    "operating_quality": "一、聚焦主业，提升经营质效\n2026年公司计划将主力产线产能利用率提升至85%以上，募投项目于2026年9月30日前投产。\n",
    "new_productive_forces": "二、坚持创新驱动\n2026年公司研发投入不低于营业收入的9%，新增发明专利申请不少于35项。\n",
    "governance": "三、坚持规范运作\n公司计划于2026年6月30日前完成《公司章程》修订，全年召开独立董事专门会议不少于4次。\n",
    "key_minority": "四、压实“关键少数”责任\n公司将净资产收益率纳入高级管理人员2026年度考核，权重为15%；控股股东承诺12个月内不减持。\n",
    "investor_return": "五、重视股东回报\n2026年现金分红总额不低于当年归属于上市公司股东的净利润的35%，回购金额不低于3,000万元。\n",
    "investor_communication": "六、加强与投资者的交流\n2026年公司召开业绩说明会不少于3次，并在2个交易日内回复上证e互动平台的投资者提问。\n",
}
RISK = "七、风险提示\n上述目标系公司基于2026年度经营计划制定，不构成公司对投资者的业绩承诺，能否实现存在不确定性，敬请投资者注意投资风险。\n"


def plan(*, leave_out: tuple[str, ...] = (), risk: bool = True) -> str:
    body = "".join(text for key, text in PLAN_AREAS.items() if key not in leave_out)
    title = "云帆科技股份有限公司\n关于2026年度“提质增效重回报”行动方案的公告\n\n"
    return HEADER + title + GUARANTEE + body + (RISK if risk else "") + "\n" + CLOSING


def missing(text: str, doc_type: str = "auto") -> dict[str, str]:
    result = lint_text(text, doc_type)
    return {
        item.finding.section or "": item.finding.severity.value
        for item in result.findings
        if item.finding.category.value == "missing_section"
    }


def test_complete_plan_with_differently_worded_headings_is_clean() -> None:
    result = lint_text(plan())
    assert result.doc_type == "action_plan"
    assert [item.finding.code for item in result.findings] == []


def test_plan_without_investor_communication_says_where_it_would_go() -> None:
    result = lint_text(plan(leave_out=("investor_communication",)))
    findings = [item for item in result.findings if item.finding.category.value == "missing_section"]
    assert [item.finding.section for item in findings] == ["investor_communication"]
    finding = findings[0].finding
    assert finding.severity.value == "warning"
    assert "业绩说明会" in finding.message
    assert "五、重视股东回报" in (finding.suggestion or "")
    assert "Q2" in (finding.reference or "")


def test_missing_risk_warning_is_one_error_when_targets_are_quantified() -> None:
    result = lint_text(plan(risk=False))
    categories = [(item.finding.category.value, item.finding.section) for item in result.findings]
    assert categories == [("missing_section", "risk_warning")]
    assert result.findings[0].finding.severity.value == "error"


def test_areas_written_as_numbered_paragraphs_count() -> None:
    text = (
        HEADER
        + "关于2026年度“提质增效重回报”行动方案的公告\n\n"
        + "为践行以投资者为本的理念，公司制定本方案，主要内容如下：\n"
        + "（一）经营质量。2026年公司计划将产能利用率提升至85%以上，募投项目于2026年9月30日前投产。\n"
        + "（二）研发创新。2026年研发投入不低于营业收入的9%，新增发明专利申请不少于35项。\n"
        + "（三）规范运作。2026年6月30日前完成《公司章程》修订，召开独立董事专门会议不少于4次。\n"
        + "（四）关键少数。高级管理人员薪酬与净资产收益率挂钩，控股股东承诺12个月内不减持。\n"
        + "（五）股东回报。2026年现金分红比例不低于35%，回购金额不低于3,000万元。\n"
        + "（六）投资者关系。2026年召开业绩说明会不少于3次，2个交易日内回复互动平台提问。\n"
        + "（七）风险提示。上述目标不构成业绩承诺，存在不确定性，敬请投资者注意投资风险。\n"
        + CLOSING
    )
    assert missing(text) == {}


def test_evaluation_report_with_unimplemented_item_needs_reasons() -> None:
    base = (
        HEADER
        + "关于2025年度“提质增效重回报”行动方案的半年度评估报告\n\n"
        + "一、行动方案的执行情况\n2025年上半年公司研发投入1.2亿元，占营业收入的8.1%；召开业绩说明会2次。\n"
        + "{middle}"
        + "三、投资者意见及采纳情况\n公司通过问卷征询投资者意见，收到有效问卷88份，采纳了增加中期分红的建议。\n"
        + "四、下一步工作\n公司计划于2025年12月31日前完成剩余募集资金3.1亿元的投入。\n"
        + CLOSING
    )
    without_reason = base.replace("{middle}", "二、其他事项\n原定2025年6月举办的投资者开放日未举办。\n")
    with_reason = base.replace(
        "{middle}", "二、其他事项\n原定2025年6月举办的投资者开放日未举办，原因是生产基地改造暂停对外开放。\n"
    )
    assert missing(without_reason) == {"unimplemented_reasons": "error"}
    assert missing(with_reason) == {}


def test_evaluation_report_everything_implemented_needs_no_reason_section() -> None:
    text = (
        HEADER
        + "关于2025年度“提质增效重回报”行动方案的半年度评估报告\n\n"
        + "一、行动方案的执行情况\n2025年上半年公司研发投入1.2亿元，占营业收入的8.1%；召开业绩说明会2次。\n"
        + "二、投资者意见及采纳情况\n公司通过问卷征询投资者意见，收到有效问卷88份，采纳了增加中期分红的建议。\n"
        + "三、进一步改进措施\n公司计划于2025年12月31日前完成剩余募集资金3.1亿元的投入。\n"
        + CLOSING
    )
    assert missing(text) == {}


VALUATION = (
    HEADER
    + "关于估值提升计划的公告\n\n"
    + "一、触发情形及审议程序\n2025年1月1日至2025年12月31日，公司股票每个交易日收盘价均低于最近一个会计年度经审计的每股净资产，"
    + "属于长期破净情形。2026年3月20日，公司董事会审议通过本计划。\n"
    + "二、目标\n加权平均净资产收益率提升至7%以上；每年现金分红比例不低于40%。\n"
    + "{timeline}"
    + "三、具体措施\n（一）公司每年至少实施1次中期分红。（二）回购资金总额不低于5,000万元且不超过1亿元。\n"
    + "四、评估安排\n公司至少每年对本计划的实施效果进行一次评估并披露。\n"
    + "五、风险提示\n本计划不构成对业绩、股价的承诺，实施效果存在不确定性，敬请投资者注意投资风险。\n"
    + CLOSING
)


def test_valuation_plan_without_timeline() -> None:
    assert missing(VALUATION.replace("{timeline}", "")) == {"timeline": "error"}


def test_valuation_plan_with_implementation_period() -> None:
    text = VALUATION.replace("{timeline}", "本计划实施期限为2026年1月1日至2028年12月31日。\n")
    assert missing(text) == {}
    with_target_year = VALUATION.replace("{timeline}", "上述目标力争于2027年末前实现。\n")
    assert missing(with_target_year) == {}


BUNDLE = (
    "以上激励对象中，公司董事、高级管理人员必须经股东大会选举或公司董事会聘任。\n\n"
    "五、股票期权的行权价格\n首次授予股票期权的行权价格为每股26.40元。\n\n"
    "六、会计处理\n公司选择Black-Scholes模型计算期权的公允价值，预计摊销费用合计1,860.00万元。\n\n"
    "第七章 附则\n本激励计划在公司股东大会审议通过后生效。\n\n"
    "云帆科技股份有限公司\n第二期股票期权激励计划实施考核管理办法\n\n"
    "一、考核目的\n为保证股权激励计划的顺利实施，制定本办法。\n\n"
    "二、考核范围\n本办法适用于参与本激励计划的全部激励对象。\n\n"
    "云帆科技股份有限公司\n第二期股票期权激励计划激励对象名单\n\n"
    "序号 姓名 职务\n1 王一鸣 核心技术人员\n2 李思远 核心技术人员\n3 赵海川 核心技术人员\n\n"
    "云帆科技股份有限公司独立董事\n关于第三届董事会第九次会议相关事项的独立意见\n\n"
    "我们认为，公司实施本激励计划有利于公司的持续发展，不存在损害公司及全体股东利益的情形。\n\n"
    "独立董事：张三 李四 王五\n\n"
    "云帆科技股份有限公司\n章 程\n2026年3月\n\n"
    "第一章 总则\n第一条 为维护公司、股东和债权人的合法权益，制定本章程。\n"
)


def test_bundle_is_split_and_each_part_typed() -> None:
    parts = split_parts(document_from_text(BUNDLE, "bundle.txt"))
    assert [(part.doc_type, part.truncated_start) for part in parts] == [
        ("incentive_plan", False),
        ("generic", False),
        ("generic", False),
        ("generic", False),
        ("generic", False),
    ]
    assert parts[1].title == "第二期股票期权激励计划实施考核管理办法"
    assert parts[4].title.endswith("章程")


def test_bundle_in_json_has_parts() -> None:
    result = invoke(["check", "-", "--stdin-filename", "bundle.txt", "--format", "json"], input=BUNDLE)
    entry = json.loads(result.stdout)["files"][0]
    assert entry["doc_type"] == "incentive_plan"
    assert [part["doc_type"] for part in entry["parts"]] == [
        "incentive_plan",
        "generic",
        "generic",
        "generic",
        "generic",
    ]
    assert entry["parts"][1]["start"]["line"] == 12  # the company line that opens its title


def test_truncated_part_does_not_report_sections_before_its_start() -> None:
    text = "份的股东或实际控制人，不得成为激励对象。\n\n" + BUNDLE.split("\n\n", 1)[1]
    parts = split_parts(document_from_text(text, "cut.txt"))
    assert parts[0].truncated_start
    sections = {item.finding.section for item in lint_text(text).findings if item.finding.section}
    assert "purpose" not in sections and "recipients" not in sections


def test_incentive_summary_missing_accounting() -> None:
    text = (
        "云帆科技股份有限公司\n2026年股票期权激励计划（草案）摘要\n\n"
        "一、本激励计划的目的\n为进一步建立、健全公司长效激励约束机制，制定本计划。\n"
        "二、激励对象的确定依据和范围\n本激励计划首次授予的激励对象共计60人。\n"
        "三、股票来源、数量和分配\n股票来源为公司向激励对象定向发行的A股普通股，拟授予股票期权400.00万份。获授的股票期权分配情况见下表。\n"
        "四、有效期、授予日、等待期、可行权日和禁售期\n本激励计划的有效期最长不超过48个月，等待期为12个月，可行权日必须为交易日。\n"
        "五、行权价格及其确定方法\n行权价格为每股30.10元，不低于草案公告前1个交易日公司股票交易均价。\n"
        "六、授予与行权条件\n公司层面业绩考核目标为2026年营业收入增长率不低于20%，行权条件包括个人绩效考核。\n"
        "七、调整方法和程序\n若发生资本公积转增股本等事项，应对股票期权数量进行相应调整。\n"
        "八、实施程序\n本激励计划经股东会审议通过后方可实施，授予程序由董事会办理；本激励计划的变更、终止须经股东会审议。\n"
        "九、公司与激励对象各自的权利义务\n公司不为激励对象提供任何形式的财务资助。\n"
        "十、公司/激励对象发生异动的处理\n公司发生控制权变更、合并、分立的，本计划继续执行；激励对象离职的，已获授未行权的期权注销。\n"
    )
    assert missing(text) == {"accounting": "error"}


def test_headings_toc_and_broken_heading() -> None:
    text = (
        "目 录\n一、 总体安排\t4\n二、 提升经营质量\t13\n三、 加快发展新质生产力\t22\n\n"
        "一、总体安排\n公司制定本方案，具体内容如下。\n"
        "四、股权激励计划的有效期、授予日、等待期、\n禁售期\n本计划有效期为48个月。\n"
        "（二）降本增效。公司将推进集中采购，2026年单位成本下降3%。\n"
    )
    document = document_from_text(text, "a.txt")
    titles = [(heading.title, heading.run_in) for heading in find_headings(document)]
    assert ("总体安排", False) in titles
    assert ("提升经营质量", False) not in titles  # a table-of-contents line
    assert ("股权激励计划的有效期、授予日、等待期、禁售期", False) in titles
    assert ("降本增效", True) in titles


ESOP = (
    "云帆科技股份有限公司\n2026年员工持股计划（草案）\n\n"
    "一、参加对象及确定标准\n参加对象为公司董事、高级管理人员及核心员工，确定标准为在公司任职满一年。\n"
    "二、资金来源和股票来源\n资金来源为员工合法薪酬和自筹资金；股票来源为公司回购专用账户已回购的股份。\n"
    "三、存续期和锁定期\n本计划存续期为36个月，锁定期为12个月。\n"
    "四、管理模式\n本计划由公司自行管理，持有人会议选举产生管理委员会。\n"
    "五、公司融资时的参与方式\n公司以配股、增发等方式融资时，由管理委员会决定是否参与融资。\n"
    "六、变更与终止\n本计划的变更、终止须经持有人会议和董事会审议通过。\n"
    "七、持有人权益的处置\n持有人离职的，其持有的份额由管理委员会收回并转让给指定的其他员工。\n"
    "{expiry}"
    "九、持有份额\n董事、高级管理人员合计认购份额1,200万份，占本计划总份额的24%；其他员工合计48人。\n"
)


def test_esop_pack() -> None:
    complete = ESOP.replace(
        "{expiry}", "八、存续期满后的处置\n本计划存续期满后，管理委员会将所持股份出售并按份额分配。\n"
    )
    assert missing(complete) == {}
    assert missing(ESOP.replace("{expiry}", "")) == {"expiry_disposal": "error"}


DIVIDEND = (
    "云帆科技股份有限公司\n关于2025年度利润分配方案的公告\n\n"
    "一、利润分配方案内容\n公司拟向全体股东每10股派发现金红利1.00元（含税），以总股本40,000万股计算，合计派发现金红利4,000万元，"
    "占2025年度归属于上市公司股东的净利润的{ratio}。如在实施权益分派前公司总股本发生变动的，公司拟维持分配总额不变，相应调整每股分配比例。\n"
    "二、公司履行的决策程序\n公司于2026年3月20日召开董事会审议通过本方案，本方案尚需提交股东会审议。\n"
    "{reasons}"
)


def test_dividend_pack_asks_for_reasons_only_when_payout_is_low() -> None:
    assert missing(DIVIDEND.format(ratio="40.00%", reasons="")) == {}
    assert missing(DIVIDEND.format(ratio="20.00%", reasons="")) == {"low_payout_reasons": "warning"}
    explained = DIVIDEND.format(
        ratio="20.00%",
        reasons="三、现金分红比例低于30%的情况说明\n原因是公司处于产能扩张期，留存未分配利润将用于新产线建设。\n",
    )
    assert missing(explained) == {}
