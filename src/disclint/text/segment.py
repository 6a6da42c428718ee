"""Token boundaries from jieba, loaded lazily and only when a hit needs them.

A lexicon hit such as 龙头 inside 水龙头, or 首创 inside the broker name 首创
证券, is a substring but not a word. jieba decides: a hit is kept only when
both of its ends fall on token boundaries of its sentence. The project's
own terms are loaded as a user dictionary so that they segment as units.

Importing jieba and building its dictionary costs about half a second, so
this module imports it on first use, and sentences are segmented once and
cached.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

_lock = threading.Lock()
_tokenizer: Any = None
_user_words: set[str] = set()


def register_user_words(words: Iterable[str]) -> None:
    """Words that must segment as units (added before the first segmentation)."""
    global _tokenizer
    new = {word for word in words if word and len(word) >= 2} - _user_words
    if not new:
        return
    _user_words.update(new)
    if _tokenizer is not None:
        for word in sorted(new):
            _tokenizer.add_word(word, freq=_user_word_freq(_tokenizer, word))
        token_boundaries.cache_clear()


def _user_word_freq(tokenizer: Any, word: str) -> int:
    # Strong enough to keep the word whole, as jieba.suggest_freq would.
    freq: int = tokenizer.suggest_freq(word, tune=False)
    return max(freq, 1000)


def _get_tokenizer() -> Any:
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                import jieba

                jieba.setLogLevel(logging.WARNING)
                tokenizer = jieba.Tokenizer()
                tokenizer.initialize()
                for word in sorted(_user_words):
                    tokenizer.add_word(word, freq=_user_word_freq(tokenizer, word))
                _tokenizer = tokenizer
    return _tokenizer


@lru_cache(maxsize=4096)
def token_boundaries(text: str) -> frozenset[int]:
    """Offsets in ``text`` where a jieba token starts or ends."""
    tokenizer = _get_tokenizer()
    boundaries = {0, len(text)}
    position = 0
    for token in tokenizer.cut(text, HMM=False):
        position += len(token)
        boundaries.add(position)
    return frozenset(boundaries)


def on_token_boundaries(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` starts and ends on token boundaries."""
    boundaries = token_boundaries(text)
    return start in boundaries and end in boundaries


def is_loaded() -> bool:
    return _tokenizer is not None
