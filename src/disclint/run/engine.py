"""The engine: parse → Document → analyse → Findings, for one file at a time.

It resolves the document type, runs the selected rules over the analysed
document, removes duplicates and locates every finding in the source.
Reading files happens here and in ``parse``; rules never touch the disk.

After the rules have run, the engine applies the team's workflow to the
findings, in this order: per-file ignores (the rules are not even run),
the allowed phrases of the team's lexicons, inline and sidecar suppressions
(reporting unused, expired and invalid ones as ST101–ST103), severity
overrides. Baselines are applied to a whole run (:mod:`disclint.run.baseline`),
batches run in :mod:`disclint.run.batch`, parsed .docx/.pdf come from
:mod:`disclint.run.cache`.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from disclint.analysis import Analysis
from disclint.lexicons import Lexicon, LexiconError
from disclint.model.document import BlockKind, Document
from disclint.model.findings import DocumentPart, FileResult, Finding, LocatedFinding, Severity
from disclint.model.results import FileOutcome
from disclint.parse import DEFAULT_LIMITS, InputError, Limits, parse_bytes, parse_path, read_input, without_surrogates
from disclint.parse.formats import reads_inline_comments
from disclint.rules import RuleSpec, all_rules
from disclint.run.guard import FileTimeout, guarded
from disclint.startup.config import Config, ConfigError, resolve_selection, resolve_severities
from disclint.startup.lexicon import default_lexicon, load_lexicons
from disclint.structure import doctypes
from disclint.structure.headings import Heading
from disclint.structure.packs import get_packs
from disclint.text.segment import Segmenter

if TYPE_CHECKING:
    from disclint.run.cache import DocumentCache

META_CODES = ("ST101", "ST102", "ST103")


@dataclass
class Linter:
    """Everything built once per run: lexicons, matchers, the rule selection."""

    config: Config
    lexicon: Lexicon
    rules: list[RuleSpec]
    codes: list[str] = field(default_factory=list)
    enabled: frozenset[str] = frozenset()
    severities: dict[str, Severity] = field(default_factory=dict)
    allowed_phrases: list[str] = field(default_factory=list)
    cache: DocumentCache | None = None
    today: _dt.date = field(default_factory=_dt.date.today)
    # Keep the text, pages and section checklist in each result (HTML report, Word comments).
    document_view: bool = False
    # Fingerprint every finding (FileOutcome.fingerprints): only for a run that reads or writes a baseline.
    fingerprints: bool = False
    # Token boundaries with the lexicons' terms as user words (None: built from the lexicon on first use).
    segmenter: Segmenter | None = None
    # What one input may cost (sizes, pages), the time budget per file in seconds
    # (None: none) and whether an unexpected error keeps its traceback (--debug).
    limits: Limits = DEFAULT_LIMITS
    timeout: float | None = None
    debug: bool = False

    @classmethod
    def create(cls, config: Config, lexicon: Lexicon | None = None) -> Linter:
        if lexicon is None:
            if config.lexicons:
                try:
                    lexicon = load_lexicons(extra_files=config.lexicons)
                except LexiconError as exc:
                    raise ConfigError(f"{config.where('lexicons')}: {exc}") from None
            else:
                lexicon = default_lexicon()
        specs = all_rules()
        codes = [spec.code for spec in specs]
        enabled = resolve_selection(config.select, config.ignore, codes)
        # A broken suppression (ST101–ST103) is reported whatever ``select`` narrows the run to
        # (as ruff keeps RUF100): only an explicit ``ignore`` turns one off.
        enabled |= resolve_selection(list(META_CODES), config.ignore, codes) if config.select else set()
        phrases: list[str] = []
        for table in lexicon.tables.get("allow", []):
            phrases.extend(str(phrase) for phrase in table.get("phrases", []))
        return cls(
            config=config,
            lexicon=lexicon,
            rules=[spec for spec in specs if spec.code in enabled],
            codes=codes,
            enabled=frozenset(enabled),
            severities=resolve_severities(config.severity, codes),
            allowed_phrases=phrases,
            segmenter=lexicon.segmenter(),
        )

    def checks_content(self) -> bool:
        """Some rule that reads the draft is on (not only ST101–ST103, which check suppressions)."""
        return any(spec.code not in META_CODES for spec in self.rules)

    def token_segmenter(self) -> Segmenter:
        if self.segmenter is None:
            self.segmenter = self.lexicon.segmenter()
        return self.segmenter

    def build_shared(self) -> None:
        """Build now what every file needs: jieba's dictionary, the word scanners, the cues and
        the section packs. ``--jobs`` calls it before forking its workers, which then share
        them instead of each building its own."""
        self.token_segmenter().load()
        lexicon = self.lexicon
        lexicon.trigger_index()
        if lexicon.frames.frames:
            _ = lexicon.frames.scanner, lexicon.frames.index
        for name in lexicon.cues:
            lexicon.cue(name)
        get_packs(lexicon)

    # ------------------------------------------------------------ entry points
    def lint_path(self, path: Path, display: str | None = None) -> FileResult:
        outcome = self.check_path(path, display)
        finish_run(self, [outcome])
        return outcome.result

    def lint_bytes(self, data: bytes, name: str) -> FileResult:
        outcome = self.check_bytes(data, name)
        finish_run(self, [outcome])
        return outcome.result

    def lint_document(self, document: Document) -> FileResult:
        outcome = self.check_document(document)
        finish_run(self, [outcome])
        return outcome.result

    # ------------------------------------------------------------ one file, before run-level steps
    def check_path(self, path: Path, display: str | None = None) -> FileOutcome:
        """Whatever goes wrong with this file — it cannot be read, the parser or
        a rule meets something unexpected, it takes longer than the time
        budget — is this file's error, never the run's.
        """
        shown = display or str(path)
        return self._guarded(shown, lambda: self._check_path(path, shown))

    def check_bytes(self, data: bytes, name: str) -> FileOutcome:
        return self._guarded(name, lambda: self._check_bytes(data, name))

    def _check_path(self, path: Path, shown: str) -> FileOutcome:
        try:
            document = self._parse_cached(path, shown)
        except InputError as exc:
            return self.failed(shown, str(exc))
        document.path = shown
        return self.check_document(document)

    def _check_bytes(self, data: bytes, name: str) -> FileOutcome:
        try:
            document = parse_bytes(data, name, limits=self.limits)
        except InputError as exc:
            return self.failed(name, str(exc))
        return self.check_document(document)

    def failed(self, shown: str, message: str, traceback: str | None = None) -> FileOutcome:
        """The outcome of a file that could not be checked: its one-line error, no findings."""
        message = " ".join(message.split()) or "cannot be checked"
        return FileOutcome(
            FileResult(path=shown, error=message), relative=self.config.relative_path(shown), traceback=traceback
        )

    def _guarded(self, shown: str, work: Callable[[], FileOutcome]) -> FileOutcome:
        try:
            return guarded(work, self.timeout)
        except FileTimeout:
            return self.failed(
                shown,
                f"not checked: it took longer than the time budget of {self.timeout:g} s (raise it with --timeout)",
            )
        except Exception as exc:  # the last resort: an unexpected error is this file's, not the run's
            import traceback

            hint = "" if self.debug else "; --debug shows the traceback"
            reason = " ".join(str(exc).split())[:160]
            return self.failed(
                shown,
                f"internal error while checking this file ({type(exc).__name__}{': ' + reason if reason else ''}){hint}",
                traceback.format_exc() if self.debug else None,
            )

    def _parse_cached(self, path: Path, shown: str) -> Document:
        cache = self.cache
        if cache is None or not cache.wants(str(path)):
            return parse_path(path, limits=self.limits)
        data = read_input(path, self.limits)
        key = cache.key(data, str(path))
        document = cache.load(key, shown)
        if document is None:
            document = parse_bytes(data, str(path), limits=self.limits)
            cache.store(key, document)
        return document

    def check_document(self, document: Document) -> FileOutcome:
        document = without_surrogates(document)
        relative = self.config.relative_path(document.path)
        given_type, given_source = self.config.doc_type_for(relative)
        forced = bool(given_type and given_type != "auto")
        from disclint.market import resolve_market

        analysis = Analysis(
            document=document,
            lexicon=self.lexicon,
            segmenter=self.token_segmenter(),
            doc_type=given_type if forced and given_type else "generic",
            doc_type_forced=forced,
            market=resolve_market(document.text, self.config.exchange, self.config.board, self.config.exchange_source),
        )
        parts = analysis.parts
        if parts:
            analysis.doc_type = parts[0].doc_type
        ignored = self.config.ignored_for(relative)
        enabled = self.enabled - ignored
        findings: list[Finding] = []
        for spec in self.rules:
            if spec.check is None or spec.code in ignored or not spec.applies_to(analysis.doc_type):
                continue
            findings.extend(spec.check(analysis, spec))
        result = FileResult(
            path=document.path,
            doc_type=analysis.doc_type,
            doc_type_source=given_source if forced else "auto",
            doc_type_reason=None if forced or not parts else parts[0].doc_type_reason,
        )
        if self.document_view:
            _attach_document_view(result, document, analysis)
        outcome = FileOutcome(result, relative=relative)
        places = Places(document, analysis.headings)
        kept = self.apply_workflow(document, outcome, deduplicate(findings), enabled)
        # A baseline counts every copy (a third copy of a sentence is new), so runs that
        # read or write one keep them all; other runs show a long filing's restated claim
        # once a chapter.
        if not self.fingerprints and doctypes.get(analysis.doc_type).collapse_repeats:
            kept = collapse_repeats(document, kept, places)
        result.findings = locate(document, kept, places=places)
        outcome.origin = document.locate(0)
        outcome.origin_line = document.line_text(0)
        if self.fingerprints:
            from disclint.run.baseline import fingerprints

            outcome.fingerprints = fingerprints(document, result.findings)
        if len(parts) > 1:
            result.parts = [
                DocumentPart(
                    title=part.title or "（标题缺失：文件从正文中间开始）",
                    doc_type=part.doc_type,
                    start=document.locate(document.blocks[part.start_block].start),
                    end=document.locate(document.blocks[part.end_block - 1].end),
                )
                for part in parts
            ]
        return outcome

    # ------------------------------------------------------------ workflow over findings
    def apply_workflow(
        self, document: Document, outcome: FileOutcome, findings: list[Finding], enabled: frozenset[str]
    ) -> list[Finding]:
        """Allowed phrases, suppressions and severity overrides, in document order."""
        if self.allowed_phrases and findings:
            findings = drop_allowed(document, findings, self.allowed_phrases)
        text = document.text
        if self.config.suppressions or (reads_inline_comments(document.source_format) and "disclint-" in text):
            from disclint.run.suppress import MetaFactory, apply_suppressions

            applied = apply_suppressions(
                document,
                outcome.relative,
                findings,
                codes=self.codes,
                enabled=enabled,
                sidecar=self.config.suppressions,
                today=self.today,
                meta=MetaFactory(enabled=enabled, cite=self.lexicon.cite),
            )
            findings = sorted(applied.kept + applied.meta, key=Finding.sort_key)
            outcome.sidecar_applicable = applied.sidecar_applicable
            outcome.sidecar_used = applied.sidecar_used
            outcome.sidecar_expired_matched = applied.sidecar_expired_matched
        return [self.regrade(finding) for finding in findings]

    def regrade(self, finding: Finding) -> Finding:
        severity = self.severities.get(finding.code)
        if severity is None or severity is finding.severity:
            return finding
        return dataclasses.replace(finding, severity=severity)


def drop_allowed(document: Document, findings: list[Finding], phrases: Sequence[str]) -> list[Finding]:
    """Findings that do not lie inside an occurrence of an allowed phrase.

    Phrases and text are compared on the matching copy (whitespace removed,
    full-width letters and digits folded), so a phrase broken across PDF
    lines is still found.
    """
    from disclint.text.normalize import normalize_span

    norm = normalize_span(document.text, 0, len(document.text))
    spans: list[tuple[int, int]] = []
    for phrase in phrases:
        wanted = normalize_span(phrase, 0, len(phrase)).text
        if not wanted:
            continue
        index = norm.text.find(wanted)
        while index >= 0:
            spans.append(norm.span_to_source(index, index + len(wanted)))
            index = norm.text.find(wanted, index + 1)
    if not spans:
        return findings
    return [
        finding
        for finding in findings
        if not any(start <= finding.start and finding.end <= end for start, end in spans)
    ]


def finish_run(linter: Linter, outcomes: Sequence[FileOutcome]) -> None:
    """Run-level steps after every file: sidecar suppressions that matched nowhere.

    A ``[[suppressions]]`` entry whose glob covers some file of the run but
    that suppressed nothing anywhere is reported once (ST101), at the start of
    the first such file; an expired entry that matched nothing, likewise (ST102).
    """
    sidecar = linter.config.suppressions
    if not sidecar:
        return
    from disclint.run.baseline import fingerprint_of
    from disclint.run.suppress import MetaFactory

    used = {number for outcome in outcomes for number in outcome.sidecar_used}
    expired_seen = {number for outcome in outcomes for number in outcome.sidecar_expired_matched}
    reported: set[int] = set()
    for outcome in outcomes:
        if outcome.result.error or outcome.origin is None:
            continue
        enabled = linter.enabled - linter.config.ignored_for(outcome.relative)
        factory = MetaFactory(enabled=enabled, cite=linter.lexicon.cite)
        added: list[tuple[LocatedFinding, str]] = []
        for number in outcome.sidecar_applicable:
            if number in reported or number in used or number in expired_seen:
                continue
            reported.add(number)
            entry = sidecar[number]
            where = linter.config.where(f"suppressions[{entry.index}]")
            if entry.expires is not None and entry.expires < linter.today:
                code = "ST102"
                message = f"配置中的抑制已于 {entry.expires.isoformat()} 过期，且没有匹配任何问题：{where}"
            else:
                code = "ST101"
                message = f"配置中的抑制没有匹配任何问题（代码 {entry.code}，摘录“{entry.excerpt}”）：{where}"
            made = factory.make(code, message, 0, 0)
            if made is None:
                continue
            made = linter.regrade(made)
            item = LocatedFinding(
                finding=made, excerpt="", start=outcome.origin, end=outcome.origin, source_line=outcome.origin_line
            )
            added.append((item, fingerprint_of(code, "", "", message) if linter.fingerprints else ""))
        if added:
            prints = outcome.fingerprints if linter.fingerprints else [""] * len(outcome.result.findings)
            merged = list(zip(outcome.result.findings, prints, strict=True)) + added
            merged.sort(key=lambda pair: pair[0].finding.sort_key())
            outcome.result.findings = [item for item, _ in merged]
            if linter.fingerprints:
                outcome.fingerprints = [print_ for _, print_ in merged]


def _attach_document_view(result: FileResult, document: Document, analysis: Analysis) -> None:
    """What reporters that show the document need: its text, format, pages and section checklist."""
    result.text = document.text
    result.source_format = document.source_format
    pages: list[int] = []
    last_page: int | None = None
    for line in document.lines:
        if line.page is not None and line.page != last_page:
            pages.append(line.offset)
            last_page = line.page
    result.page_starts = pages
    if document.source_format == "pdf":
        result.paragraphs = [(block.start, block.end, block.kind is BlockKind.HEADING) for block in document.blocks]
    result.checklist = [check for spec in all_rules() if spec.sections for check in spec.sections(analysis)]


def deduplicate(findings: Iterable[Finding]) -> list[Finding]:
    """One finding per code, span and section, in document order."""
    seen: set[tuple[str, int, int, str | None]] = set()
    unique: list[Finding] = []
    for finding in sorted(findings, key=Finding.sort_key):
        key = (finding.code, finding.start, finding.end, finding.section)
        if key in seen:
            continue
        seen.add(key)
        unique.append(finding)
    return unique


# Wording rules whose finding is the phrase itself: the same phrase again in the same
# chapter is the same claim restated (a prospectus repeats its ranking in every chapter
# that describes the business). One finding per chapter names the other places instead
# of a wall of identical findings; each chapter keeps its own, so none is missed.
_COLLAPSED_CATEGORIES = frozenset({"hype", "price_target", "hot_topic"})


def collapse_repeats(document: Document, findings: list[Finding], places: Places) -> list[Finding]:
    """The first finding of each (rule, phrase, chapter), its message naming the repeats."""
    first: dict[tuple[str, str, str], int] = {}
    repeats: dict[int, list[Finding]] = {}
    kept: list[Finding] = []
    for finding in findings:
        path = places.heading_path(finding.start)
        if finding.category.value not in _COLLAPSED_CATEGORIES or not path:
            kept.append(finding)  # a draft without chapters: every copy is the writer's to fix
            continue
        phrase = "".join(document.text[finding.start : finding.end].split())
        key = (finding.code, phrase, path[0])
        index = first.get(key)
        if index is None:
            first[key] = len(kept)
            kept.append(finding)
        else:
            repeats.setdefault(index, []).append(finding)
    for index, others in repeats.items():
        finding = kept[index]
        where = "、".join(_place(document, other.start) for other in others[:5]) + ("等" if len(others) > 5 else "")
        kept[index] = dataclasses.replace(
            finding, message=f"{finding.message}（本节另有{len(others)}处相同表述：{where}）"
        )
    return kept


def _place(document: Document, offset: int) -> str:
    position = document.locate(offset)
    return f"第{position.page}页" if position.page is not None else f"第{position.line}行"


class Places:
    """Where an offset stands in the document's structure: its heading path and table cell."""

    _MAX_TITLE = 30

    def __init__(self, document: Document, headings: Sequence[Heading]) -> None:
        self.document = document
        # (start offset, path) at each heading, in document order: the open headings after it.
        self._starts: list[int] = []
        self._paths: list[tuple[str, ...]] = []
        stack: list[tuple[int, str]] = []
        for heading in headings:
            if heading.run_in:
                continue
            while stack and stack[-1][0] >= heading.level:
                stack.pop()
            title = heading.text if len(heading.text) <= self._MAX_TITLE else heading.text[: self._MAX_TITLE - 1] + "…"
            stack.append((heading.level, title))
            self._starts.append(heading.start)
            self._paths.append(tuple(title for _level, title in stack))
        self._block_starts = [block.start for block in document.blocks]
        # (table, row) of every block; (0, 0) outside tables.
        self._rows: list[tuple[int, int]] = []
        table = row = 0
        for block in document.blocks:
            if block.kind is BlockKind.TABLE_ROW:
                if row == 0:
                    table += 1
                row += 1
                self._rows.append((table, row))
            else:
                row = 0
                self._rows.append((0, 0))

    def heading_path(self, offset: int) -> tuple[str, ...]:
        import bisect

        index = bisect.bisect_right(self._starts, offset) - 1
        return self._paths[index] if index >= 0 else ()

    def cell(self, offset: int) -> tuple[int, int, int] | None:
        """(table, row, column) of ``offset`` when it lies in a table row of a Word document."""
        import bisect

        if self.document.source_format != "docx":
            return None
        blocks = self.document.blocks
        index = bisect.bisect_right(self._block_starts, offset) - 1
        if index < 0 or blocks[index].kind is not BlockKind.TABLE_ROW or offset > blocks[index].end:
            return None
        table, row = self._rows[index]
        # Cells are separated by tabs; an empty first cell's tab lies before the trimmed block start.
        previous_end = blocks[index - 1].end if index > 0 else 0
        column = self.document.text.count("\t", previous_end, offset) + 1
        return table, row, column


def locate(document: Document, findings: Iterable[Finding], places: Places | None = None) -> list[LocatedFinding]:
    located = []
    # Findings on one line share its text: a long line (a file of one line) with many
    # findings is copied once, not once per finding.
    lines: dict[int, str] = {}
    for finding in findings:
        start = document.locate(finding.start)
        end = document.locate(finding.end)
        line_start = start.offset - start.column + 1
        source_line = lines.get(line_start)
        if source_line is None:
            source_line = lines[line_start] = document.line_text(finding.start)
        located.append(
            LocatedFinding(
                finding=finding,
                excerpt=document.text[finding.start : finding.end],
                start=start,
                end=end,
                source_line=source_line,
                heading_path=places.heading_path(finding.start) if places is not None else (),
                cell=places.cell(finding.start) if places is not None else None,
            )
        )
    return located
