"""Token boundaries from jieba, loaded lazily and only when a hit needs them.

A lexicon hit such as 龙头 inside 水龙头, or 首创 inside the broker name 首创
证券, is a substring but not a word. jieba decides: a hit is kept only when
both of its ends fall on token boundaries of its sentence. The project's
own terms are loaded as a user dictionary so that they segment as units.

A :class:`Segmenter` belongs to one set of user words (the linter builds one
from its lexicons): its tokens depend on those words only, never on which
other lexicons the process loaded before. Segmenters with the same words
share one dictionary.

Backend: rjieba (the Rust port of jieba, same dictionary and algorithm,
identical tokens with HMM off) when it is installed — its dictionary loads
several times faster than jieba's — otherwise jieba itself. Either is
imported on first use, and each sentence is segmented once. ``--jobs``
loads the dictionary in the parent before it forks its workers, so that
they share it copy-on-write instead of each loading its own.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from functools import lru_cache

# Strong enough to keep a user word whole, as jieba.suggest_freq would.
_USER_FREQ = 100_000

_lock = threading.Lock()
_default_taken = False  # rjieba's module-level dictionary: given to the first segmenter that loads


class Segmenter:
    """Tokens of sentences, with ``user_words`` segmenting as units."""

    def __init__(self, user_words: Iterable[str] = ()) -> None:
        self.user_words = frozenset(word for word in user_words if word and len(word) >= 2)
        self._cut: Callable[[str], list[str]] | None = None
        self.backend_name = "none"
        self.token_boundaries = lru_cache(maxsize=4096)(self._token_boundaries)

    @classmethod
    def for_words(cls, user_words: Iterable[str]) -> Segmenter:
        """The process's segmenter for these words (built once, its dictionary loaded on first use)."""
        return _for_words(frozenset(word for word in user_words if word and len(word) >= 2))

    @property
    def loaded(self) -> bool:
        return self._cut is not None

    def load(self) -> None:
        """Load the dictionary now (``--jobs`` does, before forking its workers)."""
        with _lock:
            if self._cut is None:
                self._cut, self.backend_name = _load_backend(sorted(self.user_words))

    def tokens(self, text: str) -> list[str]:
        if self._cut is None:
            self.load()
        assert self._cut is not None
        return self._cut(text)

    def _token_boundaries(self, text: str) -> frozenset[int]:
        boundaries = {0, len(text)}
        position = 0
        for token in self.tokens(text):
            position += len(token)
            boundaries.add(position)
        return frozenset(boundaries)

    def on_token_boundaries(self, text: str, start: int, end: int) -> bool:
        """True when ``text[start:end]`` starts and ends on token boundaries."""
        boundaries = self.token_boundaries(text)
        return start in boundaries and end in boundaries


@lru_cache(maxsize=8)
def _for_words(user_words: frozenset[str]) -> Segmenter:
    return Segmenter(user_words)


def _load_backend(user_words: list[str]) -> tuple[Callable[[str], list[str]], str]:
    """A cut function with its own dictionary plus ``user_words``, and the backend's name."""
    global _default_taken
    prefer = os.environ.get("DISCLINT_SEGMENTER", "auto")
    if prefer in ("auto", "rjieba"):
        try:
            import rjieba
        except ImportError:
            if prefer == "rjieba":
                raise
        else:
            # Importing rjieba loads its module-level dictionary; the first segmenter
            # takes that one, any other builds its own so that their words never mix.
            if not _default_taken:
                _default_taken = True
                instance = rjieba._DEFAULT_JIEBA
            else:
                instance = rjieba.Jieba()
            for word in user_words:
                instance.add_word(word, _USER_FREQ, None)

            def cut(text: str) -> list[str]:
                return list(instance.cut(text, False))

            return cut, "rjieba"
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for word in user_words:
        tokenizer.add_word(word, freq=_USER_FREQ)

    def jieba_cut(text: str) -> list[str]:
        return list(tokenizer.cut(text, HMM=False))

    return jieba_cut, "jieba"
