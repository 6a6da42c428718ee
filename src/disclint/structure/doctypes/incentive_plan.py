"""An equity-incentive plan draft (share options, restricted shares)."""

from disclint.structure.doctypes import DocType, patterns

DOC_TYPE = DocType(
    name="incentive_plan",
    label="股权激励计划",
    summary="股票期权或限制性股票激励计划（草案）",
    titles=patterns(r"(?:股票期权|限制性股票|股权)激励计划"),
    pack="incentive_plan",
    examples=("2025年限制性股票激励计划（草案）",),
)
