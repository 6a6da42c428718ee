"""The half-year evaluation report on an action plan or a valuation plan."""

from disclint.structure.doctypes import DocType, patterns

DOC_TYPE = DocType(
    name="evaluation_report",
    label="行动方案（估值提升计划）评估报告",
    summary="“提质增效重回报”行动方案或估值提升计划的执行情况评估报告",
    titles=patterns(r"(?:行动方案|估值提升计划)[^。]{0,20}(?:评估报告|半年度评估|执行情况|进展情况|落实情况)|评估报告"),
    pack="evaluation_report",
    examples=("关于2024年度“提质增效重回报”行动方案的评估报告",),
)
