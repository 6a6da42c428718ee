"""Reporters: one module per output format. A reporter only formats findings."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from disclint.findings import FileResult

FORMATS = ("text", "json")


def write_report(fmt: str, results: Sequence[FileResult], stream: TextIO, *, color: bool | None = None) -> None:
    if fmt == "json":
        from disclint.report.json_report import render_json

        stream.write(render_json(results))
    elif fmt == "text":
        from disclint.report.text import render_text

        render_text(results, stream, color=color)
    else:  # pragma: no cover - the CLI validates formats
        raise ValueError(f"unknown format {fmt}")
