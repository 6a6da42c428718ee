"""Run the command line in-process with captured standard streams (the tests' CliRunner)."""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from disclint.cli import run


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str


def invoke(arguments: Sequence[str], input: str | bytes | None = None) -> Result:
    """``disclint ARGUMENTS`` with ``input`` on stdin; what it printed and its exit status."""
    data = input.encode("utf-8") if isinstance(input, str) else (input or b"")
    stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    stderr = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin, sys.stdout, sys.stderr = stdin, stdout, stderr
    try:
        code = run(list(arguments))
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
    return Result(code, _text(stdout), _text(stderr))


def _text(stream: io.TextIOWrapper) -> str:
    stream.flush()
    buffer = stream.buffer
    assert isinstance(buffer, io.BytesIO)
    return buffer.getvalue().decode("utf-8")
