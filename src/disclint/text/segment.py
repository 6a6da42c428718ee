"""Token boundaries from jieba, loaded lazily and only when a hit needs them.

A lexicon hit such as 龙头 inside 水龙头, or 首创 inside the broker name 首创
证券, is a substring but not a word. jieba decides: a hit is kept only when
both of its ends fall on token boundaries of its sentence. The project's
own terms are loaded as a user dictionary so that they segment as units.

Backend: rjieba (the Rust port of jieba, same dictionary and algorithm,
identical tokens with HMM off) when it is installed — its dictionary loads
in about 0.1 s against jieba's 0.5 s — otherwise jieba itself. Either is
imported on first use, and each sentence is segmented once.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterable
from functools import lru_cache

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
        token_boundaries.cache_clear()


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
    if _cut is None:
        _load()
    assert _cut is not None
    boundaries = {0, len(text)}
    position = 0
    for token in _cut(text):
        position += len(token)
        boundaries.add(position)
    return frozenset(boundaries)


def tokens(text: str) -> list[str]:
    if _cut is None:
        _load()
    assert _cut is not None
    return _cut(text)


def on_token_boundaries(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` starts and ends on token boundaries."""
    boundaries = token_boundaries(text)
    return start in boundaries and end in boundaries


def is_loaded() -> bool:
    return _cut is not None
