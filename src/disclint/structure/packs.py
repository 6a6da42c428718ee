"""Required-section packs, loaded from ``lexicons/sections.toml``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from disclint.i18n import _
from disclint.lexicons import Lexicon, LexiconError
from disclint.messages import regex_reason
from disclint.model.findings import Severity

_SECTION_KEYS = {
    "pack",
    "id",
    "name",
    "severity",
    "severity_when_forward",
    "source",
    "expects",
    "headings",
    "keywords",
    "min_keywords",
    "when",
    "risk_warning",
    "reasons",
}
_PACK_KEYS = {"doc_type", "name", "source", "order"}
CONDITIONS = {"forward", "unimplemented", "full_draft", "low_payout"}
# Keywords computed by code rather than a pattern.
SPECIAL_KEYWORDS = {"@future_year"}


@dataclass(frozen=True)
class SectionSpec:
    pack: str
    id: str
    name: str
    severity: Severity
    source: str
    expects: str
    headings: tuple[re.Pattern[str], ...]
    keywords: tuple[re.Pattern[str], ...]
    special_keywords: tuple[str, ...]
    min_keywords: int
    when: str | None
    severity_when_forward: Severity | None
    risk_warning: bool
    reasons: bool


@dataclass(frozen=True)
class Pack:
    doc_type: str
    name: str
    source: str
    sections: tuple[SectionSpec, ...]

    def section(self, section_id: str) -> SectionSpec | None:
        return next((section for section in self.sections if section.id == section_id), None)

    @property
    def has_risk_warning(self) -> bool:
        return any(section.risk_warning for section in self.sections)


def _patterns(values: Any, where: str) -> tuple[tuple[re.Pattern[str], ...], tuple[str, ...]]:
    if values is None:
        return (), ()
    if not isinstance(values, list) or not all(isinstance(item, str) for item in values):
        raise LexiconError(_("{where}: must be a list of patterns").format(where=where))
    compiled = []
    special = []
    for item in values:
        if item.startswith("@"):
            if item not in SPECIAL_KEYWORDS:
                raise LexiconError(_("{where}: unknown special keyword {item}").format(where=where, item=item))
            special.append(item)
            continue
        try:
            compiled.append(re.compile(item))
        except re.error as exc:
            raise LexiconError(
                _("{where}: bad pattern {item!r}: {reason}").format(where=where, item=item, reason=regex_reason(exc))
            ) from exc
    return tuple(compiled), tuple(special)


def _severity(value: Any, where: str) -> Severity:
    if not isinstance(value, str):
        raise LexiconError(_("{where}: severity must be error, warning or info").format(where=where))
    try:
        return Severity(value)
    except ValueError as exc:
        raise LexiconError(_("{where}: severity must be error, warning or info").format(where=where)) from exc


def _file_of(files: list[str], number: int) -> str:
    return files[number - 1] if 0 < number <= len(files) else "sections.toml"


def load_packs(lexicon: Lexicon) -> dict[str, Pack]:
    packs_raw = lexicon.tables.get("pack", [])
    sections_raw = lexicon.tables.get("section", [])
    section_files = lexicon.table_files.get("section", [])
    pack_files = lexicon.table_files.get("pack", [])
    sections_by_pack: dict[str, dict[str, SectionSpec]] = {}
    for number, raw in enumerate(sections_raw, start=1):
        where = f"{_file_of(section_files, number)} section #{number} ({raw.get('id', '?')})"
        unknown = set(raw) - _SECTION_KEYS
        if unknown:
            raise LexiconError(
                _("{where}: unknown key(s) {choices}").format(
                    where=where, choices=", ".join(repr(key) for key in sorted(unknown))
                )
            )
        for key in ("pack", "id", "name", "severity", "source", "expects"):
            if not isinstance(raw.get(key), str) or not raw[key]:
                raise LexiconError(_("{where}: '{key}' is required").format(where=where, key=key))
        when = raw.get("when")
        if when is not None and (not isinstance(when, str) or when not in CONDITIONS):
            raise LexiconError(_("{where}: unknown condition {when!r}").format(where=where, when=when))
        headings, _sources = _patterns(raw.get("headings"), f"{where} headings")
        keywords, special = _patterns(raw.get("keywords"), f"{where} keywords")
        forward = raw.get("severity_when_forward")
        min_keywords = raw.get("min_keywords", 1)
        if not isinstance(min_keywords, int) or isinstance(min_keywords, bool) or not 0 <= min_keywords <= 1000:
            raise LexiconError(_("{where}: 'min_keywords' must be a whole number from 0 to 1000").format(where=where))
        for key in ("risk_warning", "reasons"):
            if key in raw and not isinstance(raw[key], bool):
                raise LexiconError(_("{where}: '{key}' must be true or false").format(where=where, key=key))
        spec = SectionSpec(
            pack=raw["pack"],
            id=raw["id"],
            name=raw["name"],
            severity=_severity(raw["severity"], where),
            source=raw["source"],
            expects=raw["expects"],
            headings=headings,
            keywords=keywords,
            special_keywords=special,
            min_keywords=min_keywords,
            when=when,
            severity_when_forward=_severity(forward, where) if forward else None,
            risk_warning=bool(raw.get("risk_warning", False)),
            reasons=bool(raw.get("reasons", False)),
        )
        sections_by_pack.setdefault(spec.pack, {})[spec.id] = spec
    packs: dict[str, Pack] = {}
    for number, raw in enumerate(packs_raw, start=1):
        where = f"{_file_of(pack_files, number)} pack #{number} ({raw.get('doc_type', '?')})"
        unknown = set(raw) - _PACK_KEYS
        if unknown:
            raise LexiconError(
                _("{where}: unknown key(s) {choices}").format(
                    where=where, choices=", ".join(repr(key) for key in sorted(unknown))
                )
            )
        doc_type = raw.get("doc_type")
        order = raw.get("order")
        if not isinstance(doc_type, str) or not isinstance(order, list):
            raise LexiconError(_("{where}: 'doc_type' and 'order' are required").format(where=where))
        if not all(isinstance(item, str) for item in order):
            raise LexiconError(_("{where}: 'order' must list section ids (strings)").format(where=where))
        for key in ("name", "source"):
            if key in raw and not isinstance(raw[key], str):
                raise LexiconError(_("{where}: '{key}' must be a string").format(where=where, key=key))
        defined = sections_by_pack.get(doc_type, {})
        missing = [section_id for section_id in order if section_id not in defined]
        extra = set(defined) - set(order)
        if missing or extra:
            raise LexiconError(
                _("{where}: order and sections differ ({choices})").format(
                    where=where, choices=", ".join(sorted(set(missing) | extra))
                )
            )
        packs[doc_type] = Pack(
            doc_type=doc_type,
            name=str(raw.get("name", doc_type)),
            source=str(raw.get("source", "")),
            sections=tuple(defined[section_id] for section_id in order),
        )
    orphans = set(sections_by_pack) - set(packs)
    if orphans:
        raise LexiconError(
            _("sections.toml: sections for unknown pack(s) {choices}").format(choices=", ".join(sorted(orphans)))
        )
    return packs


def get_packs(lexicon: Lexicon) -> dict[str, Pack]:
    """Packs of ``lexicon``, loaded once per lexicon object."""
    cached = lexicon.memo.get("packs")
    if not isinstance(cached, dict):
        cached = load_packs(lexicon)
        lexicon.memo["packs"] = cached
    return cached
