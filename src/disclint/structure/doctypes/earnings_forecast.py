"""业绩预告: a forecast in a format the exchange prescribes, with its own reasons row."""

from disclint.structure.doctypes import DocType, patterns

DOC_TYPE = DocType(
    name="earnings_forecast",
    label="业绩预告",
    summary="业绩预告及其修正公告：格式规定的预测，原因说明在表后",
    titles=patterns(r"业绩预(?:告|增|减|亏|盈)(?:修正)?(?:的)?(?:公告)?$"),
    skip=frozenset({"VP001", "FL001"}),
    skip_reason="业绩预告是规定格式的预测，预测依据见“业绩变动原因说明”",
    part_title=False,
    source="各交易所股票上市规则关于业绩预告的规定",
    examples=("2025年度业绩预告", "2025年半年度业绩预增公告"),
)
