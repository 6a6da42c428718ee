"""估值提升计划: the plan a company whose shares trade below net assets publishes."""

from disclint.structure.doctypes import DocType, patterns

DOC_TYPE = DocType(
    name="valuation_plan",
    label="估值提升计划",
    summary="长期破净公司的估值提升计划",
    titles=patterns(r"估值提升计划"),
    pack="valuation_plan",
    examples=("2025年度估值提升计划",),
)
