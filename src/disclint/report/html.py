"""``--format html``: one self-contained page that shows the findings on the document.

The page holds, for every input file, the extracted text with each finding
highlighted where it is (coloured by severity), a sidebar listing the findings
grouped by category that jumps to each one, filters by severity and category,
and a header with the document type, a summary and — for types with a
required-section pack — the checklist of sections present and missing.
Hovering or clicking a highlight shows the message, the clause it rests on and
the suggested rewrite. Several files give one page with a file switcher.

Everything is inline (CSS, script, no fonts or images to fetch): the file opens
from disk with no network, and a Content-Security-Policy allows only the
page's own script (by hash) and no connections. Every piece of document text
is HTML-escaped; the script only moves and clones the page's own elements.

Highlights are rendered flat: the text is cut at every finding boundary and
every line end, and each piece carries the list of findings that cover it, so
overlapping findings need no nested markup.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import PurePath
from typing import Any

from disclint import __version__
from disclint.i18n import N_, _, is_chinese, ngettext
from disclint.messages import counted
from disclint.model.findings import Category, FileResult, LocatedFinding, SectionCheck, Severity
from disclint.parse.formats import PLAIN_TEXT, Locations, named
from disclint.report.location import location_text, place_text

SEVERITY_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)

CATEGORIES = {
    Category.PRICE_TARGET: N_("share price and market-value targets"),
    Category.HYPE: N_("exaggeration"),
    Category.HOT_TOPIC: N_("riding hot topics"),
    Category.VAGUE_PLEDGE: N_("pledges that cannot be checked"),
    Category.FORWARD_LOOKING: N_("forward-looking statements"),
    Category.MISSING_SECTION: N_("missing sections"),
    Category.CONSISTENCY: N_("figures that do not agree"),
    Category.STYLE: N_("writing style"),
}


def category_label(category: Category) -> str:
    """股价与市值目标, 夸大表述… (a category's name in the user's language)."""
    return _(CATEGORIES[category])


def _severity(severity: Severity) -> str:
    from disclint.report.text import severity_label

    return severity_label(severity)


def _labels() -> dict[str, str]:
    """The report's fixed words in the user's language (outside the f-strings, where extraction sees them)."""
    return {
        "files": _("Files"),
        "unreadable": _("unreadable"),
        "document type": _("document type: "),
        "format": _("format: "),
        "no problems": _("No problems found"),
        "why": _("why this type: "),
        "problems": _("Problems"),
        "nothing": _("Nothing to change."),
        "by severity": _("Filter by severity"),
        "by category": _("Filter by category"),
        "text": _("Text"),
        "basis": _("Basis"),
        "suggestion": _("Suggestion"),
        "document text": _("Document text"),
    }


def _label(key: str) -> str:
    return _e(_labels()[key])


def _report_name() -> str:
    return _("review report")


def _type_label(name: str) -> str:
    """The Chinese label of a document type, from the registry."""
    from disclint.structure import doctypes

    found = doctypes.registry().get(name)
    return found.label if found is not None else name


_TYPE_SOURCES = {"auto": N_("detected"), "option": N_("set on the command line"), "config": N_("set in the config")}


def _page(number: int) -> str:
    return _("page {number}").format(number=number)


def _locations(name: str) -> Locations:
    return (named(name) or PLAIN_TEXT).locations


def _format_label(name: str) -> str:
    fmt = named(name)
    return _(fmt.label) if fmt is not None else name


def render_html(results: Sequence[FileResult], *, title: str | None = None) -> str:
    """The whole report as one HTML document (a ``str``; write it as UTF-8)."""
    script = _asset("report.js")
    style = _asset("report.css")
    script_hash = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    page_title = title or _default_title(results)
    counts = {severity: sum(result.count(severity) for result in results) for severity in SEVERITY_ORDER}
    out: list[str] = [
        "<!DOCTYPE html>\n",
        f'<html lang="{"zh-CN" if is_chinese() else "en"}">\n<head>\n<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f'<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        f"style-src 'unsafe-inline'; script-src 'sha256-{script_hash}'; img-src data:; "
        f"base-uri 'none'; form-action 'none'\">\n",
        f'<meta name="generator" content="disclint {_e(__version__)}">\n',
        f"<title>{_e(page_title)}</title>\n<style>{style}</style>\n",
        # Without the script every file stays readable, one after the other.
        "<noscript><style>section.file[hidden] { display: block !important; }</style></noscript>\n",
        "</head>\n<body>\n",
        f'<header class="top">\n<div class="brand">disclint <span>{_e(_report_name())}</span></div>\n',
    ]
    # Open on the first file that has something to read, not on a clean notice.
    shown = next((index for index, result in enumerate(results) if result.findings), 0)
    if len(results) > 1:
        out.append(f'<nav class="files" aria-label="{_label("files")}">\n')
        for index, result in enumerate(results):
            current = ' aria-current="true"' if index == shown else ""
            out.append(
                f'<a class="file-tab" href="#file-{index}" data-file="{index}"{current} title="{_e(result.path)}">'
                f'<span class="name">{_e(_short_name(result.path))}</span>{_tab_counts(result)}</a>\n'
            )
        out.append("</nav>\n")
    out.append(
        f'<div class="totals">{_e(counted("file", len(results)))} · '
        + " · ".join(
            f'<span class="n sev-{severity.value}">{_e(_severity(severity))} {counts[severity]}</span>'
            for severity in SEVERITY_ORDER
        )
        + "</div>\n</header>\n<main>\n"
    )
    for index, result in enumerate(results):
        out.extend(_file_section(index, result, hidden=index != shown))
    out.append(
        '<div id="popover" class="popover" role="dialog" aria-live="polite" hidden></div>\n'
        '<noscript><p class="noscript">'
        + _e(
            _(
                "The script did not run: hover over a highlight for a short note; "
                "the sidebar's links still jump, and the files are shown one after another."
            )
        )
        + "</p></noscript>\n"
        f"</main>\n<script>{script}</script>\n</body>\n</html>\n"
    )
    return "".join(out)


# --------------------------------------------------------------------------- pieces


@lru_cache(maxsize=4)
def _asset(name: str) -> str:
    return resources.files("disclint.report").joinpath("assets", name).read_text(encoding="utf-8")


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _short_name(path: str) -> str:
    return PurePath(path).name or path


def _default_title(results: Sequence[FileResult]) -> str:
    if len(results) == 1:
        return f"disclint {_report_name()} · {_short_name(results[0].path)}"
    return f"disclint {_report_name()} · {counted('file', len(results))}"


def _tab_counts(result: FileResult) -> str:
    if result.error:
        return f'<span class="n err">{_label("unreadable")}</span>'
    parts = [
        f'<span class="n sev-{severity.value}" title="{_e(_severity(severity))}">{result.count(severity)}</span>'
        for severity in SEVERITY_ORDER
        if result.count(severity)
    ]
    return "".join(parts) or '<span class="n ok">✓</span>'


def _location_label(item: LocatedFinding, fmt: str) -> str:
    """Short, for the sidebar: 第3页第12行, 第22段, 第18行."""
    start = item.start
    if start.page is not None:
        return _("p. {page}, l. {line}").format(page=start.page, line=start.line)
    if _locations(fmt) is Locations.PARAGRAPH:
        return _("para. {line}").format(line=start.line)
    return _("l. {line}").format(line=start.line)


def _file_section(index: int, result: FileResult, *, hidden: bool) -> Iterator[str]:
    hide = " hidden" if hidden else ""
    yield f'<section class="file" id="file-{index}" data-file="{index}"{hide}>\n'
    yield from _file_head(index, result)
    if result.error:
        from disclint.messages import error_text

        reason = _("This file could not be read: {reason}").format(reason=error_text(result.error))
        yield f'<p class="error-box">{_e(reason)}</p>\n</section>\n'
        return
    yield '<div class="layout">\n'
    yield from _sidebar(index, result)
    yield from _document(index, result)
    yield "</div>\n"
    word = _locations(result.source_format) is Locations.PARAGRAPH
    details = "".join(_detail(index, n, item, word=word) for n, item in enumerate(result.findings))
    yield f'<div class="details" hidden>\n{details}</div>\n'
    yield "</section>\n"


def _file_head(index: int, result: FileResult) -> Iterator[str]:
    yield f'<div class="file-head">\n<h1 class="path" title="{_e(result.path)}">{_e(result.path)}</h1>\n'
    if result.error:
        yield "</div>\n"
        return
    meta: list[str] = []
    if result.doc_type:
        label = _type_label(result.doc_type)
        source = result.doc_type_source
        how = _(_TYPE_SOURCES[source]) if source in _TYPE_SOURCES else source
        glossed = _(" ({how})").format(how=how)
        meta.append(
            f'<span class="doctype">{_label("document type")}<b>{_e(label)}</b> <code>{_e(result.doc_type)}</code>'
            f"{_e(glossed)}</span>"
        )
    if result.source_format:
        meta.append(f'<span class="fmt">{_label("format")}{_e(_format_label(result.source_format))}</span>')
    total = len(result.findings)
    summary = _("errors {errors}, warnings {warnings}, infos {infos}").format(
        errors=result.count(Severity.ERROR), warnings=result.count(Severity.WARNING), infos=result.count(Severity.INFO)
    )
    found = ngettext("<b>{count}</b> problem found ({counts})", "<b>{count}</b> problems found ({counts})", total)
    meta.append(
        f'<span class="summary">{found.format(count=total, counts=_e(summary))}</span>'
        if total
        else f'<span class="summary ok">{_label("no problems")}</span>'
    )
    yield f'<p class="meta">{" · ".join(meta)}</p>\n'
    if result.doc_type_reason:
        yield f'<p class="reason">{_label("why")}{_e(result.doc_type_reason)}</p>\n'
    if result.parts:
        held = ngettext("This file holds {count} document", "This file holds {count} documents", len(result.parts))
        yield f'<details class="parts"><summary>{_e(held.format(count=len(result.parts)))}</summary><ol>\n'
        for part in result.parts:
            span = _("lines {start}–{end}").format(start=part.start.line, end=part.end.line)
            if part.start.page is not None:
                span = _("page {page} line {line} – page {end_page} line {end_line}").format(
                    page=part.start.page, line=part.start.line, end_page=part.end.page, end_line=part.end.line
                )
            label = _type_label(part.doc_type)
            yield f'<li>{_e(part.title)} <span class="muted">{_e(label)} · {span}</span></li>\n'
        yield "</ol></details>\n"
    yield from _checklist(index, result)
    yield "</div>\n"


def _checklist(index: int, result: FileResult) -> Iterator[str]:
    if not result.checklist:
        return
    targets: dict[str, int] = {}  # section id -> its missing_section finding
    for number, item in enumerate(result.findings):
        if item.finding.category is Category.MISSING_SECTION and item.finding.section:
            targets.setdefault(item.finding.section, number)
    groups: dict[str, list[SectionCheck]] = {}
    for check in result.checklist:
        groups.setdefault(check.doc_type, []).append(check)
    for doc_type, checks in groups.items():
        present = sum(1 for check in checks if check.present)
        missing_required = sum(
            1 for check in checks if not check.present and (check.required or check.section in targets)
        )
        state = "bad" if missing_required else "good"
        label = _type_label(doc_type)
        heading = _("Sections a {type} should have: {present}/{total} present").format(
            type=label, present=present, total=len(checks)
        )
        if missing_required:
            heading += _(", {count} missing").format(count=missing_required)
        yield f'<details class="checklist {state}" open><summary>{_e(heading)}</summary>\n<ul>\n'
        for check in checks:
            target = targets.get(check.section) if not check.present else None
            # The finding's severity wins: a section can be required more strictly in this document.
            severity = result.findings[target].finding.severity if target is not None else check.severity
            if check.present:
                mark, cls, note = "✓", "present", _("present")
            elif check.required or target is not None:
                note = _("missing ({severity})").format(severity=_severity(severity))
                mark, cls = "✗", f"missing sev-{severity.value}"
            else:
                mark, cls, note = "○", "optional", _("not covered (not required here)")
            note = _e(note)
            name = f"{_e(check.name)} <code>{_e(check.section)}</code>"
            if target is not None:
                name = f'<a href="#f{index}-{target}" class="jump" data-target="{target}">{name}</a>'
            yield f'<li class="{cls}"><span class="mark" aria-hidden="true">{mark}</span>{name} <span class="note">{note}</span></li>\n'
        yield "</ul></details>\n"


def _sidebar(index: int, result: FileResult) -> Iterator[str]:
    yield f'<aside class="sidebar" aria-label="{_label("problems")}">\n'
    if not result.findings:
        yield f'<p class="empty-list">{_label("nothing")}</p>\n</aside>\n'
        return
    yield f'<div class="filters">\n<div class="filter-row" role="group" aria-label="{_label("by severity")}">'
    for severity in SEVERITY_ORDER:
        count = result.count(severity)
        if count:
            yield (
                f'<label class="chip sev-{severity.value}"><input type="checkbox" checked data-filter="sev" '
                f'value="{severity.value}"> {_e(_severity(severity))} <span class="c">{count}</span></label>'
            )
    yield f'</div>\n<div class="filter-row" role="group" aria-label="{_label("by category")}">'
    by_category = _group(result.findings)
    for category, numbers in by_category:
        yield (
            f'<label class="chip cat"><input type="checkbox" checked data-filter="cat" value="{category.value}"> '
            f'{_e(category_label(category))} <span class="c">{len(numbers)}</span></label>'
        )
    yield '</div>\n</div>\n<div class="groups">\n'
    for category, numbers in by_category:
        yield (
            f'<section class="group" data-category="{category.value}"><h2>{_e(category_label(category))} '
            f'<code>{category.value}</code> <span class="count" data-total="{len(numbers)}">{len(numbers)}</span></h2>\n<ol>\n'
        )
        for number in numbers:
            item = result.findings[number]
            finding = item.finding
            label = _("Suggestion")
            suggestion = (
                f'<span class="sug"><b>{_e(label)}</b>{_e(finding.suggestion)}</span>' if finding.suggestion else ""
            )
            place = place_text(item)
            yield (
                f'<li><a class="item sev-{finding.severity.value}" href="#f{index}-{number}" data-target="{number}" '
                f'data-sev="{finding.severity.value}" data-cat="{finding.category.value}" title="{_e(finding.message)}">'
                f'<span class="badge sev-{finding.severity.value}">{_e(_severity(finding.severity))}</span>'
                f"<code>{_e(finding.code)}</code>"
                f'<span class="loc">{_e(_location_label(item, result.source_format))}</span>'
                + (f'<span class="snip">{_e(_snippet(item.excerpt))}</span>' if item.excerpt else "")
                + f'<span class="msg">{_e(finding.message)}</span>'
                + suggestion
                + (f'<span class="place">{_e(place)}</span>' if place else "")
                + "</a></li>\n"
            )
        yield "</ol></section>\n"
    yield "</div>\n</aside>\n"


def _group(findings: Sequence[LocatedFinding]) -> list[tuple[Category, list[int]]]:
    groups: dict[Category, list[int]] = {}
    for number, item in enumerate(findings):
        groups.setdefault(item.finding.category, []).append(number)
    order = list(Category)
    return sorted(groups.items(), key=lambda pair: order.index(pair[0]))


_CJK_BREAK = re.compile(r"(?<=[^\x00-\x7f])\s*\n\s*(?=[^\x00-\x7f])")


def _snippet(excerpt: str, limit: int = 36) -> str:
    """One line: a line break between two CJK characters vanishes, other runs of space become one."""
    flat = " ".join(_CJK_BREAK.sub("", excerpt).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _detail(index: int, number: int, item: LocatedFinding, *, word: bool = False) -> str:
    finding = item.finding
    place = place_text(item)
    rows = [
        f'<div class="detail sev-{finding.severity.value}" id="d{index}-{number}" data-f="{number}">',
        f'<div class="d-head"><span class="badge sev-{finding.severity.value}">{_e(_severity(finding.severity))}</span>'
        f'<code>{_e(finding.code)}</code><span class="cat">{_e(category_label(finding.category))}</span>'
        f'<span class="loc">{_e(location_text(item, word=word))}</span></div>',
        f'<p class="msg">{_e(finding.message)}</p>',
        "<dl>",
    ]
    if place:
        where = _("Where")
        rows.append(f'<dt>{_e(where)}</dt><dd class="place">{_e(place)}</dd>')
    if item.excerpt:
        rows.append(f'<dt>{_label("text")}</dt><dd class="quote">{_e(_snippet(item.excerpt, 120))}</dd>')
    if finding.reference:
        rows.append(f"<dt>{_label('basis')}</dt><dd>{_e(finding.reference)}</dd>")
    if finding.suggestion:
        rows.append(f'<dt>{_label("suggestion")}</dt><dd class="suggest">{_e(finding.suggestion)}</dd>')
    rows.append("</dl></div>\n")
    return "".join(rows)


# --------------------------------------------------------------------------- the document


@dataclass(frozen=True)
class _Line:
    start: int
    end: int  # without the line break


def _lines(text: str) -> list[_Line]:
    lines = []
    start = 0
    length = len(text)
    index = 0
    while index < length:
        char = text[index]
        if char in "\r\n":
            lines.append(_Line(start, index))
            if char == "\r" and index + 1 < length and text[index + 1] == "\n":
                index += 1
            start = index + 1
        index += 1
    lines.append(_Line(start, length))
    return lines


def _page_starts(result: FileResult) -> list[int]:
    """Offsets where PDF pages begin (page 1 first), when the result carries them.

    Read from an optional ``page_starts`` attribute (a list of offsets); a
    result without it gets no page dividers.
    """
    value: Any = getattr(result, "page_starts", None)
    if not isinstance(value, (list, tuple)):
        return []
    return [int(offset) for offset in value if isinstance(offset, int)]


def _document(index: int, result: FileResult) -> Iterator[str]:
    fmt = result.source_format or "txt"
    yield f'<article class="doc fmt-{_e(fmt)}" lang="zh-CN" aria-label="{_label("document text")}">\n'
    text = result.text
    if not text:
        empty = _("(This result holds no document text; only the problems are listed.)")
        yield f'<p class="no-text">{_e(empty)}</p>\n</article>\n'
        return
    marks = _Marks(index, result.findings)
    if fmt == "pdf" and result.paragraphs:
        yield from _reflowed(result, marks)
        yield "</article>\n"
        return
    numbered = _locations(fmt) is Locations.TEXT
    pages = _page_starts(result)
    page_index = 1  # the next page start to show (page 1 needs no divider)
    in_table = False
    lines = _lines(text)
    for line_number, line in enumerate(lines, 1):
        tail = lines[line_number].start if line_number < len(lines) else len(text) + 1
        while page_index < len(pages) and pages[page_index] <= line.start:
            if in_table:
                yield "</div>\n"
                in_table = False
            page_index += 1
            yield f'<div class="page-break" role="separator"><span>{_e(_page(page_index))}</span></div>\n'
        body = text[line.start : line.end]
        is_row = "\t" in body
        if is_row and not in_table:
            yield '<div class="tbl">\n'
            in_table = True
        elif not is_row and in_table:
            yield "</div>\n"
            in_table = False
        relevant = marks.relevant(line.start, tail)
        gutter = f' data-n="{line_number}"' if numbered else ""
        cls = "l row" if is_row else ("l empty" if not body.strip() and not relevant else "l")
        yield f'<div class="{cls}"{gutter}>'
        if is_row:
            cell_start = line.start
            cells = body.split("\t")
            for number, cell in enumerate(cells):
                cell_end = cell_start + len(cell)
                cell_tail = cell_end + 1 if number + 1 < len(cells) else tail
                yield '<span class="c">' + marks.render(text, cell_start, cell_end, cell_tail, relevant) + "</span>"
                cell_start = cell_end + 1
        else:
            yield marks.render(text, line.start, line.end, tail, relevant)
        yield "</div>\n"
    if in_table:
        yield "</div>\n"
    yield "</article>\n"


_LATIN_END = re.compile(r"[A-Za-z0-9,.;:!?%)\]]$")
_LATIN_START = re.compile(r"^[A-Za-z0-9(\[]")


def _reflowed(result: FileResult, marks: _Marks) -> Iterator[str]:
    """A PDF's text as the paragraphs it was printed in, not one ``div`` per printed line.

    Each reflowed paragraph is one ``<p>``; the line breaks inside it are left
    out (between two Chinese characters) or shown as a space (between Latin
    words), so a highlight runs on across what was a line end. Page breaks
    between paragraphs show as a divider, inside a paragraph as a small marker.
    """
    text = result.text
    pages = _page_starts(result)
    page_index = 1
    paragraphs = sorted(result.paragraphs)
    for position, (start, end, heading) in enumerate(paragraphs):
        tail = paragraphs[position + 1][0] if position + 1 < len(paragraphs) else len(text) + 1
        while page_index < len(pages) and pages[page_index] <= start:
            page_index += 1
            yield f'<div class="page-break" role="separator"><span>{_e(_page(page_index))}</span></div>\n'
        relevant = marks.relevant(start, tail)
        pieces: list[str] = []
        lines = _lines_within(text, start, end)
        for number, (line_start, line_end) in enumerate(lines):
            line_tail = lines[number + 1][0] if number + 1 < len(lines) else tail
            while page_index < len(pages) and pages[page_index] <= line_start:
                page_index += 1
                pieces.append(f'<span class="page-mark" title="{_e(_page(page_index))}">〔{page_index}〕</span>')
            if number:
                previous = text[lines[number - 1][0] : lines[number - 1][1]]
                current = text[line_start:line_end]
                if _LATIN_END.search(previous) and _LATIN_START.search(current):
                    pieces.append('<span class="sp"> </span>')
            pieces.append(marks.render(text, line_start, line_end, line_tail, relevant))
        cls = "p h" if heading else "p"
        yield f'<p class="{cls}">{"".join(pieces)}</p>\n'


def _lines_within(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``(start, end)`` of each line of ``text[start:end]``, without the breaks."""
    spans = []
    position = start
    while True:
        brk = text.find("\n", position, end)
        if brk < 0:
            spans.append((position, end))
            return spans
        line_end = brk - 1 if brk > position and text[brk - 1] == "\r" else brk
        spans.append((position, line_end))
        position = brk + 1


class _Marks:
    """Renders text with the findings of one file highlighted, piece by piece."""

    def __init__(self, index: int, findings: Sequence[LocatedFinding]) -> None:
        self.index = index
        self.spans = [(item.finding.start, item.finding.end) for item in findings]
        self.severities = [item.finding.severity for item in findings]
        self.titles = [f"{item.finding.code} {item.finding.message}" for item in findings]
        self.order = sorted(range(len(findings)), key=lambda number: self.spans[number])
        self.next = 0
        self.active: list[int] = []

    def relevant(self, start: int, tail: int) -> list[int]:
        """Findings that overlap ``[start, tail)`` or begin in it (lines come in order)."""
        while self.next < len(self.order) and self.spans[self.order[self.next]][0] < tail:
            self.active.append(self.order[self.next])
            self.next += 1
        self.active = [n for n in self.active if self.spans[n][1] > start or self.spans[n][0] >= start]
        return [n for n in self.active if self.spans[n][0] < tail]

    def render(self, text: str, start: int, end: int, tail: int, numbers: Sequence[int]) -> str:
        """``text[start:end]`` with highlights. Findings that begin between
        ``end`` and ``tail`` (on the line break) get their anchor at the end."""
        cuts = {start, end}
        for number in numbers:
            span_start, span_end = self.spans[number]
            cuts.update(point for point in (span_start, span_end) if start < point < end)
        points = sorted(cuts)
        out: list[str] = []
        for position, left in enumerate(points):
            last = position + 1 == len(points)
            for number in numbers:
                span_start, span_end = self.spans[number]
                if (span_start == left and not last) or (last and end <= span_start < tail):
                    out.append(f'<span class="anchor" id="f{self.index}-{number}"></span>')
                    if span_end <= span_start:
                        out.append(self._mark([number], "", point=True))
            if last:
                break
            right = points[position + 1]
            covering = [n for n in numbers if self.spans[n][0] <= left and right <= self.spans[n][1]]
            piece = text[left:right]
            out.append(self._mark(covering, piece) if covering else _e(piece))
        return "".join(out)

    def _mark(self, numbers: Sequence[int], piece: str, *, point: bool = False) -> str:
        severity = max((self.severities[number] for number in numbers), key=lambda sev: sev.rank)
        classes = f"hl sev-{severity.value}" + (" point" if point else "") + (" multi" if len(numbers) > 1 else "")
        title = "\n".join(self.titles[number] for number in numbers)
        ids = " ".join(str(number) for number in numbers)
        return f'<mark class="{classes}" data-f="{ids}" title="{_e(title)}">{_e(piece)}</mark>'
