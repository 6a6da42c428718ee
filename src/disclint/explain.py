"""Render the rule registry for people: ``rules``, ``explain`` and docs/rules.md."""

from __future__ import annotations

import json
from typing import Any

from disclint.i18n import N_, _, is_chinese, speaking
from disclint.lexicons import Lexicon
from disclint.messages import counted
from disclint.model.catalogue import Catalogue, RuleInfo
from disclint.model.findings import Severity
from disclint.rules import RuleSpec, all_rules, get_rule
from disclint.startup.lexicon import default_lexicon
from disclint.structure.packs import get_packs


def _severity(severity: Severity) -> str:
    from disclint.report.text import severity_label

    return severity_label(severity)


def _listed(items: list[str] | tuple[str, ...]) -> str:
    return _(", ").join(items)


def catalogue(*, with_help: bool = False) -> Catalogue:
    """The registry as reporters see it; ``with_help`` adds what ``explain CODE`` prints (SARIF)."""
    return Catalogue(
        RuleInfo(
            code=spec.code,
            name=spec.name,
            category=spec.category,
            severity=spec.severity,
            summary=spec.summary,
            rationale=spec.rationale,
            scope=spec.scope,
            help=(render_explain(spec.code) or spec.summary) if with_help else "",
        )
        for spec in all_rules()
    )


def rule_record(spec: RuleSpec, lexicon: Lexicon) -> dict[str, Any]:
    return {
        "code": spec.code,
        "name": spec.name,
        "category": spec.category.value,
        "severity": spec.severity.value,
        "summary": spec.summary,
        "rationale": spec.rationale,
        "reference": lexicon.cite(spec.reference),
        "scope": spec.scope,
        "doc_types": sorted(spec.doc_types) if spec.doc_types else None,
        "suggestion": spec.suggestion,
        "examples": {"bad": list(spec.bad), "good": list(spec.good)},
        "lexicon_terms": len(lexicon.terms_for(spec.code)),
    }


def pack_records(lexicon: Lexicon) -> list[dict[str, Any]]:
    records = []
    for pack in get_packs(lexicon).values():
        records.append(
            {
                "doc_type": pack.doc_type,
                "name": pack.name,
                "reference": lexicon.cite(pack.source),
                "sections": [
                    {
                        "id": section.id,
                        "name": section.name,
                        "severity": section.severity.value,
                        "severity_when_forward": section.severity_when_forward.value
                        if section.severity_when_forward
                        else None,
                        "required_when": section.when,
                        "expects": section.expects,
                        "reference": lexicon.cite(section.source),
                    }
                    for section in pack.sections
                ],
            }
        )
    return records


def _runs_on(spec: RuleSpec, name: str, packs: dict[str, Any]) -> bool:
    """``spec`` runs on documents of type ``name`` (the missing-section rule only where a pack exists)."""
    from disclint.structure import doctypes

    if spec.category.value == "missing_section" and doctypes.get(name).pack not in packs:
        return False
    return spec.applies_to(name)


def doc_type_records(lexicon: Lexicon) -> list[dict[str, Any]]:
    """Every document type of the registry: name, label, title patterns, pack and the rules run on it."""
    from disclint.structure import doctypes

    packs = get_packs(lexicon)
    rules = all_rules()
    records = []
    for name in doctypes.names():
        doc_type = doctypes.get(name)
        records.append(
            {
                "name": name,
                "label": doc_type.label,
                "summary": doc_type.summary,
                "titles": [pattern.pattern for pattern in doc_type.titles],
                "pack": doc_type.pack if doc_type.pack in packs else None,
                "rules": [spec.code for spec in rules if _runs_on(spec, name, packs)],
                "skipped": sorted(doc_type.skip),
                "skip_reason": doc_type.skip_reason or None,
                "reference": doc_type.source or None,
            }
        )
    return records


def _doc_type_lines(lexicon: Lexicon, name: str) -> list[str]:
    from disclint.structure import doctypes

    doc_type = doctypes.get(name)
    rules = [spec.code for spec in all_rules() if _runs_on(spec, name, get_packs(lexicon))]
    lines = [_("{name} ({label}): {summary}").format(name=name, label=doc_type.label, summary=doc_type.summary)]
    if doc_type.titles:
        patterns = _(" or ").join(f"/{pattern.pattern}/" for pattern in doc_type.titles)
        lines.append(_("recognised by a title matching {patterns}").format(patterns=patterns))
    if doc_type.source:
        lines.append(
            _("format and content: {source} (what the document type is; not the basis of a finding)").format(
                source=doc_type.source
            )
        )
    lines.append(_("rules run: {rules}").format(rules=", ".join(rules)))
    if doc_type.skip:
        lines.append(
            _("not run: {rules} ({reason})").format(rules=", ".join(sorted(doc_type.skip)), reason=doc_type.skip_reason)
        )
    if doc_type.pack not in get_packs(lexicon):
        lines.append(_("required sections: none (not checked against any document's required sections)"))
    return lines


def render_rules_json() -> str:
    lexicon = default_lexicon()
    data = {
        "rules": [rule_record(spec, lexicon) for spec in all_rules()],
        "packs": pack_records(lexicon),
        "doc_types": doc_type_records(lexicon),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


_CONDITIONS = {
    "forward": N_("when it sets a quantified target or makes a forecast"),
    "unimplemented": N_("when the text says a measure was not carried out or completed"),
    "full_draft": N_("in the full draft only (a summary may leave it out)"),
    "low_payout": N_("when no dividend is paid or the cash payout is below 30%"),
}


def _pack_lines(lexicon: Lexicon, only: str | None = None) -> list[str]:
    lines = []
    for pack in get_packs(lexicon).values():
        if only and pack.doc_type != only:
            continue
        lines += [
            "",
            _("{type} ({name}) — basis: {basis}").format(
                type=pack.doc_type, name=pack.name, basis=lexicon.cite(pack.source)
            ),
        ]
        for section in pack.sections:
            severity = _severity(section.severity)
            if section.severity_when_forward:
                severity = _("{severity}; {forward} with a quantified target").format(
                    severity=severity, forward=_severity(section.severity_when_forward)
                )
            condition = _("; ") + _(_CONDITIONS[section.when]) if section.when else ""
            lines.append(
                _("  - {id}: {name} ({severity}{condition})").format(
                    id=section.id, name=section.name, severity=severity, condition=condition
                )
            )
            lines.append("      " + _("should say: ") + section.expects)
            lines.append("      " + _("basis: ") + lexicon.cite(section.source))
    return lines


def render_rules_text() -> str:
    """One line a rule; the severity in the user's language (错误/警告/提示), padded by display width."""
    import unicodedata

    from disclint.report.text import severity_label

    def padded(text: str, width: int) -> str:
        shown = sum(2 if unicodedata.east_asian_width(char) in ("W", "F") else 1 for char in text)
        return text + " " * max(1, width - shown)

    lines = []
    for spec in all_rules():
        lines.append(f"{spec.code}  {spec.category.value:<16} {padded(severity_label(spec.severity), 9)}{spec.summary}")
    return "\n".join(lines) + "\n"


def render_explain(code: str) -> str | None:
    """A rule code (PT001), or a document type (action_plan) for its required sections."""
    from disclint.structure import doctypes

    lexicon = default_lexicon()
    packs = get_packs(lexicon)
    if code in packs:
        lines = [
            _("required sections of {code} (missing_section, rule MS001):").format(code=code),
            *_pack_lines(lexicon, code)[1:],
        ]
        return "\n".join([*lines, "", *_doc_type_lines(lexicon, code)]) + "\n"
    if code in doctypes.registry():
        return "\n".join(_doc_type_lines(lexicon, code)) + "\n"
    spec = get_rule(code)
    if spec is None:
        return None
    severity = spec.severity.value
    if is_chinese():  # the config's name and the word people say: warning（警告）
        severity += f"（{_severity(spec.severity)}）"
    lines = [
        f"{spec.code} {spec.name} — {spec.summary}",
        "",
        _("category: {category}    default severity: {severity}").format(
            category=spec.category.value, severity=severity
        ),
        _("basis: ") + lexicon.cite(spec.reference),
        "",
        *basis_lines(lexicon, spec.reference),
        _("rationale:"),
        f"  {spec.rationale}",
        "",
    ]
    if spec.suggestion:
        lines += [_("suggested rewrite:"), f"  {spec.suggestion}", ""]
    lines.append(_("examples that break the rule:"))
    lines += [f"  ✗ {example}" for example in spec.bad]
    lines.append(_("examples that comply:"))
    lines += [f"  ✓ {example}" for example in spec.good]
    if spec.category.value == "missing_section":
        lines += [
            "",
            _("required sections of each document type (lexicons/sections.toml; `disclint explain <type>` shows one):"),
            *_pack_lines(lexicon),
        ]
    terms = lexicon.terms_for(spec.code)
    if terms:
        lines += [
            "",
            _("lexicon ({entries}, see lexicons/{file}):").format(
                entries=counted("entry", len(terms)), file=terms[0].file
            ),
        ]
        for term in terms[:12]:
            label = term.label if len(term.label) <= 60 else term.label[:57] + "…"
            lines.append(
                _("  - {term}  ({reason}; {basis})").format(
                    term=label, reason=term.reason, basis=_basis_titles(lexicon, term.source)
                )
            )
        if len(terms) > 12:
            lines.append(_("  … and {entries} more").format(entries=counted("entry", len(terms) - 12)))
    lines += _frame_lines(lexicon, spec.code)
    return "\n".join(lines) + "\n"


_PREDICATES = {
    "negated": N_("a negation or prohibition before the match in the same clause (不得、不构成、不设定……)"),
    "investor_question": N_("quotes an investor's question"),
    "in_title": N_("inside the 《》 of a title"),
    "rule_text": N_("the text of a rule or policy"),
    "past_fact": N_("the clause only states a past fact"),
    "condition": N_("a conditional sentence (若……则……)"),
    "attributed": N_("the clause names its source or an official finding"),
    "heading": N_("a heading line"),
}


def _slot_text(lexicon: Lexicon, slot: str) -> str:
    """A frame item for people: a class with its label and first members, a quantity, or a regex."""
    optional = slot.startswith("?")
    body = slot[1:] if optional else slot
    if body.startswith("$q"):
        kinds = body.partition(":")[2]
        shown = _("〔quantity: {kinds}〕").format(kinds=kinds) if kinds else _("〔quantity〕")
    elif body.startswith("@"):
        parts = []
        for name in body.split("|"):
            word_class = lexicon.frames.classes.get(name[1:])
            if word_class is None:
                parts.append(name)
                continue
            sample = "、".join((word_class.members + word_class.context_dependent)[:4])
            count = len(word_class.members) + len(word_class.context_dependent)
            parts.append(
                _("{name}〔{label}: {sample}… {count} in all〕").format(
                    name=name, label=word_class.label, sample=sample, count=count
                )
            )
        shown = _(" or ").join(parts)
    else:
        shown = f"/{body}/"
    return _("(optional) {item}").format(item=shown) if optional else shown


def _condition_text(item: str) -> str:
    if item in _PREDICATES:
        return _("{name}: {meaning}").format(name=item, meaning=_(_PREDICATES[item]))
    return item if item.startswith("@") else f"/{item}/"


def _frame_lines(lexicon: Lexicon, code: str) -> list[str]:
    """The frames of rule ``code`` (lexicons/frames) and the classes they use (lexicons/classes)."""
    frames = lexicon.frames.frames_for(code)
    if not frames:
        return []
    lines = [
        "",
        _("frames ({count}, see lexicons/frames/; word classes in lexicons/classes/):").format(count=len(frames)),
    ]
    for frame in frames:
        scope = _("the same clause") if frame.within == "clause" else _("the same sentence")
        lines.append(_("  - {name} ({file}): {reason}").format(name=frame.name, file=frame.file, reason=frame.reason))
        lines.append(
            _("      in this order (within {scope}, at most {gap} characters between two items):").format(
                scope=scope, gap=frame.gap
            )
        )
        lines += [
            f"        {index}. {_slot_text(lexicon, slot.text if not slot.optional else '?' + slot.text)}"
            for index, slot in enumerate(frame.seq, start=1)
        ]
        if frame.require or frame.require_sentence:
            needed = [
                *frame.require,
                *(_("{item} (whole sentence)").format(item=item) for item in frame.require_sentence),
            ]
            lines.append("      " + _("must also appear: ") + _("; ").join(needed))
        if frame.allow:
            lines.append(
                "      " + _("set phrases (a match overlapping one is not reported): ") + _("; ").join(frame.allow)
            )
        if frame.unless or frame.unless_sentence:
            lines.append("      " + _("not reported when:"))
            lines += [f"        · {_condition_text(item)}" for item in frame.unless]
            lines += ["        · " + _("whole sentence: ") + _condition_text(item) for item in frame.unless_sentence]
        lines.append(f"      ✗ {frame.bad[0]}")
        lines.append(f"      ✓ {frame.good[0]}")
    return lines


def _basis_titles(lexicon: Lexicon, reference: str) -> str:
    citations = lexicon.citations
    if not citations.known(reference):
        return reference
    return "；".join(basis.title + item for basis, item in citations.parse(reference))


_SCOPES = {
    "all": N_("any exchange (CSRC rules)"),
    "sse": N_("SSE"),
    "sse_main": N_("SSE main board"),
    "sse_star": N_("SSE STAR Market"),
    "szse": N_("SZSE"),
    "szse_main": N_("SZSE main board"),
    "szse_chinext": N_("SZSE ChiNext"),
    "bse": N_("BSE"),
}


def basis_lines(lexicon: Lexicon, reference: str) -> list[str]:
    """Each basis of ``reference`` with every clause it cites, per exchange and board:
    title, issuer, date, number, article, the quoted sentence and whether it was checked."""
    citations = lexicon.citations
    if not citations.known(reference):
        return []
    lines = [_("the clauses cited (by exchange and board; a board's own clause replaces its exchange's general one):")]
    for basis, item in citations.parse(reference):
        lines.append(_("  {id}: {title}").format(id=basis.id + item, title=basis.title))
        for scope, clause_ids in basis.lists.items():
            lines.append(f"    [{_(_SCOPES[scope]) if scope in _SCOPES else scope}]")
            for clause_id in clause_ids:
                clause = citations.clauses[clause_id]
                doc = clause.document
                number = f"，{doc.number}" if doc.number else ""
                flag = _("checked against the text") if clause.verified else _("not verified")
                lines.append(
                    f"      《{doc.title}》（{doc.issuer}，{doc.date}{number}）{clause.article_with(item)}〔{flag}〕"
                )
                if clause.quote:
                    lines.append(f"        “{clause.quote}”")
                if clause.scope:
                    lines.append(
                        "        "
                        + _("applies to: {types} (a finding in another document does not cite it)").format(
                            types=_listed(clause.scope)
                        )
                    )
                if clause.note:
                    lines.append("        " + _("note: ") + clause.note)
                if clause.found_at:
                    lines.append("        " + _("found at: ") + clause.found_at)
    lines.append("")
    return lines


def _md(text: str) -> str:
    """Text shown as is in Markdown: ``<`` escaped (the ST1xx examples are HTML comments)."""
    return text.replace("<", "&lt;")


def render_rules_markdown() -> str:
    """docs/rules.md, generated; a test fails when the committed file is stale (in Chinese, whatever the locale)."""
    with speaking("zh"):
        return _rules_markdown()


def _rules_markdown() -> str:
    lexicon = default_lexicon()
    out = [
        "# disclint rules",
        "",
        "<!-- Generated by `python -m disclint.explain > docs/rules.md`; do not edit by hand. -->",
        "",
        "| code | category | severity | summary |",
        "|---|---|---|---|",
    ]
    specs = all_rules()
    for spec in specs:
        out.append(
            f"| [{spec.code}](#{spec.code.lower()}) | {spec.category.value} | {spec.severity.value} | {spec.summary} |"
        )
    for spec in specs:
        out += [
            "",
            f"## {spec.code}",
            "",
            f"**{spec.summary}** (`{spec.name}`) — {spec.category.value}, {spec.severity.value}",
            "",
            _md(spec.rationale),
            "",
            f"依据：{lexicon.cite(spec.reference)}",
            "",
        ]
        if spec.suggestion:
            out += [f"改写建议：{spec.suggestion}", ""]
        out += [f"- ✗ {_md(example)}" for example in spec.bad]
        out += [f"- ✓ {_md(example)}" for example in spec.good]
        terms = lexicon.terms_for(spec.code)
        if terms:
            out += ["", f"词表：`lexicons/{terms[0].file}` 中 {len(terms)} 条。"]
        if spec.category.value == "missing_section":
            out += ["", "```", *[line for line in _pack_lines(lexicon) if line], "```"]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    print(render_rules_markdown(), end="")
