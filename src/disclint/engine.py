"""The engine: parse → Document → analyse → Findings, for one file at a time.

It resolves the document type, runs the selected rules over the analysed
document, removes duplicates and locates every finding in the source.
Reading files happens here and in ``parse``; rules never touch the disk.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from disclint.analysis import Analysis
from disclint.config import Config, resolve_selection
from disclint.document import Document
from disclint.findings import DocumentPart, FileResult, Finding, LocatedFinding
from disclint.lexicons import Lexicon, default_lexicon
from disclint.parse import InputError, parse_bytes, parse_path
from disclint.rules import RuleSpec, all_rules
from disclint.text.segment import register_user_words


@dataclass
class Linter:
    """Everything built once per run: lexicons, matchers, the rule selection."""

    config: Config
    lexicon: Lexicon
    rules: list[RuleSpec]

    @classmethod
    def create(cls, config: Config, lexicon: Lexicon | None = None) -> Linter:
        lexicon = lexicon or default_lexicon()
        specs = all_rules()
        enabled = resolve_selection(config.select, config.ignore, [spec.code for spec in specs])
        register_user_words(lexicon.all_literals())
        return cls(config=config, lexicon=lexicon, rules=[spec for spec in specs if spec.code in enabled])

    # ------------------------------------------------------------ entry points
    def lint_path(self, path: Path, display: str | None = None) -> FileResult:
        shown = display or str(path)
        try:
            document = parse_path(path)
        except InputError as exc:
            return FileResult(path=shown, error=str(exc))
        document.path = shown
        return self.lint_document(document)

    def lint_bytes(self, data: bytes, name: str) -> FileResult:
        try:
            document = parse_bytes(data, name)
        except InputError as exc:
            return FileResult(path=name, error=str(exc))
        return self.lint_document(document)

    def lint_document(self, document: Document) -> FileResult:
        forced = bool(self.config.doc_type and self.config.doc_type != "auto")
        analysis = Analysis(
            document=document,
            lexicon=self.lexicon,
            doc_type=self.config.doc_type if forced and self.config.doc_type else "generic",
            doc_type_forced=forced,
        )
        parts = analysis.parts
        if parts:
            analysis.doc_type = parts[0].doc_type
        findings: list[Finding] = []
        for spec in self.rules:
            if spec.check is None or not spec.applies_to(analysis.doc_type):
                continue
            findings.extend(spec.check(analysis, spec))
        result = FileResult(
            path=document.path,
            doc_type=analysis.doc_type,
            doc_type_source=self.config.doc_type_source if forced else "auto",
            doc_type_reason=None if forced or not parts else parts[0].doc_type_reason,
        )
        result.findings = locate(document, deduplicate(findings))
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
        return result


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


def locate(document: Document, findings: Iterable[Finding]) -> list[LocatedFinding]:
    located = []
    for finding in findings:
        start = document.locate(finding.start)
        end = document.locate(finding.end)
        located.append(
            LocatedFinding(
                finding=finding,
                excerpt=document.text[finding.start : finding.end],
                start=start,
                end=end,
                source_line=document.line_text(finding.start),
            )
        )
    return located
