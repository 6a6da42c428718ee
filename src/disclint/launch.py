"""The ``disclint`` command's entry point, kept light on purpose.

Before the command-line layer and the engine are imported, a ``check`` run

* forks the segmenter helper (:func:`disclint.text.segment.start_helper`), so
  that jieba's dictionary loads on the other core while this process imports,
  parses and analyses;
* installs the compiled-pattern store (:mod:`disclint.regex_store`), so that
  the patterns compiled while importing and linting come from the cache
  folder instead of being compiled afresh.

Everything else is :mod:`disclint.cli`.
"""

from __future__ import annotations

import sys
from pathlib import Path


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
    helper = store = False
    arguments = sys.argv[1:]
    if arguments[:1] == ["check"]:
        from disclint.text.segment import start_helper

        helper = start_helper()
        folder = store_folder(arguments)
        if folder is not None:
            from disclint import regex_store

            store = regex_store.install(folder)
    try:
        from disclint.cli import main as cli_main

        cli_main()
    finally:
        if store:
            regex_store.save()
        if helper:
            from disclint.text.segment import stop_helper

            stop_helper()
