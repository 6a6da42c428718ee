"""Find every word of a list in a text in one pass (lexicon triggers, class members); the regex trie of a
class; the words of which every match of a pattern holds one (what the scan can look for instead)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

import ahocorasick


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

    An Aho-Corasick automaton (pyahocorasick) finds them in one pass. Built in C from
    the words, it costs a few milliseconds where compiling the same list as one regex
    trie cost tens (a cold run pays it for the lexicon triggers and the word classes).
    """

    def __init__(self, words: Iterable[str]) -> None:
        listed = sorted({word for word in words if word})
        known = set(listed)
        self._prefixes = {
            word: [word[:size] for size in range(1, len(word) + 1) if word[:size] in known] for word in listed
        }
        self._automaton: ahocorasick.Automaton | None = None
        if listed:
            automaton = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)
            for word in listed:
                automaton.add_word(word)
            automaton.make_automaton()
            self._automaton = automaton

    def __bool__(self) -> bool:
        return self._automaton is not None

    def scan(self, text: str) -> Iterator[tuple[int, str, list[str]]]:
        """``(start, longest word, listed words starting there)`` in order of ``start``."""
        if self._automaton is None:
            return
        longest: dict[int, int] = {}
        for end, length in self._automaton.iter(text):
            start = end - length + 1
            if length > longest.get(start, 0):
                longest[start] = length
        for start in sorted(longest):
            word = text[start : start + longest[start]]
            yield start, word, self._prefixes[word]


@cache  # asked again for the same slot by every copy of a frame set (the specs' checks)
def derive_triggers(pattern: str) -> tuple[str, ...]:
    """Literal strings of which every match of ``pattern`` contains at least one.

    Lets the trigger scan skip a pattern entry that names no ``trigger``, and the
    frame prefilter a frame whose regex slot cannot match (none of its words
    occurs). Returns ``()`` when no such set exists (the entry then runs on
    every sentence). Uses the regex parser of the standard library.
    """
    try:
        from re import _parser as sre_parse  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - Python < 3.11
        import sre_parse

    constants = sre_parse
    try:
        tree = sre_parse.parse(pattern)
    except Exception:
        return ()

    def quality(found: set[str] | None) -> float:
        if not found:
            return -1.0
        return min(len(word) for word in found) - 0.01 * len(found)

    def sequence(items: Any) -> set[str] | None:
        best: set[str] | None = None
        run = ""
        candidates: list[set[str] | None] = []
        for op, av in items:
            if op is constants.LITERAL:
                run += chr(av)
                continue
            if run:
                candidates.append({run})
                run = ""
            if op is constants.SUBPATTERN:
                inner = sequence(av[-1])
                # A case-insensitive group: every spelling of its (short) literals.
                candidates.append(_case_variants(inner) if inner and av[1] & re.IGNORECASE else inner)
            elif op is constants.BRANCH:
                branches = [sequence(branch) for branch in av[1]]
                if all(branches):
                    candidates.append(set().union(*[b for b in branches if b]))
            elif op is constants.IN:
                chars = [chr(value) for kind, value in av if kind is constants.LITERAL]
                if chars and len(chars) == len(av):
                    candidates.append(set(chars))
            elif op in (constants.MAX_REPEAT, constants.MIN_REPEAT) and av[0] >= 1:
                candidates.append(sequence(av[2]))
        if run:
            candidates.append({run})
        for found in candidates:
            if quality(found) > quality(best):
                best = found
        return best

    found = sequence(tree)
    if found and tree.state.flags & re.IGNORECASE:  # "(?i)…" at the start: the whole pattern
        found = _case_variants(found)
    return tuple(sorted(found)) if found else ()


def _case_variants(words: set[str], limit: int = 64) -> set[str] | None:
    """Every upper/lower-case spelling of ``words``; None when there are more than ``limit``."""
    variants: set[str] = set()
    for word in words:
        spellings = [""]
        for char in word:
            forms = {char, char.lower(), char.upper()}
            spellings = [spelling + form for spelling in spellings for form in sorted(forms)]
            if len(spellings) > limit:
                return None
        variants.update(spellings)
    return variants if len(variants) <= limit else None
