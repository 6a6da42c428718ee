"""Every other announcement: checked with the general rules and no section pack."""

from disclint.structure.doctypes import DocType

DOC_TYPE = DocType(
    name="generic",
    label="一般公告",
    summary="其他公告：按通用规则检查，不要求特定部分",
)
