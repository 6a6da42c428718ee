"""The lexicons as a run uses them: loaded, then checked against the parts above them.

``disclint.lexicons`` only reads and compiles the files. What needs the rules or the
section packs is done here, at start-up, before any file is linted: a team entry that
cites a seed file takes its rule's basis from the registry, a team's section packs
are built once (so a bad one stops the run), and the shipped classes' and frames'
examples are run (:mod:`disclint.startup.specs`).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from disclint import lexicons
from disclint.frames import FrameError
from disclint.lexicons import Lexicon, LexiconError
from disclint.rules.registry import get_rule
from disclint.startup.specs import verify_specs
from disclint.structure.packs import get_packs


def rule_basis(rule: str) -> str | None:
    """The basis a rule cites by default (its registry ``reference``), if the rule is known."""
    spec = get_rule(rule)
    return spec.reference if spec else None


def load_lexicons(directories: Sequence[Path] = (), extra_files: Sequence[Path] = ()) -> Lexicon:
    """The lexicons of ``directories`` (default: the shipped ones) and ``extra_files``
    (a team's), every check that can fail made now."""
    lexicon = lexicons.load_lexicons(directories, extra_files, rule_basis=rule_basis)
    if extra_files:
        get_packs(lexicon)
    return lexicon


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The shipped lexicons, loaded once per process; the class and frame specs checked."""
    lexicon = load_lexicons()
    try:
        verify_specs(lexicon)
    except FrameError as exc:
        raise LexiconError(str(exc)) from exc
    return lexicon
