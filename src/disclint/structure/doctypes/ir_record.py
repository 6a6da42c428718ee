"""投资者关系活动记录表 and Q&A records: only the company's answers are linted."""

from disclint.structure.doctypes import DocType, patterns

DOC_TYPE = DocType(
    name="ir_record",
    label="投资者关系活动记录表",
    summary="投资者关系活动记录表、调研或业绩说明会问答记录：投资者的提问不检查，只检查公司的回答",
    titles=patterns(
        r"投资者关系活动记录",
        r"(?:调研|接待)[^。\n]{0,10}(?:活动)?(?:记录|纪要)",
        r"业绩说明会[^。\n]{0,8}(?:记录|纪要|问答|召开情况)",
    ),
    source="各交易所规范运作指引关于投资者关系活动与记录的规定",
    examples=("投资者关系活动记录表（2025年5月）",),
)
