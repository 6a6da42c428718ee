"""Parser for ``.docx``: the body in reading order, one source line per paragraph.

What is read, and how:

* body paragraphs and tables in the order they stand; a table row becomes one
  ``TABLE_ROW`` block whose cells are separated by a tab, each cell counted
  as one "line" (paragraph number) in reading order; vertically merged
  continuation cells and nested tables fold into the cell that holds them;
* tracked changes are read as if accepted: inserted and moved-to text is
  kept, deleted and moved-from text is dropped, a paragraph whose mark was
  deleted runs on into the next, deleted table rows are gone;
* Word auto-numbering ("一、", "（一）", "1." that live in ``numbering.xml``, not
  in the text) is rebuilt and put in front of the paragraph text, as the
  reader sees it;
* heading styles (``Heading 1``…, ``标题 1``…) and outline levels make
  ``HEADING`` blocks with their level; the ``Title`` style a level-0 heading;
* footnotes, endnotes, comments, headers, footers, text boxes, drawings,
  hidden text and field instructions are not part of the body text and are
  left out; table-of-contents entries keep their paragraph number but no text.

``Document.text`` is the paragraphs joined by ``\\n``. ``line`` in a location
is the paragraph number counted from the start of the body (empty paragraphs
count, a table counts cell by cell), so a reviewer can find it, and a Word
report writer can map it back to the paragraph.

python-docx is imported only here, when a .docx file is linted.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from disclint.model.document import Block, BlockKind, Document, SourceLine
from disclint.parse.errors import InputError
from disclint.parse.limits import DEFAULT_LIMITS, Limits, too_large, too_many_lines

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_FALSE = ("0", "false", "off")


def _w(name: str) -> str:
    return _W + name


# Elements whose whole subtree is not body text.
_SKIPPED = frozenset(
    _w(name)
    for name in (
        "del",  # tracked deletion
        "moveFrom",  # tracked move, source side
        "delText",
        "delInstrText",
        "instrText",  # field code, not its result
        "rPr",
        "pPr",
        "footnoteReference",
        "endnoteReference",
        "commentReference",
        "annotationRef",
        "rt",  # ruby (phonetic guide) text
        "drawing",  # shapes, pictures and the text boxes inside them
        "pict",
        "object",
        "txbxContent",
        "fldData",
        "bookmarkStart",
        "bookmarkEnd",
        "proofErr",
        "lastRenderedPageBreak",
        "softHyphen",
    )
) | {_MC + "AlternateContent"}


def parse_docx(data: bytes, path: str, *, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Parse .docx bytes into a :class:`Document`.

    The package is checked before python-docx reads it: the number of its
    members, and each member's size once inflated — declared and actual,
    counted while inflating — against ``limits`` (a ZIP bomb is refused with
    a message that names the limit). Attribute values are read defensively:
    a number is ASCII digits within its range, a symbol a real code point,
    a list counter is clamped.
    """
    _sniff(data, limits)
    try:
        import docx
    except ImportError as exc:  # pragma: no cover - a broken installation
        raise InputError("python-docx is not installed: pip install python-docx") from exc
    try:
        word = docx.Document(io.BytesIO(data))
    except ValueError as exc:
        if "not a Word file" in str(exc):
            kind = str(exc).rsplit("content type is", 1)[-1].strip(" '")
            raise InputError(f"not a Word document (its main part is {kind})") from exc
        raise InputError(f"corrupt or unreadable .docx file ({error_reason(exc)})") from exc
    except Exception as exc:  # python-docx, zipfile and lxml raise many kinds
        raise InputError(f"corrupt or unreadable .docx file ({error_reason(exc)})") from exc
    part = word.part
    root = part.element
    body = getattr(root, "body", None) if root.tag == _w("document") else None
    if body is None:
        name = root.tag.rsplit("}", 1)[-1] if isinstance(root.tag, str) else "?"
        raise InputError(f"not a Word document (its main part holds <w:{name}>, not <w:document> with a body)")
    reader = reader_for(word)
    try:
        reader.read_container(body)
    except RecursionError as exc:  # pragma: no cover - pathological nesting
        raise InputError("corrupt .docx file (nesting too deep)") from exc
    reader.finish()
    if len(reader.lines) > limits.max_lines:
        raise too_many_lines("paragraphs", len(reader.lines), limits.max_lines)
    if not reader.text.strip():
        raise InputError("empty document: the .docx body has no text")
    return Document(
        path=path,
        text=reader.text,
        blocks=reader.blocks,
        lines=reader.lines,
        source_format="docx",
    )


def reader_for(word: Any, cls: type[Reader] | None = None) -> Reader:
    """A :class:`Reader` (or a subclass ``cls``) for a python-docx ``Document``,
    with its styles and numbering; ``read_container(body)`` then ``finish()``."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    part = word.part
    styles = _Styles(_related_element(part, RT.STYLES))
    numbering = _Numbering(_related_element(part, RT.NUMBERING))
    return (cls or Reader)(styles=styles, numbering=numbering)


def _sniff(data: bytes, limits: Limits = DEFAULT_LIMITS) -> None:
    if not data:
        raise InputError("empty file")
    if data.startswith(_OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise InputError("password-protected .docx: remove the password in Word and save again")
        raise InputError("this is a legacy Word .doc file named .docx: save it as .docx and lint that")
    if not data.startswith(b"PK"):
        raise InputError("not a .docx file (not a ZIP package)")
    entries = _declared_entries(data)
    if entries is not None and entries > limits.max_members:
        raise InputError(f"the .docx package has {entries} members, more than the limit of {limits.max_members}")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            if "word/document.xml" not in names and "[Content_Types].xml" not in names:
                raise InputError("not a Word document (no word/document.xml in the package)")
            _check_inflated_sizes(archive, limits)
    except InputError:
        raise
    except zipfile.BadZipFile as exc:
        raise InputError(f"corrupt .docx file ({error_reason(exc)})") from exc
    except Exception as exc:  # zlib.error, EOFError, NotImplementedError (compression), RuntimeError (encrypted)
        raise InputError(f"corrupt or unreadable .docx file ({error_reason(exc)})") from exc


def _declared_entries(data: bytes) -> int | None:
    """The member count in the ZIP's end-of-central-directory record, before zipfile reads them all."""
    tail = data[-(65535 + 22) :]
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or at + 22 > len(tail):
        return None
    count = int.from_bytes(tail[at + 10 : at + 12], "little")
    return None if count == 0xFFFF else count  # 0xFFFF: ZIP64, zipfile reads the real count


def _check_inflated_sizes(archive: zipfile.ZipFile, limits: Limits) -> None:
    """Every member's inflated size within the limits: as declared, then as counted while inflating."""
    members = archive.infolist()
    if len(members) > limits.max_members:
        raise InputError(f"the .docx package has {len(members)} members, more than the limit of {limits.max_members}")
    option = "--max-unzipped-size"
    declared = 0
    for info in members:
        if info.file_size > limits.max_member_bytes:
            raise too_large(f"{info.filename} inflated", info.file_size, limits.max_member_bytes, option)
        declared += info.file_size
        if declared > limits.max_package_bytes:
            raise too_large("the .docx package inflated", declared, limits.max_package_bytes, option)
    total = 0
    for info in members:
        if info.is_dir():
            continue
        size = 0
        with archive.open(info) as member:
            while chunk := member.read(1 << 20):
                size += len(chunk)
                total += len(chunk)
                if size > limits.max_member_bytes:
                    raise too_large(f"{info.filename} inflated", size, limits.max_member_bytes, option)
                if total > limits.max_package_bytes:
                    raise too_large("the .docx package inflated", total, limits.max_package_bytes, option)


def error_reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:160]


def _related_element(part: Any, reltype: str) -> Any:
    """The root of a related part (styles, numbering), or None — also when the
    relationship points outside the package (``TargetMode="External"``) or the
    part is not XML."""
    try:
        element = part.part_related_by(reltype).element
    except Exception:  # KeyError (none), ValueError (external), AttributeError (not an XML part)
        return None
    return element if isinstance(getattr(element, "tag", None), str) else None


_NUMBER = re.compile(r"[+-]?[0-9]{1,12}")


def _int(value: str | None, low: int, high: int) -> int | None:
    """An ASCII decimal attribute value within [low, high], or None.

    ``str.isdigit`` accepts "²" and "①", which ``int`` rejects; a value of
    99999999999 is out of any range Word writes.
    """
    if value is None or _NUMBER.fullmatch(value.strip()) is None:
        return None
    number = int(value)
    return number if low <= number <= high else None


def _clamped(value: str | None, low: int, high: int) -> int | None:
    """An ASCII decimal attribute value brought into [low, high], or None when it is not a number."""
    if value is None or _NUMBER.fullmatch(value.strip()) is None:
        return None
    return max(low, min(high, int(value)))


# Word's own bounds: list levels 0-8, outline levels 0-9 (9 = body text), list starts 0-32767.
_MAX_ILVL = 8
_MAX_OUTLINE = 9
_MAX_START = 32767


def _val(element: Any, name: str = "val") -> str | None:
    if element is None:
        return None
    value = element.get(_w(name))
    return None if value is None else str(value)


def _on(element: Any) -> bool:
    """A toggle property (``<w:vanish/>``, ``<w:isLgl w:val="0"/>``)."""
    if element is None:
        return False
    value = _val(element)
    return value is None or value.lower() not in _FALSE


# --------------------------------------------------------------------------- styles

_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_TITLE_NAMES = ("title", "标题")


@dataclass
class _Style:
    name: str
    based_on: str | None
    outline: int | None  # 0-based outline level; 9 = body text
    num_id: str | None
    ilvl: int | None


class _Styles:
    def __init__(self, element: Any) -> None:
        self.styles: dict[str, _Style] = {}
        self.default: str | None = None
        if element is None:
            return
        for style in element.iterchildren(_w("style")):
            if style.get(_w("type")) not in (None, "paragraph"):
                continue
            style_id = style.get(_w("styleId"))
            if style_id is None:
                continue
            if _on_attr(style.get(_w("default"))):
                self.default = style_id
            ppr = style.find(_w("pPr"))
            num_pr = ppr.find(_w("numPr")) if ppr is not None else None
            outline = _val(ppr.find(_w("outlineLvl"))) if ppr is not None else None
            ilvl = _val(num_pr.find(_w("ilvl"))) if num_pr is not None else None
            self.styles[style_id] = _Style(
                name=_val(style.find(_w("name"))) or style_id,
                based_on=_val(style.find(_w("basedOn"))),
                outline=_int(outline, 0, _MAX_OUTLINE),
                num_id=_val(num_pr.find(_w("numId"))) if num_pr is not None else None,
                ilvl=_int(ilvl, 0, _MAX_ILVL),
            )

    def chain(self, style_id: str | None) -> list[tuple[str, _Style]]:
        """The style and the styles it is based on, nearest first."""
        chain: list[tuple[str, _Style]] = []
        current = style_id if style_id is not None else self.default
        while current is not None and current in self.styles and len(chain) < 12:
            if any(current == seen for seen, _ in chain):
                break
            style = self.styles[current]
            chain.append((current, style))
            current = style.based_on
        return chain

    def heading_level(self, style_id: str | None) -> int | None:
        """1-9 for a heading style, 0 for the Title style, None for body text."""
        for _style_id, style in self.chain(style_id):
            name = style.name.strip().lower()
            match = _HEADING_NAME.match(name)
            if match:
                return int(match.group(1))
            if name in _TITLE_NAMES:
                return 0
            if style.outline is not None:
                return style.outline + 1 if style.outline < 9 else None
        return None

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None, str | None]:
        """(numId, ilvl, the style id that carries it) inherited from the style chain."""
        for carrier, style in self.chain(style_id):
            if style.num_id is not None:
                return style.num_id, style.ilvl, carrier
        return None, None, None

    def is_toc(self, style_id: str | None) -> bool:
        chain = self.chain(style_id)
        return bool(chain) and re.match(r"^toc\s*\d", chain[0][1].name.strip().lower()) is not None


def _on_attr(value: Any) -> bool:
    return value is not None and str(value).lower() not in _FALSE


# --------------------------------------------------------------------------- numbering


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    suffix: str = "tab"
    legal: bool = False
    style: str | None = None


@dataclass
class _Num:
    abstract: str
    starts: dict[int, int] = field(default_factory=dict)  # startOverride per level
    levels: dict[int, _Level] = field(default_factory=dict)  # level overrides


def _read_level(element: Any, base: _Level | None = None) -> _Level:
    level = _Level() if base is None else _Level(**base.__dict__)
    start = _clamped(_val(element.find(_w("start"))), 0, _MAX_START)
    if start is not None:
        level.start = start
    fmt = _val(element.find(_w("numFmt")))
    if fmt is not None:
        level.fmt = fmt
    text = _val(element.find(_w("lvlText")))
    if text is not None:
        level.text = text
    suffix = _val(element.find(_w("suff")))
    if suffix is not None:
        level.suffix = suffix
    level.legal = _on(element.find(_w("isLgl")))
    style = _val(element.find(_w("pStyle")))
    if style is not None:
        level.style = style
    return level


class _Numbering:
    """Word list numbering, rebuilt in reading order.

    Counters belong to the abstract definition, so numbering instances that
    share one continue each other's count, as in Word; an instance with a
    ``startOverride`` restarts its level the first time it is used.
    """

    def __init__(self, element: Any) -> None:
        self.abstracts: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, _Num] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        self.pending: dict[tuple[str, int], int] = {}
        if element is None:
            return
        for abstract in element.iterchildren(_w("abstractNum")):
            abstract_id = abstract.get(_w("abstractNumId"))
            if abstract_id is None:
                continue
            levels: dict[int, _Level] = {}
            for lvl in abstract.iterchildren(_w("lvl")):
                ilvl = _int(lvl.get(_w("ilvl")), 0, _MAX_ILVL)
                if ilvl is not None:
                    levels[ilvl] = _read_level(lvl)
            self.abstracts[abstract_id] = levels
        for num in element.iterchildren(_w("num")):
            num_id = num.get(_w("numId"))
            abstract_id = _val(num.find(_w("abstractNumId")))
            if num_id is None or abstract_id is None:
                continue
            entry = _Num(abstract=abstract_id)
            for override in num.iterchildren(_w("lvlOverride")):
                ilvl = _int(override.get(_w("ilvl")), 0, _MAX_ILVL)
                if ilvl is None:
                    continue
                start = _clamped(_val(override.find(_w("startOverride"))), 0, _MAX_START)
                if start is not None:
                    entry.starts[ilvl] = start
                lvl = override.find(_w("lvl"))
                if lvl is not None:
                    base = self.abstracts.get(abstract_id, {}).get(ilvl)
                    entry.levels[ilvl] = _read_level(lvl, base)
            self.nums[num_id] = entry

    def level_for_style(self, num_id: str, style_id: str | None) -> int:
        num = self.nums.get(num_id)
        if num is None or style_id is None:
            return 0
        for ilvl, level in self.abstracts.get(num.abstract, {}).items():
            if level.style == style_id:
                return ilvl
        return 0

    def _level(self, num: _Num, ilvl: int) -> _Level | None:
        return num.levels.get(ilvl) or self.abstracts.get(num.abstract, {}).get(ilvl)

    def label(self, num_id: str, ilvl: int) -> str:
        """Advance the list and return the label with its suffix ("一、\\t")."""
        num = self.nums.get(num_id)
        if num is None or num_id == "0":
            return ""
        level = self._level(num, ilvl)
        if level is None:
            return ""
        counters = self.counters.setdefault(num.abstract, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for restart_level, start in num.starts.items():
                for key in [key for key in counters if key >= restart_level]:
                    counters.pop(key)
                self.pending[(num.abstract, restart_level)] = start
        if ilvl in counters:
            counters[ilvl] += 1
        else:
            counters[ilvl] = self.pending.pop((num.abstract, ilvl), level.start)
        for deeper in [key for key in counters if key > ilvl]:
            counters.pop(deeper)
        if level.fmt == "none":
            text = ""
        elif level.fmt == "bullet":
            text = "".join("•" if 0xE000 <= ord(char) <= 0xF8FF else char for char in level.text)
        else:

            def substitute(match: re.Match[str]) -> str:
                index = int(match.group(1)) - 1
                other = self._level(num, index) if index != ilvl else level
                value = counters.get(index, other.start if other is not None else 1)
                fmt = "decimal" if level.legal and index != ilvl else (other.fmt if other is not None else "decimal")
                return format_number(value, fmt)

            text = re.sub(r"%([1-9])", substitute, level.text)
        suffix = {"tab": "\t", "space": " "}.get(level.suffix, "")
        return text + suffix if text else ""


_DIGITS = "零一二三四五六七八九"
_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"


def _chinese(number: int, digits: str = _DIGITS, units: str = "十百千", teen_one: bool = False) -> str:
    if number < 0:
        return str(number)
    if number < 10:
        return digits[number]
    if number >= 10000:
        return str(number)
    out = ""
    values = (1000, 100, 10)
    pending_zero = False
    for value, unit in zip(values, reversed(units), strict=True):
        count, number = divmod(number, value) if number >= value else (0, number)
        if count:
            if pending_zero:
                out += digits[0]
                pending_zero = False
            if not (value == 10 and count == 1 and not out and not teen_one):
                out += digits[count]
            out += unit
        elif out:
            pending_zero = True
    if number:
        if pending_zero:
            out += digits[0]
        out += digits[number]
    return out


def _letters(number: int, upper: bool) -> str:
    if number <= 0:
        return str(number)
    letter = chr((number - 1) % 26 + (65 if upper else 97))
    return letter * ((number - 1) // 26 + 1)


def _roman(number: int) -> str:
    if not 0 < number < 4000:
        return str(number)
    out = ""
    for value, symbol in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while number >= value:
            out += symbol
            number -= value
    return out


def format_number(number: int, fmt: str) -> str:
    """Format a list counter the way Word shows it for ``w:numFmt``."""
    if number < 0:
        return str(number)
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "japaneseCounting",
        "taiwaneseCounting",
        "taiwaneseCountingThousand",
        "koreanCounting",
    ):
        return _chinese(number)
    if fmt in ("ideographDigital", "japaneseDigitalTenThousand", "taiwaneseDigital"):
        return "".join("〇一二三四五六七八九"[int(digit)] for digit in str(number))
    if fmt in ("chineseLegalSimplified", "ideographLegalTraditional", "japaneseLegal"):
        return _chinese(number, _LEGAL_DIGITS, "拾佰仟", teen_one=True)
    if fmt == "ideographTraditional":
        return _STEMS[(number - 1) % 10] if number > 0 else str(number)
    if fmt == "ideographZodiac":
        return _BRANCHES[(number - 1) % 12] if number > 0 else str(number)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return chr(0x2460 + number - 1) if 1 <= number <= 20 else str(number)
    if fmt == "decimalEnclosedParen":
        return chr(0x2474 + number - 1) if 1 <= number <= 20 else f"({number})"
    if fmt == "decimalEnclosedFullstop":
        return chr(0x2488 + number - 1) if 1 <= number <= 20 else f"{number}."
    if fmt == "ideographEnclosedCircle":
        return chr(0x3280 + number - 1) if 1 <= number <= 10 else str(number)
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(ord(digit) + 0xFEE0) for digit in str(number))
    if fmt == "decimalZero":
        return f"{number:02d}"
    if fmt == "upperLetter":
        return _letters(number, True)
    if fmt == "lowerLetter":
        return _letters(number, False)
    if fmt == "upperRoman":
        return _roman(number)
    if fmt == "lowerRoman":
        return _roman(number).lower()
    return str(number)


# --------------------------------------------------------------------------- the body


@dataclass
class Paragraph:
    text: str
    level: int | None  # heading level, None for body text


@dataclass
class Reader:
    styles: _Styles
    numbering: _Numbering
    parts: list[str] = field(default_factory=list)
    lines: list[SourceLine] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    offset: int = 0
    number: int = 0
    carry: str = ""  # text of a paragraph whose mark was deleted
    text: str = ""

    # ------------------------------------------------------------ containers
    def read_container(self, container: Any) -> None:
        for child in container.iterchildren():
            tag = child.tag
            if tag == _w("p"):
                paragraph = self.paragraph(child)
                if paragraph is not None:
                    self.emit_paragraph(paragraph)
            elif tag == _w("tbl"):
                self.read_table(child)
            elif tag in (_w("sdt"), _w("customXml"), _w("sdtContent"), _w("ins"), _w("moveTo")):
                self.read_container(child)

    def read_table(self, table: Any) -> None:
        for row in _children(table, "tr"):
            trpr = row.find(_w("trPr"))
            if trpr is not None and (trpr.find(_w("del")) is not None):
                continue  # a deleted row, read as accepted
            cells: list[list[Paragraph]] = []
            for cell in _children(row, "tc"):
                tcpr = cell.find(_w("tcPr"))
                merge = tcpr.find(_w("vMerge")) if tcpr is not None else None
                if merge is not None and _val(merge) != "restart":
                    continue  # continues the merged cell above
                cells.append(self.cell_paragraphs(cell))
            if cells:
                self.emit_row(cells)

    def cell_paragraphs(self, container: Any) -> list[Paragraph]:
        paragraphs: list[Paragraph] = []
        for child in container.iterchildren():
            tag = child.tag
            if tag == _w("p"):
                paragraph = self.paragraph(child)
                if paragraph is not None:
                    paragraphs.append(paragraph)
            elif tag == _w("tbl"):
                for row in _children(child, "tr"):
                    for cell in _children(row, "tc"):
                        paragraphs.extend(self.cell_paragraphs(cell))
            elif tag in (_w("sdt"), _w("customXml"), _w("sdtContent")):
                paragraphs.extend(self.cell_paragraphs(child))
        if self.carry:
            paragraphs.append(Paragraph(self.carry, None))
            self.carry = ""
        return paragraphs

    # ------------------------------------------------------------ one paragraph
    def paragraph(self, element: Any) -> Paragraph | None:
        """The paragraph as read with changes accepted, or None when its mark
        was deleted (its text then runs on into the next paragraph)."""
        ppr = element.find(_w("pPr"))
        style_id = _val(ppr.find(_w("pStyle"))) if ppr is not None else None
        pieces: list[str] = []
        pieces.extend(text for text, _node in walk_text(element))
        text = "".join(pieces)
        mark_rpr = ppr.find(_w("rPr")) if ppr is not None else None
        if mark_rpr is not None and (mark_rpr.find(_w("del")) is not None or mark_rpr.find(_w("moveFrom")) is not None):
            self.carry = self.carry + self.label(ppr, style_id) + text if text else self.carry
            return None
        text = "" if self.styles.is_toc(style_id) else self.label(ppr, style_id) + text
        if self.carry:
            text = self.carry + text
            self.carry = ""
        level = self.styles.heading_level(style_id)
        outline = _val(ppr.find(_w("outlineLvl"))) if ppr is not None else None
        outline_level = _int(outline, 0, _MAX_OUTLINE)
        if outline_level is not None:
            level = outline_level + 1 if outline_level < 9 else None
        return Paragraph(text=text, level=level)

    def label(self, ppr: Any, style_id: str | None) -> str:
        num_pr = ppr.find(_w("numPr")) if ppr is not None else None
        num_id: str | None = None
        ilvl: int | None = None
        if num_pr is not None:
            num_id = _val(num_pr.find(_w("numId")))
            ilvl = _int(_val(num_pr.find(_w("ilvl"))), 0, _MAX_ILVL)
        carrier = style_id
        if num_id is None:
            num_id, style_ilvl, carrier = self.styles.numbering(style_id)
            ilvl = ilvl if ilvl is not None else style_ilvl
        if num_id is None or num_id == "0":
            return ""
        if ilvl is None:
            ilvl = self.numbering.level_for_style(num_id, carrier)
        return self.numbering.label(num_id, ilvl)

    # ------------------------------------------------------------ output
    def emit_paragraph(self, paragraph: Paragraph) -> None:
        self.number += 1
        self.lines.append(SourceLine(offset=self.offset, line=self.number))
        start = self.offset
        self.write(paragraph.text)
        kind = BlockKind.PARAGRAPH
        level = 0
        if paragraph.level is not None:
            kind, level = BlockKind.HEADING, paragraph.level
        self.add_block(start, self.offset, kind, level)
        self.write("\n")

    def emit_row(self, cells: list[list[Paragraph]]) -> None:
        row_start = self.offset
        for index, paragraphs in enumerate(cells):
            self.number += 1
            if not paragraphs:
                self.lines.append(SourceLine(offset=self.offset, line=self.number))
            for position, paragraph in enumerate(paragraphs):
                self.lines.append(SourceLine(offset=self.offset, line=self.number))
                self.write(paragraph.text.replace("\t", " "))
                if position + 1 < len(paragraphs):
                    self.write("\n")
            self.write("\t" if index + 1 < len(cells) else "")
        self.add_block(row_start, self.offset, BlockKind.TABLE_ROW, 0)
        self.write("\n")

    def write(self, text: str) -> None:
        self.parts.append(text)
        self.offset += len(text)

    def add_block(self, start: int, end: int, kind: BlockKind, level: int) -> None:
        self.blocks.append(Block(start=start, end=end, kind=kind, level=level))

    def finish(self) -> None:
        if self.carry:
            self.emit_paragraph(Paragraph(self.carry, None))
            self.carry = ""
        text = "".join(self.parts)
        if text.endswith("\n"):
            text = text[:-1]
        self.text = text
        # Trim blocks to their non-blank text; drop empty ones.
        trimmed: list[Block] = []
        for block in self.blocks:
            start, end = block.start, min(block.end, len(text))
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                trimmed.append(Block(start=start, end=end, kind=block.kind, level=block.level))
        self.blocks = trimmed
        # Lines must have distinct offsets; a trailing empty paragraph may sit at the end.
        unique: list[SourceLine] = []
        for entry in self.lines:
            if unique and entry.offset <= unique[-1].offset:
                continue
            unique.append(entry)
        self.lines = unique or [SourceLine(offset=0, line=1)]


def _children(element: Any, name: str) -> list[Any]:
    """Children named ``name``, looking through content controls and custom XML."""
    found: list[Any] = []
    for child in element.iterchildren():
        if child.tag == _w(name):
            found.append(child)
        elif child.tag in (_w("sdt"), _w("sdtContent"), _w("customXml"), _w("ins"), _w("moveTo")):
            found.extend(_children(child, name))
    return found


def walk_text(element: Any) -> Iterator[tuple[str, Any]]:
    """The visible text under ``element`` (changes accepted), piece by piece,
    each with the XML node it comes from — the walk the parser reads, public
    for writers that must find a character again (review comments)."""
    for child in element.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            continue
        if tag == _W + "t":
            if child.text:
                yield child.text, child
        elif tag == _W + "r":
            rpr = child.find(_w("rPr"))
            if rpr is not None and (_on(rpr.find(_w("vanish"))) or _on(rpr.find(_w("webHidden")))):
                continue
            yield from walk_text(child)
        elif tag in (_W + "tab", _W + "ptab"):
            yield "\t", child
        elif tag in (_W + "br", _W + "cr"):
            yield "\n", child
        elif tag == _W + "noBreakHyphen":
            yield "-", child
        elif tag == _W + "sym":
            value = _symbol(_val(child, "char"))
            if value is not None:
                yield ("•" if 0xE000 <= value <= 0xF8FF else chr(value)), child
        else:
            # Runs, insertions, moved-to text, hyperlinks, smart tags, content
            # controls, simple fields (their result), ruby bases.
            yield from walk_text(child)


_HEX = re.compile(r"[0-9A-Fa-f]{1,6}")


def _symbol(code: str | None) -> int | None:
    """The code point of a ``w:sym`` ``w:char`` (hexadecimal), or None when it is not a character:
    not hexadecimal, beyond U+10FFFF, a surrogate, or a control character."""
    if code is None or _HEX.fullmatch(code.strip()) is None:
        return None
    value = int(code, 16)
    if value > 0x10FFFF or 0xD800 <= value <= 0xDFFF or value < 0x20 or 0x7F <= value < 0xA0:
        return None
    return value
