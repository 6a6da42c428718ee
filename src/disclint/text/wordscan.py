"""Find every word of a list in a text in one regex pass (lexicon triggers, class members)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any


def trie_pattern(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, factored as a trie so the engine
    tests one character set per position instead of every alternative."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = True

    def render(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + render(child) for char, child in sorted(node.items()) if char]
        terminal = "" in node
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if terminal else body

    return render(trie)


class WordScanner:
    """The words of a list that occur in a text: at every start position, the longest
    one there and the listed words that are its prefixes (they occur there too).

    No lookahead: a plain pattern lets the regex engine skip to a possible first character.
    """

    def __init__(self, words: Iterable[str]) -> None:
        listed = sorted(set(words))
        known = set(listed)
        self._prefixes = {
            word: [word[:size] for size in range(1, len(word) + 1) if word[:size] in known] for word in listed
        }
        self._regex = re.compile(trie_pattern(listed)) if listed else None

    def __bool__(self) -> bool:
        return self._regex is not None

    def scan(self, text: str) -> Iterator[tuple[int, str, list[str]]]:
        """``(start, longest word, listed words starting there)`` in order of ``start``."""
        if self._regex is None:
            return
        search = self._regex.search
        match = search(text)
        while match is not None:
            start = match.start()
            word = match.group()
            yield start, word, self._prefixes[word]
            match = search(text, start + 1)
