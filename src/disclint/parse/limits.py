"""Limits on what one input may cost, and reading an input safely.

Every input is untrusted: a small file may expand (a ZIP bomb, a PDF that
repeats one page a hundred thousand times, a list numbering that starts at
99999999999 in letters) or never end (a FIFO, ``/dev/zero``). The parsers
check these limits before or while doing the work and raise
:class:`~disclint.parse.errors.InputError` with a message that names the
limit and the option that raises it.

Only regular files are read: :func:`read_input` refuses FIFOs, sockets and
devices (also behind a symlink) from their ``stat``, before opening them,
so a folder walk that meets one never blocks.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from disclint.parse.errors import InputError

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What one input may cost. The command line sets them (``--max-file-size`` …)."""

    max_file_bytes: int = 256 * MB  # the input file itself
    max_member_bytes: int = 512 * MB  # one member of a .docx package, inflated
    max_package_bytes: int = 1024 * MB  # all members of a .docx package together, inflated
    max_members: int = 10_000  # entries in a .docx package
    max_pdf_pages: int = 5_000
    # Text objects on one PDF page: PDFium's text extraction is quadratic in them.
    max_page_objects: int = 40_000
    # Lines of a text file, paragraphs of a .docx. Every line costs a few objects in the
    # analysis (about 1.5 KB and 25 µs): a million one-letter lines were 30 s and 1.5 GB.
    max_lines: int = 200_000
    # Characters of text read from one input: analysing text costs about 100-300 bytes a
    # character; a 2,000-page prospectus is about 3 million.
    max_chars: int = 10_000_000


DEFAULT_LIMITS = Limits()


def too_many_lines(what: str, count: int, limit: int) -> InputError:
    return InputError(f"the file has {count} {what}, more than the limit of {limit}; raise it with --max-lines")


def too_many_chars(count: int, limit: int) -> InputError:
    return InputError(f"the text is {count} characters, more than the limit of {limit}; raise it with --max-chars")


def _megabytes(size: int) -> str:
    value = size / MB
    if value < 0.05:  # a limit set low on purpose (--max-unzipped-size 0.001) would read as 0.0 MB
        return f"{max(1, round(size / 1024))} KB"
    return f"{value:.0f} MB" if value >= 10 or value == int(value) else f"{value:.1f} MB"


def too_large(what: str, size: int, limit: int, option: str) -> InputError:
    return InputError(
        f"{what} is {_megabytes(size)}, more than the limit of {_megabytes(limit)}; raise it with {option}"
    )


_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _kind(mode: int) -> str:
    for test, name in _KINDS:
        if test(mode):
            return name
    return "not a regular file"


def read_input(path: Path, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The bytes of the regular file ``path``, at most ``limits.max_file_bytes`` of them.

    FIFOs, devices and sockets (also through symlinks) are refused from their
    ``stat``, before any ``open`` that could block; the file is opened
    non-blocking and checked again on the open descriptor.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError as exc:
        raise InputError("no such file" if not os.path.islink(path) else "broken symbolic link") from exc
    except PermissionError as exc:
        raise InputError("permission denied") from exc
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read: {getattr(exc, 'strerror', None) or exc}") from exc
    _check_kind(info.st_mode)
    limit = limits.max_file_bytes
    if info.st_size > limit:
        raise too_large("the file", info.st_size, limit, "--max-file-size")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except IsADirectoryError as exc:
        raise InputError("is a directory") from exc
    except FileNotFoundError as exc:
        raise InputError("no such file") from exc
    except PermissionError as exc:
        raise InputError("permission denied") from exc
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from exc
    try:
        _check_kind(os.fstat(descriptor).st_mode)  # replaced between stat and open
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(descriptor, min(1 << 20, limit + 1 - total) or 1)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:  # grew while being read
                raise too_large("the file", total, limit, "--max-file-size")
        return b"".join(chunks)
    except InputError:
        raise
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from exc
    finally:
        os.close(descriptor)


def _check_kind(mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise InputError("is a directory")
    if not stat.S_ISREG(mode):
        raise InputError(f"{_kind(mode)}, not a regular file: only regular files are read")


def read_stream(stream: BinaryIO, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """A binary stream (stdin) read to its end, but never more than one byte past
    ``limits.max_file_bytes``: :func:`~disclint.parse.parse_bytes` then refuses it
    as too large, so ``/dev/zero`` on stdin ends with that input's error line."""
    read = stream.read
    limit = limits.max_file_bytes
    chunks: list[bytes] = []
    total = 0
    while total <= limit:
        chunk = read(min(1 << 20, limit + 1 - total))
        if not chunk:
            break
        chunks.append(bytes(chunk))
        total += len(chunk)
    return b"".join(chunks)
