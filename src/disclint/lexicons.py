"""Load the lexicons (``lexicons/*.toml``) and build their matchers once.

A lexicon file holds ``[[term]]`` entries — a literal ``match`` or a regex
``pattern`` — with the rule it belongs to, a reason, the source clause, a
suggested rewrite, the contexts in which the words are fine, and bad/good
examples that the test suite runs. ``contexts.toml`` holds named cue lists
(``@negation``, ``@attribution`` …) that entries and rules refer to, and
``sources.toml`` the regulations, their clauses and the named legal bases
(``no_price_prediction`` …) that every ``source`` field cites (see
``disclint.citations``).

The format is documented in ``lexicons/README.md``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from disclint.cache_folder import cache_dir, read_marshal, write_marshal
from disclint.citations import UNKNOWN_MARKET, CitationError, Citations, Market, is_seed_style
from disclint.frames import Frame, FrameError, FrameSet, WordClass, load_classes, load_frames, string_list
from disclint.i18n import _
from disclint.messages import os_reason, regex_reason, toml_reason
from disclint.model.findings import Severity
from disclint.text.segment import Segmenter
from disclint.text.wordscan import WordScanner, derive_triggers, trie_pattern

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib


class LexiconError(Exception):
    """A lexicon file is malformed; the message names the file and the entry."""


class LazyRegex:
    """A regular expression compiled on first use.

    A run touches only the patterns whose trigger words occur in the text,
    so compiling all ~800 lexicon patterns up front would be wasted start-up
    time. ``validate()`` compiles now (team lexicons, tests).
    """

    __slots__ = ("_compiled", "source", "where")

    def __init__(self, source: str, where: str) -> None:
        self.source = source
        self.where = where
        self._compiled: re.Pattern[str] | None = None

    @property
    def pattern(self) -> str:
        return self.source

    def validate(self) -> re.Pattern[str]:
        if self._compiled is None:
            try:
                self._compiled = re.compile(self.source)
            except re.error as exc:
                raise LexiconError(
                    _("{where}: bad pattern {source!r}: {reason}").format(
                        where=self.where, source=self.source, reason=regex_reason(exc)
                    )
                ) from exc
        return self._compiled

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.validate().search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.validate().match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.validate().fullmatch(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.validate().finditer(string, pos, endpos)


_TERM_KEYS = {
    "rule",
    "match",
    "pattern",
    "trigger",
    "reason",
    "source",
    "suggest",
    "severity",
    "substring",
    "allow",
    "allow_sentence",
    "require_sentence",
    "require_clause",
    "bad",
    "good",
    "note",
    "added",
}
_FILE_KEYS = {
    "file",
    "term",
    "defaults",
    "cue",
    "source",
    "section",
    "pack",
    "hot_topic",
    "allow",
    "date_order",
    "document",
    "clause",
    "basis",
}


@dataclass(frozen=True)
class Term:
    """One lexicon entry, compiled."""

    file: str
    index: int
    rule: str
    label: str  # the literal or the pattern, for messages and docs
    regex: LazyRegex
    triggers: tuple[str, ...]
    reason: str
    source: str
    suggest: str | None
    severity: Severity | None
    token_boundaries: bool
    allow: tuple[LazyRegex, ...]
    allow_sentence: tuple[LazyRegex, ...]
    require_sentence: tuple[LazyRegex, ...]
    require_clause: tuple[LazyRegex, ...]
    bad: tuple[str, ...]
    good: tuple[str, ...]
    literals: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def patterns(self) -> Iterator[LazyRegex]:
        yield self.regex
        yield from self.allow
        yield from self.allow_sentence
        yield from self.require_sentence
        yield from self.require_clause

    def candidates(self, text: str) -> Iterator[re.Match[str]]:
        """Matches of this term in ``text`` (before any context check)."""
        if self.triggers and not any(trigger in text for trigger in self.triggers):
            return iter(())
        return self.regex.finditer(text)


@dataclass(frozen=True)
class Cue:
    """A named list of patterns from ``contexts.toml``."""

    name: str
    patterns: tuple[str, ...]
    source: str
    regex: LazyRegex


@dataclass
class Lexicon:
    """All lexicon files of one run."""

    terms: list[Term]
    cues: dict[str, Cue]
    sources: dict[str, str]
    tables: dict[str, list[dict[str, Any]]]  # other tables (sections, packs …) by file stem
    files: list[Path]
    memo: dict[str, Any] = field(default_factory=dict)  # structures derived once (packs)
    table_files: dict[str, list[str]] = field(default_factory=dict)  # file name of each row of tables
    citations: Citations = field(default_factory=Citations)
    fingerprint: str = ""  # of the files' content
    frames: FrameSet = field(default_factory=lambda: FrameSet(classes={}, frames=[]))

    def frame_term(self, frame: Frame) -> Term:
        """The :class:`Term` that stands for ``frame`` in hits and findings (reason, source, suggestion)."""
        terms = self.memo.setdefault("frame_terms", {})
        term = terms.get(id(frame))
        if term is None:
            try:
                severity = Severity(frame.severity) if frame.severity else None
            except ValueError as exc:
                raise LexiconError(
                    _("{where}: severity must be error, warning or info").format(where=frame.where)
                ) from exc
            term = terms[id(frame)] = Term(
                file=frame.file,
                index=frame.index,
                rule=frame.rule,
                label=f"frame {frame.name}: {frame.describe()}",
                regex=LazyRegex("(?!)", frame.where),
                triggers=(),
                reason=frame.reason,
                source=frame.source,
                suggest=frame.suggest,
                severity=severity,
                token_boundaries=False,
                allow=(),
                allow_sentence=(),
                require_sentence=(),
                require_clause=(),
                bad=frame.bad,
                good=frame.good,
                extra={"frame": frame},
            )
        assert isinstance(term, Term)
        return term

    def with_only_entry(self, rule: str, entry: Term | Frame | None) -> Lexicon:
        """A copy in which rule ``rule`` has this one term or frame and no other (``None``:
        none at all): an example's finding in it is that entry's own, not one another
        entry makes."""
        frames = dataclasses.replace(
            self.frames, frames=[frame for frame in self.frames.frames if frame.rule != rule or frame is entry]
        )
        frames._by_rule = None
        terms = [term for term in self.terms if term.rule != rule or term is entry]
        return dataclasses.replace(self, terms=terms, frames=frames, memo={})

    @property
    def classes(self) -> dict[str, WordClass]:
        """The word classes of ``lexicons/classes`` by name."""
        return self.frames.classes

    def terms_for(self, rule: str) -> list[Term]:
        """The entries of rule ``rule``, in file order (grouped once; rules ask for them on every file)."""
        grouped = self.memo.get("terms_by_rule")
        if grouped is None:
            grouped = self.memo["terms_by_rule"] = {}
            for term in self.terms:
                grouped.setdefault(term.rule, []).append(term)
        return list(grouped.get(rule, ()))

    def cue(self, name: str) -> re.Pattern[str]:
        """The compiled pattern of cue ``name`` (compiled on first request)."""
        try:
            return self.cues[name].regex.validate()
        except KeyError as exc:
            raise LexiconError(_("unknown cue @{name}").format(name=name)) from exc

    def cite(self, source: str, market: Market = UNKNOWN_MARKET, doc_type: str | None = None) -> str:
        """A reference (basis ids, ``"no_price_prediction；forecast_basis"``) in words
        a reader recognises: the regulations' titles, issuers, dates and articles
        that apply on ``market`` (the CSRC rules when the exchange is unknown) to a
        ``doc_type`` document (None: every clause, as ``explain`` lists them).
        A team lexicon's own wording that is not a basis id is shown as written."""
        return self.citations.render(source, market, doc_type)

    def trigger_index(self) -> TriggerIndex:
        """One scanner for every term's trigger words, built once."""
        index = self.memo.get("trigger_index")
        if not isinstance(index, TriggerIndex):
            index = TriggerIndex(self.terms)
            self.memo["trigger_index"] = index
        return index

    def all_literals(self) -> set[str]:
        words: set[str] = set()
        for term in self.terms:
            words.update(term.literals)
        return words

    def segmenter(self) -> Segmenter:
        """The process's segmenter with the terms' literals as user words (looked up once per lexicon)."""
        found = self.memo.get("segmenter")
        if not isinstance(found, Segmenter):
            found = self.memo["segmenter"] = Segmenter.for_words(self.all_literals())
        return found


class TriggerIndex:
    """Which terms can match a text: all their trigger words found in one scan.

    A term without triggers (a pattern that names none) is always a candidate.
    """

    def __init__(self, terms: Sequence[Term]) -> None:
        self.always = frozenset(id(term) for term in terms if not term.triggers)
        by_word: dict[str, set[int]] = {}
        for term in terms:
            for trigger in term.triggers:
                by_word.setdefault(trigger, set()).add(id(term))
        self._terms = {word: frozenset(ids) for word, ids in by_word.items()}
        self._scanner = WordScanner(by_word)

    def candidates(self, text: str) -> frozenset[int]:
        """``id()`` of every term that could match ``text``."""
        if not self._scanner:
            return self.always
        found: set[int] = set(self.always)
        seen: set[str] = set()
        for _start, word, prefixes in self._scanner.scan(text):
            if word not in seen:
                seen.add(word)
                for prefix in prefixes:
                    found |= self._terms[prefix]
        return frozenset(found)


def default_lexicon_dir() -> Path:
    """``lexicons/`` shipped inside the wheel, or the repository's during development."""
    packaged = Path(__file__).with_name("_lexicons")
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "lexicons"


def _as_list(value: Any, where: str, key: str) -> list[str]:
    return string_list(value, where, key, LexiconError)


def _compile(pattern: str, where: str) -> LazyRegex:
    return LazyRegex(pattern, where)


class _CueExpander:
    def __init__(self, cues: dict[str, Cue], classes: dict[str, WordClass] | None = None) -> None:
        self.cues = cues
        self.classes = classes or {}

    def patterns(self, items: Iterable[str], where: str) -> tuple[LazyRegex, ...]:
        compiled: list[LazyRegex] = []
        for item in items:
            if item.startswith("@"):
                name = item[1:]
                if name not in self.cues:
                    raise LexiconError(_("{where}: unknown cue {item}").format(where=where, item=item))
                compiled.append(self.cues[name].regex)
            else:
                compiled.append(_compile(_expand_classes(item, self.classes, where), where))
        return tuple(compiled)


# Interim wiring of the word classes (lexicons/classes) into [[term]] entries and cues, until
# frames cover them (lexicons/class_terms.toml): "@name" in `match` stands for the class's
# members (never its context-dependent ones); "{@name}" inside a pattern for any of its words.
_CLASS_REF = re.compile(r"\{@([a-z][a-z0-9_]*)\}")


def _expand_classes(pattern: str, classes: dict[str, WordClass], where: str) -> str:
    if "{@" not in pattern:
        return pattern

    def replace(match: re.Match[str]) -> str:
        word_class = classes.get(match.group(1))
        if word_class is None:
            raise LexiconError(_("{where}: unknown class @{value}").format(where=where, value=match.group(1)))
        branches = [trie_pattern((*word_class.members, *word_class.context_dependent))]
        branches.extend(f"(?:{item})" for item in word_class.patterns)
        return "(?:" + "|".join(branch for branch in branches if branch) + ")"

    return _CLASS_REF.sub(replace, pattern)


def _expand_literals(literals: list[str], classes: dict[str, WordClass], where: str) -> list[str]:
    words: list[str] = []
    for item in literals:
        if item.startswith("@"):
            word_class = classes.get(item[1:])
            if word_class is None:
                raise LexiconError(_("{where}: unknown class {item}").format(where=where, item=item))
            words.extend(word_class.members)
        else:
            words.append(item)
    return list(dict.fromkeys(words))


def _parse_toml(path: Path, data: bytes) -> dict[str, Any]:
    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise LexiconError(_("{path}: not UTF-8").format(path=path)) from exc
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(_("{path}: invalid TOML: {reason}").format(path=path, reason=toml_reason(exc))) from exc
    except RecursionError as exc:
        raise LexiconError(_("{path}: invalid TOML: nested too deeply").format(path=path)) from exc


def _read_all(paths: Sequence[Path]) -> tuple[list[dict[str, Any]], str]:
    """Parsed TOML of ``paths``, from a marshal cache keyed by their content.

    tomllib is pure Python and parsing the shipped lexicons costs ~30 ms on
    every run; the cached form loads in under 1 ms. Any cache problem
    (read-only folder, stale, corrupt or forged file) falls back to parsing.
    Also returns the fingerprint of the files' content (the cache key).
    """
    blobs: list[bytes] = []
    for path in paths:
        try:
            blobs.append(path.read_bytes())
        except OSError as exc:
            raise LexiconError(_("{path}: cannot read: {reason}").format(path=path, reason=os_reason(exc))) from exc
    digest = hashlib.sha256(_CACHE_VERSION.encode())
    for path, blob in zip(paths, blobs, strict=True):
        digest.update(f"{path.parent.name}/{path.name}".encode() + b"\0" + blob + b"\0")
    fingerprint = digest.hexdigest()[:32]
    folder = cache_dir()
    cached = folder / f"lexicons-{fingerprint}.marshal" if folder else None
    if cached is not None:
        data = read_marshal(cached)
        if isinstance(data, list) and len(data) == len(paths) and all(isinstance(item, dict) for item in data):
            return data, fingerprint
    parsed = [_parse_toml(path, blob) for path, blob in zip(paths, blobs, strict=True)]
    if cached is not None:
        write_marshal(cached, parsed, siblings="lexicons-*.marshal")
    return parsed, fingerprint


_CACHE_VERSION = "disclint-lexicons-1"


def _load_cues(data: dict[str, Any], path: Path, classes: dict[str, WordClass] | None = None) -> dict[str, Cue]:
    cues: dict[str, Cue] = {}
    for name, body in data.get("cue", {}).items():
        where = f"{path.name} [cue.{name}]"
        if not isinstance(body, dict):
            raise LexiconError(_("{where}: must be a table").format(where=where))
        patterns = [
            _expand_classes(item, classes or {}, where) for item in _as_list(body.get("patterns"), where, "patterns")
        ]
        if not patterns:
            raise LexiconError(_("{where}: 'patterns' is empty").format(where=where))
        regex = _compile("|".join(f"(?:{pattern})" for pattern in patterns), where)
        cues[name] = Cue(name=name, patterns=tuple(patterns), source=str(body.get("source", "")), regex=regex)
    return cues


def _load_terms(data: dict[str, Any], path: Path, expander: _CueExpander) -> list[Term]:
    classes = expander.classes
    defaults = data.get("defaults", {})
    default_allow = _as_list(defaults.get("allow"), f"{path.name} [defaults]", "allow")
    default_allow_sentence = _as_list(defaults.get("allow_sentence"), f"{path.name} [defaults]", "allow_sentence")
    default_rule = defaults.get("rule")
    terms: list[Term] = []
    for index, entry in enumerate(data.get("term", []), start=1):
        where = f"{path.name} term #{index}"
        if not isinstance(entry, dict):
            raise LexiconError(_("{where}: must be a table").format(where=where))
        unknown = set(entry) - _TERM_KEYS
        if unknown:
            raise LexiconError(
                _("{where}: unknown key(s) {choices}").format(
                    where=where, choices=", ".join(repr(key) for key in sorted(unknown))
                )
            )
        rule = entry.get("rule", default_rule)
        if not isinstance(rule, str) or not rule:
            raise LexiconError(_("{where}: 'rule' is required").format(where=where))
        literals = _expand_literals(_as_list(entry.get("match"), where, "match"), classes, where)
        pattern = entry.get("pattern")
        if bool(literals) == bool(pattern):
            raise LexiconError(_("{where}: give exactly one of 'match' or 'pattern'").format(where=where))
        if pattern is not None and not isinstance(pattern, str):
            raise LexiconError(_("{where}: 'pattern' must be a string").format(where=where))
        if literals:
            source_pattern = "|".join(re.escape(item) for item in sorted(literals, key=len, reverse=True))
            label = "、".join(literals)
            triggers = tuple(literals)
        else:
            assert isinstance(pattern, str)
            pattern = _expand_classes(pattern, classes, where)
            source_pattern = pattern
            label = pattern
            triggers = tuple(_as_list(entry.get("trigger"), where, "trigger")) or derive_triggers(pattern)
        reason = entry.get("reason", defaults.get("reason"))
        if not isinstance(reason, str) or not reason:
            raise LexiconError(_("{where}: 'reason' is required").format(where=where))
        source = entry.get("source", defaults.get("source"))
        if not isinstance(source, str) or not source:
            raise LexiconError(_("{where}: 'source' is required").format(where=where))
        severity_name = entry.get("severity")
        try:
            severity = Severity(severity_name) if severity_name else None
        except ValueError as exc:
            raise LexiconError(_("{where}: severity must be error, warning or info").format(where=where)) from exc
        suggest = entry.get("suggest")
        terms.append(
            Term(
                file=path.name,
                index=index,
                rule=rule,
                label=label,
                regex=_compile(source_pattern, where),
                triggers=triggers,
                reason=reason,
                source=source,
                suggest=suggest if isinstance(suggest, str) else None,
                severity=severity,
                token_boundaries=bool(literals) and not entry.get("substring", False),
                allow=expander.patterns(default_allow + _as_list(entry.get("allow"), where, "allow"), where),
                allow_sentence=expander.patterns(
                    default_allow_sentence + _as_list(entry.get("allow_sentence"), where, "allow_sentence"), where
                ),
                require_sentence=expander.patterns(
                    _as_list(entry.get("require_sentence"), where, "require_sentence"), where
                ),
                require_clause=expander.patterns(_as_list(entry.get("require_clause"), where, "require_clause"), where),
                bad=tuple(_as_list(entry.get("bad"), where, "bad")),
                good=tuple(_as_list(entry.get("good"), where, "good")),
                literals=tuple(literals),
            )
        )
    return terms


def _load_allow(table: Any, path: Path) -> dict[str, Any]:
    """``[allow] phrases = [...]``: phrases (a product name containing 领先 …) inside
    which no finding is reported. The engine applies them after the rules run."""
    where = f"{path.name} [allow]"
    if not isinstance(table, dict):
        raise LexiconError(_("{where}: must be a table").format(where=where))
    unknown = set(table) - {"phrases", "note"}
    if unknown:
        raise LexiconError(
            _("{where}: unknown key(s) {choices}").format(
                where=where, choices=", ".join(repr(key) for key in sorted(unknown))
            )
        )
    phrases = _as_list(table.get("phrases"), where, "phrases")
    if not phrases or not all(phrase.strip() for phrase in phrases):
        raise LexiconError(_("{where}: 'phrases' must list non-empty phrases").format(where=where))
    return {"phrases": phrases, "file": path.name}


_DEFAULTS_KEYS = {"rule", "source", "reason", "allow", "allow_sentence", "note"}
_CUE_KEYS = {"patterns", "source", "note"}
_DATE_ORDER_KEYS = {"before", "after", "strict", "reason", "source", "note"}
# Table kinds whose entries are checked in detail by the code that reads them
# (structure.packs for section/pack); here only their shape.
_ARRAY_TABLES = ("section", "pack", "date_order")


def check_shape(data: dict[str, Any], path: Path) -> None:
    """The top-level shape of one lexicon file: every table the kind the loader expects.

    Run on every file before anything is built from it, so that a team
    lexicon with ``cue = "x"`` or ``source = ["a"]`` is one ``LexiconError``
    naming the file and the key, never an ``AttributeError`` half-way through.
    """
    name = path.name
    unknown = set(data) - _FILE_KEYS
    if unknown:
        raise LexiconError(
            _("{name}: unknown table(s) {choices}").format(
                name=name, choices=", ".join(repr(key) for key in sorted(unknown))
            )
        )
    for key in ("defaults", "cue", "source", "allow", "hot_topic", "file"):
        if key in data and not isinstance(data[key], dict):
            raise LexiconError(_("{name}: '{key}' must be a table ([{key}])").format(name=name, key=key))
    for key in ("term", *_ARRAY_TABLES, "document", "clause", "basis"):
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, list):
            raise LexiconError(_("{name}: '{key}' must be an array of tables ([[{key}]])").format(name=name, key=key))
        for index, entry in enumerate(value, start=1):
            if not isinstance(entry, dict):
                raise LexiconError(_("{name} {key} #{index}: must be a table").format(name=name, key=key, index=index))
    defaults = data.get("defaults", {})
    unknown = set(defaults) - _DEFAULTS_KEYS
    if unknown:
        raise LexiconError(
            _("{name} [defaults]: unknown key(s) {choices}").format(
                name=name, choices=", ".join(repr(key) for key in sorted(unknown))
            )
        )
    for key in ("rule", "source", "reason"):
        if key in defaults and not isinstance(defaults[key], str):
            raise LexiconError(_("{name} [defaults]: '{key}' must be a string").format(name=name, key=key))
    for cue_name, body in data.get("cue", {}).items():
        where = f"{name} [cue.{cue_name}]"
        if not isinstance(body, dict):
            raise LexiconError(_("{where}: must be a table").format(where=where))
        unknown = set(body) - _CUE_KEYS
        if unknown:
            raise LexiconError(
                _("{where}: unknown key(s) {choices}").format(
                    where=where, choices=", ".join(repr(key) for key in sorted(unknown))
                )
            )
        if "source" in body and not isinstance(body["source"], str):
            raise LexiconError(_("{where}: 'source' must be a string").format(where=where))
    for key, title in data.get("source", {}).items():
        if not isinstance(title, str):
            raise LexiconError(
                _("{name} [source]: '{key}' must be a string (the document's title)").format(name=name, key=key)
            )
    for index, row in enumerate(data.get("date_order", []), start=1):
        where = f"{name} date_order #{index}"
        unknown = set(row) - _DATE_ORDER_KEYS
        if unknown:
            raise LexiconError(
                _("{where}: unknown key(s) {choices}").format(
                    where=where, choices=", ".join(repr(key) for key in sorted(unknown))
                )
            )
        for key in ("before", "after"):
            if not isinstance(row.get(key), str) or not row[key]:
                raise LexiconError(_("{where}: '{key}' is required (a pattern)").format(where=where, key=key))
            LazyRegex(row[key], f"{where} {key}").validate()
        if "strict" in row and not isinstance(row["strict"], bool):
            raise LexiconError(_("{where}: 'strict' must be true or false").format(where=where))
        for key in ("reason", "source"):
            if key in row and not isinstance(row[key], str):
                raise LexiconError(_("{where}: '{key}' must be a string").format(where=where, key=key))


# What a rule cites by default (its registry ``reference``): given by the caller
# (startup.lexicon), since the rules sit above the lexicons.
RuleBasis = Callable[[str], str | None]


def resolve_source(
    source: str, where: str, citations: Citations, rule: str | None = None, rule_basis: RuleBasis | None = None
) -> str:
    """``source`` as the loader keeps it: basis ids, or a team's own wording.

    An old seed-file citation (``"000 Q1；003 第五条"``) is mapped to the basis
    of the entry's rule; where there is no rule to go by it is refused, with the
    bases the author can choose from.
    """
    if not source or citations.known(source) or not citations.bases:
        return source
    if is_seed_style(source):
        basis = rule_basis(rule) if rule and rule_basis else None
        if basis and citations.known(basis):
            return basis
        raise LexiconError(
            _(
                "{where}: source {source!r} cites the project's seed files (000–004, MVM, SIM, seed…), "
                "which are not a legal basis; write a basis id from lexicons/sources.toml instead: {bases}"
            ).format(where=where, source=source, bases=", ".join(sorted(citations.bases)))
        )
    parts = [part.strip() for part in re.split(r"[；;]", source) if part.strip()]
    if parts and all(re.fullmatch(r"[a-z][a-z0-9]*_[a-z0-9_]*(?:（[^（）]+）)?", part) for part in parts):
        # Looks like basis ids, but one is unknown: a typo, not wording.
        try:
            citations.parse(source)
        except CitationError as exc:
            raise LexiconError(f"{where}: {exc}") from exc
    return source


def resolve_sources(
    data: dict[str, Any], path: Path, citations: Citations, rule_basis: RuleBasis | None = None
) -> None:
    """Every ``source`` in one file through ``resolve_source`` (in place)."""
    name = path.name
    defaults = data.get("defaults", {})
    default_rule = defaults.get("rule")
    if isinstance(defaults.get("source"), str):
        defaults["source"] = resolve_source(
            defaults["source"], f"{name} [defaults]", citations, default_rule, rule_basis
        )
    for index, entry in enumerate(data.get("term", []), start=1):
        if isinstance(entry.get("source"), str):
            rule = entry.get("rule", default_rule)
            entry["source"] = resolve_source(
                entry["source"], f"{name} term #{index}", citations, rule if isinstance(rule, str) else None, rule_basis
            )
    for cue_name, body in data.get("cue", {}).items():
        if isinstance(body, dict) and isinstance(body.get("source"), str):
            # A cue's source is documentation only (never shown in a finding): an old
            # seed-file citation there is read as the general accuracy basis.
            body["source"] = resolve_source(body["source"], f"{name} [cue.{cue_name}]", citations, "CN008", rule_basis)
    for kind, rule in (("section", None), ("pack", None), ("date_order", "CN011")):
        for index, row in enumerate(data.get(kind, []), start=1):
            if isinstance(row, dict) and isinstance(row.get("source"), str):
                row["source"] = resolve_source(row["source"], f"{name} {kind} #{index}", citations, rule, rule_basis)


def check_team_pattern(pattern: LazyRegex) -> None:
    """Compile a team pattern and refuse one that can backtrack exponentially.

    The shipped patterns are reviewed and tested; a team's are not. A
    repetition with no upper bound (``+``, ``*``, ``{n,}``) around something
    that can itself repeat or choose between alternatives (``(a+)+``,
    ``(a|ab)*``) is what makes Python's backtracking engine take exponential
    time on a text that almost matches: such a pattern is a ``LexiconError``
    at load, naming the file and the entry.
    """
    pattern.validate()
    problem = _nested_repeat(pattern.source)
    if problem:
        raise LexiconError(
            _(
                "{where}: pattern {source!r} nests {problem} inside an unbounded repetition, which can take exponential time; bound the outer repetition (e.g. {{1,20}}) or simplify it"
            ).format(
                where=pattern.where,
                source=pattern.source,
                problem={"a repetition": _("a repetition"), "an alternation": _("an alternation")}.get(
                    problem, problem
                ),
            )
        )


def _nested_repeat(source: str) -> str | None:
    """What makes ``source`` catastrophic-backtracking prone, or None."""
    try:
        from re import _constants as constants  # type: ignore[attr-defined]
        from re import _parser as sre_parse  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - Python < 3.11
        import sre_constants as constants
        import sre_parse

    try:
        tree = sre_parse.parse(source)
    except Exception:
        return None
    repeats = tuple(
        op for op in (constants.MAX_REPEAT, constants.MIN_REPEAT, getattr(constants, "POSSESSIVE_REPEAT", None)) if op
    )
    unbounded = constants.MAXREPEAT

    def variable(items: Any) -> str | None:
        """Inside an unbounded repetition: a repeat or an alternation."""
        for op, av in items:
            if op in repeats:
                low, high = av[0], av[1]
                if high == unbounded or high - low > 1:
                    return "a repetition"
                found = variable(av[2])
                if found:
                    return found
            elif op is constants.BRANCH:
                if len(av[1]) > 1:
                    return "an alternation"
            elif op is constants.SUBPATTERN:
                found = variable(av[-1])
                if found:
                    return found
        return None

    def walk(items: Any) -> str | None:
        for op, av in items:
            if op in repeats:
                if av[1] == unbounded:
                    found = variable(av[2])
                    if found:
                        return found
                found = walk(av[2])
                if found:
                    return found
            elif op is constants.BRANCH:
                for branch in av[1]:
                    found = walk(branch)
                    if found:
                        return found
            elif op is constants.SUBPATTERN:
                found = walk(av[-1])
                if found:
                    return found
            elif op in (constants.ASSERT, constants.ASSERT_NOT):
                found = walk(av[1])
                if found:
                    return found
        return None

    return walk(tree)


def load_lexicons(
    directories: Sequence[Path] = (), extra_files: Sequence[Path] = (), *, rule_basis: RuleBasis | None = None
) -> Lexicon:
    """Load every ``*.toml`` in the default directory, then ``extra_files``: their shape,
    sources and (for ``extra_files``) patterns checked. ``rule_basis`` maps a rule to the
    basis it cites, for an entry that cites a seed file. The checks that run the rules
    or the section packs are made by :mod:`disclint.startup.lexicon`, which callers use."""
    paths: list[Path] = []
    for directory in directories or (default_lexicon_dir(),):
        if not directory.is_dir():
            raise LexiconError(_("{directory}: lexicon directory not found").format(directory=directory))
        paths.extend(sorted(directory.glob("*.toml")))
    paths.extend(extra_files)
    class_paths: list[Path] = []
    frame_paths: list[Path] = []
    for directory in directories or (default_lexicon_dir(),):
        class_paths.extend(sorted((directory / "classes").glob("*.toml")))
        frame_paths.extend(sorted((directory / "frames").glob("*.toml")))
    parsed, fingerprint = _read_all([*paths, *class_paths, *frame_paths])
    raw = list(zip(paths, parsed[: len(paths)], strict=True))
    # The class and frame patterns are compiled at load (a bad one names its entry), unless a
    # load of these very files has done so before: most of them a run never uses.
    checked = _patterns_checked_marker(fingerprint)
    check_patterns = checked is None or read_marshal(checked) != "ok"
    frame_set = _load_frame_set(
        list(zip(class_paths, parsed[len(paths) : len(paths) + len(class_paths)], strict=True)),
        list(zip(frame_paths, parsed[len(paths) + len(class_paths) :], strict=True)),
        check_patterns=check_patterns,
    )
    cues: dict[str, Cue] = {}
    sources: dict[str, str] = {}
    citations = Citations()
    for path, data in raw:
        check_shape(data, path)
        try:
            citations.add_tables(data, path.name)
        except CitationError as exc:
            raise LexiconError(str(exc)) from exc
    for path, data in raw:
        resolve_sources(data, path, citations, rule_basis)
        cues.update(_load_cues(data, path, frame_set.classes))
        for key, title in data.get("source", {}).items():
            sources[str(key)] = str(title)
    expander = _CueExpander(cues, frame_set.classes)
    terms: list[Term] = []
    tables: dict[str, list[dict[str, Any]]] = {}
    table_files: dict[str, list[str]] = {}
    for path, data in raw:
        terms.extend(_load_terms(data, path, expander))
        for key in ("section", "pack", "hot_topic", "allow", "date_order"):
            if key in data:
                value = _load_allow(data[key], path) if key == "allow" else data[key]
                rows = value if isinstance(value, list) else [value]
                tables.setdefault(key, []).extend(rows)
                table_files.setdefault(key, []).extend([path.name] * len(rows))
    frame_set.frames = [
        dataclasses.replace(frame, source=resolve_source(frame.source, frame.where, citations, frame.rule, rule_basis))
        for frame in frame_set.frames
    ]
    try:
        frame_set.check_references(cues)
    except FrameError as exc:
        raise LexiconError(str(exc)) from exc
    lexicon = Lexicon(
        terms=terms,
        cues=cues,
        sources=sources,
        tables=tables,
        files=[*paths, *class_paths, *frame_paths],
        frames=frame_set,
        table_files=table_files,
        fingerprint=fingerprint,
        citations=citations,
    )
    if extra_files:
        # A team's own lexicon is checked now, so a bad pattern or table stops the run at start.
        extra_names = {path.name for path in extra_files}
        team_patterns: list[LazyRegex] = []
        for term in terms:
            if term.file in extra_names:
                # Only what the team wrote: a shipped cue a team entry names (@negation) is not the team's.
                team_patterns.extend(
                    pattern for pattern in term.patterns() if pattern.where.split(" ")[0] in extra_names
                )
        for path, data in raw[len(raw) - len(extra_files) :]:
            team_patterns.extend(cues[name].regex for name in data.get("cue", {}))
            for kind, keys in (("section", ("headings", "keywords")), ("date_order", ("before", "after"))):
                for index, row in enumerate(data.get(kind, []), start=1):
                    for key in keys:
                        values = row.get(key)
                        for value in values if isinstance(values, list) else [values]:
                            if isinstance(value, str) and not value.startswith("@"):
                                team_patterns.append(LazyRegex(value, f"{path.name} {kind} #{index} {key}"))
        for pattern in team_patterns:
            check_team_pattern(pattern)
        for cue in cues.values():
            cue.regex.validate()
    if check_patterns and checked is not None:
        write_marshal(checked, "ok", siblings="patterns-checked-*.marshal")
    return lexicon


def _patterns_checked_marker(fingerprint: str) -> Path | None:
    """Where a load records that the class and frame patterns of the files with this
    fingerprint compiled (with this Python's ``re``); None without a cache folder."""
    folder = cache_dir()
    version = f"{sys.version_info[0]}{sys.version_info[1]}"
    return folder / f"patterns-checked-{fingerprint}-py{version}.marshal" if folder else None


def _load_frame_set(
    class_files: Sequence[tuple[Path, dict[str, Any]]],
    frame_files: Sequence[tuple[Path, dict[str, Any]]],
    *,
    check_patterns: bool = True,
) -> FrameSet:
    """Classes of ``lexicons/classes`` and frames of ``lexicons/frames``; a class name is defined once."""
    classes: dict[str, Any] = {}
    frames: list[Frame] = []
    try:
        for path, data in class_files:
            for word_class in load_classes(data, path, check_patterns=check_patterns):
                if word_class.name in classes:
                    other = classes[word_class.name].file
                    raise FrameError(f"{path.name} class {word_class.name}: already defined in {other}")
                classes[word_class.name] = word_class
        for path, data in frame_files:
            frames.extend(load_frames(data, path, check_patterns=check_patterns))
    except FrameError as exc:
        raise LexiconError(str(exc)) from exc
    return FrameSet(classes=classes, frames=frames, files=[path.name for path, _kind in [*class_files, *frame_files]])
