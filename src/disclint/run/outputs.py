"""Files disclint writes (reports, reviewed copies, baselines, starter configs).

Two promises, for every one of them:

* **never write an input** — :func:`check_target` refuses a target that is,
  after following symbolic links and ``..``, or through a hard link (same
  device and inode), any file the run reads (drafts, config, lexicons,
  baseline), and a target that exists but is not a regular file (a folder,
  ``/dev/null``, a FIFO, ``/proc/self/mem``);
* **never leave half a file** — :func:`atomic_write` writes a temporary file
  in the target's own folder and renames it over the target (``os.replace``
  is atomic on one file system), so a run interrupted or killed half-way
  leaves the old file or none, never a truncated report.

A target that is a symbolic link to a regular file is written through: the
file it points to is replaced, the link stays.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO


class OutputError(Exception):
    """A target disclint refuses to write, or could not write; the message names it."""


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def _real(path: Path) -> Path:
    try:
        return Path(os.path.realpath(path))
    except (OSError, ValueError):
        return Path(os.path.abspath(path))


def check_target(target: Path, inputs: Iterable[Path] = (), *, what: str = "the report") -> Path:
    """The real path to write ``what`` to, or :class:`OutputError` when writing there is refused."""
    real = _real(target)
    try:
        info = os.stat(real)
    except FileNotFoundError:
        info = None
    except (OSError, ValueError) as exc:
        raise OutputError(f"{target}: cannot write {what}: {getattr(exc, 'strerror', None) or exc}") from None
    if info is not None and not stat.S_ISREG(info.st_mode):
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        raise OutputError(f"{target}: refusing to write {what}: it is {kind}")
    mine = (info.st_dev, info.st_ino) if info is not None else None
    for source in inputs:
        if _real(source) == real or (mine is not None and _identity(source) == mine):
            raise OutputError(f"{target}: refusing to write {what} over an input ({source}); choose another file")
    return real


def atomic_write(
    target: Path,
    write: Callable[[IO[bytes]], object],
    *,
    what: str = "the report",
    make_parents: bool = False,
    shown: Path | None = None,
) -> None:
    """Call ``write`` with a binary stream whose bytes replace ``target`` in one step.

    ``shown``: the name to give in messages (the path as the user wrote it).
    """
    folder = target.parent
    temporary: str | None = None
    try:
        if make_parents:
            folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(handle, "wb") as stream:
            write(stream)
            stream.flush()
        try:
            mode = stat.S_IMODE(os.stat(target).st_mode)
        except OSError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(temporary, mode)
        os.replace(temporary, target)
        temporary = None
    except OSError as exc:
        raise OutputError(f"{shown or target}: cannot write {what}: {exc.strerror or exc}") from None
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def atomic_write_text(
    target: Path, text: str, *, what: str = "the report", make_parents: bool = False, shown: Path | None = None
) -> None:
    atomic_write(
        target, lambda stream: stream.write(text.encode("utf-8")), what=what, make_parents=make_parents, shown=shown
    )
