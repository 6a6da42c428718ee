"""Annual, half-year and quarterly reports and their summaries.

A periodic report is not a plan: it is not held to any plan's section pack,
and the vague-pledge rule reads only its business-plan sections (经营计划,
发展战略), not its account of the period. Hype and price-target rules still
apply to what the company says about itself.
"""

from disclint.structure.doctypes import DocType, patterns

DOC_TYPE = DocType(
    name="periodic_report",
    label="定期报告",
    summary="年度报告、半年度报告、季度报告及其摘要",
    titles=patterns(
        r"(?:年度|半年度|季度|[一三]季度)报告(?:全文|正文|摘要)?(?:[（(][^）)\n]{0,10}[）)])?$",
        r"^(?:\d{4}年)?年报(?:全文|摘要)?$",
    ),
    veto=patterns(r"关于[^。\n]*(?:年度|季度)报告[^。\n]*的(?:公告|通知)$"),
    pledge_sections="plan_heading",
    skip_reason="定期报告记述报告期情况：只在“经营计划”“发展战略”等部分检查举措是否可检验",
    part_title=False,
    goals_are_claims=False,
    unquantified_forecasts=False,
    collapse_repeats=True,
    industry_prose=True,
    hot_subject_claims=False,
    source="《上市公司信息披露管理办法》",
    examples=("2024年年度报告", "2025年半年度报告摘要", "2025年第三季度报告正文"),
)
