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
from disclint.messages import counted, visible
from disclint.model.findings import FileResult, LocatedFinding, Severity
from disclint.report.location import display_location, place_text

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def severity_label(severity: Severity) -> str:
    """错误/警告/提示 (error/warning/info in English)."""
    return _label(severity)


def _label(severity: Severity) -> str:
    return {Severity.ERROR: _("error"), Severity.WARNING: _("warning"), Severity.INFO: _("info")}[severity]


_WINDOW = 36  # characters of context shown on each side of a short excerpt
# Characters of a source line shown: with the gutter, about 100 columns of Chinese, one terminal line.
_LINE_BUDGET = 44
_LONG_CONTEXT = 8  # characters of context before an excerpt too long for the budget


def cell_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in ("W", "F") else 1 for char in text)


def _snippet(item: LocatedFinding) -> tuple[str, int, int]:
    """The source line cut to a window around the finding, and the caret span.

    The window keeps to one terminal line: a short excerpt gets context on
    both sides, a long one (a whole sentence, the place a missing section
    belongs) a little context before it and is cut with "…", the caret
    running on under the "…".
    """
    line = item.source_line.replace("\t", " ")
    start = item.start.column - 1
    if item.end.line == item.start.line and item.end.page == item.start.page:
        end = max(start + 1, item.end.column - 1)
    else:
        end = len(line)
    end = min(end, len(line))
    start = min(start, end)
    if end - start > _LINE_BUDGET - _LONG_CONTEXT:
        left = max(0, start - _LONG_CONTEXT)
        right = min(end, left + _LINE_BUDGET)
    else:
        room = _LINE_BUDGET - (end - start)
        after = min(_WINDOW, len(line) - end)
        before = min(_WINDOW, start, max(room // 2, room - after))
        left = start - before
        right = min(len(line), end + min(_WINDOW, room - before))
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(line) else ""
    shown = prefix + line[left:right] + suffix
    caret_start = cell_width(prefix + line[left:start])
    caret_width = max(1, cell_width(line[start : min(end, right)]))
    if right < end:
        caret_width += cell_width(suffix)  # the excerpt goes on past the "…"
    return shown.rstrip(), caret_start, caret_width


Segment = tuple[str, str | None]  # text and its rich style (None: plain)


def render_text(
    results: Sequence[FileResult],
    stream: TextIO,
    *,
    color: bool | None = None,
    baseline_written: str | None = None,
    skipped: int = 0,
) -> None:
    if not _wants_color(stream, color):
        # Without colour the lines are written directly: ten times faster than through rich.
        stream.write(
            "".join(
                "".join(text for text, _ in line) + "\n"
                for line in report_lines(results, baseline_written=baseline_written, skipped=skipped)
            )
        )
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(file=stream, highlight=False, soft_wrap=True, force_terminal=color, no_color=color is False)
    for line in report_lines(results, baseline_written=baseline_written, skipped=skipped):
        console.print(Text.assemble(*((text, style or "") for text, style in line)))


def report_lines(
    results: Sequence[FileResult], *, baseline_written: str | None = None, skipped: int = 0
) -> Iterator[list[Segment]]:
    """The report, line by line, as styled segments; control characters from a file name or a
    draft shown as their pictures (:func:`~disclint.messages.visible`), never sent to the terminal."""
    for line in _report_lines(results, baseline_written=baseline_written, skipped=skipped):
        yield [(visible(text), style) for text, style in line]


def _report_lines(
    results: Sequence[FileResult], *, baseline_written: str | None = None, skipped: int = 0
) -> Iterator[list[Segment]]:
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
    yield [(summary_line(results, baseline_written=baseline_written, skipped=skipped), "bold")]


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


def skipped_note(skipped: int) -> str:
    """The end of a summary for the files a folder walk passed over ("; 2 files skipped …")."""
    return _("; {files} skipped (named above; save them as .docx)").format(files=counted("file", skipped))


def summary_line(results: Sequence[FileResult], *, baseline_written: str | None = None, skipped: int = 0) -> str:
    """The closing line: what was found, and never “no problems” for files that were not read.

    ``baseline_written``: the baseline file this run recorded its findings in; ``skipped``: the
    files a folder walk passed over (a ``.doc``), each named on stderr before the report.
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
        line = _("{problems} found (errors {errors}, warnings {warnings}, infos {infos}) in {files}/{checked}").format(
            problems=counted("problem", total),
            errors=errors,
            warnings=warnings,
            infos=infos,
            files=with_findings,
            checked=counted("file", readable),
        )
    elif not readable and unreadable:
        line = _("Nothing was checked: {files} could not be read").format(files=counted("file", unreadable))
    elif baseline_written is not None:
        line = _("No new problems ({files} checked)").format(files=counted("file", readable))
    elif unreadable:
        line = _("No problems found in the {files} that could be read").format(files=counted("file", readable))
    else:
        line = _("No problems found ({files} checked)").format(files=counted("file", readable))
    if unreadable and readable:
        line += _("; {files} could not be read").format(files=counted("file", unreadable))
    if skipped:
        line += skipped_note(skipped)
    if baselined:
        if baseline_written is not None:
            line += _("; {problems} recorded in the baseline {file} and not reported").format(
                problems=counted("problem", baselined), file=baseline_written
            )
        else:
            line += _("; {problems} already in the baseline not reported").format(
                problems=counted("problem", baselined)
            )
    return line
