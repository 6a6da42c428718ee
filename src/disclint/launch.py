"""The ``disclint`` command's entry point, kept light on purpose.

Before the command-line layer and the engine are imported, a ``check`` run
forks the segmenter helper (:func:`disclint.text.segment.start_helper`), so
that jieba's dictionary loads on the other core while this process imports,
parses and analyses. Everything else is :mod:`disclint.cli`.
"""

from __future__ import annotations

import sys


def main() -> None:
    helper = False
    if sys.argv[1:2] == ["check"]:
        from disclint.text.segment import start_helper

        helper = start_helper()
    try:
        from disclint.cli import main as cli_main

        cli_main()
    finally:
        if helper:
            from disclint.text.segment import stop_helper

            stop_helper()
