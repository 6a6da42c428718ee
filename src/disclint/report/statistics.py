"""``--statistics``: how many findings of each rule, instead of the findings (as ruff does).

Text: one line per code — count, code, severity, the rule's summary — most
frequent first, then a total. JSON: a list of ``{"code", "name", "category",
"severity", "count", "summary"}`` in the same order.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

from disclint.findings import FileResult


def statistics(results: Sequence[FileResult]) -> list[dict[str, Any]]:
    from disclint.rules import get_rule

    counts: Counter[str] = Counter(item.finding.code for result in results for item in result.findings)
    severities: dict[str, str] = {}
    for result in results:
        for item in result.findings:
            severities.setdefault(item.finding.code, item.finding.severity.value)
    rows = []
    for code, count in sorted(counts.items(), key=lambda pair: (-pair[1], pair[0])):
        spec = get_rule(code)
        rows.append(
            {
                "code": code,
                "name": spec.name if spec else code,
                "category": spec.category.value if spec else None,
                "severity": severities[code],
                "count": count,
                "summary": spec.summary if spec else "",
            }
        )
    return rows


def render_statistics_text(results: Sequence[FileResult]) -> str:
    rows = statistics(results)
    if not rows:
        return "未发现问题\n"
    width = max(len(str(row["count"])) for row in rows)
    lines = [f"{row['count']:>{width}}  {row['code']}  {row['severity']:<7}  {row['summary']}" for row in rows]
    total = sum(row["count"] for row in rows)
    lines.append(f"共 {total} 个问题，{len(rows)} 条规则")
    return "\n".join(lines) + "\n"


def render_statistics_json(results: Sequence[FileResult]) -> str:
    return json.dumps(statistics(results), ensure_ascii=False, indent=2) + "\n"
