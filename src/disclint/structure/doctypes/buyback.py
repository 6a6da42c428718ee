"""Share buybacks: the plan, the report, progress and results, including a
buyback whose shares later fund an employee share plan (that is not the plan)."""

from disclint.structure.doctypes import DocType, patterns

DOC_TYPE = DocType(
    name="buyback",
    label="股份回购",
    summary="回购股份的方案、报告书、进展与结果公告（含回购股份用于员工持股计划或股权激励）",
    titles=patterns(r"回购(?!注销)(?:公司)?(?:部分)?(?:社会公众)?(?:A股)?股份|股份回购|回购股票(?!注销)"),
    skip=frozenset({"VP001"}),
    skip_reason="回购方案的期限、价格与数量区间按回购规则列明，择机实施不是空泛承诺",
    source="《上市公司股份回购规则》",
    examples=("关于以集中竞价交易方式回购股份的报告书", "关于回购公司股份以实施员工持股计划的方案"),
)
