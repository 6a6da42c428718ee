"""What a --jobs run builds once before it forks its workers (Linter.build_shared)."""

from __future__ import annotations

from disclint.run.engine import Linter
from disclint.startup.config import Config


def test_the_parent_builds_what_every_file_needs() -> None:
    linter = Linter.create(Config())
    linter.build_shared()
    lexicon = linter.lexicon
    assert linter.token_segmenter().loaded
    assert "trigger_index" in lexicon.memo and "packs" in lexicon.memo
    assert all(cue.regex._compiled is not None for cue in lexicon.cues.values())
    assert lexicon.frames._scanner is not None and lexicon.frames._index is not None
    before = linter.lint_bytes("公司将积极推进降本增效，不断提升盈利能力。".encode(), "draft.txt")
    assert [finding.finding.code for finding in before.findings] == ["VP001"]
