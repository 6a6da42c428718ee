"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning and SARIF viewers.

One run, tool ``disclint`` with every registered rule as a
``reportingDescriptor``: ``shortDescription`` is the rule's summary,
``fullDescription`` its rationale, ``help.text`` what ``disclint explain
CODE`` prints, ``defaultConfiguration.level`` its default severity and
``properties`` its category. Each finding is a ``result`` with the level
it was reported at (after severity overrides), its message (plus 依据 and
建议), and one physical location:

* ``.txt``/``.md``: ``region`` with ``startLine``/``startColumn``/
  ``endLine``/``endColumn`` (1-based, columns in Unicode code points — the
  run says ``columnKind: unicodeCodePoints``, end column exclusive),
  ``charOffset``/``charLength`` into the decoded text, and the excerpt as
  ``snippet``.
* ``.pdf``: lines restart on every page, so ``startLine``/``endLine`` are the
  line on the page and the page is in the region's property bag
  (``properties.page``/``properties.endPage``), and the location also has a
  logical location of kind ``page`` named ``第N页``. No ``charOffset``:
  offsets index the extracted text, not the file's bytes.
* ``.docx``: ``startLine`` is the paragraph number (tables counted cell by
  cell, as in the JSON output), marked ``properties.lineKind = "paragraph"``.

Relative paths are relative URIs (percent-encoded) with ``uriBaseId``
``%SRCROOT%``; absolute paths are ``file://`` URIs. A file that could not be
read becomes an error notification of the invocation.
"""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Sequence
from pathlib import PurePath
from typing import Any

from disclint import __version__
from disclint.i18n import _
from disclint.messages import error_text
from disclint.model.catalogue import Catalogue
from disclint.model.findings import FileResult, LocatedFinding, Severity
from disclint.parse.formats import PLAIN_TEXT, Locations, for_path

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_uri(path: str) -> tuple[str, str | None]:
    """``(uri, uriBaseId)`` of a path as given on the command line."""
    pure = PurePath(path)
    if pure.is_absolute():
        return pure.as_uri(), None
    posix = pure.as_posix()
    while posix.startswith("./"):
        posix = posix[2:]
    return urllib.parse.quote(posix, safe="/"), "%SRCROOT%"


def _artifact_location(path: str, index: int) -> dict[str, Any]:
    uri, base = artifact_uri(path)
    location: dict[str, Any] = {"uri": uri, "index": index}
    if base:
        location["uriBaseId"] = base
    return location


def _rules(catalogue: Catalogue) -> list[dict[str, Any]]:
    descriptors = []
    for spec in catalogue:
        descriptor: dict[str, Any] = {
            "id": spec.code,
            "name": spec.name,
            "shortDescription": {"text": spec.summary},
            "fullDescription": {"text": spec.rationale},
            "help": {"text": spec.help or spec.summary},
            "defaultConfiguration": {"level": _LEVEL[spec.severity]},
            "properties": {"category": spec.category.value, "tags": [spec.category.value], "scope": spec.scope},
        }
        descriptors.append(descriptor)
    return descriptors


def _region(path: str, item: LocatedFinding) -> dict[str, Any]:
    start, end = item.start, item.end
    fmt = for_path(path) or PLAIN_TEXT
    region: dict[str, Any] = {"startLine": start.line, "startColumn": start.column}
    if start.page == end.page:  # a PDF finding across a page break keeps only its start
        if end.line > start.line:
            region["endLine"], region["endColumn"] = end.line, end.column
        else:
            region["endLine"], region["endColumn"] = start.line, max(end.column, start.column)
    if start.page is None and fmt.locations is Locations.TEXT:
        region["charOffset"] = start.offset
        region["charLength"] = max(0, end.offset - start.offset)
    if item.excerpt:
        region["snippet"] = {"text": item.excerpt}
    if start.page is not None:
        region["properties"] = {
            "page": start.page,
            "endPage": end.page if end.page is not None else start.page,
            "endLineOnPage": end.line,
            "lineKind": "line on page",
        }
    elif fmt.locations is Locations.PARAGRAPH:
        region["properties"] = {"lineKind": "paragraph"}
    return region


def _result(path: str, index: int, item: LocatedFinding, rule_index: dict[str, int]) -> dict[str, Any]:
    finding = item.finding
    text = finding.message
    if finding.reference:
        text += "\n" + _("basis: ") + finding.reference
    if finding.suggestion:
        text += "\n" + _("suggestion: ") + finding.suggestion
    location: dict[str, Any] = {
        "physicalLocation": {"artifactLocation": _artifact_location(path, index), "region": _region(path, item)}
    }
    if item.start.page is not None:
        location["logicalLocations"] = [
            {
                "name": _("page {page}").format(page=item.start.page),
                "fullyQualifiedName": f"{path}#page={item.start.page}",
                "kind": "page",
            }
        ]
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "level": _LEVEL[finding.severity],
        "message": {"text": text},
        "locations": [location],
        "properties": {"category": finding.category.value},
    }
    if finding.code in rule_index:
        result["ruleIndex"] = rule_index[finding.code]
    if finding.section:
        result["properties"]["section"] = finding.section
    if finding.suggestion:
        result["properties"]["suggestion"] = finding.suggestion
    return result


def render_sarif(results: Sequence[FileResult], catalogue: Catalogue) -> str:
    rules = _rules(catalogue)
    rule_index = {rule["id"]: position for position, rule in enumerate(rules)}
    artifacts: list[dict[str, Any]] = []
    sarif_results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for index, result in enumerate(results):
        uri, base = artifact_uri(result.path)
        location: dict[str, Any] = {"uri": uri}
        if base:
            location["uriBaseId"] = base
        artifact: dict[str, Any] = {"location": location, "roles": ["analysisTarget"]}
        fmt = for_path(result.path)
        if fmt is not None:
            artifact["mimeType"] = fmt.mime
        artifacts.append(artifact)
        if result.error:
            notifications.append(
                {
                    "level": "error",
                    "message": {
                        "text": _("{path}: cannot read: {reason}").format(
                            path=result.path, reason=error_text(result.error)
                        )
                    },
                    "locations": [{"physicalLocation": {"artifactLocation": _artifact_location(result.path, index)}}],
                }
            )
            continue
        sarif_results.extend(_result(result.path, index, item, rule_index) for item in result.findings)
    invocation: dict[str, Any] = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "disclint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": rules,
                    }
                },
                "invocations": [invocation],
                "artifacts": artifacts,
                "results": sarif_results,
                "columnKind": "unicodeCodePoints",
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
