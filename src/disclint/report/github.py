"""``--format github``: GitHub Actions workflow commands, one annotation per finding.

    ::warning file=drafts/plan.txt,line=11,endLine=11,col=105,endColumn=109,title=disclint HY001::…

Severity ``error`` → ``::error``, ``warning`` → ``::warning``, ``info`` →
``::notice``. The message repeats the location and code (as ruff does) and
adds the clause (依据) and the suggested rewrite (建议) on further lines.
Values are escaped as the Actions runner expects: ``%``, CR and LF in the
message; additionally ``:`` and ``,`` in properties. A .docx or .pdf gets a
file-level annotation (GitHub cannot show lines of a binary file) with the
page/paragraph in the message; an unreadable file gets an ``::error``.
"""

from __future__ import annotations

from collections.abc import Sequence

from disclint.i18n import _
from disclint.messages import error_text
from disclint.model.findings import FileResult, LocatedFinding, Severity
from disclint.parse.formats import is_binary
from disclint.report.location import location

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def annotation(path: str, item: LocatedFinding) -> str:
    finding = item.finding
    properties = [("file", path)]
    if not is_binary(path):
        properties.append(("line", str(item.start.line)))
        properties.append(("endLine", str(max(item.end.line, item.start.line))))
        properties.append(("col", str(item.start.column)))
        if item.end.line == item.start.line:
            properties.append(("endColumn", str(max(item.end.column, item.start.column))))
    properties.append(("title", f"disclint {finding.code}"))
    lines = [f"{location(path, item)}: {finding.code} {finding.message}"]
    if finding.reference:
        lines.append(_("basis: ") + finding.reference)
    if finding.suggestion:
        lines.append(_("suggestion: ") + finding.suggestion)
    rendered = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{_COMMAND[finding.severity]} {rendered}::{escape_data(chr(10).join(lines))}"


def render_github(results: Sequence[FileResult]) -> str:
    out: list[str] = []
    for result in results:
        if result.error:
            out.append(
                f"::error file={escape_property(result.path)},title={escape_property('disclint')}::"
                + escape_data(
                    _("{path}: cannot read: {reason}").format(path=result.path, reason=error_text(result.error))
                )
            )
            continue
        out.extend(annotation(result.path, item) for item in result.findings)
    return "".join(line + "\n" for line in out)
