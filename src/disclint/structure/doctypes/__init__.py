"""The document-type registry: one place for every type a file can be checked as.

Each type is one module in this package that builds a :class:`DocType` —
its stable snake_case name, a Chinese label, the title patterns that detect
it (and those that veto a title), the body evidence that stands in for a
missing title, the required-section pack it is held to, and the rules that do
not apply to it. Adding a type is that module plus its name in ``_ORDER``
below; ``--type``, the config, detection, bundle splitting, ``disclint rules
--format json`` and ``disclint explain`` all read this registry.

``_ORDER`` is also the precedence of title detection: the first type whose
title pattern matches wins, so a reply to an inquiry letter about a buyback
is an inquiry reply, and a buyback that funds an employee share plan is a
buyback, not the plan.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field
from functools import cache


@dataclass(frozen=True)
class BodyEvidence:
    """Stands in for a title: ``pattern`` found at least ``min_count`` times in the
    first ``window`` characters of the body (whitespace removed)."""

    pattern: re.Pattern[str]
    min_count: int
    window: int
    reason: str  # how the decision is explained, with {count}


@dataclass(frozen=True)
class DocType:
    name: str
    label: str
    summary: str  # what the type is, for ``rules`` and ``explain``
    titles: tuple[re.Pattern[str], ...] = ()
    veto: tuple[re.Pattern[str], ...] = ()  # a title that matches one of these is not this type
    body: tuple[BodyEvidence, ...] = ()
    pack: str | None = None  # the sections.toml pack it is held to
    skip: frozenset[str] = frozenset()  # rule codes or categories that do not apply
    skip_reason: str = ""
    part_title: bool = True  # its title starts a new part inside a bundle
    # A development goal (打造……一流企业) is read as a claim: True for plans, whose goals
    # are what is checked; False for long-form filings, whose 发展目标 states a direction.
    goals_are_claims: bool = True
    # Where the vague-pledge rule reads measures: a cue naming the sections that hold the
    # company's plan (a periodic report's 经营计划); None: the whole document.
    pledge_sections: str | None = None
    # Sections whose forecasts are mandated content with their basis given there (a prospectus's
    # 募集资金运用 and 审计截止日后 sections): a cue naming their headings, not read by FL001.
    mandated_forecast_sections: str | None = None
    # An expectation without a figure (收入将有较大幅度增长) is reported as a forecast: True for drafts
    # and replies; False for long filings whose format asks for the outlook and trend discussion
    # (招股说明书“未来趋势分析”, 定期报告“未来发展的展望”), where only quantified forecasts need their basis.
    unquantified_forecasts: bool = True
    # A long filing restates its claims chapter after chapter (概览, 业务与技术, 募集资金运用):
    # a wording finding is reported once a chapter, naming the other places. A draft keeps
    # every copy: each is the writer's to fix.
    collapse_repeats: bool = False
    # A long filing describes its industry, markets, suppliers and history at length: a certainty
    # word there ("天然气必然会受到各国的重视", "若运力受阻，势必影响供应") reasons about conditions.
    # It is a promise (HY004) only where its ；-part names the company or an operating result.
    industry_prose: bool = False
    # A statement by the company about itself that names a hot concept is a link claim even
    # without a link word (hot_topic): True for drafts and replies, where the company chooses
    # to mention the concept; False for long filings whose business chapter must describe
    # the technologies its products use (there only a link word or a future statement counts).
    hot_subject_claims: bool = True
    # Rules read only in some sections of this type: (rule code, cue naming the headings where it is
    # read). A prospectus promises results only where it sets goals and plans (发展目标, 募集资金运用,
    # 填补被摊薄即期回报的措施); elsewhere "保证毛利率稳定" says how the business works.
    rule_sections: tuple[tuple[str, str], ...] = ()
    source: str = ""  # the rules the type's content and format follow (shown as 格式与内容见; not a finding's basis)
    examples: tuple[str, ...] = field(default=())  # titles it is detected from (for tests and explain)

    def title_match(self, title: str) -> re.Match[str] | None:
        for pattern in self.titles:
            match = pattern.search(title)
            if match and not any(veto.search(title) for veto in self.veto):
                return match
        return None

    def section_cue(self, code: str) -> str | None:
        """The cue naming the headings where rule ``code`` is read, or None (read everywhere)."""
        return next((cue for rule_code, cue in self.rule_sections if rule_code == code), None)

    def applies(self, code: str, category: str) -> bool:
        """Whether rule ``code`` (of ``category``) is run on documents of this type."""
        return code not in self.skip and category not in self.skip and code[:2] not in self.skip


def patterns(*sources: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(source, re.MULTILINE) for source in sources)


# Detection precedence; every name is a module of this package with a ``DOC_TYPE``.
_ORDER = (
    "inquiry_reply",
    "evaluation_report",
    "valuation_plan",
    "action_plan",
    "ir_record",
    "periodic_report",
    "earnings_forecast",
    "earnings_flash",
    "prospectus",
    "restructuring_plan",
    "buyback",
    "implementation_notice",
    "esop",
    "incentive_plan",
    "dividend",
    "voluntary",
    "generic",
)

# The eight types of the first contract, listed first wherever types are listed.
ORIGINAL = (
    "action_plan",
    "valuation_plan",
    "evaluation_report",
    "incentive_plan",
    "esop",
    "dividend",
    "voluntary",
    "generic",
)


@cache
def registry() -> dict[str, DocType]:
    """Every type by name, in detection order."""
    types: dict[str, DocType] = {}
    for module_name in _ORDER:
        module = importlib.import_module(f"{__name__}.{module_name}")
        doc_type: DocType = module.DOC_TYPE
        if doc_type.name != module_name:
            raise ValueError(f"document type module {module_name} defines {doc_type.name}")
        types[doc_type.name] = doc_type
    return types


def names() -> tuple[str, ...]:
    """Type names for ``--type`` and the config: the original eight, then the others."""
    added = tuple(name for name in registry() if name not in ORIGINAL)
    return ORIGINAL + added


def get(name: str) -> DocType:
    return registry().get(name) or registry()["generic"]


def applies(doc_type: str, code: str, category: str) -> bool:
    return get(doc_type).applies(code, category)
