""".docx input: reading order, headings, auto-numbering, tracked changes, exclusions, errors."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

docx = pytest.importorskip("docx")

from disclint.model.document import Document  # noqa: E402
from disclint.parse import InputError, parse_bytes, parse_path  # noqa: E402
from disclint.parse.docx import format_number  # noqa: E402
from fixtures_inputs import HEADER, write_docx  # noqa: E402

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.fixture(scope="module")
def draft_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_docx(tmp_path_factory.mktemp("docx") / "行动方案.docx")


@pytest.fixture(scope="module")
def document(draft_docx: Path) -> Document:
    return parse_path(draft_docx)


def blocks(document: Document) -> list[tuple[str, int, str]]:
    return [(block.kind.value, block.level, document.text[block.start : block.end]) for block in document.blocks]


def where(document: Document, phrase: str) -> tuple[int | None, int, int]:
    position = document.locate(document.text.index(phrase))
    return position.page, position.line, position.column


def build(paragraphs_xml: list[str], *, numbering_xml: str = "", styles_xml: str = "") -> bytes:
    """A .docx whose body is the given raw ``<w:p>``/``<w:tbl>`` XML."""
    from docx.oxml import parse_xml

    document = docx.Document()
    body = document.element.body
    sect = body.find(f"{{{W}}}sectPr")
    for xml in paragraphs_xml:
        for element in parse_xml(f'<w:root xmlns:w="{W}">{xml}</w:root>'):
            sect.addprevious(element)
    if numbering_xml:
        numbering = document.part.numbering_part.element
        first_num = numbering.find(f"{{{W}}}num")
        for element in parse_xml(f'<w:root xmlns:w="{W}">{numbering_xml}</w:root>'):
            if element.tag == f"{{{W}}}abstractNum" and first_num is not None:
                first_num.addprevious(element)
            else:
                numbering.append(element)
    if styles_xml:
        styles = document.styles.element
        for element in parse_xml(f'<w:root xmlns:w="{W}">{styles_xml}</w:root>'):
            styles.append(element)
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def parse(data: bytes) -> Document:
    return parse_bytes(data, "x.docx")


# --------------------------------------------------------------------------- the generated draft


def test_headings_come_from_styles_with_their_numbering(document: Document) -> None:
    found = blocks(document)
    assert ("heading", 0, "海川新能源材料股份有限公司") in found  # Title style
    assert ("heading", 1, "一、提升经营质量") in found
    assert ("heading", 2, "（一）降本增效") in found
    assert ("heading", 2, "（三）经营目标") in found
    assert ("heading", 1, "四、提升投资者回报") in found
    assert ("paragraph", 0, "特此公告。") in found


def test_numbered_list_labels_are_rebuilt(document: Document) -> None:
    texts = [text for _kind, _level, text in blocks(document)]
    assert "（1）2025年6月30日前完成全部仓库的条码管理系统上线；" in texts
    assert "（2）2025年9月30日前将呆滞存货金额压降至0.50亿元以内。" in texts


def test_tracked_changes_are_read_as_accepted(document: Document) -> None:
    assert "公司计划于2025年6月30日前完成《公司章程》《股东会议事规则》《董事会议事规则》的修订。" in document.text
    assert "市值突破百亿元" not in document.text


def test_header_footer_comment_and_text_box_are_excluded(document: Document) -> None:
    assert HEADER not in document.text
    assert "隔膜供应商" not in document.text
    assert "第1页" not in document.text
    assert "批注" not in document.text
    assert "文本框" not in document.text
    assert document.text.count("遥遥领先") == 1


def test_table_cells_are_read_in_order_and_counted_one_by_one(document: Document) -> None:
    rows = [text for kind, _level, text in blocks(document) if kind == "table_row"]
    assert rows == [
        "指标\t2024年\t2025年目标",
        "营业收入（亿元）\t46.30\t不低于50.00",
        "研发投入占营业收入比例\t3.8%\t不低于4%",
    ]
    assert where(document, "公司2025年主要经营指标如下表") == (None, 15, 1)
    assert where(document, "指标\t2024年") == (None, 16, 1)
    assert where(document, "2024年\t2025年目标") == (None, 17, 1)
    assert where(document, "不低于4%") == (None, 24, 1)
    # After the table (9 cells), paragraphs count on.
    assert where(document, "二、加快发展新质生产力") == (None, 25, 1)


def test_paragraph_numbers_and_columns(document: Document) -> None:
    assert where(document, "海川新能源材料股份有限公司") == (None, 1, 1)
    assert where(document, "一、提升经营质量") == (None, 5, 1)
    assert where(document, "遥遥领先") == (None, 7, 27)
    assert document.source_format == "docx"


def test_cli_json_reports_paragraph_locations(draft_docx: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "disclint", "check", str(draft_docx), "--format", "json", "--no-config"],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 1, out.stderr
    report = json.loads(out.stdout)
    [file] = report["files"]
    hype = [item for item in file["findings"] if item["excerpt"] == "遥遥领先"]
    assert hype and hype[0]["start"] == {"offset": hype[0]["start"]["offset"], "line": 7, "column": 27, "page": None}


# --------------------------------------------------------------------------- crafted XML


def run(text: str, rpr: str = "") -> str:
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def test_deleted_paragraph_mark_joins_the_next_paragraph() -> None:
    data = build(
        [
            f'<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="a"/></w:rPr></w:pPr>{run("公司将于")}</w:p>',
            f"<w:p>{run('2025年底前完成回购。')}</w:p>",
            f"<w:p>{run('特此公告。')}</w:p>",
        ]
    )
    document = parse(data)
    assert document.text.split("\n")[-2:] == ["公司将于2025年底前完成回购。", "特此公告。"]
    assert [entry.line for entry in document.lines] == [1, 2]


def test_deleted_rows_moves_hidden_text_and_field_codes() -> None:
    data = build(
        [
            "<w:p>"
            + run("公司")
            + f'<w:moveFrom w:id="2" w:author="a">{run("旧位置")}</w:moveFrom>'
            + f'<w:moveTo w:id="3" w:author="a">{run("计划")}</w:moveTo>'
            + run("隐藏文字", "<w:rPr><w:vanish/></w:rPr>")
            + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE </w:instrText></w:r>'
            + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            + run("2025年")
            + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            + '<w:r><w:footnoteReference w:id="1"/></w:r>'
            + run("回购股份。")
            + "</w:p>",
            "<w:tbl><w:tr><w:tc><w:p>" + run("保留行") + "</w:p></w:tc></w:tr>"
            '<w:tr><w:trPr><w:del w:id="4" w:author="a"/></w:trPr><w:tc><w:p>'
            + run("删除行")
            + "</w:p></w:tc></w:tr></w:tbl>",
        ]
    )
    document = parse(data)
    assert "公司计划2025年回购股份。" in document.text
    assert "旧位置" not in document.text and "隐藏文字" not in document.text and "DATE" not in document.text
    assert "保留行" in document.text and "删除行" not in document.text


def test_merged_cells_count_once() -> None:
    cell = "<w:tc><w:tcPr>{merge}</w:tcPr><w:p>{text}</w:p></w:tc>"
    data = build(
        [
            "<w:tbl><w:tr>"
            + cell.format(merge='<w:vMerge w:val="restart"/>', text=run("类别"))
            + cell.format(merge="", text=run("甲"))
            + "</w:tr><w:tr>"
            + cell.format(merge="<w:vMerge/>", text="")
            + cell.format(merge="", text=run("乙"))
            + "</w:tr></w:tbl>",
            f"<w:p>{run('表后段落。')}</w:p>",
        ]
    )
    document = parse(data)
    assert [document.text[block.start : block.end] for block in document.blocks] == ["类别\t甲", "乙", "表后段落。"]
    assert where(document, "乙") == (None, 3, 1)
    assert where(document, "表后段落") == (None, 4, 1)


def test_outline_level_and_style_numbering_make_headings() -> None:
    styles = (
        '<w:style w:type="paragraph" w:styleId="ZhangTitle"><w:name w:val="章标题"/>'
        '<w:pPr><w:numPr><w:numId w:val="77"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
    )
    numbering = (
        '<w:abstractNum w:abstractNumId="77"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1章"/><w:suff w:val="space"/>'
        '<w:pStyle w:val="ZhangTitle"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="77"><w:abstractNumId w:val="77"/></w:num>'
    )
    data = build(
        [
            f'<w:p><w:pPr><w:pStyle w:val="ZhangTitle"/></w:pPr>{run("总则")}</w:p>',
            f'<w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr>{run("目的")}</w:p>',
            f"<w:p>{run('正文。')}</w:p>",
            f'<w:p><w:pPr><w:pStyle w:val="ZhangTitle"/></w:pPr>{run("激励对象")}</w:p>',
        ],
        numbering_xml=numbering,
        styles_xml=styles,
    )
    document = parse(data)
    assert blocks(document) == [
        ("heading", 1, "第一章 总则"),
        ("heading", 2, "目的"),
        ("paragraph", 0, "正文。"),
        ("heading", 1, "第二章 激励对象"),
    ]


def test_multilevel_numbering_restarts_and_continues() -> None:
    numbering = (
        '<w:abstractNum w:abstractNumId="5">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/>'
        '<w:suff w:val="nothing"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/>'
        '<w:suff w:val="space"/><w:isLgl/></w:lvl></w:abstractNum>'
        '<w:num w:numId="5"><w:abstractNumId w:val="5"/></w:num>'
        '<w:num w:numId="6"><w:abstractNumId w:val="5"/></w:num>'
    )

    def item(text: str, level: int, num: int = 5) -> str:
        return (
            f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>{run(text)}</w:p>'
        )

    data = build(
        [item("甲", 0), item("子", 1), item("丑", 1), item("乙", 0), item("寅", 1, num=6)], numbering_xml=numbering
    )
    assert parse(data).text.split("\n")[-5:] == ["一、甲", "1.1 子", "1.2 丑", "二、乙", "2.1 寅"]


@pytest.mark.parametrize(
    ("number", "fmt", "expected"),
    [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (11, "chineseCountingThousand", "十一"),
        (20, "chineseCounting", "二十"),
        (105, "chineseCounting", "一百零五"),
        (3, "chineseLegalSimplified", "叁"),
        (2, "ideographTraditional", "乙"),
        (3, "decimalEnclosedCircle", "③"),
        (4, "upperRoman", "IV"),
        (28, "lowerLetter", "bb"),
        (7, "decimalFullWidth", "７"),
        (7, "decimal", "7"),
    ],
)
def test_format_number(number: int, fmt: str, expected: str) -> None:
    assert format_number(number, fmt) == expected


# --------------------------------------------------------------------------- errors


def test_legacy_doc_renamed_to_docx() -> None:
    with pytest.raises(InputError, match=r"legacy Word \.doc"):
        parse(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)


def test_password_protected_docx() -> None:
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 64
    with pytest.raises(InputError, match="password-protected"):
        parse(data)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"plain text, not a package", "not a .docx"),
        (b"PK\x03\x04garbage", "corrupt"),
    ],
)
def test_corrupt_docx(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        parse(data)
    assert "\n" not in str(caught.value)


def test_zip_that_is_not_a_word_document() -> None:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(InputError):
        parse(stream.getvalue())


def test_empty_docx() -> None:
    with pytest.raises(InputError, match="empty document"):
        parse(build([]))


@pytest.mark.parametrize("suffix", [".doc", ".wps"])
def test_legacy_suffixes_have_a_message(suffix: str) -> None:
    with pytest.raises(InputError, match=r"save as \.docx"):
        parse_bytes(b"whatever", f"draft{suffix}")


def test_input_file_is_not_modified(draft_docx: Path) -> None:
    before = draft_docx.read_bytes()
    parse_path(draft_docx)
    assert draft_docx.read_bytes() == before
