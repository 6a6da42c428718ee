"""The ``disclint`` command's entry point, kept light on purpose.

When a ``check`` run is done it flushes its output and leaves with ``os._exit``:
freeing every object of a finished run one by one (Python's normal exit)
takes measurable time on a corpus run and does nothing the operating system
does not do anyway.

Everything else is :mod:`disclint.cli`.
"""

from __future__ import annotations

import os
import sys
from typing import NoReturn


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        # Asked by scripts and pre-commit to see what is installed: no need to build the command line.
        from disclint import __version__

        sys.stdout.write(f"disclint {__version__}\n")
        exit_now(0)
    checking = sys.argv[1:2] == ["check"]
    # Ctrl-C or SIGTERM while the modules are still being imported: the same one line and
    # status as later on (disclint.run.signals), not a traceback or a bare death by signal.
    from disclint.run.signals import Terminated, handled

    try:
        with handled():
            from disclint.cli import main as cli_main

            cli_main()
    except SystemExit as finished:
        if not checking:
            raise
        status = finished.code
    except KeyboardInterrupt:
        _say("disclint: interrupted")
        status = 130
    except Terminated:
        _say("disclint: terminated")
        status = 143
    else:
        status = 0
    exit_now(status)


def _say(message: str) -> None:
    """One line on stderr in the user's language (the catalog is read only now, on the way out)."""
    try:
        from disclint.i18n import _, tolerant_streams

        tolerant_streams()
        message = _(message)
    except Exception:
        pass
    sys.stderr.write(message + "\n")


def exit_now(status: object) -> NoReturn:
    """Flush the output and end the process without tearing the interpreter down.

    Anything unusual (a status that is not a number, an output that cannot be
    flushed, such as a closed pipe) takes Python's normal exit, which reports it.
    """
    if status is None:
        status = 0
    if isinstance(status, int) and not isinstance(status, bool):
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except (OSError, ValueError):
            pass
        else:
            os._exit(status & 0xFF)
    raise SystemExit(status)
