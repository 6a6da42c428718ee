"""重组预案 / 重组报告书: a major asset restructuring and its draft."""

from disclint.structure.doctypes import DocType, patterns

DOC_TYPE = DocType(
    name="restructuring_plan",
    label="重大资产重组预案（报告书）",
    summary="重大资产重组、发行股份购买资产的预案或报告书（草案）及其摘要",
    titles=patterns(
        r"(?:重大资产(?:重组|置换|购买|出售)|发行股份(?:及支付现金)?购买资产|吸收合并|资产重组)"
        r"[^。]{0,40}(?:预案|报告书)(?:[（(][^）)\n]{0,10}[）)])?(?:摘要)?(?:[（(][^）)\n]{0,10}[）)])?$"
    ),
    skip=frozenset({"VP001"}),
    skip_reason="重组文件的风险因素与交易安排按规则撰写，不是举措承诺",
    part_title=False,
    goals_are_claims=False,
    unquantified_forecasts=False,
    collapse_repeats=True,
    industry_prose=True,
    hot_subject_claims=False,
    rule_sections=(("HY004", "commitment_heading"),),
    mandated_forecast_sections="mandated_forecast_heading",
    source="《公开发行证券的公司信息披露内容与格式准则第26号——上市公司重大资产重组》",
    examples=("重大资产置换及发行股份购买资产暨关联交易预案",),
)
