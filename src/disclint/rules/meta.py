"""style (meta): problems with the suppressions themselves, like ruff's RUF100.

These rules document codes that the engine reports after the other rules
have run (``disclint.run.suppress``): a suppression that suppressed nothing, one
whose expiry date has passed, and a ``<!-- disclint-… -->`` comment that
cannot be understood. Their check functions yield nothing — a rule never
sees suppressions — but they are selected, ignored, re-graded and
explained like every other rule.
"""

from __future__ import annotations

from collections.abc import Iterator

from disclint.analysis import Analysis
from disclint.model.findings import Category, Finding, Severity
from disclint.rules.registry import RuleSpec, rule

_REFERENCE = "disclint 抑制约定（docs/workflow.md）"


@rule(
    code="ST101",
    name="unused-suppression",
    category=Category.STYLE,
    severity=Severity.WARNING,
    summary="抑制注释或配置中的抑制条目没有抑制任何问题",
    rationale=(
        "抑制应当精确：一条不再需要的抑制（问题已改掉、规则未启用、写错了行）会在日后悄悄放过新的问题。"
        "与 ruff 的 RUF100 相同，未使用的抑制会被报告，删除即可。"
    ),
    reference=_REFERENCE,
    bad=["<!-- disclint-disable-next-line HY001 -->\n公司将于2025年8月28日召开2025年半年度业绩说明会。"],
    good=["<!-- disclint-disable-next-line HY001 -- 引用第三方报告原文 -->\n公司核心技术遥遥领先。"],
    suggestion="删除这条抑制，或把它移到确有该问题的位置",
    scope="document",
)
def unused_suppression(analysis: Analysis, spec: RuleSpec) -> Iterator[Finding]:
    yield from ()


@rule(
    code="ST102",
    name="expired-suppression",
    category=Category.STYLE,
    severity=Severity.WARNING,
    summary="抑制已过期：不再抑制，原问题重新报告",
    rationale=(
        "带有效期的抑制（expires=YYYY-MM-DD）用于“暂时接受、限期整改”。到期后它不再生效，"
        "被它抑制的问题重新报告，并提示复核：整改文稿，或在确认理由仍然成立后延长有效期。"
    ),
    reference=_REFERENCE,
    bad=["<!-- disclint-disable-next-line HY001 expires=2020-12-31 -- 待法务确认 -->\n公司核心技术遥遥领先。"],
    good=["<!-- disclint-disable-next-line HY001 expires=2999-12-31 -- 待法务确认 -->\n公司核心技术遥遥领先。"],
    suggestion="整改文稿并删除抑制，或复核理由后更新 expires 日期",
    scope="document",
)
def expired_suppression(analysis: Analysis, spec: RuleSpec) -> Iterator[Finding]:
    yield from ()


@rule(
    code="ST103",
    name="invalid-suppression",
    category=Category.STYLE,
    severity=Severity.WARNING,
    summary="无法识别的 disclint 抑制注释（未知指令、未知规则代码、日期格式错误、缺少规则代码）",
    rationale=(
        "写错的抑制注释不会生效，被它“抑制”的问题仍会报告，作者却以为已处理。"
        "注释格式为 <!-- disclint-disable-next-line 代码[,代码] [expires=YYYY-MM-DD] [-- 理由] -->，"
        "另有 disable-line、disable 与 enable；代码可写规则代码、前缀或类别，不接受不写代码的全局抑制。"
    ),
    reference=_REFERENCE,
    bad=["<!-- disclint-disable-next-line XX999 -->\n公司将于2025年8月28日召开2025年半年度业绩说明会。"],
    good=["<!-- disclint-disable-next-line HY001 -- 引用第三方报告原文 -->\n公司核心技术遥遥领先。"],
    suggestion="改正注释：指令为 disable-next-line、disable-line、disable 或 enable，并写明规则代码",
    scope="document",
)
def invalid_suppression(analysis: Analysis, spec: RuleSpec) -> Iterator[Finding]:
    yield from ()


META_CODES = ("ST101", "ST102", "ST103")
