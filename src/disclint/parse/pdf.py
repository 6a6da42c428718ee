"""Parser for ``.pdf``: text lines with their page and line number.

The work is split in two:

* a *backend* reads every character of every page with its box, font size and
  weight, in the page's reading frame (y grows downwards). The backend is
  pypdfium2 (PDFium), chosen by measurement: see ``benchmarks/pdf_backends.md``.
  It is imported only when a PDF is linted.
* the *layout* (pure Python, backend-free) turns characters into lines:
  characters on one baseline form a row, wide gaps split a row into segments
  (table cells, columns), a vertical gutter that no row crosses makes a
  two-column region that is read column by column, and rows of a ruled or
  ragged table stay rows. Running headers, footers and page numbers are found
  by what repeats across pages at the same height, with digits masked, and
  are left out of the text. Lines are then grouped into paragraphs from the
  geometry: a line that reaches the right margin and does not close its
  sentence continues on the next line, even across a page break.

``Document.text`` keeps one ``\\n`` between lines, so that every line has its
own :class:`SourceLine` (page, line number on the page) and columns stay
exact; a paragraph block spans several lines and the matching copy ignores
the line breaks, so "遥遥\\n领先" is still found as 遥遥领先.

Line numbers count every text line of the page from the top in reading
order (left column before right column), running header and footer lines
included, because that is what a reader counts on the printed page.
"""

from __future__ import annotations

import itertools
import re
import statistics
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from disclint.model.document import Block, BlockKind, Document, SourceLine
from disclint.parse.errors import InputError
from disclint.parse.limits import Limits
from disclint.text.numbering import item_marker

# --------------------------------------------------------------------------- model


@dataclass(frozen=True)
class TextRun:
    """A run of characters on one baseline, in the page's reading frame
    (points, origin top-left). A backend may give one run per character or
    longer runs; ``x0``/``x1`` are the first and last visible character's
    edges. ``trail`` is the whitespace typed after the run in the PDF."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool = False
    trail: str = ""


@dataclass
class PdfPage:
    number: int  # 1-based
    width: float
    height: float
    runs: list[TextRun]
    unknown: int = 0  # characters the PDF cannot map to Unicode
    # Ruling lines, read from the PDF only when the layout needs them: to
    # tell a ruled table from two text columns, and table cells whose text
    # nearly touches across a cell border.
    load_rules: Callable[[], Rules] | None = None
    _rules: Rules | None = field(default=None, repr=False)

    def rules(self) -> Rules:
        if self._rules is None:
            self._rules = self.load_rules() if self.load_rules is not None else Rules()
        return self._rules


@dataclass
class Rules:
    """Ruling lines in the reading frame: horizontal (x0, x1, y), vertical (x, top, bottom)."""

    horizontal: list[tuple[float, float, float]] = field(default_factory=list)
    vertical: list[tuple[float, float, float]] = field(default_factory=list)


@dataclass
class Segment:
    runs: list[TextRun]

    @property
    def x0(self) -> float:
        return self.runs[0].x0

    @property
    def x1(self) -> float:
        return self.runs[-1].x1


@dataclass
class Row:
    """Runs that share a baseline, split into segments at wide gaps."""

    segments: list[Segment]
    top: float
    bottom: float
    size: float

    @property
    def x0(self) -> float:
        return self.segments[0].x0

    @property
    def x1(self) -> float:
        return self.segments[-1].x1


@dataclass
class Line:
    """One output line: a row, or the part of a row in one column."""

    page: int
    number: int  # line number on the page, 1-based
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    cells: int  # segments joined by tabs; > 1 for a table row
    flow: int  # column regions get their own flow id; 0 = the page's main flow
    left: float = 0.0  # the margins of the flow this line sits in
    right: float = 0.0
    running: bool = False  # header, footer or page number
    offset: int = field(default=-1, repr=False)


# --------------------------------------------------------------------------- entry point


@dataclass
class PageLayout:
    """One page laid out: its lines, and what the document-level checks count."""

    number: int
    height: float
    readable: int  # visible characters
    unknown: int  # characters without a Unicode mapping
    lines: list[Line]


def lay_out(page: PdfPage) -> PageLayout:
    """The page-local half of the layout: runs → numbered lines."""
    readable = sum(len(run.text) - run.text.count(" ") - run.text.count("\u3000") for run in page.runs)
    return PageLayout(page.number, page.height, readable, page.unknown, page_lines(page))


def parse_pdf(data: bytes, path: str, *, limits: Limits | None = None) -> Document:
    """Parse PDF bytes into a :class:`Document` (pypdfium2 backend); a PDF of more
    than ``limits.max_pdf_pages`` pages is refused before any page is read, a page of
    more than ``limits.max_page_objects`` text objects before its text is extracted."""
    max_pages = limits.max_pdf_pages if limits is not None else None
    max_page_objects = limits.max_page_objects if limits is not None else None
    return document_from_layouts(read_layouts(data, max_pages=max_pages, max_page_objects=max_page_objects), path)


def document_from_pages(pages: Iterable[PdfPage], path: str) -> Document:
    """The layout half of the parser: runs → lines → paragraphs."""
    return document_from_layouts([lay_out(page) for page in pages], path)


def document_from_layouts(layouts: Sequence[PageLayout], path: str) -> Document:
    """Pages laid out → running lines removed → paragraphs."""
    lines: list[Line] = []
    heights: dict[int, float] = {}
    readable = unknown = 0
    for layout in layouts:
        heights[layout.number] = layout.height
        readable += layout.readable
        unknown += layout.unknown
        lines.extend(layout.lines)
    if not heights:
        raise InputError("PDF has no pages")
    if readable == 0:
        raise InputError("no text layer — run OCR first (scanned or image-only PDF)")
    if unknown > 0.5 * readable:
        raise InputError("text layer is unreadable (fonts without a Unicode map) — run OCR first")
    mark_running_lines(lines, len(heights), heights)
    body = [line for line in lines if not line.running and line.text.strip()]
    if not body:
        raise InputError("no text besides running headers and page numbers")
    text_parts: list[str] = []
    source_lines: list[SourceLine] = []
    offset = 0
    for line in body:
        line.offset = offset
        source_lines.append(SourceLine(offset=offset, line=line.number, page=line.page))
        text_parts.append(line.text)
        offset += len(line.text) + 1
    text = "\n".join(text_parts)
    blocks = build_blocks(body)
    return Document(path=path, text=text, blocks=blocks, lines=source_lines, source_format="pdf")


# --------------------------------------------------------------------------- backend

_QUARTER = 1.5707963267948966
_BREAKS = frozenset("\r\n")
_BLANKS = frozenset(" \u3000\u00a0\t")


def read_layouts(data: bytes, *, max_pages: int | None = None, max_page_objects: int | None = None) -> list[PageLayout]:
    """Every page laid out, in order (at most ``max_pages`` of them, or an InputError)."""
    pdf, raw = _open_pdf(data)
    try:
        count = _page_count(pdf)
        if max_pages is not None and count > max_pages:
            raise InputError(
                f"the PDF has {count} pages, more than the limit of {max_pages}; raise it with --max-pages"
            )
        return _lay_out_pages(pdf, raw, 0, count, max_page_objects=max_page_objects)
    finally:
        pdf.close()


def _open_pdf(data: bytes) -> tuple[Any, Any]:
    """The PDFium document and the raw bindings; a one-line InputError for what cannot be opened."""
    if b"%PDF" not in data[:1024]:
        raise InputError("not a PDF file (no %PDF header)")
    import pypdfium2 as pdfium  # type: ignore[import-untyped]
    import pypdfium2.raw as raw  # type: ignore[import-untyped]

    try:
        return pdfium.PdfDocument(data), raw
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == raw.FPDF_ERR_PASSWORD:
            raise InputError("encrypted PDF: it needs a password to open; save an unprotected copy") from exc
        if code == raw.FPDF_ERR_SECURITY:
            raise InputError("encrypted PDF with an unsupported security handler; save an unprotected copy") from exc
        raise InputError("corrupt or unreadable PDF") from exc


def _page_count(pdf: Any) -> int:
    import pypdfium2 as pdfium

    try:
        return len(pdf)
    except pdfium.PdfiumError as exc:
        raise InputError("corrupt PDF: its pages cannot be read") from exc


def _lay_out_pages(
    pdf: Any, raw: Any, first: int, stop: int, *, max_page_objects: int | None = None
) -> list[PageLayout]:
    """Pages ``first``..``stop`` (0-based) of an open document, laid out; each page is read while it is open.

    PDFium's text extraction (``get_textpage``, one uninterruptible call) grows
    with the square of a page's text objects — 32,000 took 4 s, 64,000 took
    21 s — so a page with more than ``max_page_objects`` of them is refused
    from its object count, which loading the page gives at once.
    """
    import pypdfium2 as pdfium

    layouts: list[PageLayout] = []
    for index in range(first, stop):
        try:
            page = pdf[index]
            if max_page_objects is not None:
                _check_text_objects(page, raw, index + 1, max_page_objects)
            _keep_turned_text(page, raw)
            textpage = page.get_textpage()
        except pdfium.PdfiumError as exc:
            raise InputError(f"corrupt PDF: page {index + 1} cannot be read") from exc
        try:
            layouts.append(lay_out(_pdfium_page(index + 1, page, textpage, raw)))
        finally:
            textpage.close()
            page.close()
    return layouts


# PDFium's text page leaves out a text object whose box is narrower than 0.01 pt
# (kSizeEpsilon). The box is made of the glyphs' boxes, and a font that is named but
# not embedded (STSong-Light, as many filings use) is drawn with whatever the machine
# substitutes: with no CJK font installed, a CJK glyph's box is empty, and a line
# turned a quarter, whose glyphs follow each other upwards, has no width at all —
# the line vanished on a machine without CJK fonts and was read on one with them.
_SLIVER = 0.01  # PDFium's limit
_SHEAR_WIDTH = 0.05  # what such an object is widened to (the reader rounds angles to quarters)


def _keep_turned_text(page: Any, raw: Any) -> None:
    """Widen each text object that PDFium would leave out for having no width but a
    height, by shearing it about its own corner: its text then reads the same on every
    machine, whatever fonts it has; positions move by at most ``_SHEAR_WIDTH``."""
    import ctypes

    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    refs = [ctypes.byref(item) for item in (left, bottom, right, top)]
    text_type = raw.FPDF_PAGEOBJ_TEXT
    for index in range(raw.FPDFPage_CountObjects(page.raw)):
        item = raw.FPDFPage_GetObject(page.raw, index)
        if raw.FPDFPageObj_GetType(item) != text_type or not raw.FPDFPageObj_GetBounds(item, *refs):
            continue
        height = top.value - bottom.value
        if right.value - left.value < _SLIVER and height > _SLIVER:
            shear = min(_SHEAR_WIDTH / height, 1.0)
            raw.FPDFPageObj_Transform(item, 1.0, 0.0, shear, 1.0, -shear * bottom.value, 0.0)


def _check_text_objects(page: Any, raw: Any, number: int, limit: int) -> None:
    total = raw.FPDFPage_CountObjects(page.raw)
    if total <= limit:
        return
    text = sum(
        1
        for index in range(total)
        if raw.FPDFPageObj_GetType(raw.FPDFPage_GetObject(page.raw, index)) == raw.FPDF_PAGEOBJ_TEXT
    )
    if text > limit:
        page.close()
        raise InputError(
            f"page {number} of the PDF has {text} text objects, more than the limit of {limit}; "
            "raise it with --max-page-objects"
        )


def _pdfium_page(number: int, page: Any, textpage: Any, raw: Any) -> PdfPage:
    import ctypes

    width, height = page.get_size()
    handle = textpage.raw
    total = raw.FPDFText_CountChars(handle)
    text = ""
    if total > 0:
        buffer = (ctypes.c_ushort * (total + 1))()
        written = raw.FPDFText_GetText(handle, 0, total, buffer)
        units = bytes(memoryview(buffer)[: max(0, written - 1)])
        text = units.decode("utf-16-le", errors="replace")
    if len(text) != total:
        # Characters outside the BMP or excluded characters: one call per character.
        text = "".join(_safe_chr(raw.FPDFText_GetUnicode(handle, k)) for k in range(total))
    rect = raw.FS_RECTF()
    rect_ref = ctypes.byref(rect)

    def box(k: int) -> tuple[float, float, float, float]:
        raw.FPDFText_GetLooseCharBox(handle, k, rect_ref)
        return rect.left, rect.right, rect.top, rect.bottom

    pieces: list[tuple[int, int, str]] = []  # (first visible index, last visible index, typed blanks after)
    k = 0
    while k < total:
        if text[k] in _BREAKS or text[k] in _BLANKS:
            k += 1
            continue
        first = last = k
        k += 1
        trail = ""
        while k < total:
            char = text[k]
            if char in _BREAKS:
                break
            if char not in _BLANKS:
                last = k
                k += 1
                continue
            # A run of blanks: typed ones are kept, generated ones mark a gap.
            typed: list[str] = []
            generated = False
            end = k
            while end < total and text[end] in _BLANKS:
                if text[end] == " " and raw.FPDFText_IsGenerated(handle, end):
                    generated = True
                else:
                    typed.append(text[end])
                end += 1
            if generated or len(typed) >= 2 or end >= total or text[end] in _BREAKS:
                trail = "".join(typed)
                k = end
                break
            k = end  # one typed blank inside the run
        pieces.append((first, last, trail))
    unknown = 0
    runs_raw: list[tuple[str, float, float, float, float, float, int, bool, str]] = []
    angles: Counter[int] = Counter()
    for first, last, trail in pieces:
        angle = max(0.0, raw.FPDFText_GetCharAngle(handle, first))
        turns = angle / _QUARTER
        quarter = round(turns) % 4 if abs(turns - round(turns)) < 0.03 else -1
        size = raw.FPDFText_GetFontSize(handle, first)
        bold = raw.FPDFText_GetFontWeight(handle, first) >= 600
        boxes = [box(k) for k in range(first, last + 1)]
        # Content order is not always reading order: a glyph from a fallback
        # font may be drawn after the characters that follow it ("提“" for
        # "“提"). Split the piece where it runs backwards or changes baseline;
        # the row builder then puts the parts in their places.
        cuts = [0]
        if quarter == 0:
            for index in range(1, len(boxes)):
                previous, current = boxes[index - 1], boxes[index]
                height = max(previous[2] - previous[3], current[2] - current[3], 0.1)
                if (
                    current[0] < previous[0] - 0.01
                    or abs((current[2] + current[3]) - (previous[2] + previous[3])) > 1.2 * height
                ):
                    cuts.append(index)
        cuts.append(len(boxes))
        for part, (start, stop) in enumerate(itertools.pairwise(cuts)):
            piece_text = text[first + start : first + stop]
            part_boxes = boxes[start:stop]
            unknown += piece_text.count("\ufffd")
            if quarter >= 0:
                angles[quarter] += len(piece_text)
            runs_raw.append(
                (
                    piece_text,
                    min(item[0] for item in part_boxes),
                    max(item[1] for item in part_boxes),
                    max(item[2] for item in part_boxes),
                    min(item[3] for item in part_boxes),
                    size,
                    quarter,
                    bold,
                    trail if part == len(cuts) - 2 else "",
                )
            )

    result = _page_from_raw(number, width, height, runs_raw, angles)
    main = angles.most_common(1)[0][0] if angles else 0

    def load_rules() -> Rules:
        return _pdfium_rules(page, raw, width, height, main)

    result.unknown = unknown
    result.load_rules = load_rules
    return result


def _safe_chr(code: int) -> str:
    try:
        return chr(code) if code else "\ufffd"
    except (ValueError, OverflowError):
        return "\ufffd"


def _pdfium_rules(page: Any, raw: Any, width: float, height: float, main: int) -> Rules:
    """Thin path objects (table borders) and the edges of boxes, in the reading frame."""
    import ctypes

    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    refs = (ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top))
    rules = Rules()
    if main != 0:
        return rules  # rotated pages: no rule analysis
    count = raw.FPDFPage_CountObjects(page.raw)
    for index in range(count):
        obj = raw.FPDFPage_GetObject(page.raw, index)
        if raw.FPDFPageObj_GetType(obj) != raw.FPDF_PAGEOBJ_PATH or not raw.FPDFPageObj_GetBounds(obj, *refs):
            continue
        x0, x1, y0, y1 = left.value, right.value, height - top.value, height - bottom.value
        w, h = x1 - x0, y1 - y0
        if h <= 2.0 and w >= 5.0:
            rules.horizontal.append((x0, x1, (y0 + y1) / 2))
        elif w <= 2.0 and h >= 5.0:
            rules.vertical.append(((x0 + x1) / 2, y0, y1))
        elif 2.0 < w < 0.9 * width and 2.0 < h < 0.9 * height:
            rules.horizontal.extend(((x0, x1, y0), (x0, x1, y1)))
            rules.vertical.extend(((x0, y0, y1), (x1, y0, y1)))
    return rules


def _page_from_raw(
    number: int,
    width: float,
    height: float,
    runs_raw: list[tuple[str, float, float, float, float, float, int, bool, str]],
    angles: Counter[int],
) -> PdfPage:
    """Bring PDFium's boxes (y up, page space) into the reading frame (y down).

    Text drawn at a quarter turn (a landscape table on a rotated page) is read
    in its own frame; runs at any other angle than the page's main one (a
    diagonal watermark) are dropped.
    """
    main = angles.most_common(1)[0][0] if angles else 0
    frame_width, frame_height = (height, width) if main in (1, 3) else (width, height)
    runs: list[TextRun] = []
    for text, left, right, top, bottom, size, quarter, bold, trail in runs_raw:
        if quarter != main:
            continue
        if main == 0:
            x0, x1, y0, y1 = left, right, height - top, height - bottom
        elif main == 3:  # PDFium angles turn clockwise: 270° is text running upwards
            x0, x1, y0, y1 = bottom, top, left, right
        elif main == 2:
            x0, x1, y0, y1 = width - right, width - left, bottom, top
        else:  # 90°: text running downwards
            x0, x1, y0, y1 = height - top, height - bottom, width - right, width - left
        if x1 < x0:
            x0, x1 = x1, x0
        if y1 < y0:
            y0, y1 = y1, y0
        # PDFium reports the size set by Tf, not the size drawn: a PDF that sets
        # 1 pt and scales the text matrix up (many exchange-filed reports do)
        # would have 1-pt lines, every word gap would read as a cell border and
        # no line would continue the one above. The loose box is the size drawn.
        if not size or y1 - y0 > 1.5 * size:
            size = y1 - y0
        runs.append(
            TextRun(
                text=clean_text(text),
                x0=x0,
                x1=x1,
                top=y0,
                bottom=y1,
                size=size or (y1 - y0) or 1.0,
                bold=bold,
                trail=clean_text(trail),
            )
        )
    return PdfPage(number=number, width=frame_width, height=frame_height, runs=runs)


_NEEDS_CLEANING = re.compile(
    "[\u0000-\u001f\u007f-\u00a0\u2002\u2003\u2009\u200b\u2e80-\u2fdf\uf900-\ufaff\ufeff\ufffd]"
)
_SPACE_LIKE = frozenset("\u00a0\u2002\u2003\u2009\u200b\ufeff\t\ufffd")


def clean_text(text: str) -> str:
    """Fix extraction artefacts, one character for one (offsets stay put):
    Kangxi radicals and CJK compatibility ideographs ("⽅" U+2F45 for 方)
    become the ordinary ideograph; U+FFFD (a glyph without a Unicode map,
    most often a space) and other space characters become a space."""
    if text.isascii() or not _NEEDS_CLEANING.search(text):
        return text
    out: list[str] = []
    for char in text:
        code = ord(char)
        if 0x2F00 <= code <= 0x2FDF or 0x2E80 <= code <= 0x2EFF or 0xF900 <= code <= 0xFAFF:
            folded = unicodedata.normalize("NFKC", char)
            out.append(folded if len(folded) == 1 else char)
        elif char in _SPACE_LIKE or code < 0x20 or 0x7F <= code < 0xA0:
            out.append(" ")
        else:
            out.append(char)
    return "".join(out)


# --------------------------------------------------------------------------- rows and segments


def _is_cjk(char: str) -> bool:
    code = ord(char)
    return (
        0x2E80 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0xFF00 <= code <= 0xFFEF
        or 0x20000 <= code <= 0x3FFFF
        or 0x3000 <= code <= 0x303F
    )


def group_rows(runs: Sequence[TextRun], page: PdfPage | None = None) -> list[Row]:
    """Cluster runs into rows by vertical position, then split each row into
    segments where the horizontal gap is wider than a character."""
    ordered = sorted(runs, key=lambda run: ((run.top + run.bottom) / 2, run.x0))
    clusters: list[list[TextRun]] = []
    anchor_center = anchor_height = 0.0
    for run in ordered:
        center = (run.top + run.bottom) / 2
        height = max(run.bottom - run.top, 0.1)
        if clusters and abs(center - anchor_center) <= 0.4 * min(
            max(anchor_height, height), 2 * min(anchor_height, height)
        ):
            clusters[-1].append(run)
            continue
        clusters.append([run])
        anchor_center, anchor_height = center, height
    return [_make_row(cluster, page) for cluster in clusters]


def _make_row(runs: list[TextRun], page: PdfPage | None = None) -> Row:
    runs = sorted(runs, key=lambda run: (run.x0, run.x1))
    # Drop text drawn twice at (almost) the same place (fake bold, shadows).
    unique: list[TextRun] = []
    for run in runs:
        if unique:
            prev = unique[-1]
            if prev.text == run.text and abs(prev.x0 - run.x0) < 0.3 * run.size:
                continue
        unique.append(run)
    size = statistics.median(run.size for run in unique)
    segments: list[Segment] = []
    current: list[TextRun] = []
    top = min(run.top for run in unique)
    bottom = max(run.bottom for run in unique)
    middle = (top + bottom) / 2
    for run in unique:
        if current:
            gap = run.x0 - current[-1].x1
            if gap > 1.0 * max(size, 1.0) or (
                gap > 0.4 * size and page is not None and _rule_between(page, current[-1].x1, run.x0, middle)
            ):
                segments.append(Segment(current))
                current = []
        current.append(run)
    segments.append(Segment(current))
    return Row(segments=segments, top=top, bottom=bottom, size=size)


def _rule_between(page: PdfPage, x0: float, x1: float, y: float) -> bool:
    """Is there a vertical ruling line (a cell border) between x0 and x1 at height y?"""
    return any(x0 - 0.5 <= x <= x1 + 0.5 and top <= y <= bottom for x, top, bottom in page.rules().vertical)


def segment_text(segment: Segment) -> str:
    """The runs of a segment joined: with the blanks typed between them, or
    with a space between two Latin words or numbers whose gap shows one
    (never between CJK characters)."""
    parts: list[str] = []
    prev: TextRun | None = None
    for run in segment.runs:
        if prev is not None:
            if prev.trail:
                parts.append(prev.trail)
            elif run.x0 - prev.x1 > 0.25 * run.size and not _is_cjk(prev.text[-1]) and not _is_cjk(run.text[0]):
                parts.append(" ")
        parts.append(run.text)
        prev = run
    return "".join(parts)


# --------------------------------------------------------------------------- columns


@dataclass
class _Region:
    start: int  # row indices [start, end)
    end: int
    gutter: tuple[float, float]
    columns: bool  # True: read column by column; False: a table, row by row


def find_regions(rows: Sequence[Row], page: PdfPage) -> list[_Region]:
    """Runs of rows split by a vertical gutter that none of them crosses."""
    if len(rows) < 3:
        return []
    left = min(row.x0 for row in rows)
    right = max(row.x1 for row in rows)
    width = right - left
    if width <= 0:
        return []
    band = (left + 0.2 * width, right - 0.2 * width)
    sizes = [row.size for row in rows]
    min_gutter = 0.8 * statistics.median(sizes)
    regions: list[_Region] = []
    index = 0
    while index < len(rows):
        free = _free_intervals(rows[index], band)
        end = index
        best: tuple[int, list[tuple[float, float]]] | None = None
        while end < len(rows) and free:
            free = _intersect(free, _free_intervals(rows[end], band), min_gutter)
            if not free:
                break
            end += 1
            best = (end, free)
        if best is not None:
            stop, gutters = best
            gutter = max(gutters, key=lambda interval: interval[1] - interval[0])
            trimmed = _trim_region(rows, index, stop, (gutter[0] + gutter[1]) / 2)
            if trimmed is not None:
                start, stop = trimmed
                run = rows[start:stop]
                regions.append(_Region(start, stop, gutter, columns=_reads_as_columns(run, gutter, page)))
                index = stop
                continue
        index += 1
    return regions


def _trim_region(rows: Sequence[Row], start: int, stop: int, middle: float) -> tuple[int, int] | None:
    """The part of a gutter-split run that holds two columns: from the first to
    the last row with text right of the gutter, widened by left-only rows that
    follow at the normal line spacing (a left column longer than the right
    one), but not by a title or closing line set apart from the columns."""

    def right_side(row: Row) -> bool:
        return any(seg.x0 >= middle for seg in row.segments)

    with_right = [index for index in range(start, stop) if right_side(rows[index])]
    if len(with_right) < 3:
        return None
    first, last = with_right[0], with_right[-1] + 1
    steps = [rows[index + 1].top - rows[index].top for index in range(first, last - 1)]
    step = statistics.median(steps) if steps else 0.0
    while first > start and rows[first].top - rows[first - 1].top <= 1.5 * step:
        first -= 1
    while last < stop and rows[last].top - rows[last - 1].top <= 1.5 * step:
        last += 1
    left_rows = sum(1 for row in rows[first:last] if any(seg.x1 <= middle for seg in row.segments))
    return (first, last) if left_rows >= 3 else None


def _free_intervals(row: Row, band: tuple[float, float]) -> list[tuple[float, float]]:
    free: list[tuple[float, float]] = []
    cursor = band[0]
    for segment in row.segments:
        if segment.x1 <= cursor:
            continue
        if segment.x0 >= band[1]:
            break
        if segment.x0 > cursor:
            free.append((cursor, segment.x0))
        cursor = max(cursor, segment.x1)
    if cursor < band[1]:
        free.append((cursor, band[1]))
    return free


def _intersect(
    first: list[tuple[float, float]], second: list[tuple[float, float]], minimum: float
) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for a0, a1 in first:
        for b0, b1 in second:
            lo, hi = max(a0, b0), min(a1, b1)
            if hi - lo >= minimum:
                out.append((lo, hi))
    return out


def _reads_as_columns(run: Sequence[Row], gutter: tuple[float, float], page: PdfPage) -> bool:
    """Two columns of prose (read down one, then the other) or a table (read
    row by row)? Prose fills its column: most lines on each side reach the
    gutter or the right edge. A table's cells are ragged, or ruled across."""
    size = statistics.median(row.size for row in run)
    left_lines = [seg for row in run for seg in row.segments if seg.x1 <= gutter[0] + 0.1]
    right_lines = [seg for row in run for seg in row.segments if seg.x0 >= gutter[1] - 0.1]
    if not left_lines or not right_lines:
        return False
    left_edge = max(seg.x1 for seg in left_lines)
    right_edge = max(seg.x1 for seg in right_lines)
    left_full = sum(1 for seg in left_lines if seg.x1 >= left_edge - 1.5 * size) / len(left_lines)
    right_full = sum(1 for seg in right_lines if seg.x1 >= right_edge - 1.5 * size) / len(right_lines)
    if left_full < 0.5 or right_full < 0.5:
        return False
    segments_per_side = max(
        Counter(id(row) for row in run for seg in row.segments if seg.x1 <= gutter[0] + 0.1).values(),
        default=1,
    )
    if segments_per_side > 1:
        return False
    horizontal = page.rules().horizontal
    if horizontal:
        top = min(row.top for row in run)
        bottom = max(row.bottom for row in run)
        crossing = [
            rule for rule in horizontal if rule[0] < gutter[0] and rule[1] > gutter[1] and top <= rule[2] <= bottom
        ]
        if len(crossing) >= 2:
            return False
    return True


# --------------------------------------------------------------------------- page → lines


def page_lines(page: PdfPage) -> list[Line]:
    """The page's lines in reading order, numbered from 1."""
    rows = group_rows(page.runs, page)
    regions = find_regions(rows, page)
    lines: list[Line] = []
    region_at = {region.start: region for region in regions}
    index = 0
    flow_id = 0
    while index < len(rows):
        region = region_at.get(index)
        if region is None or not region.columns:
            stop = region.end if region is not None else index + 1
            for row in rows[index:stop]:
                lines.append(_line(page.number, row.segments, row, flow=0))
            index = stop
            continue
        middle = (region.gutter[0] + region.gutter[1]) / 2
        for side in (0, 1):
            flow_id += 1
            for row in rows[region.start : region.end]:
                segments = [seg for seg in row.segments if (seg.x1 <= middle) == (side == 0)]
                if segments:
                    lines.append(_line(page.number, segments, row, flow=flow_id))
        index = region.end
    for number, line in enumerate(lines, start=1):
        line.number = number
    _set_margins(lines)
    return lines


def _line(page: int, segments: list[Segment], row: Row, flow: int) -> Line:
    runs = [run for segment in segments for run in segment.runs]
    texts = [segment_text(segment) for segment in segments]
    # "(三)" and a tab stop before its title ("(三)⇥经营计划") is one heading, not two cells.
    if len(texts) > 1 and _bare_marker(texts[0]):
        texts[:2] = [texts[0].rstrip() + texts[1].lstrip()]
    return Line(
        page=page,
        number=0,
        text="\t".join(texts),
        x0=runs[0].x0,
        x1=runs[-1].x1,
        top=min(run.top for run in runs),
        bottom=max(run.bottom for run in runs),
        size=row.size,
        bold=sum(len(run.text) for run in runs if run.bold) > 0.6 * sum(len(run.text) for run in runs),
        cells=len(texts),
        flow=flow,
    )


def _bare_marker(text: str) -> bool:
    """The text is item numbering and nothing else: "(三)", "一、", "1."."""
    marker = item_marker(text)
    return marker is not None and not text[marker.end :].strip()


def _set_margins(lines: list[Line]) -> None:
    """Left and right margin of each flow, for indent and full-line tests."""
    by_flow: dict[int, list[Line]] = defaultdict(list)
    for line in lines:
        by_flow[line.flow].append(line)
    for flow_lines in by_flow.values():
        plain = [line for line in flow_lines if line.cells == 1] or flow_lines
        lefts = Counter(round(line.x0) for line in plain)
        left = float(min(lefts.most_common(1)[0][0], min(line.x0 for line in plain) + 0.5))
        rights = sorted(line.x1 for line in plain)
        right = rights[min(len(rights) - 1, int(len(rights) * 0.9))]
        for line in flow_lines:
            line.left = left
            line.right = right


# --------------------------------------------------------------------------- running headers and footers

_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(
    r"^(?:[-–—－\s]*#[-–—－\s]*|第#页(?:[,，/]?共#页)?|#/#|#of#|page#(?:of#)?|[\[【(（]#[)）】\]])$",
    re.IGNORECASE,
)
_ZONE_LINES = 3  # how many lines at the top and bottom of a page may be running


def _running_key(text: str) -> str:
    return _DIGITS.sub("#", re.sub(r"\s+", "", text))


def mark_running_lines(lines: Sequence[Line], page_count: int, heights: dict[int, float]) -> None:
    """Mark running headers, footers and page numbers.

    A candidate is one of the first or last three lines of a page, in the top
    or bottom fifth of the page. It is running when the same text (digits
    masked, so "第 3 页" matches "第 4 页") sits at the same height on other
    pages, or when it is a bare page number; a line at the height and size of
    a confirmed running line on other pages is running too (a header that
    names the current chapter).
    """
    by_page: dict[int, list[Line]] = defaultdict(list)
    for line in lines:
        by_page[line.page].append(line)
    candidates: list[tuple[Line, str]] = []
    for page, page_lines_ in by_page.items():
        height = heights.get(page, 0.0)
        ordered = sorted(page_lines_, key=lambda line: line.top)
        picked = {id(line): line for line in ordered[:_ZONE_LINES] + ordered[-_ZONE_LINES:]}
        for line in picked.values():
            if height and 0.2 * height < line.top and line.bottom < 0.8 * height:
                continue
            candidates.append((line, "top" if line.top < height / 2 else "bottom"))
    groups: dict[tuple[str, str], list[Line]] = defaultdict(list)
    for line, zone in candidates:
        groups[(zone, _running_key(line.text))].append(line)
    threshold = 2 if page_count <= 4 else max(2, round(0.3 * page_count))
    positions: list[tuple[str, float, float]] = []
    for (zone, key), members in groups.items():
        if not key:
            continue
        pages = {line.page for line in members}
        tops = [line.top for line in members]
        median_top = statistics.median(tops)
        aligned = [line for line in members if abs(line.top - median_top) <= 3.0]
        aligned_pages = {line.page for line in aligned}
        if len(aligned_pages) >= threshold or (_PAGE_NUMBER.match(key) and len(pages) >= 1):
            targets = aligned if len(aligned_pages) >= threshold else members
            for line in targets:
                line.running = True
            if len(aligned_pages) >= threshold:
                positions.append((zone, median_top, statistics.median(line.size for line in aligned)))
    if not positions:
        return
    for line, zone in candidates:
        if line.running:
            continue
        for position_zone, top, size in positions:
            if position_zone == zone and abs(line.top - top) <= 2.0 and abs(line.size - size) <= 0.5:
                # The body never starts at a running header's height, but be
                # sure: the line must be apart from the page's other lines.
                if _isolated(line, by_page[line.page]):
                    line.running = True
                break


def _isolated(line: Line, page_lines_: Sequence[Line]) -> bool:
    others = [other for other in page_lines_ if other is not line and not other.running]
    if not others:
        return True
    nearest = min(abs((other.top + other.bottom) / 2 - (line.top + line.bottom) / 2) for other in others)
    return nearest > 1.8 * max(line.bottom - line.top, 1.0)


# --------------------------------------------------------------------------- paragraphs

_CLOSING = "。！？；：:;!?…"
_SENTENCE_END = "。！？!?…"
_CLOSERS = "”’」』）)】》\"'"


def _last_char(text: str) -> str:
    stripped = text.rstrip()
    while stripped and stripped[-1] in _CLOSERS:
        stripped = stripped[:-1]
    return stripped[-1] if stripped else ""


def build_blocks(lines: Sequence[Line]) -> list[Block]:
    """Group body lines into paragraph, heading and table-row blocks."""
    if not lines:
        return []
    body_size = _body_size(lines)
    leading = _leading(lines)
    indents = _uses_first_line_indent(lines)
    blocks: list[Block] = []
    current: list[Line] = []

    def flush() -> None:
        if not current:
            return
        first, last = current[0], current[-1]
        start = first.offset + (len(first.text) - len(first.text.lstrip()))
        end = last.offset + len(last.text.rstrip())
        if end > start:
            kind = BlockKind.PARAGRAPH
            if len(current) == 1 and first.cells > 1:
                kind = BlockKind.TABLE_ROW
            elif _is_heading(current, body_size):
                kind = BlockKind.HEADING
            blocks.append(Block(start=start, end=end, kind=kind, level=0))
        current.clear()

    for line in lines:
        if current and not _continues(current[-1], line, leading, indents):
            flush()
        current.append(line)
    flush()
    return blocks


def _body_size(lines: Sequence[Line]) -> float:
    weights: Counter[float] = Counter()
    for line in lines:
        weights[round(line.size, 1)] += len(line.text)
    return weights.most_common(1)[0][0] if weights else 10.0


def _leading(lines: Sequence[Line]) -> float:
    steps = [
        nxt.top - prev.top
        for prev, nxt in itertools.pairwise(lines)
        if prev.page == nxt.page and prev.flow == nxt.flow and 0 < nxt.top - prev.top < 4 * prev.size
    ]
    return statistics.median(steps) if steps else 0.0


def _is_full(line: Line) -> bool:
    return line.x1 >= line.right - 1.5 * line.size


def _is_cjk_or_alnum(char: str) -> bool:
    return bool(char) and (char.isalnum() or _is_cjk(char)) and char not in "）)》」』”’"


def _is_indented(line: Line) -> bool:
    return line.x0 >= line.left + 0.8 * line.size


def _uses_first_line_indent(lines: Sequence[Line]) -> bool:
    """Do paragraphs here open with an indent? Look at lines after a short line."""
    after_short = [nxt for prev, nxt in itertools.pairwise(lines) if not _is_full(prev) and nxt.cells == 1]
    if len(after_short) < 3:
        return False
    return sum(1 for line in after_short if _is_indented(line)) >= 0.3 * len(after_short)


def _is_heading(lines: Sequence[Line], body_size: float) -> bool:
    if len(lines) > 2:
        return False
    text = "".join(line.text for line in lines).strip()
    if not text or len(text) > 60 or _last_char(text) in "。；;，,":
        return False
    first = lines[0]
    larger = first.size >= 1.15 * body_size
    return larger or (first.bold and all(line.bold for line in lines))


def _wrapped_numeral(prev: Line, line: Line) -> bool:
    """A numeral wrapped to the line start mid-sentence ("……增速不" + "一、行业集中度不高……"):
    the line above runs to the margin without closing its sentence, and this one runs to
    the margin too, as a paragraph's lines do and a short heading does not."""
    last = _last_char(prev.text)
    return _is_full(prev) and _is_full(line) and "\u4e00" <= last <= "\u9fff" and not _is_indented(line)


def _continues(prev: Line, line: Line, leading: float, indents: bool) -> bool:
    """Does ``line`` continue the paragraph that ``prev`` ends?"""
    if prev.cells > 1 or line.cells > 1:
        return False
    text = line.text.strip()
    if not text:
        return False
    if item_marker(text) is not None and not _wrapped_numeral(prev, line):
        return False
    if abs(prev.size - line.size) > 0.15 * max(prev.size, line.size) or prev.bold != line.bold:
        return False
    same_flow = prev.page == line.page and prev.flow == line.flow
    if same_flow:
        step = line.top - prev.top
        if step < 0 or (leading and step > 1.45 * leading):
            return False
    last = _last_char(prev.text)
    if not _is_full(prev):
        # A line a few characters short of the margin that stops mid-sentence
        # (a Latin word or a number pushed to the next line) still continues.
        nearly = prev.x1 >= prev.right - 4 * prev.size and prev.x0 <= prev.left + 0.5 * prev.size
        return nearly and last not in _CLOSING and not _is_indented(line) and _is_cjk_or_alnum(last)
    if text[0] in "，。、；：）》」』”,.;:)%％":
        return True
    if _is_indented(line) and indents:
        return False
    if last in _SENTENCE_END or last in "；：;:":
        # A full line that ends a sentence: the paragraph goes on only where
        # paragraphs are marked by an indent and this line has none.
        return indents and not _is_indented(line)
    return True
