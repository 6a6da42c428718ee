"""Where a finding is.

* for logs, editors and CI: ``plan.pdf:p3:12:5``, ``plan.md:18:5`` (:func:`location`);
* for readers: "第 3 页第 12 行第 5 字", and for Word "第 22 段第 14 字" — the
  paragraph number Word users count, tables cell by cell — with the headings
  the finding stands under and its table cell (:func:`location_text`,
  :func:`place_text`).
"""

from __future__ import annotations

from disclint.i18n import _
from disclint.model.findings import LocatedFinding
from disclint.parse.formats import Locations, for_path


def location(path: str, item: LocatedFinding) -> str:
    """``path:line:column``, or ``path:pPAGE:line:column`` for a PDF."""
    start = item.start
    if start.page is not None:
        return f"{path}:p{start.page}:{start.line}:{start.column}"
    return f"{path}:{start.line}:{start.column}"


def is_word(path: str) -> bool:
    """Locations of this file count paragraphs (a Word file), as the format registry says."""
    fmt = for_path(path)
    return fmt is not None and fmt.locations is Locations.PARAGRAPH


def display_location(path: str, item: LocatedFinding) -> str:
    """The location at the head of a text-report entry: Word findings by paragraph, others as :func:`location`."""
    if is_word(path) and item.start.page is None:
        return f"{path} {location_text(item, word=True)}"
    return location(path, item)


def location_text(item: LocatedFinding, *, word: bool | None = None) -> str:
    """Where a finding is, as a reader looks it up ("第 3 页第 12 行第 5 字", "第 22 段第 14 字")."""
    start = item.start
    if word is None:
        word = item.cell is not None
    if start.page is not None:
        return _("page {page}, line {line}, character {column}").format(
            page=start.page, line=start.line, column=start.column
        )
    if word:
        return _("paragraph {line}, character {column}").format(line=start.line, column=start.column)
    return _("line {line}, character {column}").format(line=start.line, column=start.column)


def cell_text(item: LocatedFinding) -> str | None:
    if item.cell is None:
        return None
    table, row, column = item.cell
    return _("table {table}, row {row}, column {column}").format(table=table, row=row, column=column)


def place_text(item: LocatedFinding) -> str | None:
    """The headings the finding stands under and its table cell, or None when there are neither."""
    parts = []
    if item.heading_path:
        parts.append(" › ".join(item.heading_path))
    cell = cell_text(item)
    if cell:
        parts.append(cell)
    return _("; ").join(parts) if parts else None
