"""Token boundaries from jieba, loaded lazily and only when a hit needs them.

A lexicon hit such as 龙头 inside 水龙头, or 首创 inside the broker name 首创
证券, is a substring but not a word. jieba decides: a hit is kept only when
both of its ends fall on token boundaries of its sentence. The project's
own terms are loaded as a user dictionary so that they segment as units.

Backend: rjieba (the Rust port of jieba, same dictionary and algorithm,
identical tokens with HMM off) when it is installed — its dictionary loads
in about 0.1 s against jieba's 0.5 s — otherwise jieba itself. Either is
imported on first use, and each sentence is segmented once.

Loading the dictionary is most of a cold run's time on one draft, and
nothing else needs it, so the command line may start a *helper*: a forked
process that loads the dictionary on the other core while this one parses
and analyses, and then segments for it over a pipe (:func:`start_helper`).
Its tokens are the same as in-process ones — it runs this same code — and
any failure of the helper falls back to loading in-process.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any, BinaryIO

_lock = threading.Lock()
_cut: Callable[[str], list[str]] | None = None
_add_word: Callable[[str, int], None] | None = None
_user_words: set[str] = set()
backend_name = "none"


def register_user_words(words: Iterable[str]) -> None:
    """Words that must segment as units (applied before the first segmentation)."""
    new = {word for word in words if word and len(word) >= 2} - _user_words
    if not new:
        return
    _user_words.update(new)
    if _add_word is not None:
        for word in sorted(new):
            _add_word(word, _USER_FREQ)
    token_boundaries.cache_clear()  # the helper, if any, gets them with the next request


# Strong enough to keep a user word whole, as jieba.suggest_freq would.
_USER_FREQ = 100_000


def _load() -> None:
    global _cut, _add_word, backend_name
    with _lock:
        if _cut is not None:
            return
        prefer = os.environ.get("DISCLINT_SEGMENTER", "auto")
        if prefer in ("auto", "rjieba"):
            try:
                # Importing rjieba loads its default dictionary (~0.1 s); a second
                # Jieba() instance would load it again, so the module's own is used.
                import rjieba

                def cut(text: str) -> list[str]:
                    return list(rjieba.cut(text, False))

                def add(word: str, freq: int) -> None:
                    rjieba.add_word(word, freq, None)

                for word in sorted(_user_words):
                    add(word, _USER_FREQ)
                _cut, _add_word, backend_name = cut, add, "rjieba"
                return
            except ImportError:
                if prefer == "rjieba":
                    raise
        import logging

        import jieba

        jieba.setLogLevel(logging.WARNING)
        jieba_tokenizer = jieba.Tokenizer()
        jieba_tokenizer.initialize()

        def jieba_cut(text: str) -> list[str]:
            return list(jieba_tokenizer.cut(text, HMM=False))

        def jieba_add(word: str, freq: int) -> None:
            jieba_tokenizer.add_word(word, freq=freq)

        for word in sorted(_user_words):
            jieba_add(word, _USER_FREQ)
        _cut, _add_word, backend_name = jieba_cut, jieba_add, "jieba"


@lru_cache(maxsize=4096)
def token_boundaries(text: str) -> frozenset[int]:
    """Offsets in ``text`` where a token starts or ends."""
    boundaries = {0, len(text)}
    position = 0
    for token in tokens(text):
        position += len(token)
        boundaries.add(position)
    return frozenset(boundaries)


def tokens(text: str) -> list[str]:
    if _cut is None and _helper is not None:
        cut = _helper.cut(text)
        if cut is not None:
            return cut
        stop_helper()  # it failed: load in this process instead
    if _cut is None:
        _load()
    assert _cut is not None
    return _cut(text)


# ---------------------------------------------------------------- helper process


class _Helper:
    """The parent's end of a forked segmenter process (see the module docstring)."""

    def __init__(self, pid: int, requests: BinaryIO, replies: BinaryIO) -> None:
        self.pid = pid
        self.owner = os.getpid()
        self.requests = requests
        self.replies = replies
        self.sent_words: set[str] = set()
        # Set by share_helper(): forked workers then take turns, one request and its reply at a time.
        self.lock: Any = None

    def cut(self, text: str) -> list[str] | None:
        """Tokens of ``text``, or None when the helper is gone or failed."""
        new_words = sorted(_user_words - self.sent_words)
        try:
            with self.lock if self.lock is not None else contextlib.nullcontext():
                _send(self.requests, (new_words, text))
                reply = _receive(self.replies)
        except (OSError, EOFError, ValueError, TypeError):
            return None
        if not isinstance(reply, list):
            return None
        self.sent_words.update(new_words)
        return reply

    def close(self) -> None:
        for stream in (self.requests, self.replies):
            with contextlib.suppress(OSError):
                stream.close()


_helper: _Helper | None = None


def start_helper() -> bool:
    """Fork a process that loads the dictionary now and segments on request.

    Only on Linux (fork is safe there before threads exist), only when the
    dictionary is not loaded yet, and not when ``DISCLINT_SEGMENTER_HELPER=0``.
    Returns whether a helper is running.
    """
    global _helper
    if _helper is not None or _cut is not None:
        return _helper is not None
    if sys.platform != "linux" or os.environ.get("DISCLINT_SEGMENTER_HELPER", "1") == "0":
        return False
    request_read, request_write = os.pipe()
    reply_read, reply_write = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        for descriptor in (request_read, request_write, reply_read, reply_write):
            os.close(descriptor)
        return False
    if pid == 0:  # pragma: no cover - runs in the forked helper
        status = 0
        try:
            os.close(request_write)
            os.close(reply_read)
            _serve(os.fdopen(request_read, "rb"), os.fdopen(reply_write, "wb"))
        except BaseException:
            status = 1
        finally:
            os._exit(status)
    os.close(request_read)
    os.close(reply_write)
    _helper = _Helper(pid, os.fdopen(request_write, "wb"), os.fdopen(reply_read, "rb"))
    return True


def share_helper() -> bool:
    """Let the processes forked from now on (``--jobs`` workers) use the helper too.

    Returns False when there is no helper to share.
    """
    if _helper is None:
        return False
    if _helper.lock is None:
        import multiprocessing

        try:
            _helper.lock = multiprocessing.get_context("fork").Lock()
        except (OSError, ValueError):  # no shared semaphores here: workers load their own
            return False
    return True


def stop_helper() -> None:
    """End the helper process, if any (it is not needed, or it failed).

    The helper is always reaped here: in a container whose first process does
    not reap orphans, a helper left to it would stay a zombie.
    """
    global _helper
    helper, _helper = _helper, None
    if helper is None:
        return
    helper.close()
    if helper.owner != os.getpid():
        return  # a worker drops its use of the helper; the process that forked it ends it
    with contextlib.suppress(OSError):  # already gone
        os.kill(helper.pid, signal.SIGKILL)
        os.waitpid(helper.pid, 0)


def _forget_helper_in_child() -> None:
    # A process forked from one with a helper must not use its pipes unless it was shared.
    global _helper
    if _helper is not None and _helper.lock is None:
        _helper.close()
        _helper = None


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_helper_in_child)


def _serve(requests: BinaryIO, replies: BinaryIO) -> None:  # pragma: no cover - runs in the helper
    # Detach from the terminal and from pipes the parent's caller waits on (disclint check … | head).
    null = os.open(os.devnull, os.O_RDWR)
    for descriptor in (0, 1, 2):
        os.dup2(null, descriptor)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        _load()
    except BaseException:
        _send(replies, None)
        raise
    assert _cut is not None and _add_word is not None
    while True:
        try:
            request = _receive(requests)
        except EOFError:
            return  # the parent is done
        if not isinstance(request, tuple) or len(request) != 2:
            return
        new_words: list[str] = request[0]
        text: str = request[1]
        for word in new_words:
            if word not in _user_words:
                _user_words.add(word)
                _add_word(word, _USER_FREQ)
        _send(replies, _cut(text))


def _send(stream: BinaryIO, value: Any) -> None:
    payload = marshal.dumps(value)
    stream.write(len(payload).to_bytes(4, "little") + payload)
    stream.flush()


def _receive(stream: BinaryIO) -> object:
    header = stream.read(4)
    if len(header) < 4:
        raise EOFError
    size = int.from_bytes(header, "little")
    payload = stream.read(size)
    if len(payload) < size:
        raise EOFError
    return marshal.loads(payload)


def on_token_boundaries(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` starts and ends on token boundaries."""
    boundaries = token_boundaries(text)
    return start in boundaries and end in boundaries


def is_loaded() -> bool:
    return _cut is not None
