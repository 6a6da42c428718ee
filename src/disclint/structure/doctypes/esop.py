"""An employee share-ownership plan draft."""

from disclint.structure.doctypes import DocType, patterns

DOC_TYPE = DocType(
    name="esop",
    label="员工持股计划",
    summary="员工持股计划（草案）及其摘要",
    titles=patterns(r"员工持股计划"),
    pack="esop",
    examples=("2025年员工持股计划（草案）",),
)
