"""Every rule's and every lexicon entry's own examples run as tests (like prh's specs):
a bad example must trigger that rule, a good one must not."""

from __future__ import annotations

import pytest

from disclint.lexicons import Term, default_lexicon
from disclint.rules import RuleSpec, all_rules
from helpers import lint_text

RULES = all_rules()
SPECS = {spec.code: spec for spec in RULES}
TERMS = [term for term in default_lexicon().terms if term.rule in SPECS]


def _fired(text: str, doc_type: str) -> set[str]:
    return {item.finding.code for item in lint_text(text, doc_type).findings}


def _same_category(codes: set[str], spec: RuleSpec) -> set[str]:
    return {code for code in codes if SPECS[code].category is spec.category and SPECS[code].scope == "sentence"}


@pytest.mark.parametrize("spec", RULES, ids=[spec.code for spec in RULES])
def test_rule_has_documentation(spec: RuleSpec) -> None:
    assert spec.summary and spec.rationale and spec.reference
    assert spec.bad and spec.good, "every rule needs a bad and a good example"


@pytest.mark.parametrize(
    ("spec", "example"),
    [(spec, example) for spec in RULES for example in spec.bad],
    ids=[f"{spec.code}-bad{i}" for spec in RULES for i, _ in enumerate(spec.bad)],
)
def test_rule_bad_example_triggers_exactly_that_rule(spec: RuleSpec, example: str) -> None:
    fired = _fired(example, spec.example_type)
    assert spec.code in fired
    if spec.scope == "sentence":
        assert _same_category(fired, spec) == {spec.code}, fired


@pytest.mark.parametrize(
    ("spec", "example"),
    [(spec, example) for spec in RULES for example in spec.good],
    ids=[f"{spec.code}-good{i}" for spec in RULES for i, _ in enumerate(spec.good)],
)
def test_rule_good_example_is_clean(spec: RuleSpec, example: str) -> None:
    assert spec.code not in _fired(example, spec.example_type)


def _term_id(term: Term) -> str:
    return f"{term.file}#{term.index}"


@pytest.mark.parametrize(
    ("term", "example"),
    [(term, example) for term in TERMS for example in term.bad],
    ids=[f"{_term_id(term)}-bad{i}" for term in TERMS for i, _ in enumerate(term.bad)],
)
def test_lexicon_bad_example_triggers_its_rule(term: Term, example: str) -> None:
    spec = SPECS[term.rule]
    assert term.rule in _fired(example, spec.example_type)


@pytest.mark.parametrize(
    ("term", "example"),
    [(term, example) for term in TERMS for example in term.good],
    ids=[f"{_term_id(term)}-good{i}" for term in TERMS for i, _ in enumerate(term.good)],
)
def test_lexicon_good_example_is_clean(term: Term, example: str) -> None:
    spec = SPECS[term.rule]
    assert term.rule not in _fired(example, spec.example_type)


def test_every_lexicon_rule_exists() -> None:
    unknown = {term.rule for term in default_lexicon().terms} - set(SPECS)
    assert not unknown


def test_every_term_has_examples() -> None:
    missing = [_term_id(term) for term in TERMS if not term.bad]
    assert not missing


def test_every_lexicon_pattern_compiles() -> None:
    lexicon = default_lexicon()
    for term in lexicon.terms:
        for pattern in term.patterns():
            pattern.validate()
    for cue in lexicon.cues.values():
        cue.regex.validate()
