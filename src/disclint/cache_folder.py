"""Where derived data (the lexicon and compiled-pattern stores) is cached.

Kept apart from :mod:`disclint.lexicons` so that the entry point can find
the folder before anything heavy is imported.
"""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path | None:
    """``$DISCLINT_CACHE_DIR``, else the user's cache folder; ``None`` under ``$DISCLINT_NO_CACHE``."""
    if os.environ.get("DISCLINT_NO_CACHE"):
        return None
    explicit = os.environ.get("DISCLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "disclint"
