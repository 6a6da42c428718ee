"""Signals: a run that is told to stop, stops — with every worker it started.

* **Ctrl-C** (SIGINT) in the main process raises ``KeyboardInterrupt``; the
  command line prints ``disclint: interrupted`` and exits 130. Workers ignore
  SIGINT (the terminal sends it to the whole process group) and are ended by
  the pool's ``terminate()`` when the main process leaves the pool's block.
* **SIGTERM** to the main process raises :class:`Terminated` (a
  ``BaseException``, so no ``except Exception`` swallows it); the pool is
  terminated the same way, ``disclint: terminated`` is printed, exit 143.
* **The main process dies** (SIGKILL, a crash): every worker asked the kernel
  for a parent-death signal (``prctl(PR_SET_PDEATHSIG, SIGKILL)`` on Linux,
  through ctypes) and checks once that its parent has not already gone in
  between. Where prctl is not available, a daemon thread in each worker
  watches ``os.getppid()`` twice a second and ends the worker when the parent
  has changed.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterator
from types import FrameType

PR_SET_PDEATHSIG = 1
WATCH_INTERVAL = 0.5  # seconds between two looks at the parent, where prctl is missing


class Terminated(BaseException):
    """SIGTERM arrived: the run ends as Ctrl-C would, with status 143."""


_handler_owner: int | None = None  # the process that installed the SIGTERM handler


def _raise_terminated(signum: int, frame: FrameType | None) -> None:
    if _handler_owner is not None and os.getpid() != _handler_owner:
        # A pool worker forked with this handler, terminated before its initializer reset
        # it: it dies of the signal as a default worker would, without a traceback.
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)
    raise Terminated


@contextlib.contextmanager
def handled() -> Iterator[None]:
    """SIGTERM raises :class:`Terminated` inside the block (main thread only); restored after."""
    global _handler_owner
    _handler_owner = os.getpid()
    try:
        previous = signal.signal(signal.SIGTERM, _raise_terminated)
    except (ValueError, OSError):  # not the main thread, or a platform without SIGTERM handlers
        yield
        return
    try:
        yield
    finally:
        with contextlib.suppress(ValueError, OSError):
            signal.signal(signal.SIGTERM, previous)


def _prctl_parent_death(signum: int) -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(PR_SET_PDEATHSIG, signum, 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    import time

    while True:
        time.sleep(WATCH_INTERVAL)
        if os.getppid() != parent:
            os._exit(1)


def worker_started(parent: int) -> None:
    """In a pool worker: end with the main process ``parent`` and leave SIGINT to it.

    SIGTERM is reset to its default (a worker forked from a main process that
    handles it must die of it, as ``Pool.terminate`` expects).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if not _prctl_parent_death(signal.SIGKILL):
        threading.Thread(target=_watch_parent, args=(parent,), name="disclint-parent-watch", daemon=True).start()
    if os.getppid() != parent:  # the parent died before the request was in place
        os._exit(1)
