"""``--format junit``: JUnit XML for the test tabs of GitLab, Jenkins and others.

One ``<testcase>`` per file (``name`` is the path), one ``<failure>`` per
finding at or above ``--fail-on`` (so a test fails exactly when the file makes
the run exit 1), findings below it listed in ``<system-out>``, and an
``<error>`` for a file that could not be read. No timestamps or durations:
the same input gives the same bytes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from disclint.i18n import _
from disclint.messages import error_text
from disclint.model.findings import FileResult, LocatedFinding, Severity
from disclint.report.location import location, place_text
from disclint.report.text import severity_label

_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _XML_ILLEGAL.sub(" ", text)


def _details(path: str, item: LocatedFinding) -> str:
    finding = item.finding
    lines = [f"{location(path, item)}  {severity_label(finding.severity)}  {finding.code}  {finding.message}"]
    if item.excerpt:
        lines.append(_("excerpt: ") + item.excerpt)
    place = place_text(item)
    if place:
        lines.append(_("where: ") + place)
    if finding.reference:
        lines.append(_("basis: ") + finding.reference)
    if finding.suggestion:
        lines.append(_("suggestion: ") + finding.suggestion)
    return _clean("\n".join(lines))


def _fails(severity: Severity, fail_on: str) -> bool:
    return fail_on != "never" and severity.rank >= Severity(fail_on).rank


def render_junit(results: Sequence[FileResult], *, fail_on: str = "error") -> str:
    failing = sum(
        1
        for result in results
        if not result.error and any(_fails(i.finding.severity, fail_on) for i in result.findings)
    )
    errors = sum(1 for result in results if result.error)
    counts = {"tests": str(len(results)), "failures": str(failing), "errors": str(errors)}
    root = ET.Element("testsuites", {"name": "disclint", **counts})
    suite = ET.SubElement(root, "testsuite", {"name": "disclint", **counts, "skipped": "0"})
    for result in results:
        case = ET.SubElement(
            suite, "testcase", {"classname": "disclint", "name": _clean(result.path), "file": _clean(result.path)}
        )
        if result.error:
            reason = error_text(result.error)
            error = ET.SubElement(case, "error", {"type": "InputError", "message": _clean(reason)})
            error.text = _clean(_("{path}: cannot read: {reason}").format(path=result.path, reason=reason))
            continue
        below: list[str] = []
        for item in result.findings:
            finding = item.finding
            if _fails(finding.severity, fail_on):
                failure = ET.SubElement(
                    case,
                    "failure",
                    {
                        "type": f"{finding.code} {finding.severity.value}",
                        "message": _clean(f"{finding.code}: {finding.message}"),
                    },
                )
                failure.text = _details(result.path, item)
            else:
                below.append(_details(result.path, item))
        if below:
            ET.SubElement(case, "system-out").text = "\n\n".join(below)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
