"""Helpers shared by the rule modules: running lexicon terms with the
context checks every wording rule needs."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from disclint.analysis import Analysis, Hit
from disclint.model.findings import Finding, Severity
from disclint.rules.registry import RuleSpec
from disclint.structure import doctypes
from disclint.text.sentences import Sentence

HitFilter = Callable[[Analysis, Hit], bool]


# Which context tests each category's hits go through (besides negation, quoted
# questions and 《titles》): a definitions entry defines a term; a claim whose subject
# is the country, an industry or another company is not the company's; a source
# named in the sentence or the next one backs a ranking or a market forecast; a
# risk-factor section describes risks, it does not pledge or forecast; a section on
# competitors, comparable companies, customers or suppliers speaks of them; a table
# cell is not a sentence of prose.
_SUBJECT_TESTED = frozenset({"hype", "price_target", "hot_topic", "forward_looking", "vague_pledge"})
_SOURCE_TESTED = frozenset({"HY001", "HY005", "FL001"})
_RISK_TESTED = frozenset({"vague_pledge", "forward_looking", "HY004", "HY005"})
_TABLE_TESTED = frozenset({"vague_pledge", "forward_looking"})
_INDUSTRY_TESTED = frozenset({"hype", "price_target", "hot_topic"})
# A goal named after the words or by a purpose word before them, in a long filing's plans.
_GOAL_BEFORE = re.compile(
    r"以求|以期|力求|成长为|争做|争当|争创|(?:^|[，,])并成为|使[^，。；]{0,12}(?:达到|成为|跻身|进入)"
)
_GOAL_AFTER = re.compile(r"[^，。；]{0,20}?为(?:目标|方向|愿景|宗旨|追求)")


def outside_rule_sections(analysis: Analysis, spec: RuleSpec, sentence: Sentence) -> bool:
    """The document's type reads ``spec`` only in some sections (DocType.rule_sections), not this
    one, and the sentence does not make a promise of its own ("公司将确保2026年营业收入增长……")."""
    cue = doctypes.get(analysis.doc_type).section_cue(spec.code)
    if cue is None or analysis.under_heading(cue, sentence):
        return False
    return not analysis.has_cue("explicit_promise", sentence.text)


def not_own_claim(
    analysis: Analysis, spec: RuleSpec, sentence: Sentence, index: int, *, subjectless: bool = False
) -> bool:
    """The words at ``sentence.text[index]`` are not a claim the company makes of itself.

    ``subjectless``: the sentence is a plan's imperative that opens with its verb
    ("深入贯彻落实国务院……决策部署，扎实推进……"); the company is its subject, and a
    country or authority after that verb is an object, not whose claim it is."""
    category = spec.category.value
    if category not in _SUBJECT_TESTED:
        return False
    if analysis.is_definition(sentence):
        return True
    if category in _TABLE_TESTED and analysis.in_table(sentence):
        return True
    if (category in _RISK_TESTED or spec.code in _RISK_TESTED) and analysis.in_risk_section(sentence):
        return True
    if spec.code in _SOURCE_TESTED and analysis.attributed(
        sentence, approvals=not analysis.has_cue("first_claim", sentence.text[index : index + 6])
    ):
        return True
    if category != "vague_pledge" and analysis.under_heading("other_party_heading", sentence):
        return True  # a section on competitors, comparable companies, customers or suppliers
    if (
        category in _INDUSTRY_TESTED
        and doctypes.get(analysis.doc_type).industry_prose
        and analysis.under_heading("industry_heading", sentence)
        and not analysis.names_the_issuer(sentence)
    ):
        return True  # a long filing's chapter on its industry, in a sentence that does not name the company
    if category == "hype" and not doctypes.get(analysis.doc_type).goals_are_claims:
        clause_start, clause_end = sentence.clause_at(index)
        if analysis.has_cue("aspiration", sentence.text[clause_start:index]):
            return True
        if _GOAL_BEFORE.search(sentence.text[clause_start:index]) or _GOAL_AFTER.match(
            sentence.text, index, clause_end
        ):
            return True  # "以求填补国内空白", "公司以国内领先、国际先进为目标"
    if category == "hype" and analysis.describes_a_partner(sentence, index):
        return True  # a ranking of the party the company works with, not of the company
    return spec.code != "HY006" and not subjectless and analysis.claim_subject(sentence, index) == "other"


def lexicon_hits(
    analysis: Analysis,
    spec: RuleSpec,
    *,
    skip_sentence: Callable[[Analysis, Sentence], bool] | None = None,
    keep: HitFilter | None = None,
    frame_keep: HitFilter | bool | None = True,
) -> Iterator[Hit]:
    """Hits of the rule's lexicon terms that are not negated, quoted from an
    investor's question or inside a 《title》, then the hits of its frames
    (``lexicons/frames``), whose own ``unless`` lists say when they do not count.

    Frame hits go through ``frame_keep`` (``True``: the same ``keep`` as the terms;
    ``None``: none, the frames' ``unless`` lists say it all) and the common subject tests."""
    yield from _term_hits(analysis, spec, skip_sentence=skip_sentence, keep=keep)
    frame_filter = keep if frame_keep is True else (frame_keep or None)
    skipped: dict[int, bool] = {}
    for hit in analysis.frame_hits(spec.code):
        if skip_sentence is not None:
            skip = skipped.get(hit.sentence.index)
            if skip is None:
                skip = skipped[hit.sentence.index] = skip_sentence(analysis, hit.sentence)
            if skip:
                continue
        if frame_filter is not None and not frame_filter(analysis, hit):
            continue
        if not_own_claim(analysis, spec, hit.sentence, hit.start):
            continue
        if outside_rule_sections(analysis, spec, hit.sentence):
            continue
        yield hit


def _term_hits(
    analysis: Analysis,
    spec: RuleSpec,
    *,
    skip_sentence: Callable[[Analysis, Sentence], bool] | None = None,
    keep: HitFilter | None = None,
) -> Iterator[Hit]:
    terms = analysis.lexicon.terms_for(spec.code)
    if not terms:
        return
    term_ids = frozenset(map(id, terms))
    for sentence in analysis.sentences_with(term_ids):
        present = analysis.present_terms(terms, term_ids, sentence)
        if not present:
            continue
        if skip_sentence is not None and skip_sentence(analysis, sentence):
            continue
        if outside_rule_sections(analysis, spec, sentence):
            continue
        checked_question: bool | None = None
        for term in present:
            for hit in analysis.term_hits(term, sentence):
                if analysis.in_title(sentence, hit.start, hit.end):
                    continue
                if analysis.negated(sentence, hit.start):
                    continue
                if checked_question is None:
                    checked_question = analysis.is_investor_question(sentence)
                if checked_question:
                    break
                if keep is not None and not keep(analysis, hit):
                    continue
                if not_own_claim(analysis, spec, sentence, hit.start):
                    continue
                yield hit
            if checked_question:
                break


def merge_overlapping(hits: list[Hit]) -> list[Hit]:
    """Keep the longest of overlapping hits in one sentence (leftmost first)."""
    ordered = sorted(hits, key=lambda hit: (hit.sentence.index, hit.start, -(hit.end - hit.start)))
    kept: list[Hit] = []
    for hit in ordered:
        if kept and kept[-1].sentence is hit.sentence and hit.start < kept[-1].end:
            continue
        kept.append(hit)
    return kept


def rule_finding(
    analysis: Analysis,
    spec: RuleSpec,
    sentence: Sentence,
    start: int,
    end: int,
    message: str,
    *,
    severity: Severity | None = None,
    suggestion: str | None = None,
    source: str | None = None,
    section: str | None = None,
) -> Finding:
    """A finding of rule ``spec`` on ``sentence.text[start:end]``; the severity,
    suggestion and clause (``source``, cited in full) default to the rule's."""
    return analysis.finding(
        code=spec.code,
        category=spec.category,
        severity=severity or spec.severity,
        message=message,
        sentence=sentence,
        start=start,
        end=end,
        suggestion=suggestion or spec.suggestion,
        reference=analysis.lexicon.cite(
            spec.reference if source is None else source, analysis.market, _doc_type(analysis, sentence)
        ),
        section=section,
    )


def _doc_type(analysis: Analysis, sentence: Sentence) -> str:
    """The type of the document (the part of a bundle) the sentence is in: which clauses it may cite."""
    part = analysis.part_of(sentence)
    return part.doc_type if part else analysis.doc_type


def finding_for_hit(analysis: Analysis, spec: RuleSpec, hit: Hit, *, message: str | None = None) -> Finding:
    term = hit.term
    return rule_finding(
        analysis,
        spec,
        hit.sentence,
        hit.start,
        hit.end,
        message or f"{term.reason}：“{hit.text}”",
        severity=term.severity,
        suggestion=term.suggest,
        source=term.source,
    )
