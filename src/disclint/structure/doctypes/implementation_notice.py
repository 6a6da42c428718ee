"""Implementation notices: a decided distribution or plan carried out (权益分派实施公告)."""

from disclint.structure.doctypes import DocType, patterns

DOC_TYPE = DocType(
    name="implementation_notice",
    label="实施公告",
    summary="权益分派、利润分配等已决议事项的实施公告：列明登记日、除权除息日与发放安排",
    titles=patterns(r"实施(?:的)?公告(?:[（(][^）)\n]{0,10}[）)])?$"),
    skip=frozenset({"VP001", "FL001", "FL002"}),
    skip_reason="实施公告执行已审议的方案，不含预测或举措",
    source="各交易所公告格式指南（权益分派等实施公告）",
    examples=("2024年年度权益分派实施公告",),
)
