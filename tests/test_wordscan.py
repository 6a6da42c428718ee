"""The word scanner behind the lexicon triggers and the word classes (text.wordscan)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from disclint.text.wordscan import WordScanner, trie_pattern


def _by_regex(words: list[str], text: str) -> list[tuple[int, str, list[str]]]:
    """What the scan must give, found with the regex trie: at each start, the longest listed word
    (the trie is greedy) and the listed words that start there, shortest first."""
    listed = {word for word in words if word}
    if not listed:
        return []
    regex = re.compile(trie_pattern(sorted(listed)))
    found = []
    match = regex.search(text)
    while match is not None:
        if match.group():
            word = match.group()
            found.append(
                (match.start(), word, [word[:size] for size in range(1, len(word) + 1) if word[:size] in listed])
            )
        match = regex.search(text, match.start() + 1)
    return found


def test_longest_word_at_each_start_with_the_listed_words_it_begins_with() -> None:
    scanner = WordScanner(["龙头", "行业龙头", "行业", "领先", "遥遥领先"])
    assert list(scanner.scan("公司是行业龙头，遥遥领先。")) == [
        (3, "行业龙头", ["行业", "行业龙头"]),
        (5, "龙头", ["龙头"]),
        (8, "遥遥领先", ["遥遥领先"]),
        (10, "领先", ["领先"]),
    ]


def test_no_words_no_hits() -> None:
    assert not WordScanner([])
    assert not WordScanner([""])  # an empty word is no word
    assert list(WordScanner([]).scan("遥遥领先")) == []
    assert list(WordScanner(["首创"]).scan("首创证券")) == [(0, "首创", ["首创"])]
    assert list(WordScanner(["首创"]).scan("公司首次")) == []


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.text(alphabet="龙头行业领先一二", min_size=0, max_size=4), max_size=12),
    text=st.text(alphabet="龙头行业领先一二，。a", max_size=40),
)
def test_the_scan_finds_what_the_regex_trie_finds(words: list[str], text: str) -> None:
    assert list(WordScanner(words).scan(text)) == _by_regex(words, text)
