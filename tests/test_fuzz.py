"""Property-based fuzzing of the whole pipeline (hypothesis).

Whatever the input — text in any encoding and with any control characters,
a .docx whose XML has been tampered with, a PDF with bytes flipped, cut or
spliced, a config or team lexicon of any shape, a cache entry of any content
— a run ends with status 0, 1 or 2 and no traceback; a finding always points
inside the text. In CI each property tries a few dozen inputs; set
``DISCLINT_FUZZ_EXAMPLES=2000`` (for instance) for a longer campaign. A
failing input hypothesis finds is worth adding to tests/reproducers/ (see
tests/replay_reproducers.py).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from cli_runner import invoke  # noqa: E402
from disclint.startup.config import KNOWN_KEYS  # noqa: E402
from fuzz_inputs import (  # noqa: E402
    PARAGRAPHS,
    build_docx,
    document_xml,
    mutate,
    numbering_xml,
    paragraph_xml,
    seed_pdf,
    styles_xml,
)

EXAMPLES = int(os.environ.get("DISCLINT_FUZZ_EXAMPLES", "20"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    derandomize=os.environ.get("DISCLINT_FUZZ_RANDOM") is None,  # CI: the same inputs every run
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)

# Characters drafts are made of, and the ones that break naive code.
CJK = "公司市值力争亿元遥遥领先第一最行业龙头预计增长回购股价目标一二三四五（）、，。；：“”《》"
NASTY = "\r\n\v\f\x00\x1c\x1d\x1e\x85\u2028\u2029\ufeff\u200b\u3000 \t<>&'\"-#*`\\"
text_strategy = st.text(alphabet=st.sampled_from(CJK + NASTY + "0123456789%.abcXYZ"), max_size=600)


def _run(arguments: list[str], data: bytes | None = None) -> tuple[int, str, str]:
    result = invoke(arguments, input=data)
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    return result.exit_code, result.stdout, result.stderr


def _findings_inside(out: str) -> None:
    report = json.loads(out)
    for file in report["files"]:
        for finding in file.get("findings", []):
            start, end = finding["start"], finding["end"]
            assert start["offset"] <= end["offset"]
            assert start["line"] >= 1 and start["column"] >= 1


@pytest.fixture()
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


# ---------------------------------------------------------------- text


@FUZZ
@given(
    text=text_strategy,
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16", "big5"]),
    name=st.sampled_from(["draft.txt", "draft.md"]),
)
def test_any_text_in_any_encoding(text: str, encoding: str, name: str) -> None:
    data = text.encode(encoding, errors="replace")
    code, out, _ = _run(["check", "-", "--stdin-filename", name, "--format", "json", "--no-cache"], data)
    if code != 2:
        _findings_inside(out)


@FUZZ
@given(data=st.binary(max_size=2000), name=st.sampled_from(["draft.txt", "draft.md", "draft.docx", "draft.pdf"]))
def test_any_bytes_under_any_name(data: bytes, name: str) -> None:
    _run(["check", "-", "--stdin-filename", name, "--format", "json", "--no-cache"], data)


@FUZZ
@given(
    pieces=st.lists(
        st.sampled_from([*PARAGRAPHS, "<!--", "-->", "<!-- disclint-disable HY001 -->", "```", "# ", "|a|b|"]),
        max_size=30,
    ),
    separator=st.sampled_from(["\n", "\r", "\r\n", "\v", "\f", "", "\u2028"]),
)
def test_markdown_and_line_separators(pieces: list[str], separator: str) -> None:
    data = separator.join(pieces).encode("utf-8")
    code, out, _ = _run(["check", "-", "--stdin-filename", "draft.md", "--format", "json", "--no-cache"], data)
    if code != 2:
        _findings_inside(out)


# ---------------------------------------------------------------- docx

ATTRIBUTE_VALUES = ["0", "1", "8", "9", "-1", "²", "٣", "", "x", "1e3", "99999999999", "-99999999999", "0x10", " 2"]
FORMATS = ["decimal", "chineseCounting", "upperLetter", "lowerRoman", "ideographDigital", "bullet", "bogus", ""]
SYM_CODES = ["F020", "0041", "D800", "DFFF", "110000", "FFFFFFFFFF", "zz", "", "-1"]


@st.composite
def docx_package(draw: Any) -> bytes:
    paragraphs = []
    for _ in range(draw(st.integers(0, 6))):
        text = draw(st.sampled_from(PARAGRAPHS))
        paragraphs.append(
            paragraph_xml(
                text,
                numbered=draw(st.booleans()),
                ilvl=draw(st.sampled_from(ATTRIBUTE_VALUES)),
                style=draw(st.sampled_from([None, "Heading1", "Missing"])),
            )
        )
        if draw(st.booleans()):
            code = draw(st.sampled_from(SYM_CODES))
            paragraphs.append(f'<w:p><w:r><w:sym w:font="Wingdings" w:char="{code}"/></w:r></w:p>')
    body = "".join(paragraphs)
    document = document_xml(body)
    root = draw(st.sampled_from(["w:document", "w:settings", "w:styles", "w:numbering", "w:hdr"]))
    if root != "w:document":
        document = document.replace("w:document", root)
    parts: dict[str, str | bytes] = {
        "word/document.xml": document,
        "word/numbering.xml": numbering_xml(
            draw(st.sampled_from(FORMATS)),
            draw(st.sampled_from(ATTRIBUTE_VALUES)),
            draw(st.sampled_from(ATTRIBUTE_VALUES)),
        ),
        "word/styles.xml": styles_xml(draw(st.sampled_from(ATTRIBUTE_VALUES))),
    }
    # Byte-level damage to one part: cut, flip, splice.
    if draw(st.booleans()):
        name = draw(st.sampled_from(sorted(parts)))
        blob = str(parts[name]).encode("utf-8")
        edits = draw(st.lists(st.tuples(st.integers(0, 1 << 16), st.integers(0, 8), st.binary(max_size=8)), max_size=4))
        parts[name] = mutate(blob, edits)
    if draw(st.booleans()):
        parts[draw(st.sampled_from(["word/numbering.xml", "word/styles.xml", "[Content_Types].xml"]))] = b""
    return build_docx(parts)


@FUZZ
@given(package=docx_package())
def test_docx_from_mutated_xml(here: Path, package: bytes) -> None:
    (here / "draft.docx").write_bytes(package)
    code, out, _ = _run(["check", "draft.docx", "--format", "json", "--no-cache"])
    if code != 2:
        _findings_inside(out)


@FUZZ
@given(edits=st.lists(st.tuples(st.integers(0, 1 << 16), st.integers(0, 64), st.binary(max_size=64)), max_size=6))
def test_docx_with_mutated_zip_bytes(here: Path, edits: list[tuple[int, int, bytes]]) -> None:
    (here / "draft.docx").write_bytes(mutate(build_docx(), edits))
    _run(["check", "draft.docx", "--format", "json", "--no-cache"])


# ---------------------------------------------------------------- pdf


@FUZZ
@given(
    edits=st.lists(
        st.tuples(st.integers(0, 1 << 20), st.integers(0, 64), st.binary(max_size=64)), min_size=1, max_size=8
    ),
    cut=st.one_of(st.none(), st.integers(0, 1 << 20)),
)
def test_pdf_from_mutated_bytes(here: Path, edits: list[tuple[int, int, bytes]], cut: int | None) -> None:
    data = mutate(seed_pdf(), edits)
    if cut is not None:
        data = data[: cut % (len(data) + 1)]
    (here / "draft.pdf").write_bytes(data)
    code, out, _ = _run(["check", "draft.pdf", "--format", "json", "--no-cache"])
    if code != 2:
        _findings_inside(out)


# ---------------------------------------------------------------- configs and team lexicons


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    return (
        "{"
        + ", ".join(f"{json.dumps(key, ensure_ascii=False)} = {_toml_value(item)}" for key, item in value.items())
        + "}"
    )


scalars = st.one_of(
    st.booleans(),
    st.integers(-(1 << 40), 1 << 40),
    st.sampled_from(
        [
            "HY001",
            "HY",
            "all",
            "hype",
            "error",
            "warning",
            "never",
            "action_plan",
            "*.txt",
            "[",
            "(a+)+$",
            "@negation",
            "",
            "~",
            "/dev/zero",
            "2025-12-31",
            "000",
        ]
    ),
    st.text(max_size=8),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(
            st.sampled_from(
                ["a", "HY001", "file", "code", "excerpt", "*.md", "patterns", "headings", "keywords", "before", "after"]
            ),
            inner,
            max_size=3,
        ),
    ),
    max_leaves=8,
)
CONFIG_KEYS = [*KNOWN_KEYS, "unknown-key"]
LEXICON_KEYS = ["term", "defaults", "cue", "source", "section", "pack", "allow", "date_order", "hot_topic", "bogus"]


@FUZZ
@given(table=st.dictionaries(st.sampled_from(CONFIG_KEYS), values, max_size=4))
def test_config_of_any_shape(here: Path, table: dict[str, Any]) -> None:
    (here / "draft.txt").write_text(PARAGRAPHS[1], encoding="utf-8")
    (here / "disclint.toml").write_text(
        "".join(f'"{key}" = {_toml_value(value)}\n' for key, value in table.items()), encoding="utf-8"
    )
    _run(["check", "draft.txt", "--no-cache"])


@FUZZ
@given(
    table=st.dictionaries(st.sampled_from(LEXICON_KEYS), values, max_size=4),
    term=st.dictionaries(
        st.sampled_from(["rule", "match", "pattern", "reason", "source", "allow", "severity"]), values, max_size=5
    ),
)
def test_team_lexicon_of_any_shape(here: Path, table: dict[str, Any], term: dict[str, Any]) -> None:
    (here / "draft.txt").write_text(PARAGRAPHS[1], encoding="utf-8")
    body = "".join(f'"{key}" = {_toml_value(value)}\n' for key, value in table.items() if key != "term")
    body += "[[term]]\n" + "".join(f'"{key}" = {_toml_value(value)}\n' for key, value in term.items())
    (here / "team.toml").write_text(body, encoding="utf-8")
    (here / "disclint.toml").write_text('lexicons = ["team.toml"]\n', encoding="utf-8")
    _run(["check", "draft.txt", "--no-cache"])


# ---------------------------------------------------------------- cache entries


@FUZZ
@given(
    header=st.one_of(st.binary(max_size=200), values.map(lambda value: json.dumps(value).encode())),
    payload=st.one_of(st.binary(max_size=400), values.map(lambda value: json.dumps(value).encode())),
)
def test_cache_entry_of_any_content_is_a_miss(tmp_path: Path, header: bytes, payload: bytes) -> None:
    from disclint.run.cache import DocumentCache

    cache = DocumentCache(tmp_path / "cache", "fuzz")
    key = cache.key(b"draft bytes", "draft.pdf")
    entry = tmp_path / "cache" / "documents" / key[:2] / f"{key}.json"
    entry.parent.mkdir(parents=True, exist_ok=True)
    entry.write_bytes(header + b"\n" + payload)
    assert cache.load(key, "draft.pdf") is None
