"""Where derived data (the lexicon store) is cached.

Kept apart from :mod:`disclint.lexicons` so that the entry point can find
the folder before anything heavy is imported. Both stores are marshal files
(never pickle: a cache folder restored in CI must not be able to run code);
any problem reading or writing one is a miss, never an error.
"""

from __future__ import annotations

import contextlib
import marshal
import os
from pathlib import Path
from typing import Any


def cache_dir() -> Path | None:
    """``$DISCLINT_CACHE_DIR``, else the user's cache folder; ``None`` under ``$DISCLINT_NO_CACHE``."""
    if os.environ.get("DISCLINT_NO_CACHE"):
        return None
    explicit = os.environ.get("DISCLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    return user_cache_dir()


def user_cache_dir() -> Path:
    """The user's cache folder: ``$XDG_CACHE_HOME/disclint`` or ``~/.cache/disclint``."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "disclint"


def read_marshal(path: Path) -> Any:
    """The data in ``path``, or ``None`` when it is missing, unreadable or corrupt."""
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None


def write_marshal(path: Path, data: Any, *, siblings: str | None = None) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename (readers never see half a file).

    ``siblings`` (a glob such as ``lexicons-*.marshal``) names the older
    versions of the same store: all but the :data:`KEEP_VERSIONS` most recent
    are removed, so a folder does not grow with every lexicon edit.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(marshal.dumps(data))
        os.replace(temporary, path)
    except (OSError, ValueError):
        return
    if siblings is not None:
        _prune(path, siblings)


KEEP_VERSIONS = 4


def _prune(path: Path, siblings: str) -> None:
    try:
        versions = sorted(path.parent.glob(siblings), key=lambda item: item.stat().st_mtime, reverse=True)
    except OSError:
        return
    for old in [item for item in versions if item != path][KEEP_VERSIONS - 1 :]:
        with contextlib.suppress(OSError):
            old.unlink()
