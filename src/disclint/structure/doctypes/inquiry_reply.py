"""A reply to an exchange's or regulator's inquiry or attention letter.

The letter's own questions are quoted in it: they are the regulator's words,
not the company's, and are not linted. The reply explains past facts and
accounting, so the vague-pledge rule (about a plan's measures) does not apply.
"""

from disclint.structure.doctypes import DocType, patterns

DOC_TYPE = DocType(
    name="inquiry_reply",
    label="问询函（关注函）回复",
    summary="对交易所或证监局问询函、关注函、监管工作函的回复公告",
    titles=patterns(
        r"(?:问询函|关注函|监管函|工作函|意见函)[^。\n]{0,10}回复",
        r"回复[^。\n]{0,6}(?:问询函|关注函|监管函)",
        r"(?:问询函|关注函)[^。\n]{0,6}回函",
    ),
    skip=frozenset({"VP001"}),
    skip_reason="回复说明既有事实与会计处理，不是举措或计划；问询函原文为监管机构的文字，不检查",
    source="各交易所股票上市规则关于问询与回复的规定",
    examples=("关于深圳证券交易所年报问询函的回复公告", "关于对某证监局监管问询函回复的公告"),
)
