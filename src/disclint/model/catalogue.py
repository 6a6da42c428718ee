"""What reporters may say about a rule, handed to them: they never read the rule registry.

The command line builds a :class:`Catalogue` from the registry
(:func:`disclint.explain.catalogue`) and passes it to the report; a reporter
that prints a rule's summary (``--statistics``) or describes every rule
(SARIF) reads it from here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from disclint.model.findings import Category, Severity


@dataclass(frozen=True)
class RuleInfo:
    code: str
    name: str
    category: Category
    severity: Severity  # the default severity
    summary: str
    rationale: str
    scope: str
    help: str = ""  # what `disclint explain CODE` prints, when the report asked for it


class Catalogue:
    """The rules of a run, by code, in code order."""

    def __init__(self, rules: Iterable[RuleInfo] = ()) -> None:
        self._rules = {info.code: info for info in sorted(rules, key=lambda info: info.code)}

    def get(self, code: str) -> RuleInfo | None:
        return self._rules.get(code.upper())

    def __iter__(self) -> Iterator[RuleInfo]:
        return iter(self._rules.values())

    def __len__(self) -> int:
        return len(self._rules)
