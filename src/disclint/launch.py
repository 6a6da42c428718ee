"""The ``disclint`` command's entry point, kept light on purpose.

Before the command-line layer and the engine are imported, a ``check`` run

* installs the compiled-pattern store (:mod:`disclint.regex_store`), so that
  the patterns compiled while importing and linting come from the cache
  folder instead of being compiled afresh;

and when it is done it flushes its output and leaves with ``os._exit``:
freeing every object of a finished run one by one (Python's normal exit)
costs 20–25 ms on a corpus run and does nothing the operating system does
not do anyway.

Everything else is :mod:`disclint.cli`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import NoReturn


def store_folder(arguments: list[str]) -> Path | None:
    """The cache folder for the pattern store, as ``--cache-dir``/``--no-cache`` and the environment say.

    Read before the command line is parsed (the store must be in place before
    the modules that compile patterns are imported); a config file's
    ``cache-dir`` is read too late and does not apply to it.
    """
    from disclint.cache_folder import cache_dir

    if "--no-cache" in arguments:
        return None
    for index, argument in enumerate(arguments):
        if argument == "--cache-dir" and index + 1 < len(arguments):
            return Path(arguments[index + 1]).expanduser()
        if argument.startswith("--cache-dir="):
            return Path(argument.split("=", 1)[1]).expanduser()
    return cache_dir()


def main() -> None:
    store = False
    arguments = sys.argv[1:]
    checking = arguments[:1] == ["check"]
    if checking:
        folder = store_folder(arguments)
        if folder is not None:
            from disclint import regex_store

            store = regex_store.install(folder)
    try:
        from disclint.cli import main as cli_main

        cli_main()
    except SystemExit as finished:
        if not checking:
            raise
        status = finished.code
    else:
        status = 0
    finally:
        if store:
            regex_store.save()
    exit_now(status)


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
