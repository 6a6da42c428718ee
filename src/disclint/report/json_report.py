"""``--format json``: exactly the shape of CONTRACT.md (schema disclint/1)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from disclint import __version__
from disclint.model.document import Position
from disclint.model.findings import FileResult, LocatedFinding, Severity


def _position(position: Position) -> dict[str, Any]:
    return {"offset": position.offset, "line": position.line, "column": position.column, "page": position.page}


def _finding(item: LocatedFinding) -> dict[str, Any]:
    finding = item.finding
    return {
        "code": finding.code,
        "category": finding.category.value,
        "severity": finding.severity.value,
        "message": finding.message,
        "excerpt": item.excerpt,
        "start": _position(item.start),
        "end": _position(item.end),
        # A section id for a missing section (CONTRACT.md); otherwise the heading path the finding stands under.
        "section": finding.section if finding.section is not None else item.section_path,
        "suggestion": finding.suggestion,
        "reference": finding.reference,
    }


def _file(result: FileResult) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "path": result.path,
        "doc_type": result.doc_type,
        "doc_type_source": result.doc_type_source,
        "doc_type_reason": result.doc_type_reason,
        "error": result.error,
        "findings": [_finding(item) for item in result.findings],
    }
    if result.parts:
        entry["parts"] = [
            {
                "title": part.title,
                "doc_type": part.doc_type,
                "start": {"line": part.start.line, "page": part.start.page},
                "end": {"line": part.end.line, "page": part.end.page},
            }
            for part in result.parts
        ]
    return entry


def summary(results: Sequence[FileResult]) -> dict[str, int]:
    return {
        "files": len(results),
        "errors": sum(result.count(Severity.ERROR) for result in results),
        "warnings": sum(result.count(Severity.WARNING) for result in results),
        "infos": sum(result.count(Severity.INFO) for result in results),
    }


def render_json(results: Sequence[FileResult]) -> str:
    document = {
        "schema": "disclint/1",
        "tool": {"name": "disclint", "version": __version__},
        "files": [_file(result) for result in results],
        "summary": summary(results),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
