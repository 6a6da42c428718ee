"""docs/rules.md is generated from the registry; it must not go stale."""

from __future__ import annotations

from pathlib import Path

from disclint.explain import render_rules_markdown

ROOT = Path(__file__).resolve().parents[1]


def test_rules_markdown_is_up_to_date() -> None:
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == render_rules_markdown(), (
        "docs/rules.md is stale: run `python -m disclint.explain > docs/rules.md`"
    )
