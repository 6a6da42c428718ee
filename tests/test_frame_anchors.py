"""The frame prefilter: a frame is tried only on sentences whose one scan found its anchor words.

What is checked is that the prefilter only saves work: every frame that matches a text is
among the candidates the scan leaves (FrameSet.anchors, FrameIndex.candidates), and the
frame hits of a document are those of trying every frame on every sentence.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from disclint.analysis import Analysis, Hit
from disclint.frames import Matcher, frame_hits_in
from disclint.parse.plaintext import document_from_text
from disclint.startup.lexicon import default_lexicon
from disclint.text.normalize import normalize_span
from disclint.text.wordscan import derive_triggers

LEXICON = default_lexicon()
FRAMES = LEXICON.frames
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
_EXAMPLE_TEXTS = [
    normalize_span(text, 0, len(text)).text for frame in FRAMES.frames for text in (*frame.bad, *frame.good)
]


def _missed(text: str) -> list[str]:
    """Frames that match ``text`` but that the scan of ``text`` would not have tried."""
    matcher = Matcher(FRAMES, text)
    tried = {id(frame) for frame in FRAMES.index.candidates(matcher.found, matcher.anchor_words)}
    return [frame.where for frame in FRAMES.frames if id(frame) not in tried and any(matcher.matches(frame))]


def test_every_frame_that_matches_its_examples_is_tried_on_them() -> None:
    assert FRAMES.frames
    for text in _EXAMPLE_TEXTS:
        assert _missed(text) == [], text


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_a_frame_that_matches_an_edited_example_is_tried_on_it(data: st.DataObject) -> None:
    # Edits of the examples: characters dropped, repeated or moved, so that slots meet other words.
    text = data.draw(st.sampled_from(_EXAMPLE_TEXTS))
    pieces = data.draw(st.lists(st.sampled_from(text), min_size=0, max_size=8)) if text else []
    cut = data.draw(st.integers(min_value=0, max_value=len(text)))
    edited = text[:cut] + "".join(pieces) + text[cut + data.draw(st.integers(min_value=0, max_value=3)) :]
    assert _missed(edited) == [], edited


def _every_frame_everywhere(analysis: Analysis, rule: str) -> list[Hit]:
    """The hits of ``rule``'s frames, each tried on every sentence (no prefilter)."""
    hits = []
    for sentence in analysis.sentences:
        matcher = analysis.matcher(sentence)
        for frame in FRAMES.frames_for(rule):
            term = LEXICON.frame_term(frame)
            for start, end in frame_hits_in(analysis, FRAMES, frame, sentence, matcher):
                hits.append(Hit(term=term, sentence=sentence, start=start, end=end))
    return hits


def test_frame_hits_of_the_example_drafts_are_those_of_every_frame_on_every_sentence() -> None:
    rules = sorted({frame.rule for frame in FRAMES.frames})
    drafts = sorted(EXAMPLES.glob("*.txt"))
    assert drafts
    found = 0
    for draft in drafts:
        analysis = Analysis(document=document_from_text(draft.read_text(encoding="utf-8"), draft.name), lexicon=LEXICON)
        for rule in rules:
            expected = _every_frame_everywhere(analysis, rule)
            assert analysis.frame_hits(rule) == expected, (draft.name, rule)
            assert analysis.frame_hits(rule) == expected  # asked again (FL001 is): the same hits
            found += len(expected)
    assert found  # the drafts have frame hits at all


def test_anchor_words_hold_for_every_match_of_the_frames_patterns() -> None:
    patterns = {pattern for word_class in FRAMES.classes.values() for pattern in word_class.patterns}
    for frame in FRAMES.frames:
        for slot in frame.seq:
            if slot.regex:
                patterns.add(slot.regex)
    assert patterns
    for pattern in sorted(patterns):
        words = derive_triggers(pattern)
        if not words:
            continue
        regex = re.compile(pattern)
        for text in _EXAMPLE_TEXTS:
            for match in regex.finditer(text):
                if match.group():
                    assert any(word in match.group() for word in words), (pattern, match.group())


def test_derived_words_of_patterns() -> None:
    assert derive_triggers("作为|可谓|算得上是?") == ("作为", "可谓", "算得上")
    assert derive_triggers("(?:业内|业界)(?:一致)?公认(?:的|为)?") == ("公认",)
    assert derive_triggers("护盘|(?:守住|捍卫)[^，。；]{0,6}?股价") == ("护盘", "股价")
    assert derive_triggers("(?i)no1") == ("NO1", "No1", "nO1", "no1")  # the whole pattern without case
    assert derive_triggers("(?:的)?") == ()  # can match nothing: no word to look for
    assert derive_triggers(r"\d+") == ()
