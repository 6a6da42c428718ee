"""Terminal output: ``file:line:column``, severity, code, message, the source
line with the flagged words underlined, the clause and the suggested rewrite.

Colour only on a terminal (rich honours ``NO_COLOR`` and non-TTY output).
PDF findings print as ``file.pdf:p3:12:5`` (page 3, line 12 of that page).
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterator, Sequence
from typing import TextIO

from disclint.i18n import _
from disclint.model.findings import FileResult, LocatedFinding, Severity
from disclint.report.location import display_location, place_text

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def severity_label(severity: Severity) -> str:
    """错误/警告/提示 (error/warning/info in English)."""
    return _label(severity)


def _label(severity: Severity) -> str:
    return {Severity.ERROR: _("error"), Severity.WARNING: _("warning"), Severity.INFO: _("info")}[severity]


_WINDOW = 36  # characters of context shown on each side of a long excerpt


def cell_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in ("W", "F") else 1 for char in text)


def _snippet(item: LocatedFinding) -> tuple[str, int, int]:
    """The source line cut to a window around the finding, and the caret span."""
    line = item.source_line.replace("\t", " ")
    start = item.start.column - 1
    if item.end.line == item.start.line and item.end.page == item.start.page:
        end = max(start + 1, item.end.column - 1)
    else:
        end = len(line)
    end = min(end, len(line))
    prefix = ""
    suffix = ""
    left = max(0, start - _WINDOW)
    right = min(len(line), end + _WINDOW)
    if left > 0:
        prefix = "…"
    if right < len(line):
        suffix = "…"
    shown = prefix + line[left:right] + suffix
    caret_start = cell_width(prefix + line[left:start])
    caret_width = max(1, cell_width(line[start:end]))
    return shown.rstrip(), caret_start, caret_width


Segment = tuple[str, str | None]  # text and its rich style (None: plain)


def render_text(
    results: Sequence[FileResult], stream: TextIO, *, color: bool | None = None, baseline_written: str | None = None
) -> None:
    if not _wants_color(stream, color):
        # Without colour the lines are written directly: ten times faster than through rich.
        stream.write(
            "".join(
                "".join(text for text, _ in line) + "\n"
                for line in report_lines(results, baseline_written=baseline_written)
            )
        )
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(file=stream, highlight=False, soft_wrap=True, force_terminal=color, no_color=color is False)
    for line in report_lines(results, baseline_written=baseline_written):
        console.print(Text.assemble(*((text, style or "") for text, style in line)))


def report_lines(results: Sequence[FileResult], *, baseline_written: str | None = None) -> Iterator[list[Segment]]:
    """The report, line by line, as styled segments."""
    for result in results:
        if result.error:
            continue
        for item in result.findings:
            finding = item.finding
            style = _STYLE[finding.severity]
            yield [
                (display_location(result.path, item), "bold"),
                ("  ", None),
                (_label(finding.severity), style),
                ("  ", None),
                (finding.code, "bold magenta"),
                ("  " + finding.message, None),
            ]
            shown, caret_start, caret_width = _snippet(item)
            gutter = f"{item.start.line:>5} │ "
            yield [(gutter, "dim"), (shown, None)]
            yield [(" " * (len(gutter) - 2) + "│ ", "dim"), (" " * caret_start + "^" * caret_width, style)]
            place = place_text(item)
            if place:
                yield [("      = " + _("where: "), "dim"), (place, None)]
            if finding.reference:
                yield [("      = " + _("basis: "), "dim"), (finding.reference, None)]
            if finding.suggestion:
                yield [("      = " + _("suggestion: "), "dim"), (finding.suggestion, "green")]
            yield []
    yield [(summary_line(results, baseline_written=baseline_written), "bold")]


def _wants_color(stream: TextIO, color: bool | None) -> bool:
    """Whether rich would colour this stream: forced, or a terminal without NO_COLOR."""
    if color is not None:
        return color
    environ = os.environ
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR") or environ.get("TTY_COMPATIBLE") == "1":
        return True
    try:
        return stream.isatty() and environ.get("TERM", "") not in ("dumb", "unknown")
    except (AttributeError, ValueError):
        return False


def summary_line(results: Sequence[FileResult], *, baseline_written: str | None = None) -> str:
    """The closing line: what was found, and never “no problems” for files that were not read.

    ``baseline_written``: the baseline file this run recorded its findings in.
    """

    errors = sum(result.count(Severity.ERROR) for result in results)
    warnings = sum(result.count(Severity.WARNING) for result in results)
    infos = sum(result.count(Severity.INFO) for result in results)
    total = errors + warnings + infos
    unreadable = sum(1 for result in results if result.error)
    readable = len(results) - unreadable
    with_findings = sum(1 for result in results if result.findings)
    baselined = sum(result.baselined for result in results)
    if total:
        line = _(
            "{total} problems found (errors {errors}, warnings {warnings}, infos {infos}) in {files}/{checked} files"
        ).format(total=total, errors=errors, warnings=warnings, infos=infos, files=with_findings, checked=readable)
    elif not readable and unreadable:
        line = _("Nothing was checked: {unreadable} files could not be read").format(unreadable=unreadable)
    elif baseline_written is not None:
        line = _("No new problems ({checked} files checked)").format(checked=readable)
    elif unreadable:
        line = _("No problems found in the {checked} files that could be read").format(checked=readable)
    else:
        line = _("No problems found ({checked} files checked)").format(checked=readable)
    if unreadable and readable:
        line += _("; {unreadable} files could not be read").format(unreadable=unreadable)
    if baselined:
        if baseline_written is not None:
            line += _("; {count} problems recorded in the baseline {file} and not reported").format(
                count=baselined, file=baseline_written
            )
        else:
            line += _("; {count} problems already in the baseline not reported").format(count=baselined)
    return line
