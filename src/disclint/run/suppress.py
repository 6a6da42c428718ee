"""Suppressions: inline ``<!-- disclint-… -->`` comments and the config's sidecar list.

Applied by the engine to a file's findings after the rules have run; a rule
never sees a suppression.

Inline comments (``.txt`` and ``.md``; the parsers blank them out so their
words are not linted)::

    <!-- disclint-disable-next-line HY001 -- 理由 -->   the next line with text
    <!-- disclint-disable-line HY001 -->                 the line the comment is on
    <!-- disclint-disable HY001,PT -- 理由 -->           from here …
    <!-- disclint-enable HY001 -->                       … to here (bare enable: all)

Codes may be rule codes, prefixes or categories (as in ``--select``) or
``all``; a comment without codes is invalid (ST103), like a blanket noqa.
``expires=YYYY-MM-DD`` before the reason makes a suppression temporary; the
reason follows ``--`` (or ``——``). A finding is covered when its start lies
in the comment's line or range.

Sidecar entries (``[[suppressions]]`` in the config) cover findings in files
matching ``file`` whose code matches ``code`` and whose excerpt equals
``excerpt`` after whitespace and full-width folding (an ``excerpt`` ending in
``…`` is a prefix). They are meant for .docx and .pdf, where a comment cannot
live in the text, and work for every format.

Unused suppressions are reported as ST101, expired ones as ST102 (they no
longer suppress), unreadable comments as ST103. An inline comment is judged
per file; a sidecar entry is unused only when it matched nothing in any file
of the run that its glob covers (so linting one staged file in pre-commit does
not flag entries meant for other files).
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from disclint.model.document import Document
from disclint.model.findings import Category, Finding, Severity
from disclint.parse.formats import reads_inline_comments
from disclint.startup.config import ConfigError, SidecarSuppression, expand_selector
from disclint.text.comments import blank_spans, comment_spans

_DIRECTIVE = re.compile(r"\s*disclint-(?P<name>[A-Za-z][A-Za-z-]*)(?P<rest>.*)\Z", re.DOTALL | re.IGNORECASE)
_REASON_SPLIT = re.compile(r"\s*(?:--|——|—)\s*")
_TOKEN_SPLIT = re.compile(r"[\s,，、;；]+")
_EXPIRES = re.compile(r"(?i)expires\s*[=:：]\s*(\S*)")
KINDS = ("disable-next-line", "disable-line", "disable", "enable")


@dataclass
class Directive:
    """One ``<!-- disclint-… -->`` comment."""

    kind: str
    start: int
    end: int
    tokens: dict[str, frozenset[str]] = field(default_factory=dict)  # selector → codes
    reason: str | None = None
    expires: _dt.date | None = None
    problems: list[str] = field(default_factory=list)
    used: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Window:
    """The span of text a directive's selector covers: findings starting in [start, end)."""

    directive: int  # index into the directive list
    token: str
    codes: frozenset[str]
    start: int
    end: int


def parse_directives(text: str, codes: list[str]) -> list[Directive]:
    """Every disclint comment in ``text``, parsed; problems are collected, not raised."""
    directives: list[Directive] = []
    for start, end in comment_spans(text):
        parsed = _DIRECTIVE.match(text[start + 4 : end - 3])
        if parsed is None:
            continue
        name = parsed.group("name").lower()
        directive = Directive(kind=name, start=start, end=end)
        if name not in KINDS:
            directive.problems.append(f"未知指令 disclint-{name}（可用：{'、'.join(KINDS)}）")
            directives.append(directive)
            continue
        rest = parsed.group("rest")
        if rest and not rest[0].isspace():
            directive.problems.append(f"未知指令 disclint-{name}{rest.split()[0]}")
            directives.append(directive)
            continue
        parts = _REASON_SPLIT.split(rest.strip(), maxsplit=1)
        selectors = parts[0]
        if len(parts) > 1 and parts[1].strip():
            directive.reason = parts[1].strip()
        for expiry in _EXPIRES.finditer(selectors):
            try:
                directive.expires = _dt.date.fromisoformat(expiry.group(1))
            except ValueError:
                directive.problems.append(f"日期格式错误 {expiry.group(0)!r}（应为 expires=2025-12-31）")
        selectors = _EXPIRES.sub(" ", selectors)
        for token in _TOKEN_SPLIT.split(selectors.strip()):
            if not token:
                continue
            try:
                directive.tokens[_token_key(token)] = frozenset(expand_selector(token, codes))
            except ConfigError:
                directive.problems.append(f"未知规则代码、前缀或类别 {token!r}")
        if not directive.tokens and name != "enable" and not directive.problems:
            directive.problems.append("没有写明规则代码（不接受全局抑制；如确需全部抑制请写 all）")
        directives.append(directive)
    return directives


def _token_key(token: str) -> str:
    """Categories and ``all`` in lower case, codes and prefixes in upper case."""
    lowered = token.lower()
    if lowered == "all" or lowered in {category.value for category in Category}:
        return lowered
    return token.upper()


def _line_starts(document: Document) -> list[int]:
    return [entry.offset for entry in document.lines]


def _line_index(starts: list[int], offset: int) -> int:
    return max(0, bisect.bisect_right(starts, offset) - 1)


def windows_for(document: Document, directives: list[Directive]) -> list[Window]:
    """The text each directive covers, pairing ``disable`` with ``enable``."""
    text = document.text
    starts = _line_starts(document)
    bounds = [*starts[1:], len(text)]
    masked = blank_spans(text, comment_spans(text, disclint_only=True))
    windows: list[Window] = []
    open_ranges: dict[str, tuple[int, int]] = {}  # token → (directive index, start)
    for index, directive in enumerate(directives):
        if directive.problems and not directive.tokens:
            continue  # nothing usable in it: reported as ST103 only
        if directive.kind == "disable-line":
            line = _line_index(starts, directive.start)
            for token, codes in directive.tokens.items():
                windows.append(Window(index, token, codes, starts[line], bounds[line]))
        elif directive.kind == "disable-next-line":
            line = _line_index(starts, max(directive.end - 1, directive.start)) + 1
            while line < len(starts) and not masked[starts[line] : bounds[line]].strip():
                line += 1
            if line >= len(starts):
                continue  # nothing follows: every token stays unused
            for token, codes in directive.tokens.items():
                windows.append(Window(index, token, codes, starts[line], bounds[line]))
        elif directive.kind == "disable":
            for token in directive.tokens:
                open_ranges.setdefault(token, (index, directive.end))
        elif directive.kind == "enable":
            tokens = list(directive.tokens) or list(open_ranges)
            if not open_ranges and not directive.tokens:
                directive.problems.append("disclint-enable 之前没有对应的 disclint-disable")
            for token in tokens:
                opened = open_ranges.pop(token, None)
                if opened is None:
                    directive.problems.append(f"disclint-enable {token} 之前没有对应的 disclint-disable {token}")
                    continue
                opener, start = opened
                windows.append(Window(opener, token, directives[opener].tokens[token], start, directive.start))
    for token, (opener, start) in open_ranges.items():
        windows.append(Window(opener, token, directives[opener].tokens[token], start, len(text)))
    return windows


@dataclass
class SuppressionResult:
    """What suppression did to one file's findings."""

    kept: list[Finding]
    meta: list[Finding]
    sidecar_applicable: list[int]  # indexes into config.suppressions whose glob matched this file
    sidecar_used: list[int]  # … that suppressed at least one finding
    sidecar_expired_matched: list[int]  # expired entries that matched a finding here (ST102 emitted)


def normalized_excerpt(text: str) -> str:
    from disclint.text.normalize import normalize_span

    return normalize_span(text, 0, len(text)).text


def _sidecar_matches(entry: SidecarSuppression, finding: Finding, excerpt_norm: str) -> bool:
    if finding.code not in entry.codes:
        return False
    wanted = entry.excerpt.strip()
    if wanted.endswith(("…", "...")):
        prefix = normalized_excerpt(wanted.rstrip("….").rstrip())
        return bool(prefix) and excerpt_norm.startswith(prefix)
    return excerpt_norm == normalized_excerpt(wanted)


@dataclass
class MetaFactory:
    """Builds ST101–ST103 findings with the rule registry's severity, suggestion and reference."""

    enabled: frozenset[str]
    cite: Callable[[str], str] = str

    def make(self, code: str, message: str, start: int, end: int) -> Finding | None:
        if code not in self.enabled:
            return None
        from disclint.rules import get_rule

        spec = get_rule(code)
        return Finding(
            code=code,
            category=Category.STYLE,
            severity=spec.severity if spec else Severity.WARNING,
            message=message,
            start=start,
            end=end,
            suggestion=spec.suggestion if spec else None,
            reference=self.cite(spec.reference) if spec else None,
        )


def apply_suppressions(
    document: Document,
    relative_path: str,
    findings: Sequence[Finding],
    *,
    codes: list[str],
    enabled: frozenset[str],
    sidecar: Sequence[SidecarSuppression],
    today: _dt.date,
    meta: MetaFactory,
) -> SuppressionResult:
    """Drop suppressed findings; report unused, expired and invalid inline suppressions."""
    text = document.text
    directives: list[Directive] = []
    windows: list[Window] = []
    if reads_inline_comments(document.source_format) and "disclint-" in text:
        directives = parse_directives(text, codes)
        windows = windows_for(document, directives)
    applicable = [number for number, entry in enumerate(sidecar) if entry.file.matches(relative_path)]
    used_sidecar: set[int] = set()
    expired_hits: dict[int, Finding] = {}
    kept: list[Finding] = []
    for finding in findings:
        suppressed = False
        for window in windows:
            if finding.code in window.codes and window.start <= finding.start < window.end:
                directive = directives[window.directive]
                if directive.expires is not None and directive.expires < today:
                    continue
                directive.used.add(window.token)
                suppressed = True
        if applicable:
            excerpt_norm = normalized_excerpt(text[finding.start : finding.end])
            for number in applicable:
                entry = sidecar[number]
                if not _sidecar_matches(entry, finding, excerpt_norm):
                    continue
                if entry.expires is not None and entry.expires < today:
                    expired_hits.setdefault(number, finding)
                    continue
                used_sidecar.add(number)
                suppressed = True
        if not suppressed:
            kept.append(finding)

    reported: list[Finding] = []
    for directive in directives:
        comment = (directive.start, directive.end)
        if directive.problems:
            made = meta.make("ST103", f"无法识别的抑制注释：{'；'.join(directive.problems)}", *comment)
            if made:
                reported.append(made)
        if directive.kind == "enable" or not directive.tokens:
            continue
        if directive.expires is not None and directive.expires < today:
            made = meta.make(
                "ST102",
                f"抑制已于 {directive.expires.isoformat()} 过期，不再生效：{'、'.join(directive.tokens)}",
                *comment,
            )
            if made:
                reported.append(made)
            continue
        unused = [token for token in directive.tokens if token not in directive.used]
        if unused:
            details = []
            for token in unused:
                live = directive.tokens[token] & enabled
                details.append(token if live else f"{token}（规则未启用）")
            where = {
                "disable-next-line": "下一行",
                "disable-line": "本行",
                "disable": "抑制范围内",
            }[directive.kind]
            made = meta.make("ST101", f"未使用的抑制：{where}没有 {'、'.join(details)} 的问题", *comment)
            if made:
                reported.append(made)
    for number, finding in expired_hits.items():
        entry = sidecar[number]
        assert entry.expires is not None
        made = meta.make(
            "ST102",
            f"配置中的抑制 {entry.label()} 已于 {entry.expires.isoformat()} 过期，不再生效",
            finding.start,
            finding.end,
        )
        if made:
            reported.append(made)
    return SuppressionResult(
        kept=kept,
        meta=reported,
        sidecar_applicable=applicable,
        sidecar_used=sorted(used_sidecar),
        sidecar_expired_matched=sorted(expired_hits),
    )
