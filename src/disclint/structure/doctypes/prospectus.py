"""招股说明书 / 招股意向书 and their summaries.

The prospectus rules ban advertising and flattering words and want an
industry position backed by its source, so the hype rules apply; risk factors
describe risks and are not pledges, and the offering's measures are set by
rule, so the vague-pledge rule does not apply.
"""

import re

from disclint.structure.doctypes import BodyEvidence, DocType, patterns

DOC_TYPE = DocType(
    name="prospectus",
    label="招股说明书",
    summary="首次公开发行或增发的招股说明书、招股意向书及其摘要",
    titles=patterns(r"招股(?:说明|意向)书"),
    veto=patterns(r"关于[^。\n]*招股[^。\n]*的公告$", r"(?:核查|法律)意见"),
    body=(
        BodyEvidence(re.compile(r"本招股(?:说明|意向)书"), 1, 8000, "正文开头以“本招股说明书”自称"),
        BodyEvidence(re.compile(r"招股(?:说明|意向)书|招股說明書"), 3, 8000, "正文开头{count}次提到招股说明书"),
        BodyEvidence(
            re.compile(r"保荐(?:人|机构)[（(]主承销商[）)]"), 1, 8000, "正文开头列明保荐人（主承销商）与发行概况"
        ),
        BodyEvidence(
            re.compile(r"发行概况.{0,6000}?风险因素.{0,6000}?募集资金运用", re.DOTALL),
            1,
            12000,
            "目录依次列有发行概况、风险因素与募集资金运用",
        ),
    ),
    skip=frozenset({"VP001"}),
    skip_reason="招股说明书的风险因素与发行安排按规则撰写，不是举措承诺",
    part_title=False,
    goals_are_claims=False,
    unquantified_forecasts=False,
    collapse_repeats=True,
    industry_prose=True,
    hot_subject_claims=False,
    rule_sections=(("HY004", "commitment_heading"),),
    mandated_forecast_sections="mandated_forecast_heading",
    source="《公开发行证券的公司信息披露内容与格式准则第57号——招股说明书》",
    examples=("首次公开发行股票并在创业板上市招股说明书",),
)
