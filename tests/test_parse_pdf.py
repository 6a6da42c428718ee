"""PDF input: page and line locations, running headers, rejoined lines, columns, errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")

from disclint.model.document import BlockKind, Document
from disclint.parse import InputError, parse_path
from disclint.parse import pdf as pdf_module
from disclint.parse.pdf import (
    PdfPage,
    Rules,
    TextRun,
    clean_text,
    document_from_pages,
    group_rows,
    page_lines,
    read_layouts,
)
from disclint.run.engine import Linter
from disclint.startup.config import Config
from fixtures_inputs import (
    BLANK_FONT,
    DRAFT,
    HEADER,
    PdfLayout,
    two_column_items,
    write_pages,
    write_pdf,
)


@pytest.fixture(scope="module")
def draft_pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, PdfLayout]:
    path = tmp_path_factory.mktemp("pdf") / "行动方案.pdf"
    layout = write_pdf(path)
    return path, layout


@pytest.fixture(scope="module")
def document(draft_pdf: tuple[Path, PdfLayout]) -> Document:
    return parse_path(draft_pdf[0])


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter.create(Config())


def where(document: Document, phrase: str) -> tuple[int | None, int, int]:
    position = document.locate(document.text.index(phrase))
    return position.page, position.line, position.column


# --------------------------------------------------------------------------- locations


def test_fixture_draws_what_the_tests_rely_on(draft_pdf: tuple[Path, PdfLayout]) -> None:
    _path, layout = draft_pdf
    pages = {page for page, _line, _text in layout.lines}
    assert pages == {1, 2}
    # 遥遥领先 is split over two printed lines.
    assert layout.find("其产品技术水平遥遥")[0:2] == (1, 13)
    assert layout.find("领先，远销海外")[0:2] == (1, 14)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("海川新能源材料股份有限公司", (1, 2, 1)),  # line 1 is the running header
        ("一、提升经营质量", (1, 10, 1)),
        ("绝对龙头", (1, 13, 15)),
        ("（二）存货管理", (1, 18, 1)),
        ("三、完善公司治理", (2, 6, 1)),
        ("市值迈上", (2, 21, 22)),
        ("2025年4月11日", (2, 25, 1)),
    ],
)
def test_known_phrases_have_exact_page_line_and_column(
    document: Document, draft_pdf: tuple[Path, PdfLayout], phrase: str, expected: tuple[int, int, int]
) -> None:
    assert where(document, phrase) == expected
    # The generator's own record of where it drew the phrase agrees.
    assert draft_pdf[1].find(phrase) == expected


def test_every_line_maps_back_to_the_drawn_line(document: Document, draft_pdf: tuple[Path, PdfLayout]) -> None:
    drawn = {(page, line): text for page, line, text in draft_pdf[1].lines}
    for entry in document.lines:
        assert entry.page is not None
        text = document.line_text(entry.offset)
        assert drawn[(entry.page, entry.line)] == text


def test_offsets_index_the_extracted_text(document: Document, draft_pdf: tuple[Path, PdfLayout]) -> None:
    offsets = [entry.offset for entry in document.lines]
    assert offsets == sorted(offsets) and len(set(offsets)) == len(offsets)
    assert document.source_format == "pdf"
    assert document.text.startswith("海川新能源材料股份有限公司\n")


# --------------------------------------------------------------------------- running headers and footers


def test_running_header_and_page_numbers_are_not_in_the_text(document: Document) -> None:
    assert HEADER not in document.text
    assert "行业遥遥领先的隔膜供应商" not in document.text
    assert "第 1 页" not in document.text and "共 2 页" not in document.text
    assert all(entry.line != 1 for entry in document.lines)  # line 1 of each page is the header


def test_no_header_or_footer_text_reaches_a_finding(draft_pdf: tuple[Path, PdfLayout], linter: Linter) -> None:
    result = linter.lint_path(draft_pdf[0])
    assert result.error is None
    assert result.findings
    for item in result.findings:
        assert "隔膜供应商" not in item.source_line
        assert "页" not in item.excerpt or "第 " not in item.excerpt
        assert item.start.page in (1, 2)
    hype = [item for item in result.findings if item.excerpt.replace("\n", "") == "遥遥领先"]
    assert len(hype) == 1  # the body's, not the header's


def test_page_numbers_are_removed_from_a_single_page(tmp_path: Path) -> None:
    path = write_pages(
        tmp_path / "one.pdf",
        [[(72, 100, "公司将于2025年6月30日前完成回购。", 12), (290, 800, "- 1 -", 9)]],
    )
    document = parse_path(path)
    assert document.text == "公司将于2025年6月30日前完成回购。"


def test_a_header_that_names_the_chapter_is_removed_by_its_position(tmp_path: Path) -> None:
    pages = []
    bodies = [
        "公司将持续完善治理结构。",
        "公司计划按期披露进展。",
        "独立董事专门会议不少于3次。",
        "本次回购股份将予以注销。",
        "公司不存在应披露未披露事项。",
    ]
    for number in range(1, 6):
        header = "第一节 重要提示" if number < 5 else "第二节 公司简介"
        pages.append(
            [
                (72, 40, header, 9),
                (72, 120, "正文" + bodies[number - 1], 12),
                (290, 810, str(number), 9),
            ]
        )
    document = parse_path(write_pages(tmp_path / "chapters.pdf", pages))
    assert "重要提示" not in document.text
    assert "公司简介" not in document.text
    assert document.text.count("正文") == 5
    assert [entry.line for entry in document.lines] == [2] * 5


# --------------------------------------------------------------------------- rejoined lines


def test_a_phrase_wrapped_across_two_lines_is_found(draft_pdf: tuple[Path, PdfLayout], linter: Linter) -> None:
    document = parse_path(draft_pdf[0])
    assert "遥遥\n领先" in document.text
    result = linter.lint_path(draft_pdf[0])
    [item] = [item for item in result.findings if item.finding.code == "HY001" and "遥遥" in item.excerpt]
    assert item.excerpt == "遥遥\n领先"
    assert (item.start.page, item.start.line, item.start.column) == (1, 13, 27)
    assert (item.end.page, item.end.line) == (1, 14)


def test_lines_broken_mid_sentence_form_one_paragraph(document: Document) -> None:
    texts = [document.text[block.start : block.end] for block in document.blocks]
    joined = [text.replace("\n", "") for text in texts]
    assert "公司将积极推进降本增效，不断提升盈利能力，持续优化资产结构。" in joined
    # A paragraph that runs over the page break is still one paragraph.
    [spanning] = [block for block in document.blocks if "在隔膜" in document.text[block.start : block.end]]
    assert document.locate(spanning.start).page == 1
    assert document.locate(spanning.end - 1).page == 2
    assert document.text[spanning.start : spanning.end].endswith("相关项目的进展将\n在定期报告中披露。")


def test_headings_items_and_table_rows_stay_apart(document: Document) -> None:
    by_text = {document.text[block.start : block.end]: block for block in document.blocks}
    assert by_text["一、提升经营质量"].kind is BlockKind.HEADING
    assert "（1）2025年6月30日前完成全部仓库的条码管理系统上线；" in by_text
    assert "（2）2025年9月30日前将呆滞存货金额压降至0.50亿元以内。" in by_text
    rows = [document.text[block.start : block.end] for block in document.blocks if block.kind is BlockKind.TABLE_ROW]
    [table] = [value for kind, value in DRAFT if kind == "table"]
    assert rows == ["\t".join(row) for row in table]


# --------------------------------------------------------------------------- columns and tables


def test_two_columns_drawn_interleaved_are_read_column_by_column(tmp_path: Path) -> None:
    left = "左栏：公司2025年计划投入研发资金不低于1.2亿元，重点用于隔膜涂覆工艺改进与产线自动化改造项目。"
    right = "右栏：公司计划于2025年9月30日前完成匈牙利生产基地一期厂房建设，并在年内启动设备安装与调试工作。"
    items, left_lines, right_lines = two_column_items(left, right)
    assert len(left_lines) >= 3 and len(right_lines) >= 3
    document = parse_path(write_pages(tmp_path / "columns.pdf", [items]))
    flat = document.text.replace("\n", "")
    assert left in flat and right in flat
    assert flat.index(left) < flat.index(right)
    assert flat.startswith("两栏排版测试公告") and flat.endswith("特此公告。")
    # Line numbers follow reading order: the left column first.
    assert where(document, "左栏")[:2] == (1, 2)
    assert where(document, "右栏")[:2] == (1, 2 + len(left_lines))


def test_a_ruled_two_column_table_is_read_row_by_row(tmp_path: Path) -> None:
    cells = [
        ("公司2025年现金分红比例不低于", "当年归属于上市公司股东净利润的30%"),
        ("公司2025年计划回购股份金额不", "低于1亿元且不超过2亿元人民币"),
        ("公司2025年计划召开业绩说明会", "不少于3次并邀请独立董事参加"),
        ("公司2025年研发投入占营业收入", "比例不低于4%并持续披露进展"),
    ]
    items = []
    rules = []
    y = 120.0
    for first, second in cells:
        items.append((74.0, y, first, 10.5))
        items.append((74.0 + 15 * 10.5 + 4, y, second, 10.5))
        rules.append((72.0, y - 12, 72.0 + 32 * 10.5, y - 12))
        y += 18
    rules.append((72.0, y - 12, 72.0 + 32 * 10.5, y - 12))
    document = parse_path(write_pages(tmp_path / "table.pdf", [items], rules=[rules]))
    rows = [document.text[block.start : block.end] for block in document.blocks]
    assert rows == [f"{first}\t{second}" for first, second in cells]
    assert all(block.kind is BlockKind.TABLE_ROW for block in document.blocks)


def test_cells_that_nearly_touch_are_split_at_a_vertical_rule() -> None:
    runs = [
        TextRun("研发投入占营业收入比例", 76.0, 208.0, 100.0, 112.0, 12.0),
        TextRun("3.8%", 214.0, 238.0, 100.0, 112.0, 12.0),
    ]
    page = PdfPage(
        number=1, width=595.0, height=842.0, runs=runs, load_rules=lambda: Rules(vertical=[(211.0, 95.0, 115.0)])
    )
    [row] = group_rows(runs, page)
    assert len(row.segments) == 2
    page_without_rules = PdfPage(number=1, width=595.0, height=842.0, runs=runs)
    [row] = group_rows(runs, page_without_rules)
    assert len(row.segments) == 1


def test_text_drawn_out_of_order_is_put_in_place() -> None:
    # A fallback-font quote drawn after the character it precedes.
    runs = [
        TextRun("公司发出", 72.0, 120.0, 100.0, 112.0, 12.0),
        TextRun("提质增效", 126.0, 174.0, 100.0, 112.0, 12.0),
        TextRun("“", 120.0, 126.0, 100.0, 112.0, 12.0),
    ]
    [line] = page_lines(PdfPage(number=1, width=595.0, height=842.0, runs=runs))
    assert line.text == "公司发出“提质增效"


# --------------------------------------------------------------------------- characters


def test_full_width_space_indent_and_mid_line_blanks(tmp_path: Path) -> None:
    items = [
        (72, 100, "\u3000\u3000公司简称\u3000海川新材，证券代码605000。", 12),
        (72, 118, "\u3000\u3000本次回购的股份将全部予以注销。", 12),
    ]
    document = parse_path(write_pages(tmp_path / "spaces.pdf", [items]))
    first, second = document.text.split("\n")
    assert first == "公司简称\u3000海川新材，证券代码605000。"
    assert second == "本次回购的股份将全部予以注销。"
    assert len(document.blocks) == 2


def test_diagonal_watermark_and_fake_bold_are_read_once(tmp_path: Path) -> None:
    items = [
        (72, 100, "公司将于2025年6月30日前完成回购。", 12, 0),
        (72.3, 100, "公司将于2025年6月30日前完成回购。", 12, 0),  # drawn twice: fake bold
        (150, 500, "内部资料仅供审阅", 40, 45),  # a diagonal watermark
        (72, 118, "特此公告。", 12, 0),
    ]
    document = parse_path(write_pages(tmp_path / "watermark.pdf", [items]))
    assert document.text == "公司将于2025年6月30日前完成回购。\n特此公告。"


@pytest.mark.parametrize("angle", [90, 270])
def test_text_turned_a_quarter_is_read_in_its_own_frame(tmp_path: Path, angle: int) -> None:
    lines = ["横向表格第一行：营业收入46.30亿元", "横向表格第二行：净利润3.12亿元", "特此公告。"]
    if angle == 90:  # runs upwards; the next line is further right
        items = [(100 + 18 * index, 700, text, 12, angle) for index, text in enumerate(lines)]
    else:  # runs downwards; the next line is further left
        items = [(400 - 18 * index, 100, text, 12, angle) for index, text in enumerate(lines)]
    document = parse_path(write_pages(tmp_path / "turned.pdf", [items]))
    assert document.text.split("\n") == lines


@pytest.mark.parametrize("angle", [90, 270])
def test_text_turned_a_quarter_is_read_whatever_fonts_the_machine_has(tmp_path: Path, angle: int) -> None:
    """Glyphs with empty boxes, as a font that is not embedded has on a machine without
    CJK fonts: PDFium's text page leaves out an object with no width, which a turned
    line is; the reader widens it first, so every line is read."""
    lines = ["横向表格第一行：营业收入46.30亿元", "横向表格第二行：净利润3.12亿元", "特此公告。"]
    if angle == 90:
        items = [(100 + 18 * index, 700, text, 12, angle) for index, text in enumerate(lines)]
    else:
        items = [(400 - 18 * index, 100, text, 12, angle) for index, text in enumerate(lines)]
    path = write_pages(tmp_path / "blank.pdf", [items, [(72, 100, "横排的一行。", 12)]], font=BLANK_FONT)
    document = parse_path(path)
    assert document.text.split("\n") == [*lines, "横排的一行。"]


def test_clean_text_folds_extraction_artefacts_one_for_one() -> None:
    assert clean_text("⽅案") == "方案"  # Kangxi radical U+2F45
    assert clean_text("前 1\ufffd个交易日") == "前 1 个交易日"
    assert clean_text("a\u00a0b") == "a b"
    assert clean_text("全角\u3000空格") == "全角\u3000空格"
    text = "⽇期\ufffd⾄今"
    assert len(clean_text(text)) == len(text)


def test_unmapped_glyphs_make_an_unreadable_text_layer() -> None:
    runs = [TextRun("\ufffd" * 10, 72.0, 192.0, 100.0, 112.0, 12.0)]
    page = PdfPage(number=1, width=595.0, height=842.0, runs=runs, unknown=10)
    with pytest.raises(InputError, match="unreadable"):
        document_from_pages([page], "x.pdf")


# --------------------------------------------------------------------------- errors


def test_encrypted_pdf_gives_one_clear_line(tmp_path: Path) -> None:
    path = write_pages(tmp_path / "locked.pdf", [[(72, 100, "加密文件", 12)]], encrypt=("user-secret", "owner-secret"))
    with pytest.raises(InputError, match="encrypted PDF") as caught:
        parse_path(path)
    assert "\n" not in str(caught.value)


def test_pdf_with_only_an_owner_password_is_read(tmp_path: Path) -> None:
    path = write_pages(
        tmp_path / "restricted.pdf", [[(72, 100, "仅限制编辑的文件可以读取。", 12)]], encrypt=("", "owner")
    )
    assert parse_path(path).text == "仅限制编辑的文件可以读取。"


def test_image_only_pdf_asks_for_ocr(tmp_path: Path) -> None:
    path = write_pages(tmp_path / "scan.pdf", [[]], rules=[[(72, 100, 500, 100), (72, 100, 72, 700)]])
    with pytest.raises(InputError, match="no text layer — run OCR first"):
        parse_path(path)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"hello, not a pdf", "not a PDF"),
        (b"%PDF-1.7\n1 0 obj <<>> endobj\n", "corrupt"),
    ],
)
def test_corrupt_pdf(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(data)
    with pytest.raises(InputError, match=message):
        parse_path(path)


def test_truncated_pdf(tmp_path: Path, draft_pdf: tuple[Path, PdfLayout]) -> None:
    path = tmp_path / "truncated.pdf"
    path.write_bytes(draft_pdf[0].read_bytes()[:2000])
    with pytest.raises(InputError):
        parse_path(path)


def test_input_file_is_not_modified(draft_pdf: tuple[Path, PdfLayout]) -> None:
    before = draft_pdf[0].read_bytes()
    parse_path(draft_pdf[0])
    assert draft_pdf[0].read_bytes() == before


# --------------------------------------------------------------------------- many pages


def test_a_hundred_pages_lose_their_running_header(tmp_path: Path) -> None:
    line = "公司将持续提升经营质量，按期披露行动方案的执行情况，并接受投资者监督。"
    pages = [
        [(72, 60, "海川新材 2025年度报告", 9)]
        + [(72, 100 + 18 * row, line[: 20 + row % 10], 12) for row in range(38)]
        + [(290, 810, f"- {number} -", 9)]
        for number in range(1, 101)
    ]
    document = parse_path(write_pages(tmp_path / "long.pdf", pages))
    assert len({entry.page for entry in document.lines}) == 100
    assert "年度报告" not in document.text


def test_pdf_and_docx_libraries_are_imported_only_when_needed(tmp_path: Path) -> None:
    draft = tmp_path / "a.txt"
    draft.write_text("公司技术水平遥遥领先。\n", encoding="utf-8")
    code = (
        "import sys; from pathlib import Path; from disclint.startup.config import Config; "
        "from disclint.run.engine import Linter; import disclint.cli; "
        f"Linter.create(Config()).lint_path(Path({str(draft)!r})); "
        "print(sorted(m for m in ('pypdfium2', 'docx', 'pdfplumber', 'lxml') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# ---------------------------------------------------------------- errors on a later page


def test_an_error_on_a_later_page_names_that_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_pages(tmp_path / "five.pdf", [[(72, 100, f"第{number}页的正文。", 12)] for number in range(1, 6)])
    real_page = pdf_module._pdfium_page
    bad = 4

    def page(number: int, *args: object) -> PdfPage:
        if number == bad:
            raise InputError(f"corrupt PDF: page {number} cannot be read")
        return real_page(number, *args)

    monkeypatch.setattr(pdf_module, "_pdfium_page", page)
    with pytest.raises(InputError, match=f"corrupt PDF: page {bad} cannot be read"):
        read_layouts(path.read_bytes())
