"""The HTML report's structure: text kept exactly, highlights on the right spans,
sidebar, details, checklist, file switcher, escaping, no external resources."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from disclint.model.document import Position
from disclint.model.findings import (
    Category,
    DocumentPart,
    FileResult,
    Finding,
    LocatedFinding,
    SectionCheck,
    Severity,
)
from disclint.report.html import category_label, render_html
from disclint.report.location import location_text
from fixtures_inputs import write_docx, write_pdf
from review_fixtures import view_result, view_text

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
FAULTY = EXAMPLES / "02_提质增效重回报行动方案_faulty.txt"
CLEAN = EXAMPLES / "01_业绩说明会召开公告_clean.txt"


class Page(HTMLParser):
    """Reads a report back: per file the document text and which offsets each finding highlights."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.file = -1
        self.text: dict[int, list[str]] = {}
        self.covered: dict[tuple[int, int], set[int]] = {}
        self.anchors: dict[tuple[int, int], int] = {}  # (file, finding) -> offset of its anchor
        self.anchor_lines: dict[tuple[int, int], str | None] = {}
        self.items: dict[int, list[dict[str, str]]] = {}
        self.details: dict[tuple[int, int], list[str]] = {}
        self.ids: list[str] = []
        self.scripts = 0
        self.page_breaks: dict[int, list[str]] = {}
        self.hidden_sections: list[int] = []
        self.tabs: list[str] = []
        self.checklist: dict[int, list[tuple[str, str]]] = {}
        self._in_doc = False
        self._lines = 0
        self._cells = 0
        self._line_attrs: dict[str, str] = {}
        self._detail: tuple[int, int] | None = None
        self._detail_depth = 0
        self._check: list[str] | None = None
        self._page_break = False

    def _offset(self) -> int:
        return sum(len(part) for part in self.text.get(self.file, []))

    def _in(self, tag: str, cls: str | None = None) -> bool:
        return any(t == tag and (cls is None or cls in a.get("class", "").split()) for t, a in self.stack)

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        attrs = {key: value or "" for key, value in attrs_list}
        if "id" in attrs:
            self.ids.append(attrs["id"])
        classes = attrs.get("class", "").split()
        if tag == "script":
            self.scripts += 1
        if tag == "section" and "file" in classes:
            self.file = int(attrs["data-file"])
            self.text[self.file] = []
            if "hidden" in attrs:
                self.hidden_sections.append(self.file)
        if tag == "a" and "file-tab" in classes:
            self.tabs.append(attrs["href"])
        if tag == "article" and "doc" in classes:
            self._in_doc = True
            self._lines = 0
        if self._in_doc and tag == "div" and "l" in classes:
            if self._lines:
                self.text[self.file].append("\n")
            self._lines += 1
            self._cells = 0
            self._line_attrs = attrs
        if self._in_doc and tag == "p" and "p" in classes:
            # A reflowed PDF paragraph: its printed line breaks are not shown.
            self._line_attrs = attrs
        if self._in_doc and tag == "div" and "page-break" in classes:
            self._page_break = True
            self.page_breaks.setdefault(self.file, []).append("")
        if self._in_doc and tag == "span" and "c" in classes:
            if self._cells:
                self.text[self.file].append("\t")
            self._cells += 1
        if self._in_doc and tag == "span" and "anchor" in classes:
            file, number = re.fullmatch(r"f(\d+)-(\d+)", attrs["id"]).groups()  # type: ignore[union-attr]
            self.anchors[(int(file), int(number))] = self._offset()
            self.anchor_lines[(int(file), int(number))] = self._line_attrs.get("data-n")
        if tag == "a" and "item" in classes:
            self.items.setdefault(self.file, []).append(attrs)
        if tag == "div" and "detail" in classes:
            self._detail = (self.file, int(attrs["data-f"]))
            self.details[self._detail] = []
            self._detail_depth = 0
        if self._detail is not None and tag == "div":
            self._detail_depth += 1
        if tag == "li" and self._in("details", "checklist"):
            self._check = [" ".join(classes)]
        self.stack.append((tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            open_tag, _attrs = self.stack.pop()
            if open_tag == tag:
                break
        if tag == "article":
            self._in_doc = False
        if tag == "div" and self._page_break:
            self._page_break = False
        if tag == "div" and self._detail is not None:
            self._detail_depth -= 1
            if self._detail_depth == 0:
                self._detail = None
        if tag == "li" and self._check is not None:
            self.checklist.setdefault(self.file, []).append((self._check[0], "".join(self._check[1:])))
            self._check = None

    def handle_data(self, data: str) -> None:
        if self._detail is not None:
            self.details[self._detail].append(data)
        if self._check is not None:
            self._check.append(data)
        if self._page_break:
            self.page_breaks[self.file][-1] += data
            return
        if not self._in_doc or not (self._in("div", "l") or self._in("p", "p")):
            return
        if self._in("span", "page-mark") or self._in("span", "sp"):
            return
        start = self._offset()
        self.text[self.file].append(data)
        for tag, attrs in reversed(self.stack):
            if tag == "mark" and "hl" in attrs.get("class", "").split():
                for number in attrs["data-f"].split():
                    self.covered.setdefault((self.file, int(number)), set()).update(range(start, start + len(data)))
                break


def read(page: str) -> Page:
    parser = Page()
    parser.feed(page)
    parser.close()
    return parser


def check_reflowed_highlights(parsed: Page, file: int, result: FileResult) -> None:
    """A PDF shows its paragraphs without the printed line breaks; each finding
    highlights exactly its characters, across the line ends."""
    text = result.text
    inside = set()
    for start, end, _heading in result.paragraphs:
        inside.update(offset for offset in range(start, end) if text[offset] not in "\r\n")
    assert "".join(parsed.text[file]) == "".join(text[offset] for offset in sorted(inside))
    shown = []
    position = 0
    for offset in range(len(text) + 1):
        shown.append(position)
        if offset in inside:
            position += 1
    for number, item in enumerate(result.findings):
        start, end = item.finding.start, item.finding.end
        expected = {shown[offset] for offset in range(start, end) if offset in inside and text[offset] != "\t"}
        assert parsed.covered.get((file, number), set()) == expected, (item.finding.code, item.excerpt)
        assert parsed.anchors[(file, number)] == shown[start]


def check_highlights(parsed: Page, file: int, result: FileResult) -> None:
    """The page shows the text exactly (a CRLF line end as one break) and each
    finding highlights exactly its characters, line breaks aside."""
    text = result.text
    if result.source_format == "pdf" and result.paragraphs:
        check_reflowed_highlights(parsed, file, result)
        return
    assert "".join(parsed.text[file]) == text.replace("\r\n", "\n").replace("\r", "\n")
    shown = []  # original offset -> offset in the page's text
    position = 0
    for offset, char in enumerate(text):
        shown.append(position)
        if not (char == "\r" and text[offset + 1 : offset + 2] == "\n"):
            position += 1
    shown.append(position)
    for number, item in enumerate(result.findings):
        start, end = item.finding.start, item.finding.end
        expected = {shown[offset] for offset in range(start, end) if text[offset] not in "\r\n\t"}
        assert parsed.covered.get((file, number), set()) == expected, (item.finding.code, item.excerpt)
        assert parsed.anchors[(file, number)] == shown[start]


@pytest.fixture(scope="module")
def faulty() -> FileResult:
    return view_result(FAULTY)


def test_text_is_kept_exactly_and_every_finding_is_highlighted_on_its_span(faulty: FileResult) -> None:
    page = render_html([faulty])
    parsed = read(page)
    check_highlights(parsed, 0, faulty)
    # Line numbers in the gutter are the file's line numbers (text input).
    for number, item in enumerate(faulty.findings):
        assert parsed.anchor_lines[(0, number)] == str(item.start.line)
    # Ids are unique; one script (the page's own).
    assert len(parsed.ids) == len(set(parsed.ids))
    assert parsed.scripts == 1


def test_sidebar_groups_by_category_and_links_to_each_finding(faulty: FileResult) -> None:
    page = render_html([faulty])
    parsed = read(page)
    items = parsed.items[0]
    assert sorted(int(item["data-target"]) for item in items) == list(range(len(faulty.findings)))
    for item in items:
        number = int(item["data-target"])
        finding = faulty.findings[number].finding
        assert item["href"] == f"#f0-{number}"
        assert item["data-sev"] == finding.severity.value and item["data-cat"] == finding.category.value
    order = [Category(item["data-cat"]) for item in items]
    assert order == sorted(order, key=list(Category).index), "grouped by category, in the contract's order"
    for category in set(order):
        count = order.count(category)
        assert re.search(
            rf'data-category="{category.value}"><h2>{category_label(category)} <code>{category.value}</code> '
            rf'<span class="count" data-total="{count}">{count}</span>',
            page,
        )
    # Filters: one per severity and category present, with counts.
    assert f'value="error"> 错误 <span class="c">{faulty.count(Severity.ERROR)}</span>' in page
    for category in set(order):
        assert f'data-filter="cat" value="{category.value}"' in page


def test_details_hold_message_clause_suggestion_and_location(faulty: FileResult) -> None:
    parsed = read(render_html([faulty]))
    for number, item in enumerate(faulty.findings):
        text = "".join(parsed.details[(0, number)])
        finding = item.finding
        assert finding.code in text and finding.message in text
        assert location_text(item) in text
        if finding.reference:
            assert finding.reference in text
        if finding.suggestion:
            assert finding.suggestion in text


def test_header_has_type_summary_and_checklist(faulty: FileResult) -> None:
    page = render_html([faulty])
    parsed = read(page)
    assert "“提质增效重回报”行动方案</b> <code>action_plan</code>（自动识别）" in page
    assert f"发现 <b>{len(faulty.findings)}</b> 个问题" in page
    checks = parsed.checklist[0]
    assert len(checks) == len(faulty.checklist)
    missing = [check for check in faulty.checklist if not check.present]
    assert missing and any(check.present for check in faulty.checklist)
    for check, (classes, text) in zip(faulty.checklist, checks, strict=True):
        assert check.name in text
        assert ("present" in classes) == check.present
    # A missing section links to its finding.
    target = next(n for n, i in enumerate(faulty.findings) if i.finding.section == missing[0].section)
    assert f'href="#f0-{target}" class="jump" data-target="{target}"' in page


def test_several_files_get_a_switcher_and_one_visible_section(tmp_path: Path) -> None:
    docx_path = write_docx(tmp_path / "draft.docx")
    pdf_path = tmp_path / "draft.pdf"
    write_pdf(pdf_path)
    results = [view_result(FAULTY), view_result(docx_path), view_result(pdf_path), view_result(CLEAN)]
    results.append(FileResult(path="broken.pdf", error="encrypted PDF: a password is needed"))
    page = render_html(results)
    parsed = read(page)
    assert parsed.tabs == [f"#file-{n}" for n in range(len(results))]
    assert parsed.hidden_sections == [1, 2, 3, 4]
    for file in range(3):
        check_highlights(parsed, file, results[file])
    assert "未发现问题" in page
    assert "无法读取此文件：encrypted PDF: a password is needed" in page
    assert "<title>disclint 审阅报告 · 5 个文件</title>" in page
    # PDF locations carry the page.
    assert "第1页第13行" in page and "第 1 页第 13 行" in page


def test_document_text_and_messages_are_escaped(tmp_path: Path) -> None:
    text = (
        "关于2025年度“提质增效重回报”行动方案的公告\n"
        '<script>alert(1)</script>"><img src=x onerror=alert(2)>&amp; 公司产品技术遥遥领先。\n'
    )
    result = view_text(text, 'evil"<script>.txt')
    finding = Finding(
        code="HY001",
        category=Category.HYPE,
        severity=Severity.WARNING,
        message="<b>粗</b>“遥遥领先”",
        start=text.index("<script>"),
        end=text.index("</script>") + 9,
        suggestion='<img src=x onerror="alert(3)">',
        reference="</div><script>alert(4)</script>",
    )
    located = LocatedFinding(
        finding, text[finding.start : finding.end], Position(finding.start, 2, 1), Position(finding.end, 2, 26), ""
    )
    result.findings = [*result.findings, located]
    page = render_html([result])
    body = page[: page.index("<script>")]
    assert "<script>alert" not in page and "<img" not in body and "<b>粗" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&amp;amp;" in page
    assert 'title="evil&quot;&lt;script&gt;.txt"' in page
    assert page.count("<script>") == 1
    parsed = read(page)
    check_highlights(parsed, 0, result)


def test_self_contained_with_a_script_hash_policy(faulty: FileResult) -> None:
    page = render_html([faulty])
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)
    assert "@import" not in page and "url(" not in page
    script = re.search(r"<script>(.*)</script>", page, re.DOTALL)
    assert script is not None
    digest = base64.b64encode(hashlib.sha256(script.group(1).encode("utf-8")).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in page
    assert "default-src 'none'" in page
    assert '<html lang="zh-CN">' in page and '<meta charset="utf-8">' in page
    assert "PingFang SC" in page and "Noto Sans CJK SC" in page


def test_overlapping_and_empty_spans_and_crlf() -> None:
    text = "第一行文字。\r\n公司产品技术遥遥领先，品质卓越。\r\n"
    base = text.index("遥遥")

    def finding(start: int, end: int, code: str, severity: Severity) -> LocatedFinding:
        item = Finding(code=code, category=Category.HYPE, severity=severity, message=code, start=start, end=end)
        return LocatedFinding(item, text[start:end], Position(start, 2, 1), Position(end, 2, 1), "")

    result = FileResult(path="x.txt", text=text, source_format="txt", doc_type="generic")
    result.findings = [
        finding(base, base + 4, "HY001", Severity.WARNING),
        finding(base + 2, base + 9, "HY002", Severity.ERROR),
        finding(len(text) - 2, len(text) - 2, "FL002", Severity.INFO),
        finding(0, text.index("公司"), "ST003", Severity.INFO),
    ]
    page = render_html([result])
    parsed = read(page)
    check_highlights(parsed, 0, result)
    assert '<mark class="hl sev-error multi" data-f="0 1"' in page
    assert '<mark class="hl sev-info point" data-f="2"' in page


def test_page_dividers_when_page_starts_are_known(tmp_path: Path) -> None:
    pdf_path = tmp_path / "draft.pdf"
    write_pdf(pdf_path)
    result = view_result(pdf_path)
    assert len(result.page_starts) == 2  # the engine knows where the PDF's pages start
    # Page 2 begins inside a paragraph: the reflowed paragraph carries a page mark instead of a divider.
    page = render_html([result])
    assert page.count('class="page-break"') + page.count('class="page-mark"') == 1
    result.page_starts = []
    assert 'class="page-break"' not in render_html([result]) and 'class="page-mark"' not in render_html([result])
    paragraph_start = next(start for start, _end, _heading in result.paragraphs if start > 300)
    result.page_starts = [0, paragraph_start]
    parsed = read(render_html([result]))
    assert parsed.page_breaks[0] == ["第 2 页"]
    check_highlights(parsed, 0, result)
    # Printed as lines, shown as paragraphs: no paragraph of the page is a single printed line's fragment.
    assert page.count('<p class="p') == len(result.paragraphs)


def test_parts_of_a_bundle_and_a_result_without_text() -> None:
    result = FileResult(path="bundle.txt", doc_type="incentive_plan", source_format="txt")
    result.parts = [
        DocumentPart("限制性股票激励计划（草案）", "incentive_plan", Position(0, 1, 1), Position(10, 40, 1)),
        DocumentPart("考核管理办法", "generic", Position(11, 41, 1), Position(20, 60, 1)),
    ]
    result.checklist = [
        SectionCheck("incentive_plan", "purpose", "激励目的", True, True, Severity.WARNING),
        SectionCheck("incentive_plan", "exercise", "行权安排", False, False, Severity.INFO),
    ]
    page = render_html([result])
    assert "本文件包含 2 份文件" in page and "考核管理办法" in page and "第 41–60 行" in page
    assert "此结果不含文档正文" in page
    assert "未涉及（本文不要求）" in page


def test_a_folder_report_opens_on_the_first_file_with_findings() -> None:
    clean = view_text("公司将于2025年8月28日召开2025年半年度业绩说明会。", "01_clean.txt")
    faulty = view_text("公司核心技术遥遥领先，已成长为行业龙头。", "02_faulty.txt")
    assert not clean.findings and faulty.findings
    parsed = read(render_html([clean, faulty]))
    assert parsed.hidden_sections == [0]
    page = render_html([clean, faulty])
    assert 'data-file="1" aria-current="true"' in page
    # With no findings anywhere, the first file is shown.
    assert read(render_html([clean, clean])).hidden_sections == [1]
