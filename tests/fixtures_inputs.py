"""Generators for .docx and .pdf test inputs (no network, no committed binaries).

One draft, ``DRAFT``, is written three ways: as .txt (one paragraph a line,
the way a draft is typed), as .docx with python-docx (real heading styles,
Word auto-numbering for "一、" and "（一）", a numbered list, a table, a
tracked insertion and deletion, and text that must *not* be read: a header,
a footer, a comment and a text box) and as .pdf with reportlab's built-in CID
font STSong-Light (a running header and page numbers on every page, lines
wrapped mid-sentence, first-line indents, a ruled table, a paragraph broken
across pages).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# --------------------------------------------------------------------------- the draft

# A running header that would be flagged (遥遥领先) if it leaked into the text.
HEADER = "海川新材　行业遥遥领先的隔膜供应商　2025-018"

# Kinds: title, p, h1 (numbered 一、), h2 (numbered （一）), item (numbered （1）),
# table (rows of cells), tracked (before, deleted, inserted, after), sign (right-aligned).
DRAFT: list[tuple[str, Any]] = [
    ("title", "海川新能源材料股份有限公司"),
    ("title", "关于2025年度“提质增效重回报”行动方案的公告"),
    (
        "p",
        "本公司董事会及全体董事保证本公告内容不存在任何虚假记载、误导性陈述或者重大遗漏，"
        "并对其内容的真实性、准确性和完整性依法承担法律责任。",
    ),
    (
        "p",
        "海川新能源材料股份有限公司（以下简称“公司”）于2025年4月10日召开第三届董事会第九次会议，"
        "审议通过了《关于2025年度“提质增效重回报”行动方案的议案》，具体内容如下：",
    ),
    ("h1", "提升经营质量"),
    (
        "p",
        "2024年，公司实现营业收入46.30亿元，同比增长8.2%；实现归属于上市公司股东的净利润3.12亿元，同比下降12.5%。",
    ),
    # Laid out so that 遥遥领先 is split across two PDF lines (遥遥 / 领先).
    ("p", "公司已成为国内锂电隔膜行业的绝对龙头，其产品技术水平遥遥领先，远销海外多个国家和地区。"),
    ("h2", "降本增效"),
    ("p", "公司将积极推进降本增效，不断提升盈利能力，持续优化资产结构。"),
    ("h2", "存货管理"),
    ("p", "2025年公司计划将存货周转天数由2024年的96天压降至80天以内，具体措施如下："),
    ("item", "2025年6月30日前完成全部仓库的条码管理系统上线；"),
    ("item", "2025年9月30日前将呆滞存货金额压降至0.50亿元以内。"),
    ("h2", "经营目标"),
    ("p", "公司2025年主要经营指标如下表："),
    (
        "table",
        [
            ["指标", "2024年", "2025年目标"],
            ["营业收入（亿元）", "46.30", "不低于50.00"],
            ["研发投入占营业收入比例", "3.8%", "不低于4%"],
        ],
    ),
    ("h1", "加快发展新质生产力"),
    (
        "p",
        "2025年公司研发投入计划不低于营业收入的4%，计划新增发明专利授权不少于15项，并与2所高校共建联合实验室，"
        "每年投入合作经费不低于500万元。公司将持续跟踪行业技术路线的变化，在隔膜涂覆、干法工艺和回收利用等方向"
        "保持研发投入，相关项目的进展将在定期报告中披露。",
    ),
    ("p", "公司计划2025年投入不超过2,000万元，全面布局人形机器人和低空经济赛道，打造第二增长曲线。"),
    ("h1", "完善公司治理"),
    (
        "tracked",
        (
            "公司计划",
            "力争市值突破百亿元，并",
            "于2025年6月30日前",
            "完成《公司章程》《股东会议事规则》《董事会议事规则》的修订。",
        ),
    ),
    ("p", "公司将进一步完善公司治理结构，切实提升规范运作水平。"),
    (
        "p",
        "2025年公司计划召开独立董事专门会议不少于3次，内部审计部门计划完成对全部8家控股子公司的专项审计，"
        "并于2025年12月31日前向审计委员会提交审计报告。公司将按照《上市公司独立董事管理办法》的要求，为独立董事"
        "履职提供必要的工作条件和人员支持，保障独立董事享有与其他董事同等的知情权。",
    ),
    ("h1", "提升投资者回报"),
    (
        "p",
        "公司2024年度拟向全体股东每10股派发现金红利2.00元（含税），以总股本62,400万股计算，合计拟派发现金红利"
        "12,480万元（含税），占2024年度归属于上市公司股东的净利润的40.0%。公司计划2025—2027年度每年现金分红总额"
        "不低于当年归属于上市公司股东的净利润的35%。",
    ),
    ("p", "公司将通过上述措施，力争到2027年末公司市值迈上300亿元台阶。"),
    ("p", "特此公告。"),
    ("sign", "海川新能源材料股份有限公司董事会"),
    ("sign", "2025年4月11日"),
]

CN_NUMERALS = "一二三四五六七八九十"


def draft_lines(draft: list[tuple[str, Any]] = DRAFT) -> list[str]:
    """The draft as a person types it: one paragraph a line, numbering written out."""
    lines: list[str] = []
    h1 = h2 = item = 0
    for kind, value in draft:
        if kind == "h1":
            h1 += 1
            h2 = 0
            lines.append(f"{CN_NUMERALS[h1 - 1]}、{value}")
        elif kind == "h2":
            h2 += 1
            item = 0
            lines.append(f"（{CN_NUMERALS[h2 - 1]}）{value}")
        elif kind == "item":
            item += 1
            lines.append(f"（{item}）{value}")
        elif kind == "table":
            lines.extend("\t".join(row) for row in value)
        elif kind == "tracked":
            before, _deleted, inserted, after = value
            lines.append(before + inserted + after)
        else:
            lines.append(value)
    return lines


def write_txt(path: Path, draft: list[tuple[str, Any]] = DRAFT) -> Path:
    path.write_text("\n".join(draft_lines(draft)) + "\n", encoding="utf-8")
    return path


# --------------------------------------------------------------------------- .docx

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

_NUMBERING_XML = (
    f"""
<w:abstractNum xmlns:w="{_W_NS}" w:abstractNumId="90">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/>
    <w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/>
    <w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/></w:lvl>
</w:abstractNum>
""",
    f"""
<w:abstractNum xmlns:w="{_W_NS}" w:abstractNumId="91">
  <w:multiLevelType w:val="singleLevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="nothing"/>
    <w:lvlText w:val="（%1）"/><w:lvlJc w:val="left"/></w:lvl>
</w:abstractNum>
""",
)


def _num_xml(num_id: int, abstract_id: int, restart: bool = False) -> str:
    override = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>' if restart else ""
    return f'<w:num xmlns:w="{_W_NS}" w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{override}</w:num>'


def _set_numbering(paragraph: Any, num_id: int, ilvl: int) -> None:
    from docx.oxml import parse_xml

    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr xmlns:w="{_W_NS}"><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def _tracked_paragraph(document: Any, before: str, deleted: str, inserted: str, after: str) -> Any:
    """A paragraph with a tracked deletion and insertion (python-docx has no API for it)."""
    from docx.oxml import parse_xml

    paragraph = document.add_paragraph(before)
    paragraph._p.append(
        parse_xml(
            f'<w:del xmlns:w="{_W_NS}" w:id="901" w:author="审阅人" w:date="2025-04-09T10:00:00Z">'
            f"<w:r><w:delText>{deleted}</w:delText></w:r></w:del>"
        )
    )
    paragraph._p.append(
        parse_xml(
            f'<w:ins xmlns:w="{_W_NS}" w:id="902" w:author="审阅人" w:date="2025-04-09T10:00:00Z">'
            f"<w:r><w:t>{inserted}</w:t></w:r></w:ins>"
        )
    )
    paragraph.add_run(after)
    return paragraph


def _text_box_run(paragraph: Any, text: str) -> None:
    """A VML text box anchored in ``paragraph``: its text is not body text."""
    from docx.oxml import parse_xml

    paragraph._p.append(
        parse_xml(
            f'<w:r xmlns:w="{_W_NS}" xmlns:v="urn:schemas-microsoft-com:vml"><w:pict>'
            '<v:shape id="box1" style="width:120pt;height:40pt"><v:textbox><w:txbxContent>'
            f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
            "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
        )
    )


def write_docx(path: Path, draft: list[tuple[str, Any]] = DRAFT, *, extras: bool = True) -> Path:
    """The draft as Word writes it. ``extras`` adds text that must not be read:
    a header, a footer, a comment and a text box (each says 遥遥领先)."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    # abstractNum elements must come before num elements.
    first_num = numbering.find(f"{{{_W_NS}}}num")
    for xml in _NUMBERING_XML:
        element = parse_xml(xml)
        if first_num is not None:
            first_num.addprevious(element)
        else:
            numbering.append(element)
    numbering.append(parse_xml(_num_xml(90, 90)))
    list_num = 91
    restart_next_list = False
    table_style_ok = "Table Grid" in [style.name for style in document.styles]
    for kind, value in draft:
        if kind == "title":
            paragraph = document.add_paragraph(value, style="Title")
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif kind == "h1":
            _set_numbering(document.add_paragraph(value, style="Heading 1"), 90, 0)
            restart_next_list = True
        elif kind == "h2":
            _set_numbering(document.add_paragraph(value, style="Heading 2"), 90, 1)
            restart_next_list = True
        elif kind == "item":
            if restart_next_list:
                list_num += 1
                numbering.append(parse_xml(_num_xml(list_num, 91, restart=True)))
                restart_next_list = False
            _set_numbering(document.add_paragraph(value, style="List Paragraph"), list_num, 0)
        elif kind == "table":
            table = document.add_table(rows=len(value), cols=len(value[0]))
            if table_style_ok:
                table.style = "Table Grid"
            for row, cells in zip(table.rows, value, strict=True):
                for cell, text in zip(row.cells, cells, strict=True):
                    cell.text = text
        elif kind == "tracked":
            _tracked_paragraph(document, *value)
        elif kind == "sign":
            paragraph = document.add_paragraph(value)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        else:
            paragraph = document.add_paragraph(value)
            if extras and "遥遥领先" in value:
                document.add_comment(paragraph.runs, text="批注：遥遥领先要删掉吗？绝对领先", author="审阅人")
                _text_box_run(paragraph, "文本框：公司产品全球绝对领先")
    if extras:
        section = document.sections[0]
        section.header.paragraphs[0].text = HEADER
        section.footer.paragraphs[0].text = "第1页 海川新材遥遥领先"
    document.save(str(path))
    return path


# --------------------------------------------------------------------------- .pdf

FONT = "DisclintTestBoxes"  # generated and embedded: see pdf_font.py
BLANK_FONT = "DisclintTestBlanks"  # the same advances, every glyph blank: see pdf_font.py
TABLE_COLUMNS = (0.45, 0.2, 0.35)  # shares of the text width
_CLOSING = "，。、；：？！）》」』”’%"


def _register_font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from pdf_font import font_path

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(font_path())))
        pdfmetrics.registerFont(TTFont(BLANK_FONT, str(font_path(empty=True))))


def _width(text: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    _register_font()
    return float(stringWidth(text, FONT, size))


def wrap(text: str, width: float, size: float, indent: float = 0.0) -> list[str]:
    """Greedy line breaking by measured width, with closing punctuation hung
    at the line end (never at a line start), as Word does."""
    lines: list[str] = []
    current = ""
    available = width - indent
    for char in text:
        if current and _width(current + char, size) > available + 0.01:
            if char in _CLOSING:
                lines.append(current + char)
                current = ""
            else:
                lines.append(current)
                current = char
            available = width
        else:
            current += char
    if current:
        lines.append(current)
    return lines


@dataclass
class PdfLayout:
    """What was drawn where: (page, line on page counting every text line, text)."""

    pages: list[list[tuple[Any, ...]]] = field(default_factory=list)
    lines: list[tuple[int, int, str]] = field(default_factory=list)

    def find(self, phrase: str) -> tuple[int, int, int]:
        """(page, line, column) of the first line that contains ``phrase``."""
        for page, line, text in self.lines:
            if phrase in text:
                return page, line, text.index(phrase) + 1
        raise KeyError(phrase)


def write_pdf(
    path: Path,
    draft: list[tuple[str, Any]] = DRAFT,
    *,
    header: str | None = HEADER,
    page_numbers: bool = True,
    size: float = 12.0,
    columns: int = 30,
    lines_per_page: int = 30,
) -> PdfLayout:
    """The draft as a filed PDF: A4, a text block ``columns`` CJK characters
    wide, first-line indent of two characters, headings larger, a ruled
    table, a running header and "第 N 页 共 M 页" at the foot of every page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    _register_font()
    page_width, page_height = A4
    width = columns * size
    left = (page_width - width) / 2
    top = page_height - 90
    leading = size * 1.6
    layout = PdfLayout()
    ops: list[tuple[Any, ...]] = []
    y = top
    count = 0

    def new_page() -> None:
        nonlocal ops, y, count
        ops = []
        layout.pages.append(ops)
        y = top
        count = 0

    def room(lines: int = 1) -> None:
        if count + lines > lines_per_page:
            new_page()

    def text_line(x: float, text: str, font_size: float) -> None:
        nonlocal y, count
        room()
        ops.append(("text", x, y, text, font_size))
        y -= leading if font_size <= size else font_size * 1.8
        count += 1

    new_page()
    h1 = h2 = item = 0
    for kind, value in draft:
        if kind == "title":
            text_line((page_width - _width(value, 16)) / 2, value, 16)
        elif kind in ("h1", "h2"):
            if kind == "h1":
                h1 += 1
                h2 = 0
                label = f"{CN_NUMERALS[h1 - 1]}、"
            else:
                h2 += 1
                item = 0
                label = f"（{CN_NUMERALS[h2 - 1]}）"
            font = 14 if kind == "h1" else 13
            room(2)  # keep a heading with the next line
            text_line(left, label + value, font)
        elif kind == "table":
            room(len(value))
            shares = TABLE_COLUMNS if len(value[0]) == len(TABLE_COLUMNS) else [1 / len(value[0])] * len(value[0])
            edges = [left]
            for share in shares:
                edges.append(edges[-1] + share * width)
            row_height = leading
            y_top = y + size + 4
            for row in value:
                for index, cell in enumerate(row):
                    ops.append(("text", edges[index] + 4, y, cell, size * 0.875))
                ops.append(("line", left, y_top, left + width, y_top))
                y_top -= row_height
                y -= row_height
                count += 1
            ops.append(("line", left, y_top, left + width, y_top))
            for x in edges:
                ops.append(("line", x, y_top, x, y_top + row_height * len(value)))
        elif kind == "sign":
            text_line(left + width - _width(value, size), value, size)
        else:
            if kind == "item":
                item += 1
                value = f"（{item}）{value}"
            elif kind == "tracked":
                before, _deleted, inserted, after = value
                value = before + inserted + after
            for index, line in enumerate(wrap(value, width, size, indent=2 * size)):
                text_line(left + (2 * size if index == 0 else 0), line, size)
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setTitle("draft")
    total = len(layout.pages)
    for number, page_ops in enumerate(layout.pages, start=1):
        line_number = 0
        if header:
            pdf.setFont(FONT, 9)
            pdf.drawString(left, page_height - 50, header)
            pdf.line(left, page_height - 55, left + width, page_height - 55)
            line_number += 1
            layout.lines.append((number, line_number, header))
        rows: dict[float, list[str]] = {}
        for op in page_ops:
            if op[0] == "text":
                _kind, x, y_pos, text, font_size = op
                pdf.setFont(FONT, font_size)
                pdf.drawString(x, y_pos, text)
                rows.setdefault(round(y_pos, 1), []).append(text)
            else:
                _kind, x0, y0, x1, y1 = op
                pdf.line(x0, y0, x1, y1)
        for y_pos in sorted(rows, reverse=True):
            line_number += 1
            layout.lines.append((number, line_number, "\t".join(rows[y_pos])))
        if page_numbers:
            footer = f"第 {number} 页 共 {total} 页"
            pdf.setFont(FONT, 9)
            pdf.drawCentredString(page_width / 2, 40, footer)
            line_number += 1
            layout.lines.append((number, line_number, footer))
        pdf.showPage()
    pdf.save()
    return layout


# --------------------------------------------------------------------------- small PDFs for layout cases

A4_WIDTH, A4_HEIGHT = 595.2756, 841.8898


def write_pages(
    path: Path,
    pages: list[list[tuple[Any, ...]]],
    *,
    rules: list[list[tuple[float, float, float, float]]] | None = None,
    encrypt: tuple[str, str] | None = None,
    font: str = FONT,
) -> Path:
    """Draw text items (x, y from the top, text, size[, angle in degrees]) and
    lines (x0, y0, x1, y1 from the top) page by page, in the order given (that
    is the content order), in ``font``."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    _register_font()
    options: dict[str, Any] = {}
    if encrypt is not None:
        from reportlab.lib.pdfencrypt import StandardEncryption

        user, owner = encrypt
        options["encrypt"] = StandardEncryption(user, ownerPassword=owner, canPrint=1, strength=128)
    pdf = canvas.Canvas(str(path), pagesize=A4, **options)
    height = A4[1]
    for index, items in enumerate(pages):
        for item in items:
            x, y, text, size = item[:4]
            pdf.setFont(font, size)
            if len(item) > 4 and item[4]:
                pdf.saveState()
                pdf.translate(x, height - y)
                pdf.rotate(item[4])
                pdf.drawString(0, 0, text)
                pdf.restoreState()
            else:
                pdf.drawString(x, height - y, text)
        for x0, y0, x1, y1 in rules[index] if rules and index < len(rules) else []:
            pdf.line(x0, height - y0, x1, height - y1)
        pdf.showPage()
    pdf.save()
    return path


def two_column_items(
    left_text: str, right_text: str, *, size: float = 10.5, chars: int = 18, gutter: float = 2.0
) -> tuple[list[tuple[float, float, str, float]], list[str], list[str]]:
    """A page with a full-width title, two columns drawn *interleaved* (left
    line 1, right line 1, left line 2 … in the content stream, as some layout
    programs write them) and a full-width closing line. Returns the items and
    the lines of each column."""
    column_width = chars * size
    left_x = 72.0
    right_x = left_x + column_width + gutter * size
    left_lines = wrap(left_text, column_width, size)
    right_lines = wrap(right_text, column_width, size)
    items: list[tuple[float, float, str, float]] = [(left_x, 80.0, "两栏排版测试公告", 16.0)]
    y = 120.0
    for index in range(max(len(left_lines), len(right_lines))):
        if index < len(left_lines):
            items.append((left_x, y, left_lines[index], size))
        if index < len(right_lines):
            items.append((right_x, y, right_lines[index], size))
        y += size * 1.5
    items.append((left_x, y + size * 2, "特此公告。", size))
    return items, left_lines, right_lines
