"""Every rule's and every lexicon entry's own examples run as tests (like prh's specs):
a bad example must trigger that rule — for a lexicon entry, through that entry itself and at
the span it matches — and a good one must not."""

from __future__ import annotations

import pytest

from disclint.frames import Frame
from disclint.lexicons import Term
from disclint.rules import RuleSpec, all_rules
from disclint.startup.lexicon import default_lexicon
from disclint.startup.specs import entry_report, reported_at_match, reported_without_entries
from helpers import lint_text

RULES = all_rules()
SPECS = {spec.code: spec for spec in RULES}
LEXICON = default_lexicon()
TERMS = [term for term in LEXICON.terms if term.rule in SPECS]


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
def test_lexicon_bad_example_is_its_own_entrys_finding(term: Term, example: str) -> None:
    spec = SPECS[term.rule]
    assert term.rule in _fired(example, spec.example_type)
    assert_own_finding(term, example, spec.example_type)


def assert_own_finding(term: Term, example: str, doc_type: str) -> None:
    """The entry itself matches the example (after its own context checks), and its rule,
    with this entry and no other of its terms or frames, reports a span holding the match:
    an example that another entry or the rule's own code catches proves nothing about it."""
    matched, reported = entry_report(LEXICON, term, example, doc_type)
    assert matched, f"{_term_id(term)} does not match its own example {example!r}"
    shown = [example[start:end] for start, end in reported]
    assert reported_at_match(matched, reported), (
        f"{_term_id(term)} matches {[example[start:end] for start, end in matched]} in {example!r}, "
        f"but {term.rule} with this entry alone reports {shown}"
    )


def _only_it_catches(entry: Term | Frame, example: str, doc_type: str) -> bool:
    """The rule reports the entry's match with the entry, and not there without any entry."""
    matched, reported = entry_report(LEXICON, entry, example, doc_type)
    without = set(reported_without_entries(LEXICON, entry.rule, example, doc_type))
    return any(
        start <= own_start and own_end <= end
        for own_start, own_end in matched
        for start, end in reported
        if (start, end) not in without
    )


FRAMES = [frame for frame in LEXICON.frames.frames if frame.rule in SPECS]


@pytest.mark.parametrize("term", TERMS, ids=[_term_id(term) for term in TERMS])
def test_every_term_has_an_example_only_it_catches(term: Term) -> None:
    """An entry whose every example the rule's own code (a future cue with an improvement
    verb, a quantified forecast) also reports could be broken without a test noticing."""
    assert any(_only_it_catches(term, example, SPECS[term.rule].example_type) for example in term.bad)


@pytest.mark.parametrize("frame", FRAMES, ids=[frame.where for frame in FRAMES])
def test_every_frame_has_an_example_only_it_catches(frame: Frame) -> None:
    assert any(_only_it_catches(frame, example, "generic") for example in frame.bad)


def test_an_example_the_rule_catches_without_the_entry_does_not_count() -> None:
    pledge = next(term for term in TERMS if term.rule == "VP001" and "积极推进" in term.literals)
    assert not _only_it_catches(pledge, "公司将积极推进募投项目建设，努力提升经营质量。", "action_plan")
    assert _only_it_catches(pledge, "公司积极推进募投项目建设。", "action_plan")


def test_an_example_of_another_entry_fails() -> None:
    """A bad example that the rule reports through another entry fails the own-entry check."""
    ranking = next(term for term in TERMS if term.rule == "HY001" and "遥遥领先" in term.literals)
    borrowed = next(
        example
        for term in TERMS
        if term.rule == "HY001" and "遥遥领先" not in term.literals
        for example in term.bad
        if "遥遥领先" not in example
    )
    assert "HY001" in _fired(borrowed, "generic")  # what the old test checked: it would pass
    with pytest.raises(AssertionError, match="does not match its own example"):
        assert_own_finding(ranking, borrowed, "generic")


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
