"""Malformed-input generators shared by the hypothesis tests (tests/test_fuzz.py)
and the reproducer replay (tests/replay_reproducers.py).

Everything is built here from a few lines of our own text; no committed
binaries. The DOCX builder writes a minimal package by hand (zipfile), so
that a test can put any bytes it likes in any part; the PDF seed is a small
file written by reportlab.
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import subprocess
import time
import zipfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

PARAGRAPHS = [
    "一、提升经营质量",
    "公司力争到2027年末市值迈上三百亿元台阶，产品工艺遥遥领先。",
    "（一）加强投资者沟通",
    "公司将持续完善治理结构，择机推进回购，预计2026年营业收入增长20%。",
]

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/numbering.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
    '<Override PartName="/word/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)
DOCUMENT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" '
    'Target="numbering.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
    'Target="styles.xml"/></Relationships>'
)
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def numbering_xml(fmt: str = "chineseCounting", start: str = "1", ilvl: str = "0") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {W}>'
        f'<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/>'
        f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    )


def styles_xml(outline: str = "0") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {W}>'
        '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
        f'<w:pPr><w:outlineLvl w:val="{outline}"/></w:pPr></w:style></w:styles>'
    )


def paragraph_xml(text: str, *, numbered: bool = False, ilvl: str = "0", style: str | None = None) -> str:
    props = ""
    if numbered or style:
        props = "<w:pPr>"
        if style:
            props += f'<w:pStyle w:val="{style}"/>'
        if numbered:
            props += f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="1"/></w:numPr>'
        props += "</w:pPr>"
    return f'<w:p>{props}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def document_xml(body: str) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}'
        "<w:sectPr/></w:body></w:document>"
    )


def default_body() -> str:
    return "".join(
        paragraph_xml(text, numbered=index % 2 == 0, style="Heading1" if index == 0 else None)
        for index, text in enumerate(PARAGRAPHS)
    )


def comment_parts(ids: list[str]) -> dict[str, str]:
    """Parts that give a package a comments part holding one comment per ``w:id`` in ``ids``
    (merge into :func:`build_docx`'s parts): what ``annotate`` adds its own comments to."""
    comments = "".join(
        f'<w:comment w:id="{value}" w:author="审阅人"><w:p><w:r><w:t>原有批注</w:t></w:r></w:p></w:comment>'
        for value in ids
    )
    return {
        "[Content_Types].xml": CONTENT_TYPES.replace(
            "</Types>",
            '<Override PartName="/word/comments.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>',
        ),
        "word/_rels/document.xml.rels": DOCUMENT_RELS.replace(
            "</Relationships>",
            '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" '
            'Target="comments.xml"/></Relationships>',
        ),
        "word/comments.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments {W}>{comments}</w:comments>',
    }


def build_docx(parts: dict[str, str | bytes] | None = None) -> bytes:
    """A .docx package; ``parts`` replaces or adds parts (name → XML text or bytes)."""
    files: dict[str, str | bytes] = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": ROOT_RELS,
        "word/_rels/document.xml.rels": DOCUMENT_RELS,
        "word/document.xml": document_xml(default_body()),
        "word/numbering.xml": numbering_xml(),
        "word/styles.xml": styles_xml(),
    }
    files.update(parts or {})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in files.items():
            package.writestr(name, content.encode("utf-8") if isinstance(content, str) else content)
    return buffer.getvalue()


@lru_cache(maxsize=1)
def seed_pdf() -> bytes:
    """A small two-page text PDF (reportlab's built-in CJK font, no embedding)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pageCompression=0)
    for number in range(2):
        page.setFont("STSong-Light", 12)
        y = 780.0
        # Different lines on each page: lines repeated on every page are running headers.
        for text in PARAGRAPHS[number:] + PARAGRAPHS[:number]:
            page.drawString(72, y, f"{text}（第{number + 1}部分）")
            y -= 20
        page.drawString(280, 40, f"第 {number + 1} 页")
        page.showPage()
    page.save()
    return buffer.getvalue()


def mutate(data: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    """``data`` with each edit (position, bytes to drop, bytes to insert) applied in turn."""
    out = bytearray(data)
    for position, drop, insert in edits:
        at = position % (len(out) + 1)
        out[at : at + drop] = insert
    return bytes(out)


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def zip_bomb(megabytes: int) -> bytes:
    """A DOCX whose ``document.xml`` inflates to ``megabytes`` MiB of blanks (an unclosed
    body), from well under 1 MB: what the size limits must refuse while inflating."""
    with zipfile.ZipFile(io.BytesIO(build_docx())) as package:
        kept = {name: package.read(name) for name in ("[Content_Types].xml", "_rels/.rels")}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in kept.items():
            package.writestr(name, content)
        with package.open("word/document.xml", "w") as stream:
            stream.write(b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
            chunk = b" " * (1 << 20)
            for _ in range(megabytes):
                stream.write(chunk)
    return buffer.getvalue()


def pdf_file(objects: list[bytes]) -> bytes:
    """A PDF file of ``objects`` (numbered from 1, the first the catalog) with its cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def pdf_repeating_one_page(count: int) -> bytes:
    """A PDF whose page tree lists one page object ``count`` times."""
    content = b"BT /F1 12 Tf 72 720 Td (Page) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + b" ".join([b"3 0 R"] * count) + b"] /Count " + str(count).encode() + b" >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return pdf_file(objects)


def pdf_mapped_text(units: list[str]) -> bytes:
    """A one-page PDF whose text layer is ``units``, each a UTF-16BE hex string drawn through a
    ToUnicode map: a unit may be a lone surrogate (``D800``) or a pair (``D840DC00``) — text
    layers that reached the segmenter and the baseline fingerprint unreplaced."""
    codes = bytes(range(33, 33 + len(units)))  # one printable byte code per unit (at most 90)
    pairs = " ".join(f"<{code:02X}> <{unit}>" for code, unit in zip(codes, units, strict=True))
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T def "
        "1 begincodespacerange <00> <FF> endcodespacerange "
        f"{len(units)} beginbfchar {pairs} endbfchar endcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode()
    drawn = codes.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    content = b"BT /F1 12 Tf 72 720 Td (" + drawn + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        b"<< /Length " + str(len(cmap)).encode() + b" >>\nstream\n" + cmap + b"\nendstream",
    ]
    return pdf_file(objects)


def remove_tree(top: Path) -> None:
    """``shutil.rmtree`` without its recursion: a tree here may be nested deeper than Python's
    recursion limit (links are removed, never followed)."""
    stack, folders = [os.fsencode(top)], []
    while stack:
        folder = stack.pop()
        folders.append(folder)
        with contextlib.suppress(OSError), os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
                else:
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)
    for folder in reversed(folders):
        with contextlib.suppress(OSError):
            os.rmdir(folder)


# ---------------------------------------------------------------- runs in their own session


def session_members(sid: int) -> list[int]:
    """The live processes of session ``sid`` (what a run left behind)."""
    members = []
    for entry in os.listdir("/proc") if os.path.isdir("/proc") else []:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8", errors="replace") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if len(fields) > 4 and fields[0] not in ("Z", "X") and int(fields[3]) == sid:
            members.append(int(entry))
    return members


def run_in_session(
    command: list[str],
    cwd: Path,
    timeout: float,
    env: dict[str, str],
    *,
    preexec_fn: Callable[[], None] | None = None,
    during: Callable[[subprocess.Popen[bytes]], None] | None = None,
    grace: float = 0.0,
) -> tuple[int | None, bytes, bytes, list[int]]:
    """Run ``command`` in a new session with a timeout (status None: it ran out, the
    session was killed). What is left of the session ``grace`` seconds after the end
    (time for a parent-death signal to act) is killed and returned, by PID."""
    process = subprocess.Popen(
        command,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,
        preexec_fn=preexec_fn,
    )
    if during is not None:
        during(process)
    try:
        out, err = process.communicate(timeout=timeout)
        status: int | None = process.returncode
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        out, err = process.communicate()
        status = None
    end = time.monotonic() + grace
    left = session_members(process.pid)
    while left and time.monotonic() < end:
        time.sleep(0.05)
        left = session_members(process.pid)
    for pid in left:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    return status, out, err, left
