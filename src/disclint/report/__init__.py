"""Reporters: one module per output format. A reporter only formats findings."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from disclint.findings import FileResult

FORMATS = ("text", "json", "github", "sarif", "junit", "html")
# Formats that show the document itself and need its text in each result.
DOCUMENT_FORMATS = ("html",)
STATISTICS_FORMATS = ("text", "json")


def write_report(
    fmt: str,
    results: Sequence[FileResult],
    stream: TextIO,
    *,
    color: bool | None = None,
    fail_on: str = "error",
    statistics: bool = False,
    baseline_written: str | None = None,
) -> None:
    """Write ``results`` in ``fmt``; ``fail_on`` marks JUnit failures, ``statistics`` counts per code."""
    if statistics:
        from disclint.report.statistics import render_statistics_json, render_statistics_text

        stream.write(render_statistics_json(results) if fmt == "json" else render_statistics_text(results))
        return
    if fmt == "json":
        from disclint.report.json_report import render_json

        stream.write(render_json(results))
    elif fmt == "text":
        from disclint.report.text import render_text

        render_text(results, stream, color=color, baseline_written=baseline_written)
    elif fmt == "github":
        from disclint.report.github import render_github

        stream.write(render_github(results))
    elif fmt == "sarif":
        from disclint.report.sarif import render_sarif

        stream.write(render_sarif(results))
    elif fmt == "junit":
        from disclint.report.junit import render_junit

        stream.write(render_junit(results, fail_on=fail_on))
    elif fmt == "html":
        from disclint.report.html import render_html

        stream.write(render_html(results))
    else:  # pragma: no cover - the CLI validates formats
        raise ValueError(f"unknown format {fmt}")
