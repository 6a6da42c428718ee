"""The “提质增效重回报” action plan."""

from disclint.structure.doctypes import DocType, patterns

DOC_TYPE = DocType(
    name="action_plan",
    label="“提质增效重回报”行动方案",
    summary="“提质增效重回报”专项行动方案",
    titles=patterns(r"提质增效重回报[^。]{0,6}(?:行动)?方案|行动方案"),
    pack="action_plan",
    examples=("2025年度“提质增效重回报”行动方案",),
)
