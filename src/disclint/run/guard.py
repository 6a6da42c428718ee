"""A time budget for one file's work.

:func:`guarded` runs one file's parse and lint under a wall-clock budget
(``--timeout SECONDS``). The budget is an interval timer (``SIGALRM``) whose
handler raises :class:`FileTimeout` in the work, wherever it is — Python
code, or a regular expression, which checks for signals while it matches.
:class:`FileTimeout` is a ``BaseException`` so that the parsers' broad
``except Exception`` clauses (a corrupt .docx, a broken PDF) cannot turn it
into a different message.

The timer works in the main thread of a process (the command line, and
each ``--jobs`` worker, runs files there); elsewhere, or without
``setitimer``, the work runs without a budget.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


class FileTimeout(BaseException):
    """One file's work took longer than its time budget."""


def _expired(_signum: int, _frame: Any) -> None:
    raise FileTimeout


def guarded(work: Callable[[], T], timeout: float | None) -> T:
    """``work()``, interrupted by :class:`FileTimeout` after ``timeout`` seconds (None or 0: never)."""
    if (
        not timeout
        or timeout <= 0
        or not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        return work()
    previous = signal.signal(signal.SIGALRM, _expired)
    try:
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            return work()
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    finally:
        signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)
