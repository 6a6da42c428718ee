"""``disclint.report.docx_comments``: a reviewed .docx with one Word comment per finding.

Convention checked here: the output holds one comment (author "disclint") per
finding, anchored on exactly the finding's excerpt, plus one comment at the
start of the document listing the missing sections when there is at least one
``missing_section`` finding.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

docx = pytest.importorskip("docx")

from disclint.model.document import Position  # noqa: E402
from disclint.model.findings import Category, FileResult, Finding, LocatedFinding, Severity  # noqa: E402
from disclint.parse import parse_path  # noqa: E402
from disclint.report.docx_comments import AnnotateError, annotate, comment_text, default_output  # noqa: E402
from fixtures_inputs import write_docx, write_pdf, write_txt  # noqa: E402
from review_fixtures import W, anchored_texts, comments_by_author, view_result  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
FAULTY = EXAMPLES / "02_提质增效重回报行动方案_faulty.txt"
W_NS = W[1:-1]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def nonblank_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def reflowed(excerpt: str) -> str:
    """A PDF excerpt as the reviewed copy shows it: printed line breaks gone (a space between Latin words)."""
    return re.sub(r"(?<=(.))\n(?=(.))", lambda m: " " if m.group(1).isascii() and m.group(2).isascii() else "", excerpt)


def check_output(result: FileResult, output: Path) -> list[tuple[str, str]]:
    """The invariants every reviewed file keeps; returns the disclint comments."""
    comments = comments_by_author(output)
    missing = [item for item in result.findings if item.finding.category is Category.MISSING_SECTION]
    assert len(comments) == len(result.findings) + (1 if missing else 0)
    anchored = anchored_texts(output)
    finding_comments = comments[1:] if missing else comments
    for (comment_id, text), item in zip(finding_comments, result.findings, strict=True):
        excerpt = reflowed(item.excerpt) if result.source_format == "pdf" else item.excerpt
        assert anchored[comment_id] == excerpt, (item.finding.code, anchored[comment_id], item.excerpt)
        assert text.startswith(item.finding.code)
        assert item.finding.message in text
        if item.finding.suggestion:
            assert item.finding.suggestion in text
    if missing:
        header_id, header = comments[0]
        assert header.startswith("disclint：本文缺少")
        for item in missing:
            assert item.finding.message in header
        assert anchored[header_id].strip()
    # The body text is kept: disclint reads the same text from the output
    # (a new document from text input leaves out the blank lines).
    written = parse_path(output).text
    if result.source_format == "docx":
        assert written == result.text
    elif result.source_format == "pdf":
        assert "".join(written.split()) == "".join(result.text.split())  # the same text, lines joined
    else:
        assert nonblank_lines(written) == nonblank_lines(result.text)
    reopened = docx.Document(str(output))
    assert sum(1 for comment in reopened.comments if comment.author == "disclint") == len(comments)
    return comments


# --------------------------------------------------------------------------- .docx input


@pytest.fixture(scope="module")
def draft_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_docx(tmp_path_factory.mktemp("annotate") / "行动方案.docx")


def test_docx_copy_has_one_comment_per_finding_on_the_exact_span(draft_docx: Path, tmp_path: Path) -> None:
    before = sha256(draft_docx)
    result = view_result(draft_docx)
    assert result.findings
    output = tmp_path / "reviewed.docx"
    summary = annotate(result, output, source=draft_docx)
    assert sha256(draft_docx) == before, "the input file must never be modified"
    comments = check_output(result, output)
    assert summary.comments == len(comments)
    assert summary.findings == len(result.findings)
    assert summary.inexact == 0
    assert summary.missing_sections == sum(
        1 for item in result.findings if item.finding.category is Category.MISSING_SECTION
    )
    # The reviewer's own comment, the header, footer, styles, numbering and table survive.
    assert [text for _id, text in comments_by_author(output, "审阅人")] == ["批注：遥遥领先要删掉吗？绝对领先"]
    reopened = docx.Document(str(output))
    original = docx.Document(str(draft_docx))
    assert reopened.sections[0].header.paragraphs[0].text == original.sections[0].header.paragraphs[0].text
    assert [p.style.name for p in reopened.paragraphs] == [p.style.name for p in original.paragraphs]
    assert len(reopened.tables) == len(original.tables) == 1
    assert [c.text for c in reopened.tables[0].rows[1].cells] == [c.text for c in original.tables[0].rows[1].cells]
    # Linting the reviewed copy finds the same things at the same places.
    again = view_result(output)
    assert [(i.finding.code, i.start, i.end) for i in again.findings] == [
        (i.finding.code, i.start, i.end) for i in result.findings
    ]


def _runs_docx(path: Path, paragraphs: list[list[tuple[str, dict[str, object]]]], title: str | None = None) -> Path:
    from docx.shared import Pt, RGBColor

    document = docx.Document()
    if title:
        document.add_paragraph(title, style="Title")
    for runs in paragraphs:
        paragraph = document.add_paragraph()
        for text, style in runs:
            run = paragraph.add_run(text)
            run.bold = bool(style.get("bold")) or None
            run.italic = bool(style.get("italic")) or None
            if "color" in style:
                run.font.color.rgb = RGBColor.from_string(str(style["color"]))
            if "size" in style:
                run.font.size = Pt(float(str(style["size"])))
    document.save(str(path))
    return path


def _run_texts_in_comment(output: Path, comment_id: str) -> list[tuple[str, bool, str | None]]:
    """(text, bold, colour) of each run inside a comment's range."""
    from lxml import etree

    body = etree.fromstring(_part(output, "word/document.xml"))
    inside = False
    runs = []
    for element in body.iter():
        if element.tag == W + "commentRangeStart" and element.get(W + "id") == comment_id:
            inside = True
        elif element.tag == W + "commentRangeEnd" and element.get(W + "id") == comment_id:
            inside = False
        elif inside and element.tag == W + "r":
            text = "".join(t.text or "" for t in element.iter(W + "t"))
            if not text:
                continue
            bold = element.find(f"{W}rPr/{W}b") is not None
            color = element.find(f"{W}rPr/{W}color")
            runs.append((text, bold, None if color is None else color.get(W + "val")))
    return runs


def _part(path: Path, name: str) -> bytes:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return archive.read(name)


def test_span_across_run_boundaries_splits_runs_and_keeps_formatting(tmp_path: Path) -> None:
    source = _runs_docx(
        tmp_path / "bold.docx",
        [
            [
                ("公司已成为国内行业的绝对龙头，产品技术水平遥", {"color": "C00000", "size": 12}),
                ("遥领", {"bold": True}),
                ("先，远销海外多个国家和地区。", {"italic": True}),
            ]
        ],
        title="关于公司经营情况的自愿性信息披露公告",
    )
    result = view_result(source)
    item = next(item for item in result.findings if item.excerpt == "遥遥领先")
    output = tmp_path / "bold.reviewed.docx"
    annotate(result, output, source=source)
    comments = check_output(result, output)
    number = result.findings.index(item)
    missing = any(i.finding.category is Category.MISSING_SECTION for i in result.findings)
    comment_id = comments[number + (1 if missing else 0)][0]
    assert _run_texts_in_comment(output, comment_id) == [
        ("遥", False, "C00000"),
        ("遥领", True, None),
        ("先", False, None),
    ]
    # Outside the span the split pieces keep their formatting too.
    reopened = docx.Document(str(output))
    paragraph = next(p for p in reopened.paragraphs if "遥遥领先" in p.text)
    assert paragraph.text == "公司已成为国内行业的绝对龙头，产品技术水平遥遥领先，远销海外多个国家和地区。"
    first = paragraph.runs[0]
    assert first.font.color.rgb is not None and str(first.font.color.rgb) == "C00000"
    assert first.font.size is not None and first.font.size.pt == 12
    assert any(run.italic and run.text.startswith("，远销") for run in paragraph.runs)


def _raw_docx(path: Path, body_xml: str) -> Path:
    from docx.oxml import parse_xml

    document = docx.Document()
    body = document.element.body
    sect = body.find(W + "sectPr")
    for element in parse_xml(f'<w:root xmlns:w="{W_NS}">{body_xml}</w:root>'):
        sect.addprevious(element)
    document.save(str(path))
    return path


def test_span_across_a_deleted_paragraph_mark_and_in_a_table_cell(tmp_path: Path) -> None:
    deleted_mark = '<w:pPr><w:rPr><w:del w:id="71" w:author="审阅人" w:date="2025-04-09T10:00:00Z"/></w:rPr></w:pPr>'
    source = _raw_docx(
        tmp_path / "tracked.docx",
        '<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>关于公司经营情况的自愿性信息披露公告</w:t></w:r></w:p>'
        f"<w:p>{deleted_mark}<w:r><w:t>公司产品技术水平遥遥</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>领先，远销海外。</w:t></w:r></w:p>"
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>市场地位</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>公司是国内</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>唯一</w:t></w:r>"
        "<w:r><w:t>一家能够量产该产品的企业。</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
    )
    result = view_result(source)
    excerpts = [item.excerpt for item in result.findings]
    assert "遥遥领先" in excerpts
    assert any("唯一" in excerpt for excerpt in excerpts)
    output = tmp_path / "tracked.reviewed.docx"
    annotate(result, output, source=source)
    # The independent reader adds a line break at every paragraph end; a
    # deleted mark joins two paragraphs, so drop that break for the check.
    anchored = anchored_texts(output)
    comments = comments_by_author(output)
    missing = any(i.finding.category is Category.MISSING_SECTION for i in result.findings)
    for (comment_id, _text), item in zip(comments[1:] if missing else comments, result.findings, strict=True):
        expected = item.excerpt
        got = anchored[comment_id]
        if item.excerpt == "遥遥领先":
            assert got == "遥遥\n领先"  # the range spans both <w:p>: their mark is deleted
        else:
            assert got == expected


def test_span_over_a_generated_list_number_is_anchored_on_the_stored_text(draft_docx: Path, tmp_path: Path) -> None:
    result = view_result(draft_docx)
    start = result.text.index("一、提升经营质量")
    end = start + len("一、提升经营质量")
    finding = Finding(
        code="ST001",
        category=Category.STYLE,
        severity=Severity.INFO,
        message="测试：跨越自动编号",
        start=start,
        end=end,
    )
    fake = LocatedFinding(finding, result.text[start:end], Position(start, 1, 1), Position(end, 1, 1), "")
    result.findings = [fake]
    output = tmp_path / "label.docx"
    summary = annotate(result, output, source=draft_docx)
    assert summary.inexact == 1
    ((comment_id, _text),) = comments_by_author(output)
    assert anchored_texts(output)[comment_id] == "提升经营质量"  # "一、" is Word's numbering, not text


@pytest.mark.usefixtures("english")
def test_refuses_to_overwrite_the_input_and_rejects_a_changed_file(draft_docx: Path, tmp_path: Path) -> None:
    result = view_result(draft_docx)
    copy = tmp_path / "copy.docx"
    shutil.copy(draft_docx, copy)
    with pytest.raises(AnnotateError, match="overwrite"):
        annotate(result, copy, source=copy)
    other = _runs_docx(tmp_path / "other.docx", [[("完全不同的一段文字。", {})]])
    with pytest.raises(AnnotateError, match="changed since it was linted"):
        annotate(result, tmp_path / "out.docx", source=other)
    with pytest.raises(AnnotateError, match="could not be read"):
        annotate(FileResult(path="bad.docx", error="corrupt .docx file"), tmp_path / "out.docx", source=other)


def test_no_missing_sections_means_exactly_one_comment_per_finding(tmp_path: Path) -> None:
    source = _runs_docx(tmp_path / "short.docx", [[("公司核心技术遥遥领先，", {}), ("产品品质卓越。", {"bold": True})]])
    result = view_result(source)
    assert result.findings
    assert not any(item.finding.category is Category.MISSING_SECTION for item in result.findings)
    output = tmp_path / "short.reviewed.docx"
    summary = annotate(result, output, source=source)
    assert summary.comments == len(result.findings) and summary.missing_sections == 0
    check_output(result, output)


def test_clean_file_gets_no_comments(tmp_path: Path) -> None:
    source = _runs_docx(tmp_path / "clean.docx", [[("公司2024年实现营业收入46.30亿元。", {})]])
    result = view_result(source)
    assert not result.findings
    output = tmp_path / "clean.reviewed.docx"
    assert annotate(result, output, source=source).comments == 0
    assert len(docx.Document(str(output)).comments) == 0


# --------------------------------------------------------------------------- text and PDF input


def test_txt_input_gives_a_new_docx_of_the_text(tmp_path: Path) -> None:
    source = write_txt(tmp_path / "draft.txt")
    result = view_result(source)
    output = tmp_path / "draft.reviewed.docx"
    summary = annotate(result, output, source=source)
    comments = check_output(result, output)
    assert summary.inexact == 0
    item = result.findings[0]
    assert f"原文位置：第 {item.start.line} 行第 {item.start.column} 字" in comments[-len(result.findings)][1]


def test_example_with_headings_and_comments_texts(tmp_path: Path) -> None:
    result = view_result(FAULTY)
    output = tmp_path / "faulty.reviewed.docx"
    annotate(result, output, source=FAULTY)
    comments = check_output(result, output)
    pt = next(item for item in result.findings if item.finding.code == "PT001")
    text = next(text for _id, text in comments if text.startswith("PT001"))
    assert text == comment_text(pt, location=True)
    assert "建议：" in text and "依据：" in text


def test_pdf_input_is_reflowed_into_paragraphs(tmp_path: Path) -> None:
    source = tmp_path / "draft.pdf"
    write_pdf(source)
    result = view_result(source)
    assert any("\n" in item.excerpt for item in result.findings), "the fixture wraps a flagged phrase"
    output = tmp_path / "draft.reviewed.docx"
    annotate(result, output, source=source)
    check_output(result, output)
    assert any(text.endswith("字") and "第 1 页" in text for _id, text in comments_by_author(output))
    # One paragraph per paragraph of the PDF, its printed lines joined (no orphan fragments).
    reopened = docx.Document(str(output))
    assert len(reopened.paragraphs) < result.text.count("\n")
    texts = [paragraph.text for paragraph in reopened.paragraphs]
    assert "遥遥领先" in "".join(texts) and not any("\n" in text for text in texts)


def test_markdown_headings_become_heading_styles(tmp_path: Path) -> None:
    source = tmp_path / "plan.md"
    source.write_text(
        "# 关于2025年度“提质增效重回报”行动方案的公告\n\n## 一、提升经营质量\n\n公司核心技术遥遥领先。\n",
        encoding="utf-8",
    )
    result = view_result(source)
    output = tmp_path / "plan.reviewed.docx"
    annotate(result, output, source=source)
    check_output(result, output)
    styles = [p.style.name for p in docx.Document(str(output)).paragraphs if p.text.strip()]
    assert styles[0].startswith("Heading") or styles[0] == "Title"


def test_without_a_source_the_text_is_used_line_by_line(tmp_path: Path) -> None:
    result = view_result(FAULTY)
    result.path = "-"
    output = tmp_path / "stdin.reviewed.docx"
    annotate(result, output)
    check_output(result, output)


def test_default_output_goes_to_the_review_folder() -> None:
    assert default_output(Path("a/plan.docx")) == Path("a/审阅/plan.reviewed.docx")
    assert default_output(Path("a/plan.pdf")) == Path("a/审阅/plan.reviewed.docx")
    assert default_output(Path("a/plan.docx"), "reviews") == Path("a/reviews/plan.reviewed.docx")
    assert default_output(Path("a/plan.docx"), "/tmp/r") == Path("/tmp/r/plan.reviewed.docx")


# --------------------------------------------------------------------------- LibreOffice

SOFFICE = shutil.which("libreoffice") or shutil.which("soffice")


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice not installed (apt-get install libreoffice-writer)")
def test_libreoffice_converts_the_reviewed_file_and_sees_every_comment(draft_docx: Path, tmp_path: Path) -> None:
    assert SOFFICE is not None
    result = view_result(draft_docx)
    output = tmp_path / "reviewed.docx"
    summary = annotate(result, output, source=draft_docx)
    profile = tmp_path / "lo-profile"
    completed = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}',
            "--outdir",
            str(tmp_path / "pdf"),
            str(output),
        ],
        capture_output=True,
        text=True,
        timeout=240,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    pdf = tmp_path / "pdf" / "reviewed.pdf"
    assert completed.returncode == 0 and pdf.exists(), completed.stdout + completed.stderr
    authors = _pdf_note_authors(pdf)
    assert sum(1 for author in authors if author.startswith("disclint")) == summary.comments
    assert sum(1 for author in authors if author.startswith("审阅人")) == 1
    keep = os.environ.get("DISCLINT_SCREENSHOTS")
    if keep:
        shutil.copy(pdf, Path(keep) / "reviewed.pdf")


def _pdf_note_authors(path: Path) -> list[str]:
    """Authors (``/T``) of the text annotations (comments) LibreOffice exported."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    authors = []
    pdf = pdfium.PdfDocument(str(path))
    try:
        for page in pdf:
            for index in range(raw.FPDFPage_GetAnnotCount(page)):
                annot = raw.FPDFPage_GetAnnot(page, index)
                try:
                    if raw.FPDFAnnot_GetSubtype(annot) == raw.FPDF_ANNOT_TEXT:
                        size = raw.FPDFAnnot_GetStringValue(annot, b"T", None, 0)
                        buffer = ctypes.create_string_buffer(size)
                        raw.FPDFAnnot_GetStringValue(
                            annot, b"T", ctypes.cast(buffer, ctypes.POINTER(raw.FPDF_WCHAR)), size
                        )
                        authors.append(buffer.raw[: max(0, size - 2)].decode("utf-16-le"))
                finally:
                    raw.FPDFPage_CloseAnnot(annot)
    finally:
        pdf.close()
    return authors


def test_crlf_text_gives_clean_paragraphs(tmp_path: Path) -> None:
    source = tmp_path / "crlf.txt"
    lines = ["关于2025年度“提质增效重回报”行动方案的公告", "", "公司核心技术遥遥领先，品质卓越。", "特此公告。"]
    source.write_bytes("\r\n".join(lines).encode("utf-8") + b"\r\n")
    result = view_result(source)
    assert "\r\n" in result.text and result.findings
    output = tmp_path / "crlf.reviewed.docx"
    annotate(result, output, source=source)
    reopened = docx.Document(str(output))
    assert [p.text for p in reopened.paragraphs] == [line for line in lines if line]  # no stray line breaks
    anchored = anchored_texts(output)
    comments = comments_by_author(output)
    for (comment_id, _text), item in zip(comments[-len(result.findings) :], result.findings, strict=True):
        assert anchored[comment_id] == item.excerpt.replace("\r\n", "\n")


def _comment_ids(path: Path) -> list[str]:
    import zipfile

    with zipfile.ZipFile(path) as package:
        return re.findall(r'<w:comment [^>]*?w:id="([^"]*)"', package.read("word/comments.xml").decode("utf-8"))


@pytest.mark.parametrize(
    ("existing", "added"),
    [
        (["x", "7"], ["8", "9", "10", "11"]),  # not a number: left out, as if absent
        ([" 3", "-5"], ["4", "5", "6", "7"]),
        (["2147483647", "1"], ["0", "2", "3", "4"]),  # past 2³¹−1: the first unused from 0
    ],
)
def test_comments_already_in_the_draft_keep_their_ids_and_new_ones_do_not_collide(
    tmp_path: Path, existing: list[str], added: list[str]
) -> None:
    """issue 15 (campaign): an existing comment with w:id="x" ended annotate in a ValueError traceback."""
    from cli_runner import invoke
    from fuzz_inputs import build_docx, comment_parts

    draft = tmp_path / "plan.docx"
    draft.write_bytes(build_docx(comment_parts(existing)))
    result = invoke(["annotate", "--no-config", str(draft), "-o", str(tmp_path / "out.docx")])
    assert result.exit_code == 0, result.stderr
    assert _comment_ids(tmp_path / "out.docx") == existing + added


def test_comment_ids_are_counted_not_looked_up_per_comment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """python-docx's add_comment reads every id already there for each new one: n comments cost
    n² (4,000 findings took minutes). annotate counts them instead, which this shows by
    structure: the per-comment lookup is never called."""
    from docx.oxml.comments import CT_Comments

    from fuzz_inputs import PARAGRAPHS, build_docx, document_xml, paragraph_xml

    def forbidden(self: object) -> int:
        raise AssertionError("per-comment id lookup")

    monkeypatch.setattr(CT_Comments, "_next_available_comment_id", forbidden)
    draft = tmp_path / "long.docx"
    draft.write_bytes(build_docx({"word/document.xml": document_xml(paragraph_xml(PARAGRAPHS[1]) * 200)}))
    summary = annotate(view_result(draft), tmp_path / "out.docx", source=draft)
    assert summary.comments == summary.findings >= 400
    ids = _comment_ids(tmp_path / "out.docx")
    assert ids == [str(number) for number in range(len(ids))]


def test_a_reviewed_copy_past_its_time_budget_is_not_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """annotate had no time budget (check had --timeout): a draft whose copy took hours held the
    command for hours. Now one budget covers reading, linting and writing; past it the draft is
    reported as not checked, status 2, and nothing is left behind."""
    import time

    import disclint.report.docx_comments as docx_comments
    from cli_runner import invoke

    def endless(*_args: object, **_options: object) -> None:
        while True:  # interrupted by the budget
            time.sleep(0.01)

    monkeypatch.setenv("DISCLINT_LANG", "en")
    monkeypatch.setattr(docx_comments, "annotate", endless)
    draft = write_docx(tmp_path / "plan.docx")
    target = tmp_path / "out.docx"
    result = invoke(["annotate", "--no-config", str(draft), "-o", str(target), "--timeout", "0.5"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"disclint: error: {draft}: not checked: it took longer than the time budget of 0.5 s (raise it with --timeout)\n"
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == ["plan.docx"]
