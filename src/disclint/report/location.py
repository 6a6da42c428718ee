"""Where a finding is: ``plan.pdf:p3:12:5`` for logs and CI, "第 3 页第 12 行第 5 字" for readers."""

from __future__ import annotations

from disclint.findings import LocatedFinding


def location(path: str, item: LocatedFinding) -> str:
    """``path:line:column``, or ``path:pPAGE:line:column`` for a PDF."""
    start = item.start
    if start.page is not None:
        return f"{path}:p{start.page}:{start.line}:{start.column}"
    return f"{path}:{start.line}:{start.column}"


def location_text(item: LocatedFinding) -> str:
    """Where a finding is, as a reader looks it up ("第 3 页第 12 行第 5 字")."""
    start = item.start
    where = f"第 {start.line} 行第 {start.column} 字"
    if start.page is not None:
        where = f"第 {start.page} 页" + where
    return where
