"""Where derived data (the lexicon store) is cached, and how a cache entry is
sealed so that it can only make a run faster.

Kept apart from :mod:`disclint.lexicons` so that the entry point can find
the folder before anything heavy is imported. Both stores are marshal files
(never pickle: a cache folder restored in CI must not be able to run code);
any problem reading or writing one is a miss, never an error.

Every entry disclint writes into the cache folder carries an HMAC-SHA256 of
its bytes and of what it was stored under (:func:`seal`), under a secret that
is *not* in the cache folder: ``$DISCLINT_CACHE_KEY`` when set, else a random
key made once in ``$XDG_STATE_HOME/disclint/cache-key`` (``~/.local/state``).
An entry is read only when it is a regular file (no symbolic link, no
device), not larger than a limit, and its seal matches; anything else is a
miss. So a cache folder copied from another machine, or written by someone
who does not hold the key, can cost a re-parse but never change a result
(docs/workflow.md, "The cache's trust model").
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import marshal
import os
import stat
from functools import lru_cache
from pathlib import Path
from typing import Any

KEY_ENV = "DISCLINT_CACHE_KEY"
SEAL_SIZE = 32  # bytes of an HMAC-SHA256
MAX_STORE_BYTES = 256 * 1024 * 1024


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


def state_dir() -> Path:
    """Where the cache key lives: ``$XDG_STATE_HOME/disclint`` or ``~/.local/state/disclint``."""
    base = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
    return Path(base) / "disclint"


@lru_cache(maxsize=1)
def cache_secret() -> bytes:
    """The key entries are sealed with (see the module's docstring).

    When no key can be read or made (a read-only home), a key for this
    process only: the cache then works within one run and is a miss after.
    """
    given = os.environ.get(KEY_ENV)
    if given:
        return hashlib.sha256(b"disclint-cache-key\0" + given.encode("utf-8", "surrogatepass")).digest()
    path = state_dir() / "cache-key"
    existing = read_regular(path, 4096)
    if existing is not None and len(existing) >= SEAL_SIZE:
        return existing[:SEAL_SIZE]
    # Made whole in a private temporary file, then linked into place: a run killed half-way
    # leaves no short key behind, and of two runs making one at once the first link wins.
    key = os.urandom(SEAL_SIZE)
    temporary = path.with_name(f".cache-key.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(key)
        if existing is not None:  # a short or damaged key: replace it
            os.replace(temporary, path)
            return key
        with contextlib.suppress(FileExistsError):  # a concurrent run linked its key first: use that one
            os.link(temporary, path)
        winner = read_regular(path, 4096)
        return winner[:SEAL_SIZE] if winner is not None and len(winner) >= SEAL_SIZE else key
    except OSError:
        return key  # for this process only
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def seal(context: bytes, payload: bytes) -> bytes:
    """HMAC-SHA256 of ``payload`` stored under ``context`` (a key, a file name)."""
    return hmac.new(cache_secret(), context + b"\0" + payload, hashlib.sha256).digest()


def read_regular(path: Path, limit: int) -> bytes | None:
    """The bytes of ``path`` if it is a regular file (not followed through a symbolic
    link) of at most ``limit`` bytes; ``None`` for anything else or any error."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(path, flags)
    except (OSError, ValueError):
        return None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            data = stream.read(limit + 1)
    except (OSError, ValueError, MemoryError):
        return None
    finally:
        os.close(descriptor)
    return data if len(data) <= limit else None


def read_marshal(path: Path) -> Any:
    """The data in ``path``, or ``None`` when it is missing, unreadable, corrupt or not sealed with our key."""
    blob = read_regular(path, MAX_STORE_BYTES)
    if blob is None or len(blob) < SEAL_SIZE:
        return None
    mark, payload = blob[:SEAL_SIZE], blob[SEAL_SIZE:]
    if not hmac.compare_digest(mark, seal(path.name.encode("utf-8", "surrogateescape"), payload)):
        return None
    try:
        return marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return None


def write_marshal(path: Path, data: Any, *, siblings: str | None = None) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename (readers never see half a file).

    ``siblings`` (a glob such as ``lexicons-*.marshal``) names the older
    versions of the same store: all but the :data:`KEEP_VERSIONS` most recent
    are removed, so a folder does not grow with every lexicon edit.
    """
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = marshal.dumps(data)
        temporary.write_bytes(seal(path.name.encode("utf-8", "surrogateescape"), payload) + payload)
        os.replace(temporary, path)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            temporary.unlink()
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
