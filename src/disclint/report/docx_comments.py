"""Write a reviewed Word file: one review comment per finding, on its exact span.

``annotate(result, output, source=...)`` takes the :class:`FileResult` of one
linted file and writes a ``.docx`` with a Word review comment (author
``disclint``) anchored on each finding's excerpt, and — when there are
``missing_section`` findings — one more comment at the start of the document
listing them. So the output holds ``len(result.findings)`` comments, plus one
when at least one section is missing.

* ``.docx`` input: a copy of the original. The body is walked with the
  parser's own reader (:mod:`disclint.parse.docx`), so paragraph numbers and
  offsets are exactly those of the findings; runs are split where a finding
  starts or ends inside them (each piece keeps the run's formatting) and the
  comment range is put around the runs of the span, across run and paragraph
  boundaries. Nothing else in the package changes: styles, numbering, tables,
  headers, existing comments and tracked changes survive. The input file is
  only read.
* ``.txt``/``.md``/``.pdf`` input (or no source at all): a new ``.docx`` of the
  extracted text, one Word paragraph per paragraph of the text (line breaks
  inside a paragraph, such as the printed lines of a PDF, become soft line
  breaks; blank lines are left to the paragraph spacing), headings in heading
  styles, and the same comments. Each character of the text is placed in a
  known element as the file is built, so offsets carry over exactly.

A span that begins or ends on text the .docx does not store as characters (a
list number Word generates, such as ``一、``) is anchored on the stored text
inside it; :attr:`AnnotateSummary.inexact` counts those.

python-docx is imported only when this module's functions run.
"""

from __future__ import annotations

import bisect
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from disclint.i18n import _, ngettext
from disclint.messages import error_text, os_reason
from disclint.model.findings import Category, FileResult, Finding, LocatedFinding
from disclint.parse import docx as docx_parser
from disclint.report.location import location_text

AUTHOR = "disclint"
INITIALS = "DL"


def _headline(finding: Finding) -> str:
    """HY001（警告）绝对化、无依据的夸大表述：“遥遥领先” (code, severity in the user's language, message)."""
    from disclint.report.text import severity_label

    return _("{code} ({severity}) {message}").format(
        code=finding.code, severity=severity_label(finding.severity), message=finding.message
    )


# Characters XML 1.0 cannot hold; replaced by a space (same length, offsets kept).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class AnnotateError(Exception):
    """A reviewed file cannot be written; the message is one line for the user."""


@dataclass(frozen=True)
class AnnotateSummary:
    """What :func:`annotate` wrote."""

    output: Path
    comments: int  # comments written in total
    findings: int  # comments anchored on a finding (one per finding)
    missing_sections: int  # missing_section findings listed in the comment at the start (0: no such comment)
    inexact: int  # findings whose anchor could not cover the excerpt character for character


def default_output(source: Path, folder: str = "审阅") -> Path:
    """``drafts/draft.docx`` → ``drafts/审阅/draft.reviewed.docx``; ``plan.pdf`` → ``审阅/plan.reviewed.docx``.

    ``folder``: a folder name (made inside the draft's own folder) or a path
    (the config's ``review-folder``). ``disclint check`` walks past both the
    folder and ``*.reviewed.docx``, so a reviewed copy is never linted again.
    """
    target = Path(folder)
    base = target if target.is_absolute() or len(target.parts) > 1 else source.parent / target
    return base / f"{source.stem}.reviewed.docx"


def comment_text(item: LocatedFinding, *, location: bool = False) -> str:
    """The comment for one finding: code, severity and message; suggestion; clause.

    ``location`` adds where the finding is in the source (for a .docx made
    from a PDF or text file, whose layout differs from the original).
    """
    finding = item.finding
    lines = [_headline(finding)]
    if finding.suggestion:
        lines.append(_("suggestion: ") + finding.suggestion)
    if finding.reference:
        lines.append(_("basis: ") + finding.reference)
    if location:
        lines.append(_("where in the original: ") + location_text(item))
    return "\n".join(lines)


def missing_sections_text(items: Sequence[LocatedFinding]) -> str:
    """The comment at the start of the document that lists the missing sections."""
    heading = ngettext(
        "disclint: this draft lacks {count} section it should have",
        "disclint: this draft lacks {count} sections it should have",
        len(items),
    )
    lines = [heading.format(count=len(items))]
    for index, item in enumerate(items, 1):
        finding = item.finding
        lines.append(f"{index}. {_headline(finding)}")
        if finding.suggestion:
            lines.append("   " + _("suggestion: ") + finding.suggestion)
    return "\n".join(lines)


def annotate(result: FileResult, output: Path, *, source: Path | None = None) -> AnnotateSummary:
    """Write ``output``: the reviewed .docx for ``result``.

    ``source`` is the file that was linted. When it is a ``.docx`` the output
    is a commented copy of it; otherwise (``.txt``, ``.md``, ``.pdf``, or no
    source, e.g. stdin) the output is a new .docx of ``result.text``. Raises
    :class:`AnnotateError` when the result is an error, the output would
    overwrite the source, or the source no longer matches the result.
    """
    if result.error:
        raise AnnotateError(
            _("{path}: cannot annotate a file that could not be read ({error})").format(
                path=result.path, error=error_text(result.error)
            )
        )
    if source is not None and _same_file(source, output):
        raise AnnotateError(
            _("{output}: refusing to overwrite the input file; choose another output").format(output=output)
        )
    try:
        import docx  # noqa: F401  (fail early with a clear message)
    except ImportError as exc:  # pragma: no cover - python-docx is a dependency
        raise AnnotateError(_("python-docx is not installed: pip install python-docx")) from exc
    is_docx = source is not None and source.suffix.lower() == ".docx" and result.source_format in ("docx", "")
    if is_docx:
        assert source is not None
        word, trace = _open_docx(result, source)
        location = False
    else:
        word, trace = _new_docx(result, source)
        location = True
    counts = _add_comments(word, trace, result, location=location)
    from disclint.run.outputs import OutputError, atomic_write, check_target

    try:
        real = check_target(output, [source] if source is not None else [], what="the reviewed copy")
        atomic_write(real, word.save, what="the reviewed copy", make_parents=True, shown=output)
    except OutputError as exc:
        raise AnnotateError(str(exc)) from None
    return AnnotateSummary(output=output, **counts)


def _same_file(source: Path, output: Path) -> bool:
    try:
        return source.resolve() == output.resolve() or (output.exists() and source.samefile(output))
    except OSError:
        return False


# --------------------------------------------------------------------------- the text map


@dataclass
class Piece:
    """Characters of the extracted text and the XML node that holds them.

    ``node`` is a ``w:t`` (any length) or a one-character run child (``w:tab``,
    ``w:br``, ``w:sym`` …); ``None`` for text the package does not store as
    characters (a generated list number, the separators between paragraphs
    and table cells). ``paragraph`` counts emitted paragraphs (0-based).
    """

    offset: int
    text: str
    node: Any
    paragraph: int = 0

    @property
    def end(self) -> int:
        return self.offset + len(self.text)


@dataclass
class TextMap:
    """The extracted text and, in order, the pieces that make it up."""

    text: str
    pieces: list[Piece]
    _starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self.reindex()

    def reindex(self) -> None:
        self.pieces.sort(key=lambda piece: piece.offset)
        self._starts = [piece.offset for piece in self.pieces]

    def at(self, offset: int) -> int | None:
        """Index of the stored piece that holds the character at ``offset``."""
        index = bisect.bisect_right(self._starts, offset) - 1
        if index >= 0 and self.pieces[index].offset <= offset < self.pieces[index].end:
            return index
        return None

    def between(self, start: int, end: int) -> list[Piece]:
        """Pieces overlapping ``[start, end)``, in order."""
        index = max(0, bisect.bisect_right(self._starts, start) - 1)
        found = []
        while index < len(self.pieces) and self.pieces[index].offset < end:
            piece = self.pieces[index]
            if piece.end > start:
                found.append(piece)
            index += 1
        return found

    def stored_between(self, start: int, end: int) -> list[Piece]:
        """Pieces held as characters in the package overlapping ``[start, end)``."""
        return [piece for piece in self.between(start, end) if piece.node is not None]

    def unstored_between(self, start: int, end: int) -> list[Piece]:
        """Generated text (list numbers) overlapping ``[start, end)``."""
        return [piece for piece in self.between(start, end) if piece.node is None]


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _w(name: str) -> str:
    return _W + name


def _trace_paragraph(element: Any) -> list[Piece]:
    """The paragraph's text as pieces (offsets from the paragraph start), from the parser's own walk."""
    pieces = []
    offset = 0
    for text, node in docx_parser.walk_text(element):
        pieces.append(Piece(offset, text, node))
        offset += len(text)
    return pieces


def _shift(pieces: Sequence[Piece], by: int) -> list[Piece]:
    return [Piece(piece.offset + by, piece.text, piece.node) for piece in pieces]


def _unstored(offset: int, text: str) -> list[Piece]:
    """Text the package does not hold as characters (a generated list number)."""
    return [Piece(offset, text, None)] if text else []


@dataclass
class _TracedParagraph(docx_parser.Paragraph):
    pieces: list[Piece] = field(default_factory=list)


class _TracingReader(docx_parser.Reader):
    """The parser's reader, also recording which node each character comes from.

    The walk (order, table cells, merged cells, tracked changes, numbering,
    deleted paragraph marks) is the parser's; this subclass only follows it.
    """

    def __init__(self, styles: Any, numbering: Any) -> None:
        super().__init__(styles=styles, numbering=numbering)
        self.placed: list[Piece] = []
        self.carry_pieces: list[Piece] = []
        self.emitted = 0

    def paragraph(self, element: Any) -> docx_parser.Paragraph | None:
        carry_before = self.carry
        carry_pieces = self.carry_pieces
        result = super().paragraph(element)
        own = _trace_paragraph(element)
        collected = "".join(piece.text for piece in own)
        if result is None:
            if self.carry != carry_before:  # the mark was deleted: the text runs on
                label = self.carry[len(carry_before) : len(self.carry) - len(collected)]
                self.carry_pieces = [
                    *carry_pieces,
                    *_unstored(len(carry_before), label),
                    *_shift(own, len(carry_before) + len(label)),
                ]
            return None
        self.carry_pieces = []
        rest = result.text[len(carry_before) :]
        pieces = list(carry_pieces)
        if rest.endswith(collected):
            label = rest[: len(rest) - len(collected)]
            pieces.extend(_unstored(len(carry_before), label))
            pieces.extend(_shift(own, len(carry_before) + len(label)))
        else:  # pragma: no cover - guard: text the trace cannot explain
            pieces.extend(_unstored(len(carry_before), rest))
        return _TracedParagraph(text=result.text, level=result.level, pieces=pieces)

    def cell_paragraphs(self, container: Any) -> list[docx_parser.Paragraph]:
        paragraphs = super().cell_paragraphs(container)
        if paragraphs and not isinstance(paragraphs[-1], _TracedParagraph) and self.carry_pieces:
            last = paragraphs[-1]
            paragraphs[-1] = _TracedParagraph(text=last.text, level=last.level, pieces=self.carry_pieces)
            self.carry_pieces = []
        return paragraphs

    def _pieces_of(self, paragraph: docx_parser.Paragraph) -> list[Piece]:
        if isinstance(paragraph, _TracedParagraph):
            return paragraph.pieces
        # The text of paragraphs whose marks were deleted, at the end of the body.
        pieces, self.carry_pieces = self.carry_pieces, []
        if "".join(piece.text for piece in pieces) == paragraph.text:
            return pieces
        return _unstored(0, paragraph.text)  # pragma: no cover - guard

    def _place(self, start: int, pieces: Sequence[Piece]) -> None:
        for piece in pieces:
            self.placed.append(Piece(start + piece.offset, piece.text, piece.node, self.emitted))
        self.emitted += 1

    def emit_paragraph(self, paragraph: docx_parser.Paragraph) -> None:
        start = self.offset
        pieces = self._pieces_of(paragraph)
        super().emit_paragraph(paragraph)
        self._place(start, pieces)

    def emit_row(self, cells: list[list[docx_parser.Paragraph]]) -> None:
        position = self.offset
        super().emit_row(cells)
        for index, paragraphs in enumerate(cells):
            for number, paragraph in enumerate(paragraphs):
                self._place(position, self._pieces_of(paragraph))
                position += len(paragraph.text)
                if number + 1 < len(paragraphs):
                    position += 1  # "\n" between the paragraphs of one cell
            if index + 1 < len(cells):
                position += 1  # "\t" between cells

    def text_map(self) -> TextMap:
        """The map, after :meth:`finish`. A piece whose text does not sit at
        its offset (which would be a bug) is kept as unstored, never misplaced."""
        pieces = []
        for piece in self.placed:
            written = self.text[piece.offset : piece.end]
            if written == piece.text or written == piece.text.replace("\t", " "):
                pieces.append(piece)
            elif written:  # pragma: no cover - guard
                pieces.append(Piece(piece.offset, written, None, piece.paragraph))
        return TextMap(text=self.text, pieces=pieces)


def read_text_map(word: Any) -> TextMap:
    """Walk a python-docx ``Document`` the way the parser does; return its text map."""
    reader = docx_parser.reader_for(word, _TracingReader)
    assert isinstance(reader, _TracingReader)
    reader.read_container(word.part.element.body)
    reader.finish()
    return reader.text_map()


# --------------------------------------------------------------------------- inputs


def _open_docx(result: FileResult, source: Path) -> tuple[Any, TextMap]:
    import docx

    try:
        data = source.read_bytes()
    except OSError as exc:
        raise AnnotateError(_("{source}: cannot read ({reason})").format(source=source, reason=os_reason(exc))) from exc
    try:
        word = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx, zipfile and lxml raise many kinds
        raise AnnotateError(
            _("{source}: corrupt or unreadable .docx file ({reason})").format(
                source=source, reason=error_text(docx_parser.error_reason(exc))
            )
        ) from exc
    trace = read_text_map(word)
    if result.text and result.text != trace.text:
        raise AnnotateError(_("{source}: the file changed since it was linted; lint it again").format(source=source))
    for item in result.findings:
        if trace.text[item.finding.start : item.finding.end] != item.excerpt:
            raise AnnotateError(
                _("{source}: the file changed since it was linted; lint it again").format(source=source)
            )
    return word, trace


def _safe(text: str) -> str:
    return _XML_ILLEGAL.sub(" ", text)


_BREAK = re.compile(r"\r\n|\r|\n")
_CHUNK = re.compile(r"\r\n|\r|\n|\t|[^\r\n\t]+")


@dataclass(frozen=True)
class _PlannedParagraph:
    start: int
    end: int
    level: int | None  # heading level (0 = title), None for body text


def _blocks_of(source: Path | None, text: str) -> list[tuple[int, int, int | None]]:
    """The source's blocks ``(start, end, heading level or None)``, re-read with the
    same parser; empty when there is no source or its text is not ``text``."""
    if source is None:
        return []
    from disclint.model.document import BlockKind
    from disclint.parse import InputError, parse_path

    try:
        document = parse_path(source)
    except InputError:
        return []
    if document.text != text:
        return []
    return [
        (block.start, block.end, block.level if block.kind is BlockKind.HEADING else None) for block in document.blocks
    ]


def _paragraph_plan(text: str, blocks: Sequence[tuple[int, int, int | None]]) -> list[_PlannedParagraph]:
    """Paragraphs of the new document: a line break inside a block is soft (it
    stays a line break inside the paragraph), any other ends a paragraph."""
    starts = sorted((start, end, level) for start, end, level in blocks)
    block_starts = [start for start, _end, _level in starts]

    def block_at(offset: int) -> tuple[int, int, int | None] | None:
        index = bisect.bisect_right(block_starts, offset) - 1
        if index >= 0 and starts[index][0] <= offset < starts[index][1]:
            return starts[index]
        return None

    plan: list[_PlannedParagraph] = []
    start = 0
    for match in _BREAK.finditer(text):
        if block_at(match.start()) is not None:
            continue
        plan.append(_PlannedParagraph(start, match.start(), None))
        start = match.end()
    plan.append(_PlannedParagraph(start, len(text), None))
    headed = []
    for paragraph in plan:
        index = bisect.bisect_left(block_starts, paragraph.start)
        level = None
        if index < len(starts) and starts[index][0] < max(paragraph.end, paragraph.start + 1):
            level = starts[index][2]
        headed.append(_PlannedParagraph(paragraph.start, paragraph.end, level))
    return headed


def _new_docx(result: FileResult, source: Path | None) -> tuple[Any, TextMap]:
    """A new document holding ``result.text``; pieces are recorded as it is built."""
    import docx
    from docx.oxml.ns import qn
    from docx.shared import Pt

    if not result.text:
        raise AnnotateError(_("{path}: the lint result carries no document text to annotate").format(path=result.path))
    text = result.text
    word = docx.Document()
    normal = word.styles["Normal"]
    normal.font.size = Pt(11)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")
    word.core_properties.title = Path(result.path).name
    word.core_properties.author = AUTHOR
    header = word.sections[0].header.paragraphs[0]
    made = _("disclint review copy · made from the text read from {path} (the layout differs from the original)")
    header.text = _safe(made.format(path=result.path))
    pieces: list[Piece] = []
    number = 0
    # A PDF's printed line ends are not the author's: its paragraphs are reflowed (a line break
    # between two Chinese characters vanishes, one between Latin words becomes a space).
    reflow = result.source_format == "pdf"
    for planned in _paragraph_plan(text, _blocks_of(source, text)):
        if not text[planned.start : planned.end].strip():
            continue  # blank lines: the paragraph spacing shows them
        number += 1
        if planned.level is None:
            paragraph = word.add_paragraph()
        else:
            style = "Title" if planned.level == 0 else f"Heading {min(planned.level, 9)}"
            paragraph = word.add_paragraph(style=style)
        run = paragraph.add_run()._r
        for match in _CHUNK.finditer(text, planned.start, planned.end):
            chunk = match.group(0)
            if chunk == "\t":
                node = run.add_tab()
            elif chunk in ("\r\n", "\r", "\n"):
                if reflow:
                    before, after = text[match.start() - 1 : match.start()], text[match.end() : match.end() + 1]
                    node = run.add_t(" " if before.isascii() and after.isascii() and before.strip() else "")
                else:
                    node = run.add_br()
            else:
                node = run.add_t(_safe(chunk))
            pieces.append(Piece(match.start(), chunk, node, number))
    return word, TextMap(text=text, pieces=pieces)


# --------------------------------------------------------------------------- splitting and anchoring


def _is_content(node: Any) -> bool:
    return isinstance(node.tag, str) and node.tag != _w("rPr")


def _split_run_before(node: Any) -> None:
    """Move ``node`` and what follows it in its run into a new run right after it.

    The new run gets a copy of the run's properties (its formatting). Nothing
    happens when ``node`` is already the run's first content.
    """
    import copy

    from docx.oxml import OxmlElement

    run = node.getparent()
    if run is None or run.tag != _w("r"):
        return
    before = []
    for child in run.iterchildren():
        if child is node:
            break
        if _is_content(child):
            before.append(child)
    if not before:
        return
    new_run = OxmlElement("w:r")
    for name, value in run.attrib.items():
        new_run.set(name, value)
    rpr = run.find(_w("rPr"))
    if rpr is not None:
        new_run.append(copy.deepcopy(rpr))
    moving = []
    seen = False
    for child in run.iterchildren():
        if child is node:
            seen = True
        if seen:
            moving.append(child)
    for child in moving:
        new_run.append(child)  # lxml moves the element
    run.addnext(new_run)


def _set_text(node: Any, text: str) -> None:
    node.text = text
    space = "{http://www.w3.org/XML/1998/namespace}space"
    if text != text.strip():
        node.set(space, "preserve")


def _make_boundary(trace: TextMap, offset: int) -> None:
    """Make ``offset`` the start of a run: cut the ``w:t`` and the run there."""
    from docx.oxml import OxmlElement

    index = trace.at(offset)
    if index is None:
        return
    piece = trace.pieces[index]
    if piece.node is None:
        return
    node = piece.node
    cut = offset - piece.offset
    if cut > 0:
        if node.tag != _w("t"):  # pragma: no cover - one-character nodes cannot be cut inside
            return
        stored = node.text or ""
        new_t = OxmlElement("w:t")
        _set_text(node, stored[:cut])
        _set_text(new_t, stored[cut:])
        node.addnext(new_t)
        trace.pieces[index] = Piece(piece.offset, piece.text[:cut], node, piece.paragraph)
        trace.pieces.insert(index + 1, Piece(offset, piece.text[cut:], new_t, piece.paragraph))
        trace._starts.insert(index + 1, offset)
        node = new_t
    _split_run_before(node)


def _run_of(piece: Piece) -> Any:
    node = piece.node
    while node is not None and node.tag != _w("r"):
        node = node.getparent()
    return node


def _anchor(trace: TextMap, start: int, end: int) -> tuple[Any, Any, bool] | None:
    """First and last ``w:r`` of the span, and whether they cover it exactly.

    Exact means every character of the excerpt is stored text inside the
    range, or a break between paragraphs or table cells.
    """
    stored = trace.stored_between(start, end)
    exact = bool(stored) and not trace.unstored_between(start, end)
    if not stored:
        # Nothing stored in the span (a generated list number, an empty span):
        # take the nearest stored text after it, else before it.
        after = [piece for piece in trace.pieces if piece.node is not None and piece.offset >= start][:1]
        before = [piece for piece in trace.pieces if piece.node is not None and piece.offset < start][-1:]
        stored = after or before
        if not stored:
            return None
    first, last = _run_of(stored[0]), _run_of(stored[-1])
    if first is None or last is None:  # pragma: no cover - w:t outside a run
        return None
    return first, last, exact


_MAX_COMMENT_ID = 2**31 - 1  # w:id is a signed 32-bit number in Word
_COMMENT_ID = re.compile(r"-?[0-9]+")


class _CommentWriter:
    """Adds review comments as ``Document.add_comment`` does, counting the ids itself.

    python-docx finds each new comment's id by reading every id already there, so adding n
    comments took time in n² (4,000 findings: minutes), and an existing comment whose id is
    not a number (``w:id="x"``) ended ``annotate`` in a ValueError. The ids here follow its
    rule — one above the largest, or the first unused from 0 once that passes 2³¹−1 — with
    the ids already in the file read once, those that are not numbers left out.
    """

    def __init__(self, word: Any) -> None:
        import datetime

        from docx.opc.constants import RELATIONSHIP_TYPE

        word.comments  # noqa: B018 - makes the comments part when the document has none
        self.word = word
        self.part = word.part.part_related_by(RELATIONSHIP_TYPE.COMMENTS)
        self.element = self.part.element
        used = {
            int(value) for value in self.element.xpath("./w:comment/@w:id") if _COMMENT_ID.fullmatch(str(value).strip())
        }
        self.ids = self._free(used)
        self.date = datetime.datetime.now(datetime.timezone.utc)

    @staticmethod
    def _free(used: set[int]) -> Any:
        top = max(used, default=-1) + 1
        while top <= _MAX_COMMENT_ID:
            yield top
            top += 1
        candidate = 0
        while True:
            if candidate not in used:
                yield candidate
            candidate += 1

    def add(self, first: Any, last: Any, text: str) -> None:
        from docx.comments import Comment
        from docx.oxml.ns import nsdecls
        from docx.oxml.parser import parse_xml
        from docx.text.run import Run

        comment_id = next(self.ids)
        element = parse_xml(
            f'<w:comment {nsdecls("w")} w:id="{comment_id}" w:author="">'
            '<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>'
            '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r></w:p>'
            "</w:comment>"
        )
        self.element.append(element)
        element.author = AUTHOR
        element.initials = INITIALS
        element.date = self.date
        comment = Comment(element, self.part)
        head, *rest = text.split("\n")
        comment.paragraphs[0].add_run(head)
        for line in rest:
            comment.add_paragraph(text=line)
        Run(first, self.word).mark_comment_range(Run(last, self.word), comment_id)


def _add_comments(word: Any, trace: TextMap, result: FileResult, *, location: bool) -> dict[str, int]:
    items = list(result.findings)
    for item in items:
        _make_boundary(trace, item.finding.start)
        _make_boundary(trace, item.finding.end)
    missing = [item for item in items if item.finding.category is Category.MISSING_SECTION]
    comments = 0
    writer = _CommentWriter(word)
    if missing:
        first, last = _first_paragraph_anchor(trace)
        writer.add(first, last, _safe(missing_sections_text(missing)))
        comments += 1
    inexact = 0
    for item in items:
        found = _anchor(trace, item.finding.start, item.finding.end)
        if found is None:  # pragma: no cover - a document with no stored text cannot be linted
            inexact += 1
            continue
        first, last, exact = found
        writer.add(first, last, _safe(comment_text(item, location=location)))
        comments += 1
        inexact += 0 if exact else 1
    return {"comments": comments, "findings": len(items), "missing_sections": len(missing), "inexact": inexact}


def _first_paragraph_anchor(trace: TextMap) -> tuple[Any, Any]:
    """The runs of the first paragraph that holds text (usually the title)."""
    stored = [piece for piece in trace.pieces if piece.node is not None]
    if not stored:  # pragma: no cover - a document with no text cannot be linted
        raise AnnotateError(_("the document has no text to anchor a comment on"))
    paragraph = stored[0].paragraph
    own = [piece for piece in stored if piece.paragraph == paragraph]
    return _run_of(own[0]), _run_of(own[-1])
