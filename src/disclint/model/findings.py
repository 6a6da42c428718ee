"""Findings: what the rules report and every reporter formats."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from disclint.model.document import Position


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class Category(str, Enum):
    """The fixed vocabulary of CONTRACT.md."""

    PRICE_TARGET = "price_target"
    HYPE = "hype"
    HOT_TOPIC = "hot_topic"
    VAGUE_PLEDGE = "vague_pledge"
    FORWARD_LOOKING = "forward_looking"
    MISSING_SECTION = "missing_section"
    CONSISTENCY = "consistency"
    STYLE = "style"


@dataclass(frozen=True)
class Finding:
    """One problem at one place. ``start``/``end`` index ``Document.text``."""

    code: str
    category: Category
    severity: Severity
    message: str
    start: int
    end: int
    suggestion: str | None = None
    reference: str | None = None
    section: str | None = None

    def sort_key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.code)


@dataclass(frozen=True)
class LocatedFinding:
    """A finding with its excerpt and source positions, ready for reporting."""

    finding: Finding
    excerpt: str
    start: Position
    end: Position
    source_line: str
    # The headings the finding stands under, outermost first ("一、提升经营质量", "（二）存货管理").
    heading_path: tuple[str, ...] = ()
    # In a table: (table number, row, column), each counted from 1 in reading order.
    cell: tuple[int, int, int] | None = None

    @property
    def section_path(self) -> str | None:
        """The heading path as one string (JSON ``section`` for findings other than missing sections)."""
        return " > ".join(self.heading_path) if self.heading_path else None


@dataclass(frozen=True)
class DocumentPart:
    """One document inside a bundle file (see CONTRACT.md ``parts``)."""

    title: str
    doc_type: str
    start: Position
    end: Position


@dataclass(frozen=True)
class SectionCheck:
    """One required section of a document's pack: present or missing (for checklists)."""

    doc_type: str
    section: str
    name: str
    present: bool
    required: bool
    severity: Severity


@dataclass
class FileResult:
    """Everything reported for one input file.

    ``text`` is the extracted text that offsets index and ``source_format``
    the parser that produced it; reporters that show the document (HTML,
    Word comments) read them. ``checklist`` lists each required section of
    the file's pack(s), present or not.
    """

    path: str
    doc_type: str | None = None
    doc_type_source: str = "auto"
    doc_type_reason: str | None = None
    error: str | None = None
    findings: list[LocatedFinding] = field(default_factory=list)
    parts: list[DocumentPart] = field(default_factory=list)
    text: str = ""
    source_format: str = ""
    checklist: list[SectionCheck] = field(default_factory=list)
    page_starts: list[int] = field(default_factory=list)  # offset where each PDF page begins
    # (start, end, is a heading) of each paragraph as the parser reflowed it (a PDF's printed lines joined)
    paragraphs: list[tuple[int, int, bool]] = field(default_factory=list)
    baselined: int = 0  # findings recorded in the baseline and therefore not reported

    def count(self, severity: Severity) -> int:
        return sum(1 for item in self.findings if item.finding.severity is severity)
