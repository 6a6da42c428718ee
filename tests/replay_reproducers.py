"""Replay the corpus of reproducers through the command line.

    python tests/replay_reproducers.py [--disclint disclint] [--recipes] [--timeout 60] [FOLDER ...]

The corpus is ``tests/reproducers/``: inputs that once crashed, hung or made
disclint break a promise, kept small. Each runs in its own subprocess with a
timeout and its own session:

* ``drafts/*`` — ``disclint check FILE --format json``: status 0, 1 or 2, no
  traceback, the file in the report (an unreadable one as an error), the
  input unchanged, no process left behind;
* ``configs/*.toml`` — used as ``disclint.toml`` next to a short draft;
* ``lexicons/*.toml`` — used as the team lexicon of such a config: status
  0/1, or 2 with one ``disclint: error:`` line naming the file and nothing
  linted;
* ``annotate/*.docx`` — ``disclint annotate FILE -o reviewed.docx``: status 0
  with a reviewed copy that is a ZIP package, or 2 with one error line; no
  traceback, the input unchanged, nothing left running;
* ``trees/*.json`` — a folder that cannot be committed as files (a name that
  is not UTF-8, a tree nested deeper than Python's recursion limit), built
  from its description (``names_hex``: file names as hex bytes, each holding
  a short draft or ``content``; ``nest``: how deep they sit) and checked as
  a folder in every output format, on stdout and with ``-o``: status 0, 1 or
  2, no traceback, the report valid UTF-8 and naming every file, and no
  control character of a name or a draft on the terminal.

``--recipes`` also builds and replays the large reproducers that are not
worth committing (a sentence with no end punctuation, CR-separated lines, an
unclosed Markdown comment, a million short lines, a DOCX numbering start of
99,999,999,999, a zip bomb, a PDF listing one page 100,000 times).

Prints one line per input and exits 1 when any fails. The hypothesis tests
(tests/test_fuzz.py) find new reproducers; save them here.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "reproducers"
DRAFT = "一、经营情况\n公司力争到2027年末市值迈上三百亿元台阶，产品工艺遥遥领先。\n"


def run(disclint: list[str], arguments: list[str], cwd: Path, timeout: float) -> tuple[int | None, str, str, list[int]]:
    sys.path.insert(0, str(HERE))
    from fuzz_inputs import run_in_session

    environment = dict(os.environ, DISCLINT_LANG="en")  # messages checked in English
    status, out, err, left = run_in_session([*disclint, *arguments], cwd, timeout, environment)
    return status, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), left


def check_draft(disclint: list[str], path: Path, timeout: float) -> str | None:
    """None when ``path`` is handled as promised, else what went wrong."""
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / path.name
        shutil.copy(path, copy)
        before = hashlib.sha256(copy.read_bytes()).hexdigest()
        status, out, err, left = run(
            disclint, ["check", copy.name, "--format", "json", "--no-cache"], Path(folder), timeout
        )
        if status is None:
            return f"hang (> {timeout:.0f} s)"
        if status not in (0, 1, 2) or "Traceback" in err:
            return f"crash (status {status}): {err.strip().splitlines()[-1:] if err.strip() else ''}"
        if hashlib.sha256(copy.read_bytes()).hexdigest() != before:
            return "input modified"
        if left:
            return f"processes left: {left}"
        try:
            files = {Path(item["path"]).name: item for item in json.loads(out)["files"]}
        except (ValueError, KeyError, TypeError):
            return "no report"
        if copy.name not in files:
            return "file missing from the report"
        if (status == 2) != bool(files[copy.name].get("error")):
            return f"status {status} does not match the file's error {files[copy.name].get('error')!r}"
    return None


def check_config(disclint: list[str], path: Path, timeout: float, *, lexicon: bool) -> str | None:
    with tempfile.TemporaryDirectory() as folder:
        here = Path(folder)
        (here / "draft.txt").write_text(DRAFT, encoding="utf-8")
        if lexicon:
            shutil.copy(path, here / "team.toml")
            (here / "disclint.toml").write_text('lexicons = ["team.toml"]\n', encoding="utf-8")
        else:
            shutil.copy(path, here / "disclint.toml")
        status, out, err, left = run(disclint, ["check", "draft.txt", "--no-cache"], here, timeout)
        if status is None:
            return f"hang (> {timeout:.0f} s)"
        if status not in (0, 1, 2) or "Traceback" in err:
            return f"crash (status {status})"
        if left:
            return f"processes left: {left}"
        lines = [line for line in err.splitlines() if line.strip()]
        if status == 2 and (out.strip() or len(lines) != 1 or not lines[0].startswith("disclint: error: ")):
            return f"did not fail closed with one line: {err.strip()[:200]!r}"
        if status == 2 and not any(name in lines[0] for name in ("disclint.toml", "team.toml")):
            return f"the error names neither file: {lines[0]!r}"
    return None


def check_annotate(disclint: list[str], path: Path, timeout: float) -> str | None:
    import zipfile

    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / path.name
        shutil.copy(path, copy)
        before = hashlib.sha256(copy.read_bytes()).hexdigest()
        status, _, err, left = run(disclint, ["annotate", copy.name, "-o", "reviewed.docx"], Path(folder), timeout)
        if status is None:
            return f"hang (> {timeout:.0f} s)"
        if status not in (0, 2) or "Traceback" in err:
            return f"crash (status {status}): {err.strip().splitlines()[-1:] if err.strip() else ''}"
        if hashlib.sha256(copy.read_bytes()).hexdigest() != before:
            return "input modified"
        if left:
            return f"processes left: {left}"
        if status == 0 and not zipfile.is_zipfile(Path(folder) / "reviewed.docx"):
            return "no reviewed copy written"
        if status == 2 and len([line for line in err.splitlines() if line.strip()]) != 1:
            return f"not one error line: {err.strip()[:200]!r}"
    return None


def check_tree(disclint: list[str], path: Path, timeout: float) -> str | None:
    sys.path.insert(0, str(HERE))
    from fuzz_inputs import remove_tree, run_in_session

    environment = dict(os.environ, DISCLINT_LANG="en")
    spec = json.loads(path.read_text(encoding="utf-8"))
    names = [bytes.fromhex(item) for item in spec["names_hex"]]
    top = Path(tempfile.mkdtemp(prefix="disclint-tree-"))
    folder = top / "drafts"
    folder.mkdir()
    inner = folder
    try:
        for _ in range(int(spec.get("nest", 0))):
            inner = inner / "a"
            inner.mkdir()
        for name in names:
            with open(os.path.join(os.fsencode(inner), name), "wb") as handle:
                handle.write(spec.get("content", DRAFT).encode("utf-8"))
        for fmt in spec.get("formats", ["text", "json"]):
            for output in (None, top / f"report.{fmt}"):
                arguments = ["check", str(folder), "--no-cache", "--format", fmt]
                status, raw, error, left = run_in_session(
                    [*disclint, *arguments, *(["-o", str(output)] if output else [])], top, timeout, environment
                )
                err = error.decode("utf-8", "replace")
                where = f"{fmt}{' -o' if output else ''}"
                if status is None:
                    return f"hang (> {timeout:.0f} s) in {where}"
                if status not in (0, 1, 2) or "Traceback" in err:
                    return f"crash (status {status}) in {where}: {err.strip().splitlines()[-1:]}"
                if left:
                    return f"processes left in {where}: {left}"
                try:
                    text = (output.read_bytes() if output else raw).decode("utf-8")
                except (OSError, UnicodeDecodeError) as exc:
                    return f"no report or not UTF-8 in {where}: {exc}"
                if fmt == "text" and output is None and re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", text + err):
                    return "a control character reached the terminal"
                if fmt == "json":
                    try:
                        shown = [item["path"] for item in json.loads(text)["files"]]
                    except (ValueError, KeyError, TypeError):
                        return f"no JSON report in {where}"
                    if len(shown) != len(names):
                        return f"{len(shown)} of {len(names)} files in the report ({where})"
    finally:
        remove_tree(top)
    return None


# ---------------------------------------------------------------- large reproducers, built on demand


def _docx(parts: dict[str, bytes]) -> bytes:
    sys.path.insert(0, str(HERE))
    from fuzz_inputs import build_docx

    return build_docx(dict(parts))


def _bignum_docx() -> bytes:
    sys.path.insert(0, str(HERE))
    from fuzz_inputs import document_xml, numbering_xml, paragraph_xml

    body = "".join(paragraph_xml("条款", numbered=True) for _ in range(3))
    return _docx(
        {
            "word/document.xml": document_xml(body).encode(),
            "word/numbering.xml": numbering_xml("upperLetter", "99999999999").encode(),
        }
    )


def _zip_bomb() -> bytes:
    sys.path.insert(0, str(HERE))
    from fuzz_inputs import zip_bomb

    return zip_bomb(1024)


def _pdf_repeating_one_page() -> bytes:
    sys.path.insert(0, str(HERE))
    from fuzz_inputs import pdf_repeating_one_page

    return pdf_repeating_one_page(100_000)


RECIPES: dict[str, Callable[[], bytes]] = {
    "no-end-punctuation.txt": lambda: ("公司将持续推进" * 45_000).encode(),
    "cr-separated.txt": lambda: ("公司遥遥领先\r" * 130_000).encode(),
    "vt-separated.txt": lambda: ("公司遥遥领先\v" * 130_000).encode(),
    "unclosed-comment.md": lambda: ("<!--" + "公司遥遥领先。\n" * 10_000).encode(),
    "million-short-lines.txt": lambda: ("一\n" * 1_000_000).encode(),
    "bignum-numbering.docx": _bignum_docx,
    "zip-bomb.docx": _zip_bomb,
    "one-page-100000-times.pdf": _pdf_repeating_one_page,
}


def _long_docx() -> bytes:
    sys.path.insert(0, str(HERE))
    from fuzz_inputs import PARAGRAPHS, document_xml, paragraph_xml

    return _docx({"word/document.xml": document_xml(paragraph_xml(PARAGRAPHS[1]) * 4000).encode()})


# Replayed through annotate: 4,000 paragraphs with 8,000 findings (python-docx's add_comment made it n²: minutes).
ANNOTATE_RECIPES: dict[str, Callable[[], bytes]] = {"annotate-4000-paragraphs.docx": _long_docx}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", type=Path, help="corpus folders (default: tests/reproducers)")
    parser.add_argument("--disclint", default=f"{sys.executable} -m disclint", help="the command to run")
    parser.add_argument("--recipes", action="store_true", help="also build and replay the large reproducers")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per input")
    options = parser.parse_args()
    disclint = options.disclint.split()
    root = options.folders or [CORPUS]
    failures = 0
    total = 0

    def report(name: str, problem: str | None) -> None:
        nonlocal failures, total
        total += 1
        failures += problem is not None
        print(f"{'FAIL' if problem else 'ok  '} {name}" + (f": {problem}" if problem else ""))

    for folder in root:
        for path in sorted(folder.rglob("*")):
            if not path.is_file() or path.name.startswith(".") or path.name == "README.md":
                continue
            kind = path.parent.name
            if kind == "configs":
                report(str(path.relative_to(folder)), check_config(disclint, path, options.timeout, lexicon=False))
            elif kind == "lexicons":
                report(str(path.relative_to(folder)), check_config(disclint, path, options.timeout, lexicon=True))
            elif kind == "annotate":
                report(str(path.relative_to(folder)), check_annotate(disclint, path, options.timeout))
            elif kind == "trees" and path.suffix == ".json":
                report(str(path.relative_to(folder)), check_tree(disclint, path, options.timeout))
            elif path.suffix.lower() in (".txt", ".md", ".docx", ".pdf"):
                report(str(path.relative_to(folder)), check_draft(disclint, path, options.timeout))
    if options.recipes:
        with tempfile.TemporaryDirectory() as built:
            for name, make in RECIPES.items():
                path = Path(built) / name
                path.write_bytes(make())
                report(f"recipe {name}", check_draft(disclint, path, options.timeout))
                path.unlink()
            for name, make in ANNOTATE_RECIPES.items():
                path = Path(built) / name
                path.write_bytes(make())
                report(f"recipe annotate {name}", check_annotate(disclint, path, options.timeout))
                path.unlink()
    print(f"{total - failures} of {total} reproducers handled as promised")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
