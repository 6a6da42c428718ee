"""Which PDF backend? Milliseconds per page for each candidate, on CJK PDFs.

    python benchmarks/pdf_backends.py [PDF ...] [--pages N] [--repeat R]

Without arguments it generates a dense CJK filing with reportlab (the test
extra): N pages (default 100), each with a running header, 38 lines of
Chinese body text and a page number. Extra PDFs given on the command line are
measured too (for example a Word or LibreOffice export of a real draft).

Measured, per document (best of R runs, after one warm-up):

* ``pypdfium2 text``       PDFium's text page and the page text, nothing else:
                           the floor for any PDFium-based parser;
* ``pypdfium2 char boxes`` the same plus one box per character;
* ``disclint (pypdfium2)`` what ``disclint.parse.pdf.parse_pdf`` does: text,
                           boxes, row/column layout, running headers, paragraphs;
* ``pdfplumber chars``     pdfminer's layout analysis down to characters;
* ``pdfplumber text``      ``page.extract_text()``;
* ``disclint layout on pdfplumber chars``: the same layout fed from pdfplumber;
* ``pypdf text``           ``page.extract_text()`` (pure Python);
* ``pymupdf rawdict``      only if PyMuPDF is installed (AGPL, not a candidate
                           for a MIT tool, shown for reference).

It prints ratios, not pass/fail (see DESIGN.md, Speed).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

BODY = (
    "公司将持续提升经营质量，按期披露行动方案的执行情况，并接受投资者监督。2025年公司计划现金分红比例不低于"
    "归属于上市公司股东净利润的30%，回购资金总额不低于1亿元且不超过2亿元，研发投入占营业收入比例不低于4%。"
)


def generate(path: Path, pages: int) -> Path:
    from fixtures_inputs import write_pages

    items = []
    cursor = 0
    for number in range(1, pages + 1):
        page = [(72.0, 50.0, "海川新能源材料股份有限公司 2025年年度报告", 9.0)]
        for row in range(38):
            text = (BODY * 3)[cursor % len(BODY) : cursor % len(BODY) + 37]
            cursor += 37
            page.append((72.0, 90.0 + 18.0 * row, text, 12.0))
        page.append((290.0, 810.0, f"{number} / {pages}", 9.0))
        items.append(page)
    return write_pages(path, items)


def pdfium_text(path: Path) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    for index in range(len(pdf)):
        page = pdf[index]
        textpage = page.get_textpage()
        textpage.get_text_range()
        textpage.close()
        page.close()
    pdf.close()


def pdfium_boxes(path: Path) -> None:
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument(str(path))
    rect = raw.FS_RECTF()
    for index in range(len(pdf)):
        page = pdf[index]
        textpage = page.get_textpage()
        textpage.get_text_range()
        for k in range(textpage.count_chars()):
            raw.FPDFText_GetLooseCharBox(textpage.raw, k, ctypes.byref(rect))
        textpage.close()
        page.close()
    pdf.close()


def disclint_pdfium(path: Path) -> None:
    from disclint.parse.pdf import parse_pdf

    parse_pdf(path.read_bytes(), str(path))


def plumber_chars(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            _ = page.chars


def plumber_text(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            page.extract_text()


def disclint_on_plumber(path: Path) -> None:
    import pdfplumber

    from disclint.parse.pdf import PdfPage, TextRun, clean_text, document_from_pages

    def pages():  # type: ignore[no-untyped-def]
        with pdfplumber.open(str(path)) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                runs = [
                    TextRun(clean_text(char["text"]), char["x0"], char["x1"], char["top"], char["bottom"], char["size"])
                    for char in page.chars
                    if not char["text"].isspace() and char.get("upright", True)
                ]
                yield PdfPage(number=number, width=float(page.width), height=float(page.height), runs=runs)

    document_from_pages(pages(), str(path))


def pypdf_text(path: Path) -> None:
    import pypdf

    for page in pypdf.PdfReader(str(path)).pages:
        page.extract_text()


def mupdf_rawdict(path: Path) -> None:
    import pymupdf

    with pymupdf.open(str(path)) as pdf:
        for page in pdf:
            page.get_text("rawdict")


CANDIDATES: list[tuple[str, str, Callable[[Path], None]]] = [
    ("pypdfium2 text", "pypdfium2", pdfium_text),
    ("pypdfium2 char boxes", "pypdfium2", pdfium_boxes),
    ("disclint (pypdfium2)", "pypdfium2", disclint_pdfium),
    ("pdfplumber chars", "pdfplumber", plumber_chars),
    ("pdfplumber text", "pdfplumber", plumber_text),
    ("disclint layout on pdfplumber chars", "pdfplumber", disclint_on_plumber),
    ("pypdf text", "pypdf", pypdf_text),
    ("pymupdf rawdict (AGPL, reference)", "pymupdf", mupdf_rawdict),
]


def available(module: str) -> bool:
    try:
        __import__(module)
    except ImportError:
        return False
    return True


def measure(function: Callable[[Path], None], path: Path, repeat: int) -> float:
    function(path)  # warm-up: imports, font caches
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function(path)
        times.append(time.perf_counter() - start)
    return min(times)


def page_count(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        documents = [generate(Path(folder) / f"generated-{args.pages}p.pdf", args.pages), *args.pdfs]
        for path in documents:
            pages = page_count(path)
            print(f"\n{path.name}: {pages} pages")
            print(f"  {'backend':40s} {'ms/page':>9s} {'total ms':>10s} {'× disclint':>11s}")
            results: dict[str, float] = {}
            for name, module, function in CANDIDATES:
                if not available(module):
                    print(f"  {name:40s} {'(not installed)':>22s}")
                    continue
                repeat = args.repeat if "pdfplumber" not in name and "pypdf " not in name else 1
                results[name] = measure(function, path, repeat)
            base = results.get("disclint (pypdfium2)") or statistics.mean(results.values())
            for name, seconds in results.items():
                print(f"  {name:40s} {1000 * seconds / pages:9.2f} {1000 * seconds:10.1f} {seconds / base:11.2f}")
            if "disclint (pypdfium2)" in results:
                per_page = results["disclint (pypdfium2)"] / pages
                print(f"  → disclint on a 100-page filing of this density: {100 * per_page * 1000:.0f} ms")


if __name__ == "__main__":
    main()
