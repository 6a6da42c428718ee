"""业绩快报: preliminary figures for a finished period."""

from disclint.structure.doctypes import DocType, patterns

DOC_TYPE = DocType(
    name="earnings_flash",
    label="业绩快报",
    summary="业绩快报及其修正公告：已结束报告期的初步核算数据",
    titles=patterns(r"业绩快报(?:修正)?(?:的)?(?:公告)?$"),
    skip=frozenset({"VP001", "FL001"}),
    skip_reason="业绩快报报告已结束期间的初步数据，不是预测或举措",
    part_title=False,
    source="各交易所股票上市规则关于业绩快报的规定",
    examples=("2025年度业绩快报",),
)
