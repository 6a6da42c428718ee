"""The rule registry: every rule documents itself.

A rule is a check function plus a :class:`RuleSpec` — stable code, category,
default severity, summary, rationale, the clause it rests on, and a bad and a
good example that the test suite runs (the bad one must trigger exactly this
rule, the good one must not). ``disclint rules`` and ``disclint explain``
print the registry; ``docs/rules.md`` is generated from it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from disclint.model.findings import Category, Finding, SectionCheck, Severity

if TYPE_CHECKING:
    from disclint.analysis import Analysis

CATEGORY_PREFIX: dict[Category, str] = {
    Category.PRICE_TARGET: "PT",
    Category.HYPE: "HY",
    Category.HOT_TOPIC: "HT",
    Category.VAGUE_PLEDGE: "VP",
    Category.FORWARD_LOOKING: "FL",
    Category.MISSING_SECTION: "MS",
    Category.CONSISTENCY: "CN",
    Category.STYLE: "ST",
}

Check = Callable[["Analysis", "RuleSpec"], Iterable[Finding]]
# A rule that knows a document's required sections tells reports that show a checklist.
SectionView = Callable[["Analysis"], list[SectionCheck]]


@dataclass(frozen=True)
class RuleSpec:
    code: str
    name: str
    category: Category
    severity: Severity
    summary: str
    rationale: str
    reference: str  # basis ids from lexicons/sources.toml, e.g. "no_price_prediction"
    bad: tuple[str, ...]
    good: tuple[str, ...]
    suggestion: str | None = None
    doc_types: frozenset[str] | None = None  # None: every document type
    scope: str = "sentence"  # "sentence" | "document"
    example_type: str = "generic"  # the --type the examples are linted as
    check: Check | None = field(default=None, compare=False, repr=False)
    sections: SectionView | None = field(default=None, compare=False, repr=False)

    def applies_to(self, doc_type: str) -> bool:
        """The rule runs on ``doc_type``: its own list of types allows it, and the
        document-type registry does not exclude it for that type."""
        from disclint.structure import doctypes

        if self.doc_types is not None and doc_type not in self.doc_types:
            return False
        return doctypes.applies(doc_type, self.code, self.category.value)


_REGISTRY: dict[str, RuleSpec] = {}


def rule(
    *,
    code: str,
    name: str,
    category: Category,
    severity: Severity,
    summary: str,
    rationale: str,
    reference: str,
    bad: Iterable[str],
    good: Iterable[str],
    suggestion: str | None = None,
    doc_types: Iterable[str] | None = None,
    scope: str = "sentence",
    example_type: str = "generic",
) -> Callable[[Check], Check]:
    """Register the decorated check function under ``code``."""
    prefix = CATEGORY_PREFIX[category]
    if not code.startswith(prefix):
        raise ValueError(f"rule {code}: category {category.value} needs prefix {prefix}")

    def register(check: Check) -> Check:
        if code in _REGISTRY:
            raise ValueError(f"rule {code} registered twice")
        _REGISTRY[code] = RuleSpec(
            code=code,
            name=name,
            category=category,
            severity=severity,
            summary=summary,
            rationale=rationale,
            reference=reference,
            bad=tuple(bad),
            good=tuple(good),
            suggestion=suggestion,
            doc_types=frozenset(doc_types) if doc_types is not None else None,
            scope=scope,
            example_type=example_type,
            check=check,
        )
        return check

    return register


def provide_sections(code: str, view: SectionView) -> None:
    """Rule ``code`` gives the section checklist of a document (HTML report, Word comments)."""
    import dataclasses

    _REGISTRY[code] = dataclasses.replace(_REGISTRY[code], sections=view)


def all_rules() -> list[RuleSpec]:
    """Every registered rule, sorted by code."""
    _load_rule_modules()
    return [_REGISTRY[code] for code in sorted(_REGISTRY)]


def get_rule(code: str) -> RuleSpec | None:
    _load_rule_modules()
    return _REGISTRY.get(code.upper())


def _load_rule_modules() -> None:
    # Importing the modules registers their rules.
    from disclint.rules import (  # noqa: F401
        consistency,
        forward_looking,
        hot_topic,
        hype,
        meta,
        missing_section,
        price_target,
        style,
        vague_pledge,
    )
