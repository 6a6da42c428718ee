"""A profit-distribution (dividend) plan, before it is carried out."""

from disclint.structure.doctypes import DocType, patterns

DOC_TYPE = DocType(
    name="dividend",
    label="利润分配方案",
    summary="利润分配（现金分红）方案",
    titles=patterns(r"利润分配|现金分红|分红方案|权益分派|中期分红|特别分红"),
    pack="dividend",
    examples=("关于2024年度利润分配方案的公告",),
)
