"""Helpers for the review-output tests (HTML report, annotated .docx, browser).

``view_result`` lints a file the way the CLI does for the document views:
the ``FileResult`` carries what those reporters read (``text``,
``source_format``, ``checklist``).
``anchored_texts`` reads a .docx independently of disclint's own walk: the
text between each ``w:commentRangeStart`` and ``w:commentRangeEnd``.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from disclint.model.findings import FileResult
from disclint.parse.plaintext import document_from_text
from disclint.run.engine import Linter
from disclint.startup.config import Config

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_LINTER: Linter | None = None


def linter() -> Linter:
    """A linter that fills the document view (text, format, checklist), as the CLI does for html."""
    global _LINTER
    if _LINTER is None:
        _LINTER = Linter.create(Config())
        _LINTER.document_view = True
    return _LINTER


def view_result(path: Path) -> FileResult:
    """``Linter.create(Config()).lint_path(path)`` with the document view filled."""
    result = linter().lint_path(path)
    assert result.error is None, result.error
    return result


def view_text(text: str, name: str = "draft.txt") -> FileResult:
    return linter().lint_document(document_from_text(text, name))


def comment_parts(path: Path) -> tuple[Any, Any]:
    """(document.xml root, comments.xml root) of a .docx, parsed with lxml."""
    from lxml import etree

    with zipfile.ZipFile(path) as archive:
        body = etree.parse(io.BytesIO(archive.read("word/document.xml"))).getroot()
        comments = etree.parse(io.BytesIO(archive.read("word/comments.xml"))).getroot()
    return body, comments


def anchored_texts(path: Path) -> dict[str, str]:
    """Comment id → the visible text its range covers (paragraph ends as ``\\n``)."""
    from lxml import etree

    body, _comments = comment_parts(path)
    open_ids: list[str] = []
    texts: dict[str, list[str]] = {}
    hidden_depth = 0
    for event, element in etree.iterwalk(body, events=("start", "end")):
        tag = element.tag
        if tag == W + "r":
            rpr = element.find(W + "rPr")
            hidden = rpr is not None and rpr.find(W + "vanish") is not None
            if hidden:
                hidden_depth += 1 if event == "start" else -1
            continue
        if event == "start":
            if tag == W + "commentRangeStart":
                open_ids.append(element.get(W + "id"))
                texts.setdefault(element.get(W + "id"), [])
            elif tag == W + "commentRangeEnd":
                open_ids.remove(element.get(W + "id"))
            elif hidden_depth == 0 and tag == W + "t":
                for comment_id in open_ids:
                    texts[comment_id].append(element.text or "")
            elif hidden_depth == 0 and tag in (W + "tab",):
                for comment_id in open_ids:
                    texts[comment_id].append("\t")
            elif hidden_depth == 0 and tag in (W + "br", W + "cr"):
                for comment_id in open_ids:
                    texts[comment_id].append("\n")
        elif tag == W + "p":
            for comment_id in open_ids:
                texts[comment_id].append("\n")
    return {key: "".join(value) for key, value in texts.items()}


def comments_by_author(path: Path, author: str = "disclint") -> list[tuple[str, str]]:
    """(comment id, comment text) of every comment by ``author``, in file order."""
    _body, comments = comment_parts(path)
    found = []
    for comment in comments.iter(W + "comment"):
        if comment.get(W + "author") != author:
            continue
        paragraphs = ["".join(t.text or "" for t in p.iter(W + "t")) for p in comment.iter(W + "p")]
        found.append((comment.get(W + "id"), "\n".join(paragraphs)))
    return found
