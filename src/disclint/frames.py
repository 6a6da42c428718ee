"""Word classes and frames: the rule language of ``lexicons/classes`` and ``lexicons/frames``.

A *class* is a reviewed, named set of words (``@market_value_noun``:
市值, 总市值, 公司价值 …) with its source; a *frame* is an ordered sequence of
classes and regex slots, each within ``gap`` characters of the previous one,
inside one clause or sentence, with the conditions under which a match is
not a finding (``unless``) written next to it. Frames produce hits for the
existing rule codes; the rule modules treat them like lexicon-term hits.

All class members are found in one scan per sentence (an Aho-Corasick
automaton built once, :class:`disclint.text.wordscan.WordScanner`; the longest
member at each position and the members that are its prefixes), and with them
the words of which every match of a regex slot holds one. A frame is tried
only on the sentences where that scan found, for each of its required slots, a
class or a word of the slot (:meth:`FrameSet.anchors`). The format is
documented in ``lexicons/README.md`` and ``docs/rules.md``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from disclint.i18n import _
from disclint.text.wordscan import WordScanner, derive_triggers

if TYPE_CHECKING:
    from disclint.analysis import Analysis
    from disclint.text.sentences import Sentence


class FrameError(Exception):
    """A class or frame file is malformed or one of its examples fails; the message names file and entry."""


Span = tuple[int, int]


@dataclass(frozen=True)
class Example:
    text: str
    hit: bool


@dataclass(frozen=True)
class WordClass:
    """One ``[[class]]``: literal members (and optional regex ``patterns``)."""

    name: str
    label: str
    category: str
    file: str
    members: tuple[str, ...]
    context_dependent: tuple[str, ...]
    patterns: tuple[str, ...]
    source: str
    note: str
    dated: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    good: tuple[Example, ...] = ()
    bad: tuple[Example, ...] = ()

    @property
    def where(self) -> str:
        return f"{self.file} class {self.name}"


@dataclass(frozen=True)
class Slot:
    """One item of a frame's ``seq``: a class (``@name``), or a regular expression."""

    text: str
    classes: tuple[str, ...]  # class names ("@a|@b|…")
    optional: bool = False
    regex: str = ""  # the other alternatives ("@a|现价|当前价格" → "现价|当前价格"); a regex slot has no classes


@dataclass(frozen=True)
class Frame:
    file: str
    index: int
    rule: str
    name: str
    seq: tuple[Slot, ...]
    gap: int
    within: str  # "clause" | "sentence"
    unless: tuple[str, ...]  # clause-level: predicates, @classes, regexes
    unless_sentence: tuple[str, ...]
    allow: tuple[str, ...]  # fixed expressions (classes or regexes): overlapping the hit, no finding
    require: tuple[str, ...]  # clause must contain one of these (classes or regexes)
    require_sentence: tuple[str, ...]
    reason: str
    suggest: str | None
    source: str
    severity: str | None
    bad: tuple[str, ...]
    good: tuple[str, ...]
    note: str = ""

    @property
    def where(self) -> str:
        return f"{self.file} frame #{self.index} ({self.name})"

    def describe(self) -> str:
        items = [("?" if slot.optional else "") + slot.text for slot in self.seq]
        return " … ".join(items)


# ---------------------------------------------------------------- predicates
# Conditions that suppress a frame hit, named in ``unless``. Each gets the
# analysis, the sentence and the hit's span; other modules may register more.
Predicate = Callable[["Analysis", "Sentence", int, int], bool]
PREDICATES: dict[str, Predicate] = {}


def predicate(name: str) -> Callable[[Predicate], Predicate]:
    def register(function: Predicate) -> Predicate:
        PREDICATES[name] = function
        return function

    return register


_CONDITION = re.compile(
    r"(?:^|[，,；;])[^，,；;]{0,8}?(?:若|如果|如(?!期|实|何|下|此|今|同|上|前|约|常|数|愿|意|是)|倘若|假如|一旦|当(?![前期年日月天地然季])|凡)"
)


@predicate("negated")
def _negated(analysis: Analysis, sentence: Sentence, start: int, end: int) -> bool:
    """A negation or prohibition earlier in the hit's clause (不得, 不构成, 不设定 …)."""
    return analysis.negated(sentence, start)


@predicate("investor_question")
def _investor_question(analysis: Analysis, sentence: Sentence, start: int, end: int) -> bool:
    """The sentence quotes an investor's question."""
    return analysis.is_investor_question(sentence)


@predicate("in_title")
def _in_title(analysis: Analysis, sentence: Sentence, start: int, end: int) -> bool:
    """The hit lies inside a 《title》."""
    return analysis.in_title(sentence, start, end)


@predicate("rule_text")
def _rule_text(analysis: Analysis, sentence: Sentence, start: int, end: int) -> bool:
    """A rule or policy text (应当…, 第X条, a list introduced by one)."""
    return analysis.is_rule_text(sentence)


@predicate("past_fact")
def _past_fact(analysis: Analysis, sentence: Sentence, start: int, end: int) -> bool:
    """The hit's clause states a past fact (截至…, 报告期内…) and nothing future."""
    clause_start, clause_end = sentence.clause_at(start)
    return analysis.past_only(sentence.text[clause_start:clause_end])


@predicate("condition")
def _condition(analysis: Analysis, sentence: Sentence, start: int, end: int) -> bool:
    """A trigger condition before the hit in its ；-part (若股价低于…，则启动…)."""
    part_start, _part_end = sentence.part_at(start)
    return bool(_CONDITION.search(sentence.text[part_start:start]))


@predicate("attributed")
def _attributed(analysis: Analysis, sentence: Sentence, start: int, end: int) -> bool:
    """A named source or an official title vouches for the hit's clause (据…统计, 经…认定, 荣获…)."""
    clause_start, clause_end = sentence.clause_at(start)
    clause = sentence.text[clause_start:clause_end]
    return analysis.has_cue("source_frame", clause) or analysis.has_cue("title_award", clause)


@predicate("heading")
def _heading(analysis: Analysis, sentence: Sentence, start: int, end: int) -> bool:
    """A heading line."""
    return analysis.is_heading(sentence)


# ---------------------------------------------------------------- loading
_CLASS_KEYS = {
    "name",
    "label",
    "category",
    "members",
    "context_dependent",
    "patterns",
    "dated",
    "good",
    "bad",
    "source",
    "note",
}
_FRAME_KEYS = {
    "rule",
    "name",
    "seq",
    "gap",
    "within",
    "unless",
    "unless_sentence",
    "allow",
    "require",
    "require_sentence",
    "drop_unless",
    "reason",
    "suggest",
    "source",
    "severity",
    "bad",
    "good",
    "note",
}
_DEFAULT_KEYS = {
    "rule",
    "gap",
    "within",
    "unless",
    "unless_sentence",
    "allow",
    "source",
    "reason",
    "suggest",
    "severity",
    "note",
}


def string_list(value: Any, where: str, key: str, error: type[Exception] = FrameError) -> list[str]:
    """A field that holds one string or a list of them, as a list (absent: empty); ``error`` otherwise."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return list(value)
    raise error(_("{where}: '{key}' must be a string or a list of strings").format(where=where, key=key))


def _examples(value: Any, where: str, key: str, default_hit: bool) -> tuple[Example, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise FrameError(f"{where}: '{key}' must be a list")
    found: list[Example] = []
    for item in value:
        if isinstance(item, str):
            found.append(Example(item, default_hit))
        elif isinstance(item, dict) and isinstance(item.get("text"), str):
            found.append(Example(item["text"], bool(item.get("hit", default_hit))))
        else:
            raise FrameError(f"{where}: each of '{key}' is a string or {{text = …, hit = …}}")
    return tuple(found)


def _check_regex(pattern: str, where: str) -> None:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise FrameError(f"{where}: bad pattern {pattern!r}: {exc}") from exc


def load_classes(data: dict[str, Any], path: Path, *, check_patterns: bool = True) -> list[WordClass]:
    """The classes of one file; ``check_patterns``: compile their patterns now (a bad one is a load error)."""
    meta = data.get("meta", {})
    if not isinstance(meta, dict):
        raise FrameError(f"{path.name} [meta]: must be a table")
    unknown_tables = set(data) - {"meta", "class"}
    if unknown_tables:
        raise FrameError(f"{path.name}: unknown table(s) {', '.join(sorted(unknown_tables))}")
    found: list[WordClass] = []
    for index, entry in enumerate(data.get("class", []), start=1):
        where = f"{path.name} class #{index}"
        if not isinstance(entry, dict):
            raise FrameError(f"{where}: must be a table")
        name = entry.get("name")
        if not isinstance(name, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", name):
            raise FrameError(f"{where}: 'name' is required (lower_case_with_underscores)")
        where = f"{path.name} class {name}"
        unknown = set(entry) - _CLASS_KEYS
        if unknown:
            raise FrameError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
        members = string_list(entry.get("members"), where, "members")
        dated: dict[str, str] = {}
        dated_context: list[str] = []  # {term = …, since = …, context = true}: dated, but only inside a frame
        for item in entry.get("dated", []) or []:
            if not isinstance(item, dict) or not isinstance(item.get("term"), str):
                raise FrameError(f"{where}: each of 'dated' is {{term = …, since = …}}")
            dated[item["term"]] = str(item.get("since", ""))
            (dated_context if item.get("context") else members).append(item["term"])
        context_dependent = string_list(entry.get("context_dependent"), where, "context_dependent") + dated_context
        patterns = string_list(entry.get("patterns"), where, "patterns")
        if check_patterns:
            for pattern in patterns:
                _check_regex(pattern, where)
        if not (members or context_dependent or patterns):
            raise FrameError(f"{where}: no members, context_dependent or patterns")
        empty = [item for item in members + context_dependent if not item.strip()]
        if empty:
            raise FrameError(f"{where}: empty member")
        source = entry.get("source", meta.get("source", ""))
        found.append(
            WordClass(
                name=name,
                label=str(entry.get("label", name)),
                category=str(entry.get("category", "shared")),
                file=path.name,
                members=tuple(dict.fromkeys(members)),
                context_dependent=tuple(dict.fromkeys(context_dependent)),
                patterns=tuple(patterns),
                source=str(source),
                note=str(entry.get("note", meta.get("note", ""))),
                dated=dated,
                good=_examples(entry.get("good"), where, "good", False),
                bad=_examples(entry.get("bad"), where, "bad", True),
            )
        )
    return found


def _slot(item: str, where: str, check_patterns: bool) -> Slot:
    optional = item.startswith("?")
    text = item[1:] if optional else item
    if text.startswith("$"):
        if not re.fullmatch(r"\$q(?::[a-z]+(?:,[a-z]+)*)?", text):
            raise FrameError(f"{where}: quantity slot is $q or $q:kind,kind (amount, percent, multiple …)")
        from disclint.text.numbers import QuantityKind

        known = {kind.value for kind in QuantityKind}
        unknown = [kind for kind in text.partition(":")[2].split(",") if kind and kind not in known]
        if unknown:
            raise FrameError(
                f"{where}: unknown quantity kind(s) {', '.join(unknown)} (known: {', '.join(sorted(known))})"
            )
        return Slot(text=text, classes=(), optional=optional, regex="")
    names = text.split("|")
    classes = tuple(name[1:] for name in names if re.fullmatch(r"@[a-z][a-z0-9_]*", name))
    rest = "|".join(name for name in names if not re.fullmatch(r"@[a-z][a-z0-9_]*", name))
    if rest and check_patterns:
        _check_regex(rest, where)
    return Slot(text=text, classes=classes, optional=optional, regex=rest)


def load_frames(data: dict[str, Any], path: Path, *, check_patterns: bool = True) -> list[Frame]:
    """The frames of one file; ``check_patterns``: compile their regexes now (a bad one is a load error)."""
    defaults = data.get("defaults", {})
    if not isinstance(defaults, dict):
        raise FrameError(f"{path.name} [defaults]: must be a table")
    unknown_defaults = set(defaults) - _DEFAULT_KEYS
    if unknown_defaults:
        raise FrameError(f"{path.name} [defaults]: unknown key(s) {', '.join(sorted(unknown_defaults))}")
    unknown_tables = set(data) - {"defaults", "frame", "meta"}
    if unknown_tables:
        raise FrameError(f"{path.name}: unknown table(s) {', '.join(sorted(unknown_tables))}")
    found: list[Frame] = []
    for index, entry in enumerate(data.get("frame", []), start=1):
        where = f"{path.name} frame #{index}"
        if not isinstance(entry, dict):
            raise FrameError(f"{where}: must be a table")
        name = entry.get("name")
        if not isinstance(name, str) or not name:
            raise FrameError(f"{where}: 'name' is required")
        where = f"{path.name} frame #{index} ({name})"
        unknown = set(entry) - _FRAME_KEYS
        if unknown:
            raise FrameError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")

        def get(key: str, fallback: Any = None, entry: dict[str, Any] = entry) -> Any:
            return entry.get(key, defaults.get(key, fallback))

        rule = get("rule")
        if not isinstance(rule, str) or not rule:
            raise FrameError(f"{where}: 'rule' is required")
        seq = [_slot(item, where, check_patterns) for item in string_list(entry.get("seq"), where, "seq")]
        if not seq or all(slot.optional for slot in seq):
            raise FrameError(f"{where}: 'seq' needs at least one required item")
        if seq[0].optional:
            raise FrameError(f"{where}: the first item of 'seq' cannot be optional")
        within = get("within", "clause")
        if within not in ("clause", "sentence"):
            raise FrameError(f"{where}: 'within' is clause or sentence")
        gap = get("gap", 8)
        if not isinstance(gap, int) or gap < 0:
            raise FrameError(f"{where}: 'gap' must be a non-negative integer")
        reason = get("reason")
        source = get("source")
        if not isinstance(reason, str) or not reason:
            raise FrameError(f"{where}: 'reason' is required")
        if not isinstance(source, str) or not source:
            raise FrameError(f"{where}: 'source' is required")
        # unless/require lists: the entry's own items are added to the file's defaults.
        # drop_unless: default conditions that do not apply to this frame ("已见底" is a judgement, not a past fact).
        dropped = set(string_list(entry.get("drop_unless"), where, "drop_unless"))
        unless = [
            item
            for item in string_list(defaults.get("unless"), where, "unless")
            + string_list(entry.get("unless"), where, "unless")
            if item not in dropped
        ]
        unless_sentence = string_list(defaults.get("unless_sentence"), where, "unless_sentence") + string_list(
            entry.get("unless_sentence"), where, "unless_sentence"
        )
        allow = string_list(defaults.get("allow"), where, "allow") + string_list(entry.get("allow"), where, "allow")
        require = string_list(entry.get("require"), where, "require")
        require_sentence = string_list(entry.get("require_sentence"), where, "require_sentence")
        if check_patterns:
            for item in unless + unless_sentence + require + require_sentence + allow:
                if not item.startswith("@") and not re.fullmatch(r"[a-z_]+", item):
                    _check_regex(item, where)
        bad = string_list(entry.get("bad"), where, "bad")
        good = string_list(entry.get("good"), where, "good")
        if not bad:
            raise FrameError(f"{where}: needs at least one 'bad' example")
        if not good:
            raise FrameError(f"{where}: needs at least one 'good' example")
        suggest = get("suggest")
        severity = get("severity")
        found.append(
            Frame(
                file=path.name,
                index=index,
                rule=rule,
                name=name,
                seq=tuple(seq),
                gap=gap,
                within=within,
                unless=tuple(dict.fromkeys(unless)),
                unless_sentence=tuple(dict.fromkeys(unless_sentence)),
                allow=tuple(dict.fromkeys(allow)),
                require=tuple(require),
                require_sentence=tuple(require_sentence),
                reason=reason,
                suggest=suggest if isinstance(suggest, str) else None,
                source=source,
                severity=severity if isinstance(severity, str) else None,
                bad=tuple(bad),
                good=tuple(good),
                note=str(entry.get("note", "")),
            )
        )
    return found


# ---------------------------------------------------------------- matching
class ClassScanner:
    """Every member of every class in a text, in one pass, and the frames' anchor words.

    ``scan`` returns, for each class name, the sorted ``(start, end)`` spans
    of its members (context-dependent members included: a frame of one
    slot leaves them out). Overlapping members of different classes are all
    reported ("翻两番" as a quantity and "翻" nowhere else). It also returns
    which of ``anchor_words`` occur: the literals that a regex slot's every
    match contains (:meth:`FrameSet.anchors`), found in the same pass.
    """

    def __init__(self, classes: Sequence[WordClass], anchor_words: Iterable[str] = ()) -> None:
        self.by_word: dict[str, list[tuple[str, bool]]] = {}
        for word_class in classes:
            for member in word_class.members:
                self.by_word.setdefault(member, []).append((word_class.name, False))
            for member in word_class.context_dependent:
                self.by_word.setdefault(member, []).append((word_class.name, True))
        self.anchor_words = frozenset(anchor_words)
        self._words = WordScanner([*self.by_word, *self.anchor_words])

    def scan(self, text: str) -> tuple[dict[str, list[tuple[int, int, bool]]], set[str]]:
        found: dict[str, list[tuple[int, int, bool]]] = {}
        anchors: set[str] = set()
        by_word = self.by_word
        anchor_words = self.anchor_words
        for start, _word, prefixes in self._words.scan(text):
            for prefix in prefixes:
                for name, dependent in by_word.get(prefix, ()):
                    found.setdefault(name, []).append((start, start + len(prefix), dependent))
                if prefix in anchor_words:
                    anchors.add(prefix)
        return found, anchors


@dataclass
class FrameSet:
    """All classes and frames of one run, with the scanner built on first use."""

    classes: dict[str, WordClass]
    frames: list[Frame]
    files: list[str] = field(default_factory=list)
    _scanner: ClassScanner | None = None
    _regexes: dict[str, re.Pattern[str]] = field(default_factory=dict)
    _by_rule: dict[str, list[Frame]] | None = None
    # Worked out on first use; not passed on by dataclasses.replace (a copy with other frames gets its own).
    _slots: dict[str, SlotParts] = field(default_factory=dict, init=False)
    _needs: dict[int, tuple[Frame, tuple[tuple[frozenset[str], ...], str, bool]]] = field(
        default_factory=dict, init=False
    )
    # What each frame needs found (FrameSet.anchors) and the words among it: shared with a copy that
    # has fewer of the same frames (dataclasses.replace passes them on), whose needs are the same.
    _anchors: dict[int, tuple[Frame, tuple[frozenset[str], ...]]] = field(default_factory=dict)
    _anchor_words: set[str] = field(default_factory=set)
    _index: FrameIndex | None = field(default=None, init=False)

    def frames_for(self, rule: str) -> list[Frame]:
        if self._by_rule is None:
            self._by_rule = {}
            for frame in self.frames:
                self._by_rule.setdefault(frame.rule, []).append(frame)
        return self._by_rule.get(rule, [])

    @property
    def index(self) -> FrameIndex:
        """All frames, by the words that a sentence must have for each."""
        if self._index is None:
            self._index = FrameIndex(self, self.frames)
        return self._index

    @property
    def scanner(self) -> ClassScanner:
        # A copy with fewer frames (Lexicon.with_only_entry) shares it: the anchor words of
        # frames it does not have only make more frames candidates, never fewer.
        if self._scanner is None:
            for frame in self.frames:
                self.anchors(frame)
            self._scanner = ClassScanner(list(self.classes.values()), self._anchor_words)
        return self._scanner

    def regex(self, pattern: str) -> re.Pattern[str]:
        compiled = self._regexes.get(pattern)
        if compiled is None:
            compiled = self._regexes[pattern] = re.compile(pattern)
        return compiled

    def slot_parts(self, slot_text: str) -> SlotParts:
        """What a slot's text (or an ``unless``/``allow`` item) names, worked out once per run."""
        parts = self._slots.get(slot_text)
        if parts is None:
            names = slot_text.split("|")
            if slot_text.startswith("$"):
                parts = SlotParts(quantity=True)
            elif any(name.startswith("@") for name in names):
                is_class = [bool(re.fullmatch(r"@[a-z][a-z0-9_]*", name)) for name in names]
                others = [name for name, class_name in zip(names, is_class, strict=True) if not class_name]
                parts = SlotParts(
                    classes=tuple(
                        name[1:]
                        for name, class_name in zip(names, is_class, strict=True)
                        if class_name and name[1:] in self.classes
                    ),
                    regex=self.regex("|".join(others)) if others else None,
                )
            else:
                parts = SlotParts(regex=self.regex(slot_text), sort=False)
            self._slots[slot_text] = parts
        return parts

    def needs(self, frame: Frame) -> tuple[tuple[frozenset[str], ...], str, bool]:
        """What a sentence must have before ``frame`` is tried on it, worked out once per frame.

        For each required class slot whose classes are all plain member lists, those
        classes (the member scan must have found one of them; a class with regex
        ``patterns`` is never ruled out by it); and the first slot's text, whose spans
        must not be empty (with ``standalone``: the frame has no other slot)."""
        entry = self._needs.get(id(frame))
        if entry is None or entry[0] is not frame:
            classes = tuple(
                frozenset(slot.classes)
                for slot in frame.seq
                if not slot.optional
                and slot.classes
                and not slot.regex
                and not any(self.classes[name].patterns for name in slot.classes)
            )
            entry = self._needs[id(frame)] = (frame, (classes, frame.seq[0].text, len(frame.seq) == 1))
        return entry[1]

    def anchors(self, frame: Frame) -> tuple[frozenset[str], ...]:
        """What the scan of a sentence must have found before ``frame`` is tried on it.

        For each required slot (the first one first) that the scan can rule out: the
        names of its classes and the words of which every match of its regex
        alternatives (and of its classes' ``patterns``) holds one; one of them must
        be found. A slot with a quantity or with a regex that holds no such word is
        left out (it rules nothing out); so is a frame with no slot left."""
        entry = self._anchors.get(id(frame))
        if entry is None or entry[0] is not frame:
            found: list[frozenset[str]] = []
            for slot in frame.seq:
                keys = None if slot.optional else self._slot_anchors(slot)
                if keys is not None:
                    found.append(keys)
            entry = self._anchors[id(frame)] = (frame, tuple(found))
        return entry[1]

    def _slot_anchors(self, slot: Slot) -> frozenset[str] | None:
        # From the slot's source text: nothing is compiled for it (most slots a run never tries).
        if slot.text.startswith("$"):
            return None
        classes = [name for name in slot.classes if name in self.classes]
        keys = set(classes)
        patterns = [pattern for name in classes for pattern in self.classes[name].patterns]
        if slot.regex:
            patterns.append(slot.regex)
        for pattern in patterns:
            words = derive_triggers(pattern)
            if not words:
                return None
            keys.update(words)
            self._anchor_words.update(words)
        return frozenset(keys)

    def check_references(self, cue_names: Iterable[str]) -> None:
        """Every ``@name`` in a frame is a class (or, in unless/require, a cue of contexts.toml)."""
        cues = set(cue_names)
        for frame in self.frames:
            for slot in frame.seq:
                for name in slot.classes:
                    if name not in self.classes:
                        raise FrameError(f"{frame.where}: unknown class @{name}")
            for item in frame.unless + frame.unless_sentence + frame.require + frame.require_sentence + frame.allow:
                if item.startswith("@"):
                    if item[1:] not in self.classes and item[1:] not in cues:
                        raise FrameError(f"{frame.where}: unknown class or cue {item}")
                elif re.fullmatch(r"[a-z_]+", item) and item not in PREDICATES:
                    raise FrameError(
                        f"{frame.where}: unknown condition {item!r} (known: {', '.join(sorted(PREDICATES))})"
                    )


@dataclass(frozen=True)
class SlotParts:
    """A slot's text taken apart: a quantity slot, known classes and the regex of its other alternatives."""

    quantity: bool = False
    classes: tuple[str, ...] = ()
    regex: re.Pattern[str] | None = None
    sort: bool = True  # spans of several classes or patterns are merged in order


class FrameIndex:
    """Frames by the words that a sentence must have for each (see :meth:`FrameSet.anchors`)."""

    def __init__(self, frame_set: FrameSet, frames: Sequence[Frame]) -> None:
        self.frames = list(frames)
        self._anchors = [frame_set.anchors(frame) for frame in self.frames]
        self._by_key: dict[str, list[int]] = {}
        self._always: list[int] = []
        for position, anchors in enumerate(self._anchors):
            if not anchors:
                self._always.append(position)
                continue
            for key in anchors[0]:
                self._by_key.setdefault(key, []).append(position)

    def candidates(self, found: Iterable[str], words: set[str] | frozenset[str] = frozenset()) -> list[Frame]:
        """The frames that the scanned classes ``found`` and anchor ``words`` leave possible, in their order."""
        keys = {*found, *words}
        positions = set(self._always)
        for key in keys:
            listed = self._by_key.get(key)
            if listed is not None:
                positions.update(listed)
        anchors = self._anchors
        return [
            self.frames[position]
            for position in sorted(positions)
            if all(not keys.isdisjoint(slot) for slot in anchors[position][1:])
        ]


_CLAUSE_STOP = re.compile(r"[，。；：,;:！？!?]")


class Matcher:
    """Frame matching over one sentence's text, with its class spans found once."""

    def __init__(self, frames: FrameSet, text: str) -> None:
        self.frames = frames
        self.text = text
        self.found, self.anchor_words = frames.scanner.scan(text)
        self._spans: dict[tuple[str, bool], list[Span]] = {}
        self._quantities: list[tuple[str, int, int]] | None = None
        self._stops: list[int] | None = None

    def clause_bounds(self, start: int) -> Span:
        """The clause around ``start``: from after the previous stop (，。；： …) to the next one."""
        stops = self._stops
        if stops is None:
            stops = self._stops = [match.start() for match in _CLAUSE_STOP.finditer(self.text)]
        index = bisect_left(stops, start)
        left = stops[index - 1] + 1 if index > 0 else 0
        right = stops[index] if index < len(stops) else len(self.text)
        return left, right

    def spans(self, slot_text: str, *, standalone: bool = False) -> list[Span]:
        key = (slot_text, standalone)
        cached = self._spans.get(key)
        if cached is None:
            cached = self._spans[key] = self._find(self.frames.slot_parts(slot_text), slot_text, standalone)
        return cached

    def _find(self, parts: SlotParts, slot_text: str, standalone: bool) -> list[Span]:
        if parts.quantity:
            return self._quantity_spans(slot_text)
        text = self.text
        found: list[Span] = []
        classes = self.frames.classes
        for name in parts.classes:
            if standalone:
                found.extend((start, end) for start, end, dependent in self.found.get(name, ()) if not dependent)
            else:
                found.extend((start, end) for start, end, _ in self.found.get(name, ()))
            for pattern in classes[name].patterns:
                found.extend(m.span() for m in self.frames.regex(pattern).finditer(text) if m.end() > m.start())
        if parts.regex is not None:
            found.extend(m.span() for m in parts.regex.finditer(text) if m.end() > m.start())
        if parts.sort:
            found.sort()
        return found

    def _quantity_spans(self, slot_text: str) -> list[Span]:
        """``$q:amount,percent``: the figures of those kinds (:mod:`disclint.text.numbers`), all kinds for ``$q``."""
        from disclint.text.numbers import find_quantities

        if self._quantities is None:
            self._quantities = [(q.kind.value, q.start, q.end) for q in find_quantities(self.text)]
        _slot, _colon, kinds_text = slot_text.partition(":")
        kinds = set(kinds_text.split(",")) if kinds_text else None
        return sorted((start, end) for kind, start, end in self._quantities if kinds is None or kind in kinds)

    def may_match(self, frame: Frame) -> bool:
        """Cheap test: every required class slot has a member in the text, and the first slot occurs."""
        classes, first, standalone = self.frames.needs(frame)
        found = self.found.keys()
        for names in classes:
            if found.isdisjoint(names):
                return False
        spans = self._spans.get((first, standalone))
        if spans is None:
            parts = self.frames.slot_parts(first)
            if not parts.classes and not parts.quantity and parts.regex is not None:
                # A regex slot: one search says whether to find its spans at all.
                if parts.regex.search(self.text) is None:
                    self._spans[(first, standalone)] = []
                    return False
                return True
            spans = self.spans(first, standalone=standalone)
        return bool(spans)

    def matches(self, frame: Frame) -> Iterator[Span]:
        """Non-overlapping spans where the frame's sequence occurs (leftmost first)."""
        if not self.may_match(frame):
            return
        first = self.spans(frame.seq[0].text, standalone=len(frame.seq) == 1)
        last_end = -1
        for start, end in first:
            if start < last_end:
                continue
            limit = self.clause_bounds(start)[1] if frame.within == "clause" else len(self.text)
            if end > limit:
                continue
            final = self._extend(frame, 1, end, limit)
            if final is None:
                continue
            last_end = final
            yield start, final

    def _extend(self, frame: Frame, position: int, previous_end: int, limit: int) -> int | None:
        if position == len(frame.seq):
            return previous_end
        slot = frame.seq[position]
        for start, end in self.spans(slot.text):
            if start < previous_end:
                continue
            if start - previous_end > frame.gap or end > limit:
                break
            final = self._extend(frame, position + 1, end, limit)
            if final is not None:
                return final
        if slot.optional:
            return self._extend(frame, position + 1, previous_end, limit)
        return None

    def contains(self, item: str, start: int, end: int, exclude: Span | None = None) -> bool:
        """Class or regex ``item`` occurs in ``text[start:end]`` (not wholly inside the hit ``exclude``)."""
        for span_start, span_end in self.spans(item):
            if span_start >= start and span_end <= end:
                if exclude is not None and exclude[0] <= span_start and span_end <= exclude[1]:
                    continue  # part of the hit itself ("不再破净")
                return True
        return False


def frame_hits_in(
    analysis: Analysis, frames: FrameSet, frame: Frame, sentence: Sentence, matcher: Matcher
) -> list[Span]:
    """The frame's spans in ``sentence`` that no ``unless`` condition suppresses."""
    text = sentence.text
    kept: list[Span] = []
    for start, end in matcher.matches(frame):
        clause_start, clause_end = matcher.clause_bounds(start) if frame.within == "clause" else (0, len(text))
        clause_end = max(clause_end, end)
        if frame.allow and any(
            _overlaps(analysis, frames, matcher, item, sentence, (start, end)) for item in frame.allow
        ):
            continue
        if frame.require and not any(
            _condition_holds(analysis, frames, matcher, item, sentence, clause_start, clause_end, (start, end), True)
            for item in frame.require
        ):
            continue
        if frame.require_sentence and not any(
            _condition_holds(analysis, frames, matcher, item, sentence, 0, len(text), (start, end), True)
            for item in frame.require_sentence
        ):
            continue
        if any(
            _condition_holds(analysis, frames, matcher, item, sentence, clause_start, clause_end, (start, end), True)
            for item in frame.unless
        ):
            continue
        if any(
            _condition_holds(analysis, frames, matcher, item, sentence, 0, len(text), (start, end), True)
            for item in frame.unless_sentence
        ):
            continue
        kept.append((start, end))
    return kept


def _overlaps(analysis: Analysis, frames: FrameSet, matcher: Matcher, item: str, sentence: Sentence, hit: Span) -> bool:
    """An ``allow`` item (class, cue or regex) overlaps the hit."""
    if item.startswith("@") and item[1:] not in frames.classes:
        spans = [match.span() for match in analysis.lexicon.cue(item[1:]).finditer(sentence.text)]
    else:
        spans = matcher.spans(item)
    return any(start < hit[1] and hit[0] < end for start, end in spans)


def _condition_holds(
    analysis: Analysis,
    frames: FrameSet,
    matcher: Matcher,
    item: str,
    sentence: Sentence,
    start: int,
    end: int,
    hit: Span,
    inclusive: bool,
) -> bool:
    if item.startswith("@"):
        name = item[1:]
        if name in frames.classes:
            return matcher.contains(item, start, end, exclude=None if inclusive else hit)
        cue = analysis.lexicon.cue(name)
        for match in cue.finditer(sentence.text, start, end):
            if match.end() <= match.start():
                continue
            if not inclusive and hit[0] <= match.start() and match.end() <= hit[1]:
                continue
            return True
        return False
    if re.fullmatch(r"[a-z_]+", item):
        return PREDICATES[item](analysis, sentence, hit[0], hit[1])
    for match in frames.regex(item).finditer(sentence.text, start, end):
        if not inclusive and hit[0] <= match.start() and match.end() <= hit[1]:
            continue
        return True
    return False
