"""Reporters: one module per output format. A reporter only formats findings.

Every output format is one :class:`OutputFormat` registered here: its name,
its help, how it writes, whether it shows the document itself (then each
result carries the text) and whether ``--statistics`` can print in it. The
command line's ``--format`` choices and help derive from :data:`OUTPUT_FORMATS`.
Reporters are imported only when their format is written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TextIO

from disclint.i18n import N_, _
from disclint.model.catalogue import Catalogue
from disclint.model.findings import FileResult


@dataclass(frozen=True)
class ReportOptions:
    catalogue: Catalogue  # what the report may say about each rule
    color: bool | None = None  # text: None = when the stream is a terminal
    fail_on: str = "error"  # junit: which findings are failures
    baseline_written: str | None = None  # text: the run wrote this baseline (said in the summary)
    skipped: int = 0  # text: files a folder walk passed over (.doc, .wps), said in the summary


Writer = Callable[[Sequence[FileResult], TextIO, ReportOptions], None]


@dataclass(frozen=True)
class OutputFormat:
    name: str
    help: str  # a few words after the name in --format's help (an English message id, marked with N_)
    write: Writer
    statistics: Writer | None = None  # --statistics in this format
    shows_document: bool = False  # results must carry the document's text
    rule_help: bool = False  # the catalogue must carry each rule's full explanation


OUTPUT_FORMATS: dict[str, OutputFormat] = {}


def register(fmt: OutputFormat) -> OutputFormat:
    OUTPUT_FORMATS[fmt.name] = fmt
    return fmt


def _text(results: Sequence[FileResult], stream: TextIO, options: ReportOptions) -> None:
    from disclint.report.text import render_text

    render_text(
        results, stream, color=options.color, baseline_written=options.baseline_written, skipped=options.skipped
    )


def _text_statistics(results: Sequence[FileResult], stream: TextIO, options: ReportOptions) -> None:
    from disclint.report.statistics import render_statistics_text

    stream.write(render_statistics_text(results, options.catalogue, skipped=options.skipped))


def _json(results: Sequence[FileResult], stream: TextIO, options: ReportOptions) -> None:
    from disclint.report.json_report import render_json

    stream.write(render_json(results))


def _json_statistics(results: Sequence[FileResult], stream: TextIO, options: ReportOptions) -> None:
    from disclint.report.statistics import render_statistics_json

    stream.write(render_statistics_json(results, options.catalogue))


def _github(results: Sequence[FileResult], stream: TextIO, options: ReportOptions) -> None:
    from disclint.report.github import render_github

    stream.write(render_github(results))


def _sarif(results: Sequence[FileResult], stream: TextIO, options: ReportOptions) -> None:
    from disclint.report.sarif import render_sarif

    stream.write(render_sarif(results, options.catalogue))


def _junit(results: Sequence[FileResult], stream: TextIO, options: ReportOptions) -> None:
    from disclint.report.junit import render_junit

    stream.write(render_junit(results, fail_on=options.fail_on))


def _html(results: Sequence[FileResult], stream: TextIO, options: ReportOptions) -> None:
    from disclint.report.html import render_html

    stream.write(render_html(results))


register(OutputFormat("text", "", _text, statistics=_text_statistics))
register(OutputFormat("json", "", _json, statistics=_json_statistics))
register(OutputFormat("github", N_("Actions annotations"), _github))
register(OutputFormat("sarif", "2.1.0", _sarif, rule_help=True))
register(OutputFormat("junit", "XML", _junit))
register(OutputFormat("html", N_("a self-contained report"), _html, shows_document=True))


def format_help() -> str:
    """ "text, json, github (Actions annotations), … or html (a self-contained report)." in the user's language.

    Translated piece by piece (each format's words, the list around them), so
    the catalog holds ids that extraction finds in the source, whatever formats
    are registered.
    """
    names = [
        _("{name} ({help})").format(name=fmt.name, help=_(fmt.help)) if fmt.help else fmt.name
        for fmt in OUTPUT_FORMATS.values()
    ]
    # TRANSLATORS: the separator between the output formats listed in --format's help
    separator = _(", ")
    return _("{formats} or {last}.").format(formats=separator.join(names[:-1]), last=names[-1])


def write_report(
    fmt: str,
    results: Sequence[FileResult],
    stream: TextIO,
    *,
    catalogue: Catalogue,
    color: bool | None = None,
    fail_on: str = "error",
    statistics: bool = False,
    baseline_written: str | None = None,
    skipped: int = 0,
) -> None:
    """Write ``results`` in ``fmt``; ``fail_on`` marks JUnit failures, ``statistics`` counts per code."""
    output = OUTPUT_FORMATS.get(fmt)
    if output is None:
        raise ValueError(f"unknown format {fmt}")
    writer = output.statistics if statistics else output.write
    if writer is None:
        raise ValueError(f"--statistics does not print {fmt}")
    writer(
        results,
        stream,
        ReportOptions(
            catalogue=catalogue, color=color, fail_on=fail_on, baseline_written=baseline_written, skipped=skipped
        ),
    )
