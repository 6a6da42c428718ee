"""Render the rule registry for people: ``rules``, ``explain`` and docs/rules.md."""

from __future__ import annotations

import json
from typing import Any

from disclint.lexicons import Lexicon
from disclint.model.catalogue import Catalogue, RuleInfo
from disclint.rules import RuleSpec, all_rules, get_rule
from disclint.startup.lexicon import default_lexicon
from disclint.structure.packs import get_packs

_SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


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
    lines = [f"{name}（{doc_type.label}）：{doc_type.summary}"]
    if doc_type.titles:
        lines.append("识别：标题符合 " + " 或 ".join(f"/{pattern.pattern}/" for pattern in doc_type.titles))
    if doc_type.source:
        lines.append(f"格式与内容见：{doc_type.source}（文件类型的说明，不是发现的依据）")
    lines.append(f"适用规则：{', '.join(rules)}")
    if doc_type.skip:
        lines.append(f"不适用：{', '.join(sorted(doc_type.skip))}（{doc_type.skip_reason}）")
    if doc_type.pack not in get_packs(lexicon):
        lines.append("必备部分：无（不按任何文件的必备部分检查）")
    return lines


def render_rules_json() -> str:
    lexicon = default_lexicon()
    data = {
        "rules": [rule_record(spec, lexicon) for spec in all_rules()],
        "packs": pack_records(lexicon),
        "doc_types": doc_type_records(lexicon),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


_CONDITION_ZH = {
    "forward": "设定量化目标或作出预测时",
    "unimplemented": "文中写明有措施未实施或未完成时",
    "full_draft": "仅草案全文（摘要可不含）",
    "low_payout": "不分红或现金分红比例低于30%时",
}


def _pack_lines(lexicon: Lexicon, only: str | None = None) -> list[str]:
    lines = []
    for pack in get_packs(lexicon).values():
        if only and pack.doc_type != only:
            continue
        lines += ["", f"{pack.doc_type}（{pack.name}）— 依据：{lexicon.cite(pack.source)}"]
        for section in pack.sections:
            severity = _SEVERITY_ZH[section.severity.value]
            if section.severity_when_forward:
                severity += f"，有量化目标时为{_SEVERITY_ZH[section.severity_when_forward.value]}"
            condition = f"；{_CONDITION_ZH[section.when]}" if section.when else ""
            lines.append(f"  - {section.id}：{section.name}（{severity}{condition}）")
            lines.append(f"      应说明：{section.expects}")
            lines.append(f"      依据：{lexicon.cite(section.source)}")
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
        lines = [f"{code} 的必备部分（missing_section，规则 MS001）：", *_pack_lines(lexicon, code)[1:]]
        return "\n".join([*lines, "", *_doc_type_lines(lexicon, code)]) + "\n"
    if code in doctypes.registry():
        return "\n".join(_doc_type_lines(lexicon, code)) + "\n"
    spec = get_rule(code)
    if spec is None:
        return None
    lines = [
        f"{spec.code} {spec.name} — {spec.summary}",
        "",
        f"类别：{spec.category.value}    默认级别：{spec.severity.value}（{_SEVERITY_ZH[spec.severity.value]}）",
        f"依据：{lexicon.cite(spec.reference)}",
        "",
        *basis_lines(lexicon, spec.reference),
        "说明：",
        f"  {spec.rationale}",
        "",
    ]
    if spec.suggestion:
        lines += ["改写建议：", f"  {spec.suggestion}", ""]
    lines.append("不合规示例：")
    lines += [f"  ✗ {example}" for example in spec.bad]
    lines.append("合规示例：")
    lines += [f"  ✓ {example}" for example in spec.good]
    if spec.category.value == "missing_section":
        lines += [
            "",
            "各类文件的必备部分（lexicons/sections.toml；`disclint explain <文件类型>` 只看一类）：",
            *_pack_lines(lexicon),
        ]
    terms = lexicon.terms_for(spec.code)
    if terms:
        lines += ["", f"词表（{len(terms)} 条，见 lexicons/{terms[0].file}）："]
        for term in terms[:12]:
            label = term.label if len(term.label) <= 60 else term.label[:57] + "…"
            lines.append(f"  - {label}  （{term.reason}；{_basis_titles(lexicon, term.source)}）")
        if len(terms) > 12:
            lines.append(f"  …另有 {len(terms) - 12} 条")
    lines += _frame_lines(lexicon, spec.code)
    return "\n".join(lines) + "\n"


_PREDICATE_ZH = {
    "negated": "同一分句命中之前有否定或禁止（不得、不构成、不设定……）",
    "investor_question": "引述投资者的提问",
    "in_title": "在《》书名之内",
    "rule_text": "规则、制度条文",
    "past_fact": "分句只陈述过去的事实",
    "condition": "条件句（若……则……）",
    "attributed": "分句注明来源或官方认定",
    "heading": "标题行",
}


def _slot_text(lexicon: Lexicon, slot: str) -> str:
    """A frame item for people: a class with its label and first members, a quantity, or a regex."""
    optional = slot.startswith("?")
    body = slot[1:] if optional else slot
    if body.startswith("$q"):
        kinds = body.partition(":")[2]
        shown = f"〔数量{('：' + kinds) if kinds else ''}〕"
    elif body.startswith("@"):
        parts = []
        for name in body.split("|"):
            word_class = lexicon.frames.classes.get(name[1:])
            if word_class is None:
                parts.append(name)
                continue
            sample = "、".join((word_class.members + word_class.context_dependent)[:4])
            count = len(word_class.members) + len(word_class.context_dependent)
            parts.append(f"{name}〔{word_class.label}：{sample}…共{count}个〕")
        shown = " 或 ".join(parts)
    else:
        shown = f"/{body}/"
    return f"（可无）{shown}" if optional else shown


def _condition_text(item: str) -> str:
    if item in _PREDICATE_ZH:
        return f"{item}：{_PREDICATE_ZH[item]}"
    return item if item.startswith("@") else f"/{item}/"


def _frame_lines(lexicon: Lexicon, code: str) -> list[str]:
    """The frames of rule ``code`` (lexicons/frames) and the classes they use (lexicons/classes)."""
    frames = lexicon.frames.frames_for(code)
    if not frames:
        return []
    lines = ["", f"框架（{len(frames)} 个，见 lexicons/frames/；词类见 lexicons/classes/）："]
    for frame in frames:
        scope = "同一分句" if frame.within == "clause" else "同一句"
        lines.append(f"  - {frame.name}（{frame.file}）：{frame.reason}")
        lines.append(f"      顺序（{scope}内，相邻两项间隔不超过 {frame.gap} 字）：")
        lines += [
            f"        {index}. {_slot_text(lexicon, slot.text if not slot.optional else '?' + slot.text)}"
            for index, slot in enumerate(frame.seq, start=1)
        ]
        if frame.require or frame.require_sentence:
            needed = [*frame.require, *(f"{item}（全句）" for item in frame.require_sentence)]
            lines.append(f"      须同时出现：{'；'.join(needed)}")
        if frame.allow:
            lines.append(f"      固定用语（与命中重叠即不报告）：{'；'.join(frame.allow)}")
        if frame.unless or frame.unless_sentence:
            lines.append("      不报告的情形：")
            lines += [f"        · {_condition_text(item)}" for item in frame.unless]
            lines += [f"        · 全句：{_condition_text(item)}" for item in frame.unless_sentence]
        lines.append(f"      ✗ {frame.bad[0]}")
        lines.append(f"      ✓ {frame.good[0]}")
    return lines


def _basis_titles(lexicon: Lexicon, reference: str) -> str:
    citations = lexicon.citations
    if not citations.known(reference):
        return reference
    return "；".join(basis.title + item for basis, item in citations.parse(reference))


_SCOPE_ZH = {
    "all": "任何交易所（证监会规定）",
    "sse": "上交所",
    "sse_main": "上交所主板",
    "sse_star": "上交所科创板",
    "szse": "深交所",
    "szse_main": "深交所主板",
    "szse_chinext": "深交所创业板",
    "bse": "北交所",
}


def basis_lines(lexicon: Lexicon, reference: str) -> list[str]:
    """Each basis of ``reference`` with every clause it cites, per exchange and board:
    title, issuer, date, number, article, the quoted sentence and whether it was checked."""
    citations = lexicon.citations
    if not citations.known(reference):
        return []
    lines = ["依据条文（按交易所、板块；板块有专门条款时代替该交易所的一般条款）："]
    for basis, item in citations.parse(reference):
        lines.append(f"  {basis.id}{item}：{basis.title}")
        for scope, clause_ids in basis.lists.items():
            lines.append(f"    [{_SCOPE_ZH.get(scope, scope)}]")
            for clause_id in clause_ids:
                clause = citations.clauses[clause_id]
                doc = clause.document
                number = f"，{doc.number}" if doc.number else ""
                flag = "已核对原文" if clause.verified else "未核实"
                lines.append(
                    f"      《{doc.title}》（{doc.issuer}，{doc.date}{number}）{clause.article_with(item)}〔{flag}〕"
                )
                if clause.quote:
                    lines.append(f"        “{clause.quote}”")
                if clause.scope:
                    lines.append(f"        适用文件：{'、'.join(clause.scope)}（其他文件中的发现不引用本条）")
                if clause.note:
                    lines.append(f"        说明：{clause.note}")
                if clause.found_at:
                    lines.append(f"        出处：{clause.found_at}")
    lines.append("")
    return lines


def _md(text: str) -> str:
    """Text shown as is in Markdown: ``<`` escaped (the ST1xx examples are HTML comments)."""
    return text.replace("<", "&lt;")


def render_rules_markdown() -> str:
    """docs/rules.md, generated; a test fails when the committed file is stale."""
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
