"""``--statistics``: how many findings of each rule, instead of the findings (as ruff does).

Text: one line per code and severity — count, code, severity, the rule's
summary — most frequent first, then a total with the count at each severity.
A rule whose findings differ in severity (MS001: a missing risk warning is an
error, other missing sections warnings) gets a line per severity. JSON: a
list of ``{"code", "name", "category", "severity", "count", "summary"}`` in
the same order.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

from disclint.model.catalogue import Catalogue
from disclint.model.findings import FileResult

_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def statistics(results: Sequence[FileResult], catalogue: Catalogue) -> list[dict[str, Any]]:
    counts: Counter[tuple[str, str]] = Counter(
        (item.finding.code, item.finding.severity.value) for result in results for item in result.findings
    )
    rows = []
    for (code, severity), count in sorted(
        counts.items(), key=lambda pair: (-pair[1], pair[0][0], _SEVERITY_ORDER.get(pair[0][1], 3))
    ):
        spec = catalogue.get(code)
        rows.append(
            {
                "code": code,
                "name": spec.name if spec else code,
                "category": spec.category.value if spec else None,
                "severity": severity,
                "count": count,
                "summary": spec.summary if spec else "",
            }
        )
    return rows


def render_statistics_text(results: Sequence[FileResult], catalogue: Catalogue, *, skipped: int = 0) -> str:
    rows = statistics(results, catalogue)
    if not rows:
        from disclint.report.text import summary_line

        return summary_line(results, skipped=skipped) + "\n"
    width = max(len(str(row["count"])) for row in rows)
    from disclint.model.findings import Severity
    from disclint.report.text import cell_width, severity_label

    labels = {row["severity"]: severity_label(Severity(row["severity"])) for row in rows}
    label_width = max(cell_width(label) for label in labels.values())
    lines = [
        f"{row['count']:>{width}}  {row['code']}  "
        f"{labels[row['severity']] + ' ' * (label_width - cell_width(labels[row['severity']]))}  {row['summary']}"
        for row in rows
    ]
    total = sum(row["count"] for row in rows)
    by_severity = Counter[str]()
    for row in rows:
        by_severity[row["severity"]] += row["count"]
    rules = len({row["code"] for row in rows})
    from disclint.i18n import _
    from disclint.messages import counted

    lines.append(
        _("{problems} in all (errors {errors}, warnings {warnings}, infos {infos}), {rules}").format(
            problems=counted("problem", total),
            errors=by_severity["error"],
            warnings=by_severity["warning"],
            infos=by_severity["info"],
            rules=counted("rule", rules),
        )
    )
    if skipped:
        from disclint.report.text import skipped_note

        lines[-1] += skipped_note(skipped)
    return "\n".join(lines) + "\n"


def render_statistics_json(results: Sequence[FileResult], catalogue: Catalogue) -> str:
    return json.dumps(statistics(results, catalogue), ensure_ascii=False, indent=2) + "\n"
