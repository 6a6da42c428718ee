"""The specs of ``lexicons/classes`` and ``lexicons/frames``, run at start-up when the lexicons load.

Like prh's ``specs:``, an example that fails is a load error naming the
file and the entry, not a silently weaker rule:

- a class's ``bad`` example (``hit = true``) must contain one of its members
  (context-dependent members do not count), a ``good`` one (``hit = false``) none;
- a frame's ``bad`` example must be matched by *this* frame (after its
  ``unless`` conditions) and reported by its rule at that span when the rule has
  this frame and no other entry (a finding another term or frame makes does not
  count); a ``good`` example must get no finding of the rule's category.

:func:`entry_report` is the same check for a lexicon term; the test suite runs it
over every term's examples.

The check lints each example once; the result is remembered in the cache
folder under a digest of the lexicons and the rule code, so an ordinary run
pays nothing.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from disclint.analysis import Analysis
from disclint.cache_folder import cache_dir, read_marshal, write_marshal
from disclint.frames import Frame, FrameError, Matcher, WordClass, frame_hits_in
from disclint.lexicons import Lexicon, Term
from disclint.parse.plaintext import document_from_text
from disclint.rules.registry import all_rules, get_rule
from disclint.text.normalize import normalize_span

_VERSION = "frame-specs-2"


def _digest(lexicon: Lexicon) -> str:
    digest = hashlib.sha256(_VERSION.encode())
    for path in lexicon.files:
        try:
            digest.update(f"{path.parent.name}/{path.name}".encode() + b"\0" + path.read_bytes() + b"\0")
        except OSError:
            digest.update(str(path).encode())
    package = Path(__file__).resolve().parents[1]
    for source in sorted(
        [
            *package.glob("*.py"),
            *package.glob("model/*.py"),
            *package.glob("rules/*.py"),
            *package.glob("text/*.py"),
            *package.glob("startup/specs.py"),
        ]
    ):
        try:
            stat = source.stat()
        except OSError:
            continue
        digest.update(f"{source.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:32]


def verify_specs(lexicon: Lexicon, *, use_cache: bool = True) -> None:
    """Run every class and frame example; raise :class:`FrameError` on the first that fails."""
    frame_set = lexicon.frames
    if not frame_set.classes and not frame_set.frames:
        return
    folder = cache_dir() if use_cache else None
    marker = folder / f"frame-specs-{_digest(lexicon)}.marshal" if folder else None
    if marker is not None and read_marshal(marker) == "ok":
        return
    for word_class in frame_set.classes.values():
        _verify_class(lexicon, word_class)
    for frame in frame_set.frames:
        _verify_frame(lexicon, frame)
    if marker is not None:
        write_marshal(marker, "ok", siblings="frame-specs-*.marshal")


def _normalised(text: str) -> str:
    return normalize_span(text, 0, len(text)).text


def _verify_class(lexicon: Lexicon, word_class: WordClass) -> None:
    for example in (*word_class.bad, *word_class.good):
        text = _normalised(example.text)
        matcher = Matcher(lexicon.frames, text)
        spans = matcher.spans(f"@{word_class.name}", standalone=True)
        if bool(spans) != example.hit:
            found = "、".join(text[start:end] for start, end in spans) or "nothing"
            expected = "a member" if example.hit else "no member"
            raise FrameError(f"{word_class.where}: example {example.text!r} should contain {expected}; found {found}")


def entry_report(
    lexicon: Lexicon, entry: Term | Frame, example: str, doc_type: str = "generic"
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Where ``entry`` (a term or a frame) matches ``example``, after its own conditions,
    and where its rule reports it when the rule has this entry and no other (its other
    terms and frames left out): both as offsets into ``example``."""
    spec = get_rule(entry.rule)
    if spec is None or spec.check is None:
        raise FrameError(f"{_where(entry)}: unknown rule {entry.rule}")
    alone = lexicon.with_only_entry(entry.rule, entry)
    analysis = Analysis(
        document=document_from_text(example, "spec.txt"),
        lexicon=alone,
        # the full lexicon's words: the tokens, and so the boundaries, of an ordinary run
        segmenter=lexicon.segmenter(),
        doc_type=doc_type,
        doc_type_forced=True,
    )
    if analysis.parts:
        analysis.doc_type = analysis.parts[0].doc_type
    matched: list[tuple[int, int]] = []
    for sentence in analysis.sentences:
        if isinstance(entry, Frame):
            spans = frame_hits_in(analysis, alone.frames, entry, sentence, analysis.matcher(sentence))
        else:
            spans = [(hit.start, hit.end) for hit in analysis.term_hits(entry, sentence)]
        matched.extend(sentence.norm.span_to_source(start, end) for start, end in spans)
    reported = [(finding.start, finding.end) for finding in spec.check(analysis, spec)]
    return matched, reported


def reported_without_entries(
    lexicon: Lexicon, rule: str, example: str, doc_type: str = "generic"
) -> list[tuple[int, int]]:
    """Where rule ``rule`` reports ``example`` with none of its terms and frames: what its
    own code finds (a pledge from a future cue, a forecast from a figure)."""
    spec = get_rule(rule)
    if spec is None or spec.check is None:
        raise FrameError(f"unknown rule {rule}")
    analysis = Analysis(
        document=document_from_text(example, "spec.txt"),
        lexicon=lexicon.with_only_entry(rule, None),
        segmenter=lexicon.segmenter(),
        doc_type=doc_type,
        doc_type_forced=True,
    )
    if analysis.parts:
        analysis.doc_type = analysis.parts[0].doc_type
    return [(finding.start, finding.end) for finding in spec.check(analysis, spec)]


def reported_at_match(matched: list[tuple[int, int]], reported: list[tuple[int, int]]) -> bool:
    """A finding holds one of the entry's matches: the words themselves for a wording
    rule, the statement for a rule that reports statements (HT001, VP001, FL001)."""
    return any(start <= own_start and own_end <= end for own_start, own_end in matched for start, end in reported)


def _where(entry: Term | Frame) -> str:
    return entry.where if isinstance(entry, Frame) else f"{entry.file}#{entry.index}"


def _verify_frame(lexicon: Lexicon, frame: Frame) -> None:
    spec = get_rule(frame.rule)
    if spec is None:
        raise FrameError(f"{frame.where}: unknown rule {frame.rule}")
    category_rules = [other for other in all_rules() if other.category == spec.category and other.check is not None]
    for example in frame.bad:
        matched, reported = entry_report(lexicon, frame, example)
        if not matched:
            raise FrameError(f"{frame.where}: bad example {example!r} is not matched by this frame")
        if not reported_at_match(matched, reported):
            raise FrameError(
                f"{frame.where}: bad example {example!r} is matched but {frame.rule}, with this frame alone, "
                "reports nothing that holds the match"
            )
    for example in frame.good:
        analysis = Analysis(document=document_from_text(example, "spec.txt"), lexicon=lexicon)
        for other in category_rules:
            assert other.check is not None
            for finding in other.check(analysis, other):
                shown = example[finding.start : finding.end]
                raise FrameError(f"{frame.where}: good example {example!r} gets {other.code} at {shown!r}")
