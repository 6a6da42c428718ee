"""A TrueType font made at test time, embedded in every test PDF.

Why: a PDF that names a font without embedding it (reportlab's built-in CID
fonts, such as STSong-Light) is drawn by PDFium with whatever font the machine
substitutes. With no CJK font installed the CJK glyphs have empty boxes, and
PDFium's text page drops a text object whose box has no width — a line of
CJK text turned a quarter vanished. Embedding a font makes the test PDFs read
the same on every machine; the reader widens such objects before PDFium reads
the text (parse/pdf.py), and the blank variant of this font (``empty=True``)
recreates the missing-font case on any machine to test that.

The font is generated, so nothing is downloaded and no licence applies: every
character the tests draw gets a box glyph with STSong-Light's advance width,
so line breaking measured with the old font stays the same. The box glyph
runs from the descent to the ascent of STSong-Light.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import cache
from pathlib import Path

ASCENT, DESCENT = 752, -271
# Code points the tests draw: Latin, general and CJK punctuation, Kangxi and
# CJK radicals, CJK unified ideographs (with extension A), full-width forms.
RANGES = (
    (0x20, 0x7E),
    (0xA0, 0xFF),
    (0x2000, 0x206F),
    (0x2100, 0x218F),
    (0x2190, 0x21FF),
    (0x2460, 0x24FF),
    (0x2500, 0x25FF),
    (0x2E80, 0x2FDF),
    (0x3000, 0x303F),
    (0x3200, 0x33FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xFF00, 0xFFEF),
)
_BLANKS = frozenset(" \u00a0\u2002\u2003\u2009\u3000")


@cache
def font_path(empty: bool = False) -> Path:
    """The generated font, written once per test process. ``empty``: every glyph
    blank, with the same advances, as a font that is named but not embedded is
    drawn on a machine without CJK fonts (glyph boxes with no extent)."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.pdfmetrics import registerFont, stringWidth

    reference = "STSong-Light"
    registerFont(UnicodeCIDFont(reference))
    cmap: dict[int, str] = {}
    glyphs: dict[str, object] = {}
    advances: dict[str, tuple[int, int]] = {".notdef": (1000, 0)}

    def glyph(width: int, blank: bool) -> str:
        name = f"{'blank' if blank else 'box'}{width}"
        if name not in advances:
            pen = TTGlyphPen(None)
            if not blank:
                inset = max(1, width // 10)
                pen.moveTo((inset, DESCENT))
                pen.lineTo((inset, ASCENT))
                pen.lineTo((width - inset, ASCENT))
                pen.lineTo((width - inset, DESCENT))
                pen.closePath()
            glyphs[name] = pen.glyph()
            advances[name] = (width, inset if not blank else 0)
        return name

    for first, last in RANGES:
        for code in range(first, last + 1):
            char = chr(code)
            width = max(1, round(stringWidth(char, reference, 1000)))
            cmap[code] = glyph(width, empty or char in _BLANKS)
    notdef = TTGlyphPen(None)
    glyphs[".notdef"] = notdef.glyph()
    order = [".notdef", *sorted(name for name in glyphs if name != ".notdef")]

    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder(order)
    builder.setupCharacterMap(cmap)
    builder.setupGlyf(glyphs)
    builder.setupHorizontalMetrics(advances)
    builder.setupHorizontalHeader(ascent=ASCENT, descent=DESCENT)
    family = "DisclintTestBlanks" if empty else "DisclintTestBoxes"
    builder.setupNameTable({"familyName": family, "styleName": "Regular"})
    builder.setupOS2(sTypoAscender=ASCENT, sTypoDescender=DESCENT, usWinAscent=ASCENT, usWinDescent=-DESCENT)
    builder.setupPost()
    folder = tempfile.mkdtemp(prefix="disclint-font-")
    atexit.register(shutil.rmtree, folder, True)
    path = Path(folder) / f"{family}.ttf"
    builder.save(str(path))
    return path
