"""A black-box fuzz campaign through the command line, counted per input class.

    python benchmarks/fuzz_campaign.py [--scale 1.0] [--seed 1] [--workers 2] [--out DIR]
                                       [--disclint disclint] [--only text,docx]

Every input is fresh (made from ``--seed`` and the class's generator, never
read from a corpus) and goes through ``disclint`` in a subprocess with a
timeout, a memory limit and its own session, so that every process it leaves
behind can be found. Drafts are checked in batches (a batch that shows a
problem is re-run file by file to name the input); configs, team lexicons,
cache entries, output paths, signals and folders of special files one run each;
``annotate`` runs on up to three files of each DOCX batch (class ``annotate``). Counted per class:

* **crash** — a traceback on stderr, or an exit status other than 0, 1, 2
  (130/143 for the signals class);
* **hang** — the timeout passed;
* **wrong exit** — the run broke a promise without crashing: a file missing
  from the report (one bad file killed the run), status 2 with no file error
  or a file error with status 0/1, a bad config that did not stop the run
  before linting with one ``disclint: error:`` line, a cache entry that
  changed the findings, an output target that was written when it should
  have been refused (or refused when it is fine), a signal that did not end
  the run with its status and message, a half-written report;
* **inputs modified** — any input's SHA-256 before and after differs;
* **orphans** — a process of the run's session still alive after it ended.

Reproducers of every problem are copied into ``--out``/reproducers/<class>/; classes,
coverage and results in benchmarks/fuzz_campaign.md;
the table is printed in Markdown and written to ``--out``/table.md.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import hashlib
import io
import json
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from fuzz_inputs import (
    PARAGRAPHS,
    build_docx,
    comment_parts,
    document_xml,
    mutate,
    numbering_xml,
    paragraph_xml,
    pdf_mapped_text,
    pdf_repeating_one_page,
    remove_tree,
    run_in_session,
    seed_pdf,
    styles_xml,
    zip_bomb,
)

MEMORY_LIMIT = 3 * 1024**3
TIMEOUT = 60.0  # seconds a run may take beyond the per-file budgets it was given
FILE_BUDGET = 20  # --timeout given to draft runs
CLASSES = ["text", "docx", "annotate", "pdf", "config", "lexicon", "cache", "output", "signal", "special"]


# ---------------------------------------------------------------- bookkeeping


@dataclass
class Tally:
    inputs: int = 0
    crashes: int = 0
    hangs: int = 0
    wrong: int = 0
    modified: int = 0
    orphans: int = 0
    notes: list[str] = field(default_factory=list)


class Campaign:
    def __init__(self, disclint: list[str], out: Path, seed: int) -> None:
        self.disclint = disclint
        self.out = out
        self.seed = seed
        self.tallies = {name: Tally() for name in CLASSES}
        self.lock = threading.Lock()
        self.reproducers = out / "reproducers"
        self.signal_moments: dict[str, int] = {}  # when the signal came: before the workers, with them, after the end
        self.signal_latency: dict[str, list[float]] = {}  # seconds from the signal to the run's end, by signal

    def count(self, cls: str, **what: int) -> None:
        with self.lock:
            tally = self.tallies[cls]
            for key, value in what.items():
                setattr(tally, key, getattr(tally, key) + value)

    def note(self, cls: str, message: str, files: list[Path] = ()) -> None:  # type: ignore[assignment]
        with self.lock:
            tally = self.tallies[cls]
            if len(tally.notes) < 200:
                tally.notes.append(message)
            folder = self.reproducers / cls
            folder.mkdir(parents=True, exist_ok=True)
            for file in files:
                with contextlib.suppress(OSError):
                    if file.is_file() and not file.is_symlink() and file.stat().st_size < 8 * 1024 * 1024:
                        shutil.copy(file, folder / f"{len(tally.notes):03d}-{file.name}")
            with (folder / "notes.txt").open("a", encoding="utf-8") as handle:
                handle.write(message + "\n")


def _limits() -> None:
    # A campaign started in the background of a non-interactive shell inherits SIGINT ignored,
    # and so would every run: give the runs the default a terminal user has.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    with contextlib.suppress(OSError):
        for thread in os.listdir(f"/proc/{pid}/task"):
            with contextlib.suppress(OSError), open(f"/proc/{pid}/task/{thread}/children", encoding="ascii") as handle:
                found |= {int(item) for item in handle.read().split()}
    return found


@dataclass
class Run:
    status: int | None  # None: timed out
    stdout: bytes
    stderr: bytes
    orphans: list[int]
    seconds: float


def digest(paths: list[Path]) -> dict[Path, str]:
    out = {}
    for path in paths:
        try:
            if path.is_file():
                out[path] = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            continue
    return out


def run_cli(
    campaign: Campaign,
    arguments: list[str],
    cwd: Path,
    *,
    timeout: float = TIMEOUT,
    env: dict[str, str] | None = None,
    during: Callable[[subprocess.Popen[bytes]], None] | None = None,
) -> Run:
    environment = dict(os.environ, DISCLINT_LANG="en")  # the messages checked are the English ones
    environment.update(env or {})
    start = time.monotonic()
    # Whatever is left of the session (workers, helpers) gets a moment for a parent-death signal.
    status, stdout, stderr, left = run_in_session(
        [*campaign.disclint, *arguments], cwd, timeout, environment, preexec_fn=_limits, during=during, grace=2.0
    )
    seconds = time.monotonic() - start
    return Run(status, stdout, stderr, left, seconds)


def crashed(result: Run, allowed: tuple[int, ...] = (0, 1, 2)) -> bool:
    return result.status is not None and (result.status not in allowed or b"Traceback" in result.stderr)


# ---------------------------------------------------------------- generators: drafts

CJK = "公司市值力争亿元遥遥领先第一最行业龙头预计增长回购股价目标董事会治理投资者一二三四五六七八九十（）、，。；：“”《》！？"
CONTROL = "\r\n\v\f\x00\x1c\x1d\x1e\x85\u2028\u2029\ufeff\u200b\u3000\t"


def random_text(rng: random.Random) -> bytes:
    kind = rng.random()
    if kind < 0.08:
        return rng.randbytes(rng.randint(0, 4000))
    pieces = []
    for _ in range(rng.randint(0, 60)):
        roll = rng.random()
        if roll < 0.5:
            pieces.append(rng.choice(PARAGRAPHS))
        elif roll < 0.7:
            pieces.append("".join(rng.choice(CJK) for _ in range(rng.randint(1, 200))))
        elif roll < 0.8:
            pieces.append(rng.choice(["<!--", "-->", "<!-- disclint-disable-next-line HY001 -- 理由 -->",
                                      "<!-- disclint-disable " + rng.choice(["all", "XX999", "HY", ""]) + " -->",
                                      "```", "# 标题", "|a|b|", "> ", "- [ ] ", "<br>", "&amp;", "\\"]))
        elif roll < 0.9:
            pieces.append("".join(rng.choice(CONTROL) for _ in range(rng.randint(1, 6))))
        else:
            pieces.append(str(rng.choice([0, -1, 10**rng.randint(1, 40), 3.5e300])) + rng.choice(["亿元", "%", "年", "元/股"]))
    sep = rng.choice(["\n", "\r\n", "\r", "\v", "\f", "", "\u2028", "\n\n"])
    text = sep.join(pieces)
    encoding = rng.choice(["utf-8", "utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "big5", "latin-1"])
    data = text.encode(encoding, errors="replace")
    if rng.random() < 0.15:
        data = mutate(data, [(rng.randint(0, 1 << 16), rng.randint(0, 4), rng.randbytes(rng.randint(0, 4))) for _ in range(rng.randint(1, 6))])
    if rng.random() < 0.05:
        data += b"\xed\xa0\x80"  # an encoded lone surrogate
    return data


def crafted_text(rng: random.Random, index: int) -> tuple[str, bytes]:
    """Inputs that cost time or memory if a limit is missing (scaled down from the issue's)."""
    kinds = [
        ("nopunct.txt", lambda: ("公司" * rng.randint(50_000, 150_000)).encode()),
        ("cr-lines.txt", lambda: ("公司遥遥领先\r" * rng.randint(50_000, 200_000)).encode()),
        ("vt-lines.txt", lambda: ("公司\v" * rng.randint(100_000, 300_000)).encode()),
        ("unclosed.md", lambda: ("<!--" + "公司遥遥领先。\n" * rng.randint(5_000, 15_000)).encode()),
        ("short-lines.txt", lambda: ("一\n" * rng.randint(200_000, 600_000)).encode()),
        ("long-line.txt", lambda: ("最" * rng.randint(100_000, 300_000)).encode()),
        ("many-comments.md", lambda: ("<!-- x --> 最 " * rng.randint(20_000, 60_000)).encode()),
    ]
    name, make = kinds[index % len(kinds)]
    return name, make()


ATTRIBUTES = ["0", "1", "8", "9", "-1", "²", "٣", "", "x", "1e3", "99999999999", "-99999999999", "0x10", " 2", "1" * 30]
FORMATS = ["decimal", "chineseCounting", "upperLetter", "lowerLetter", "upperRoman", "lowerRoman", "ideographDigital",
           "chineseCountingThousand", "bullet", "bogus", ""]
SYMS = ["F020", "0041", "D800", "DFFF", "110000", "FFFFFFFFFF", "zz", "", "-1", "FFFF"]


def random_docx(rng: random.Random) -> bytes:
    paragraphs = []
    for _ in range(rng.randint(0, 12)):
        paragraphs.append(paragraph_xml(rng.choice(PARAGRAPHS), numbered=rng.random() < 0.6, ilvl=rng.choice(ATTRIBUTES),
                                        style=rng.choice([None, "Heading1", "Missing", "&"])))
        roll = rng.random()
        if roll < 0.2:
            paragraphs.append(f'<w:p><w:r><w:sym w:font="Symbol" w:char="{rng.choice(SYMS)}"/></w:r></w:p>')
        elif roll < 0.3:
            depth = rng.randint(1, 60)
            paragraphs.append("<w:tbl><w:tr><w:tc>" * depth + paragraph_xml("表格") + "</w:tc></w:tr></w:tbl>" * depth)
        elif roll < 0.35:
            paragraphs.append('<w:p><w:ins w:id="1"><w:r><w:t>插入</w:t></w:r></w:ins><w:del w:id="2"><w:r><w:delText>删</w:delText></w:r></w:del></w:p>')
    document = document_xml("".join(paragraphs))
    if rng.random() < 0.1:
        document = document.replace("w:document", rng.choice(["w:settings", "w:styles", "w:numbering", "w:hdr", "w:ftr", "x"]))
    parts: dict[str, str | bytes] = {
        "word/document.xml": document,
        "word/numbering.xml": numbering_xml(rng.choice(FORMATS), rng.choice(ATTRIBUTES), rng.choice(ATTRIBUTES)),
        "word/styles.xml": styles_xml(rng.choice(ATTRIBUTES)),
    }
    if rng.random() < 0.1:  # comments already in the draft (annotate adds its own)
        parts.update(comment_parts([rng.choice(ATTRIBUTES) for _ in range(rng.randint(1, 4))]))
    if rng.random() < 0.05:
        parts["word/_rels/document.xml.rels"] = (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
            'Target="file:///etc/passwd" TargetMode="External"/></Relationships>'
        )
    if rng.random() < 0.05:
        parts["word/document.xml"] = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>' + document
    elif rng.random() < 0.04:  # an external entity: the report must never show the file's content
        parts["word/document.xml"] = (
            '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            + document.replace("公司", "&x;公司", 1)
        )
    if rng.random() < 0.3:
        name = rng.choice(sorted(parts))
        blob = parts[name]
        data = blob.encode() if isinstance(blob, str) else blob
        parts[name] = mutate(data, [(rng.randint(0, 1 << 16), rng.randint(0, 16), rng.randbytes(rng.randint(0, 16))) for _ in range(rng.randint(1, 5))])
    if rng.random() < 0.1:
        del parts[rng.choice(sorted(parts))]
        return _zip_without(parts)
    package = build_docx(parts)
    if rng.random() < 0.15:
        package = mutate(package, [(rng.randint(0, 1 << 16), rng.randint(0, 32), rng.randbytes(rng.randint(0, 32))) for _ in range(rng.randint(1, 4))])
    return package


def _zip_without(parts: dict[str, str | bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in parts.items():
            package.writestr(name, content.encode() if isinstance(content, str) else content)
    return buffer.getvalue()


def crafted_docx(rng: random.Random, index: int) -> tuple[str, bytes]:
    kind = index % 4
    if kind == 0:  # numbering that would spell a letter numeral for 99,999,999,999
        body = "".join(paragraph_xml("条款", numbered=True) for _ in range(3))
        return "bignum.docx", build_docx({"word/document.xml": document_xml(body),
                                          "word/numbering.xml": numbering_xml("upperLetter", "99999999999")})
    if kind == 1:  # a zip bomb: a document.xml of ~300 MB that deflates to well under 1 MB
        return "bomb.docx", zip_bomb(rng.randint(200, 300))
    if kind == 2:  # many paragraphs
        body = paragraph_xml(PARAGRAPHS[1]) * rng.randint(20_000, 60_000)
        return "many.docx", build_docx({"word/document.xml": document_xml(body)})
    body = "".join(paragraph_xml("条款", numbered=True, ilvl=str(level % 9)) for level in range(2000))
    return "deepnum.docx", build_docx({"word/document.xml": document_xml(body),
                                       "word/numbering.xml": numbering_xml("ideographDigital", "-5")})


def random_pdf(rng: random.Random) -> bytes:
    data = seed_pdf()
    roll = rng.random()
    if roll < 0.55:
        edits = [(rng.randint(0, len(data)), rng.randint(0, 64), rng.randbytes(rng.randint(0, 64))) for _ in range(rng.randint(1, 12))]
        data = mutate(data, edits)
    elif roll < 0.7:
        data = data[: rng.randint(0, len(data))]
    elif roll < 0.85:  # numbers in the object syntax replaced by extreme ones
        text = data.decode("latin-1")
        for _ in range(rng.randint(1, 6)):
            target = rng.choice(["/Count", "/Length", "/Size", "/Root", "/Kids", "/MediaBox", "/Contents", "obj", "xref"])
            position = text.find(target, rng.randint(0, len(text)))
            if position >= 0:
                replacement = rng.choice([" 999999999999 ", " -1 ", " 0 ", " [[[[[[[[[[[[[[[[ ", " 1e308 ", " (", " <<", " 3 0 R 3 0 R "])
                text = text[: position + len(target)] + replacement + text[position + len(target) + rng.randint(0, 12):]
        data = text.encode("latin-1")
    else:  # two PDFs spliced, or the seed with garbage around
        other = mutate(seed_pdf(), [(rng.randint(0, len(data)), 8, rng.randbytes(8))])
        cut = rng.randint(0, len(data))
        data = rng.choice([data[:cut] + other[cut:], rng.randbytes(rng.randint(0, 200)) + data + rng.randbytes(rng.randint(0, 200))])
    return data


def crafted_pdf(rng: random.Random, index: int) -> tuple[str, bytes]:
    kind = index % 4
    if kind == 3:  # a text layer holding lone surrogates (and pairs) among the words
        sentence = [f"{ord(char):04X}" for char in "公司力争市值突破千亿元，产品工艺遥遥领先。"]
        for _ in range(rng.randint(1, 6)):
            sentence.insert(rng.randint(0, len(sentence)), rng.choice(["D800", "DBFF", "DC00", "DFFF", "D840DC00", "FFFE"]))
        return "surrogates.pdf", pdf_mapped_text(sentence * rng.randint(1, 3))
    if kind == 0:  # one page object listed many times in the page tree
        count = rng.randint(20_000, 100_000)
        return "repeat.pdf", pdf_repeating_one_page(count)
    if kind == 1:  # deeply nested arrays
        depth = rng.randint(1_000, 100_000)
        body = b"%PDF-1.4\n1 0 obj\n" + b"[" * depth + b"]" * depth + b"\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
        return "nested.pdf", body
    return "garbage.pdf", b"%PDF-1.7\n" + rng.randbytes(rng.randint(1_000, 200_000))


# ---------------------------------------------------------------- drafts: batches


def draft_class(campaign: Campaign, cls: str, count: int, batch: int, make: Callable[[random.Random], bytes],
                crafted: Callable[[random.Random, int], tuple[str, bytes]], crafted_count: int, suffixes: list[str],
                pool: concurrent.futures.Executor) -> None:
    rng = random.Random(f"{campaign.seed}-{cls}")
    work = campaign.out / "work" / cls
    work.mkdir(parents=True, exist_ok=True)
    jobs = []
    made = 0
    number = 0
    while made < count - crafted_count:
        folder = work / f"batch{number:04d}"
        folder.mkdir()
        files = []
        for item in range(min(batch, count - crafted_count - made)):
            path = folder / f"in{item:03d}{rng.choice(suffixes)}"
            path.write_bytes(make(rng))
            files.append(path)
        made += len(files)
        number += 1
        jobs.append(pool.submit(_draft_batch, campaign, cls, folder, files))
    for index in range(crafted_count):
        folder = work / f"crafted{index:03d}"
        folder.mkdir()
        name, data = crafted(rng, index)
        path = folder / name
        path.write_bytes(data)
        jobs.append(pool.submit(_draft_batch, campaign, cls, folder, [path]))
    for job in concurrent.futures.as_completed(jobs):
        job.result()
    shutil.rmtree(work, ignore_errors=True)


def _draft_batch(campaign: Campaign, cls: str, folder: Path, files: list[Path], single: bool = False) -> None:
    before = digest(files)
    # --timeout: disclint's own promise that no file takes longer (the file is then "not checked",
    # status 2); the campaign's timeout above it catches a run that breaks that promise.
    arguments = ["check", "--format", "json", "--no-cache", "--timeout", str(FILE_BUDGET),
                 "--jobs", str(random.Random(str(folder)).choice([1, 1, 2])), *[file.name for file in files]]
    limit = TIMEOUT + FILE_BUDGET * (1 if single or len(files) == 1 else len(files))
    result = run_cli(campaign, arguments, folder, timeout=limit)
    problems = _draft_problems(result, files)
    changed = [path for path, value in digest(files).items() if before.get(path) != value]
    if problems or changed or result.orphans:
        if len(files) > 1:  # name the input: one run per file
            for file in files:
                _draft_batch(campaign, cls, folder, [file], single=True)
            return
        kind = problems[0] if problems else ("modified" if changed else "orphans")
        campaign.note(cls, f"{kind}: {files[0].name} ({files[0].stat().st_size} bytes): status {result.status}, "
                           f"{result.seconds:.1f} s: {result.stderr.decode('utf-8', 'replace')[-300:]!r}", files)
    campaign.count(
        cls,
        inputs=len(files),
        crashes=int("crash" in problems),
        hangs=int("hang" in problems),
        wrong=int("wrong" in problems),
        modified=len(changed),
        orphans=len(result.orphans),
    )
    if cls == "docx" and not single:
        chooser = random.Random(f"annotate-{folder}")
        for file in chooser.sample(files, min(len(files), 3)):
            _annotate_case(campaign, folder, file, result)


def _annotate_case(campaign: Campaign, folder: Path, file: Path, checked: Run) -> None:
    """``annotate`` on a mutated .docx: a reviewed copy or that file's one error line, never a
    traceback; the draft unchanged and no temporary left behind."""
    target = folder / f"{file.stem}.reviewed-out.docx"
    before = digest([file])
    result = run_cli(campaign, ["annotate", file.name, "-o", target.name, "--timeout", str(FILE_BUDGET)], folder,
                     timeout=TIMEOUT + FILE_BUDGET,
                     env={"DISCLINT_CACHE_DIR": str(campaign.out / "work" / "annotate-cache")})  # not the user's cache
    changed = [path for path, value in digest([file]).items() if before.get(path) != value]
    problem = ""
    try:
        error = {Path(item["path"]).name: item.get("error") for item in json.loads(checked.stdout)["files"]}.get(file.name)
    except (ValueError, KeyError, TypeError):
        error = None
    if result.status is None:
        problem = "hang"
    elif crashed(result):
        problem = "crash"
    elif result.status == 2:
        lines = [line for line in result.stderr.decode("utf-8", "replace").splitlines() if line.strip()]
        if len(lines) != 1 or file.name not in lines[0] or target.exists():
            problem = "wrong"
    elif (error and not error.startswith("not checked")) or not zipfile.is_zipfile(target):
        problem = "wrong"  # a copy of a file check cannot read, or no valid package written
    if list(folder.glob(".*.tmp")):
        problem = problem or "wrong"
    if problem or changed or result.orphans:
        campaign.note("annotate", f"{problem or 'modified/orphan'}: {file.name} (check: {error!r}): status {result.status}: "
                                  f"{result.stderr.decode('utf-8', 'replace')[-300:]!r}", [file])
    campaign.count("annotate", inputs=1, crashes=int(problem == "crash"), hangs=int(problem == "hang"),
                   wrong=int(problem == "wrong"), modified=len(changed), orphans=len(result.orphans))
    with contextlib.suppress(OSError):
        target.unlink()


def _draft_problems(result: Run, files: list[Path]) -> list[str]:
    if result.status is None:
        return ["hang"]
    if crashed(result):
        return ["crash"]
    try:
        report = json.loads(result.stdout)
        reported = {Path(item["path"]).name: item for item in report["files"]}
    except (ValueError, KeyError, TypeError):
        return ["wrong"]  # no report at all
    if {file.name for file in files} - set(reported):
        return ["wrong"]  # a file left out of the report: it killed the run
    if b"root:x:0:0" in result.stdout:
        return ["wrong"]  # an external XML entity was resolved
    errors = [item for item in reported.values() if item.get("error")]
    if (result.status == 2) != bool(errors):
        return ["wrong"]
    return []


# ---------------------------------------------------------------- configs and team lexicons


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value) if value == value and abs(value) != float("inf") else "nan"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    return "{" + ", ".join(f"{json.dumps(str(key), ensure_ascii=False)} = {toml_value(item)}" for key, item in value.items()) + "}"


SCALARS: list[Any] = [True, False, 0, 1, -1, 2**63 - 1, 1.5, "HY001", "HY", "all", "hype", "error", "warning", "never", "info",
                      "action_plan", "*.txt", "[", "**/", "(a+)+$", "(?:不再|没)+有", "@negation", "", "~", "/dev/zero",
                      "/dev/urandom", "2025-12-31", "2099-01-01", "bad-date", "000", "draft.txt", "team.toml", "\u0000", "遥遥领先"]


def random_value(rng: random.Random, depth: int = 0) -> Any:
    roll = rng.random()
    if depth > 2 or roll < 0.55:
        return rng.choice(SCALARS)
    if roll < 0.8:
        return [random_value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    keys = ["a", "HY001", "file", "code", "excerpt", "reason", "expires", "*.md", "patterns", "source", "rule", "match"]
    return {rng.choice(keys): random_value(rng, depth + 1) for _ in range(rng.randint(0, 3))}


CONFIG_KEYS = ["select", "ignore", "fail-on", "type", "severity", "per-file-ignores", "per-file-types", "lexicons",
               "suppressions", "baseline", "cache-dir", "unknown-key", "fail_on", "preset", "review-folder", "exchange",
               "board"]


def random_config(rng: random.Random) -> bytes:
    roll = rng.random()
    if roll < 0.05:
        return rng.randbytes(rng.randint(0, 300))
    if roll < 0.1:
        return b"select = [" + b"[" * rng.randint(100, 5000) + b"]"
    if roll < 0.15:
        return 'select = ["夸大"]\n'.encode(rng.choice(["gb18030", "utf-16", "big5"]))
    lines = []
    for _ in range(rng.randint(1, 5)):
        key = rng.choice(CONFIG_KEYS)
        value = random_value(rng)
        if key == "suppressions" and rng.random() < 0.6:
            value = [{"file": rng.choice(["*", "draft.txt", "["]), "code": rng.choice(["HY001", "XX", 3]),
                      "excerpt": rng.choice(["遥遥领先", "", 5]), "expires": rng.choice(["2020-01-01", "bad", "2099-12-31"])}]
        lines.append(f'"{key}" = {toml_value(value)}')
    text = "\n".join(lines) + "\n"
    if rng.random() < 0.1:
        text = "[tool.disclint]\n" + text
    return text.encode()


LEXICON_KEYS = ["term", "defaults", "cue", "source", "section", "pack", "allow", "date_order", "hot_topic", "bogus", "file"]
TERM_KEYS = ["rule", "match", "pattern", "reason", "source", "allow", "allow_sentence", "require_sentence", "severity",
             "trigger", "bad", "good", "substring", "colour"]


def random_lexicon(rng: random.Random) -> bytes:
    roll = rng.random()
    if roll < 0.05:
        return rng.randbytes(rng.randint(0, 300))
    if roll < 0.1:
        return ('[[term]]\nrule = "HY001"\nmatch = "领先"\nreason = "r"\nsource = "s"\n').encode("gb18030") + b"\xff"
    lines = []
    for _ in range(rng.randint(0, 3)):
        key = rng.choice(LEXICON_KEYS)
        if key in ("section", "pack", "date_order", "term"):
            row = {rng.choice(["pack", "id", "name", "severity", "source", "expects", "headings", "keywords", "min_keywords",
                               "when", "doc_type", "order", "before", "after", "strict", "rule", "match"]): random_value(rng)
                   for _ in range(rng.randint(0, 6))}
            lines.append(f"[[{key}]]\n" + "".join(f'"{k}" = {toml_value(v)}\n' for k, v in row.items()))
        elif key == "cue":
            lines.append(f"[cue.{rng.choice(['negation', 'future', 'mine'])}]\npatterns = {toml_value(random_value(rng))}\n")
        else:
            lines.insert(0, f'"{key}" = {toml_value(random_value(rng))}\n')
    term = {rng.choice(TERM_KEYS): random_value(rng) for _ in range(rng.randint(0, 6))}
    if rng.random() < 0.6:
        term.update({"rule": "HY001", "reason": "绝对化", "source": "000"})
        term[rng.choice(["match", "pattern"])] = rng.choice(["遥遥领先", "(a+)+$", "领先(?:者)+", "(", "[甲乙]+方", "(.*)*x", "a{1,99999}"])
    lines.append("[[term]]\n" + "".join(f'"{k}" = {toml_value(v)}\n' for k, v in term.items()))
    return "".join(lines).encode()


DRAFT_TEXT = "一、经营情况\n公司力争到2027年末市值迈上三百亿元台阶，产品工艺遥遥领先。\n"


def config_class(campaign: Campaign, cls: str, count: int, pool: concurrent.futures.Executor) -> None:
    rng = random.Random(f"{campaign.seed}-{cls}")
    work = campaign.out / "work" / cls
    jobs = []
    for index in range(count):
        folder = work / f"case{index:05d}"
        folder.mkdir(parents=True)
        (folder / "draft.txt").write_text(DRAFT_TEXT, encoding="utf-8")
        if cls == "config":
            (folder / "disclint.toml").write_bytes(random_config(rng))
        else:
            (folder / "team.toml").write_bytes(random_lexicon(rng))
            (folder / "disclint.toml").write_text('lexicons = ["team.toml"]\n', encoding="utf-8")
        jobs.append(pool.submit(_config_case, campaign, cls, folder))
    for job in concurrent.futures.as_completed(jobs):
        job.result()
    shutil.rmtree(work, ignore_errors=True)


def _config_case(campaign: Campaign, cls: str, folder: Path) -> None:
    files = [folder / name for name in ("draft.txt", "disclint.toml", "team.toml") if (folder / name).exists()]
    before = digest(files)
    result = run_cli(campaign, ["check", "draft.txt", "--no-cache", "--format", "json"], folder)
    changed = [path for path, value in digest(files).items() if before.get(path) != value]
    problem = ""
    if result.status is None:
        problem = "hang"
    elif crashed(result):
        problem = "crash"
    elif result.status == 2:
        lines = [line for line in result.stderr.decode("utf-8", "replace").splitlines() if line.strip()]
        # Fail closed: nothing linted, one line naming the config or the lexicon.
        if result.stdout.strip() or len(lines) != 1 or not lines[0].startswith("disclint: error: ") or not (
            "disclint.toml" in lines[0] or "team.toml" in lines[0] or "pyproject.toml" in lines[0]
        ):
            problem = "wrong"
    elif result.stderr.strip():
        problem = "wrong"
    if problem or changed or result.orphans:
        campaign.note(cls, f"{problem or 'modified/orphan'}: status {result.status}: "
                           f"{result.stderr.decode('utf-8', 'replace')[-300:]!r}", files)
    campaign.count(cls, inputs=1, crashes=int(problem == "crash"), hangs=int(problem == "hang"),
                   wrong=int(problem == "wrong"), modified=len(changed), orphans=len(result.orphans))


# ---------------------------------------------------------------- cache entries


def cache_class(campaign: Campaign, count: int, pool: concurrent.futures.Executor) -> None:
    cls = "cache"
    rng = random.Random(f"{campaign.seed}-{cls}")
    work = campaign.out / "work" / cls
    base = work / "base"
    base.mkdir(parents=True)
    (base / "plan.docx").write_bytes(build_docx())
    (base / "plan.pdf").write_bytes(seed_pdf())
    state = work / "state"
    env = {"XDG_STATE_HOME": str(state)}
    reference = run_cli(campaign, ["check", "--format", "json", "--no-cache", "plan.docx", "plan.pdf"], base, env=env)
    warm = run_cli(campaign, ["check", "--format", "json", "--cache-dir", "cache", "plan.docx", "plan.pdf"], base, env=env)
    if warm.stdout != reference.stdout:
        campaign.note(cls, "a warm cache changed the report")
    jobs = []
    for index in range(count):
        folder = work / f"case{index:05d}"
        shutil.copytree(base, folder, symlinks=True)
        description = _forge(rng, folder / "cache")
        jobs.append(pool.submit(_cache_case, campaign, folder, reference, description, env))
    for job in concurrent.futures.as_completed(jobs):
        job.result()
    shutil.rmtree(work, ignore_errors=True)


def _forge(rng: random.Random, cache: Path) -> str:
    entries = sorted((cache / "documents").glob("*/*.json"))
    stores = sorted(cache.glob("lexicons-*.marshal"))
    roll = rng.random()
    if roll < 0.15 and stores:
        store = rng.choice(stores)
        import marshal

        choice = rng.choice(["random", "unsealed", "symlink", "truncate", "flip"])
        if choice == "random":
            store.write_bytes(rng.randbytes(rng.randint(0, 2000)))
        elif choice == "unsealed":
            store.write_bytes(marshal.dumps([{} for _ in range(rng.randint(1, 12))]))
        elif choice == "symlink":
            store.unlink()
            store.symlink_to(rng.choice(["/dev/zero", "/dev/urandom"]))
        elif choice == "truncate":
            store.write_bytes(store.read_bytes()[: rng.randint(0, 64)])
        else:
            blob = bytearray(store.read_bytes())
            blob[rng.randrange(len(blob))] ^= 0xFF
            store.write_bytes(bytes(blob))
        return f"lexicon store: {choice}"
    entry = rng.choice(entries)
    header, _, payload = entry.read_bytes().partition(b"\n")
    choice = rng.choice(["clean-forgery", "bad-offsets", "random", "symlink-zero", "symlink-other", "fifo", "folder",
                         "truncate", "old-schema", "swap", "huge", "flip", "header-only", "concurrent"])
    if choice == "concurrent":  # no forgery: two runs at once on one emptied cache
        shutil.rmtree(cache / "documents")
        return "concurrent runs"
    try:
        document = json.loads(payload)
    except ValueError:
        document = {}
    if choice == "clean-forgery":
        document.update(text="一、总则\n本公司经营稳健。\n", blocks=[], lines=[])
        entry.write_bytes(header + b"\n" + json.dumps(document).encode())
    elif choice == "bad-offsets":
        document.setdefault("blocks", []).append([rng.randint(-10, 10), rng.choice([10**9, -1, 5]), "paragraph", 0])
        document.setdefault("lines", []).append([rng.choice([10**12, -3]), 0, rng.choice([None, -1, "x"])])
        entry.write_bytes(header + b"\n" + json.dumps(document).encode())
    elif choice == "random":
        entry.write_bytes(rng.randbytes(rng.randint(0, 5000)))
    elif choice == "symlink-zero":
        entry.unlink()
        entry.symlink_to(rng.choice(["/dev/zero", "/dev/urandom", "/dev/null"]))
    elif choice == "symlink-other":
        other = rng.choice(entries)
        if other != entry:
            entry.unlink()
            entry.symlink_to(other.resolve())
    elif choice == "fifo":
        entry.unlink()
        os.mkfifo(entry)
    elif choice == "folder":
        entry.unlink()
        entry.mkdir()
    elif choice == "truncate":
        blob = entry.read_bytes()
        entry.write_bytes(blob[: rng.randint(0, len(blob))])
    elif choice == "old-schema":
        document["schema"] = "disclint-documents-1"
        entry.write_text(json.dumps(document), encoding="utf-8")
    elif choice == "swap":
        other = rng.choice(entries)
        entry.write_bytes(other.read_bytes())
    elif choice == "huge":
        with entry.open("ab") as stream:
            stream.truncate(rng.choice([600 * 1024 * 1024, 2 * 1024**3]))  # sparse
    elif choice == "flip":
        blob = bytearray(entry.read_bytes())
        blob[rng.randrange(len(blob))] ^= 1 << rng.randrange(8)
        entry.write_bytes(bytes(blob))
    else:
        entry.write_bytes(header + b"\n")
    return f"document entry: {choice}"


def _cache_case(campaign: Campaign, folder: Path, reference: Run, description: str, env: dict[str, str]) -> None:
    files = [folder / "plan.docx", folder / "plan.pdf"]
    before = digest(files)
    arguments = ["check", "--format", "json", "--cache-dir", "cache", "plan.docx", "plan.pdf"]
    other: concurrent.futures.Future[Run] | None = None
    if description == "concurrent runs":
        other = concurrent.futures.ThreadPoolExecutor(1).submit(run_cli, campaign, arguments, folder, env=env)
    result = run_cli(campaign, arguments, folder, env=env)
    if other is not None:
        second = other.result()
        if second.stdout != reference.stdout or second.status != reference.status or crashed(second):
            result = second
    changed = [path for path, value in digest(files).items() if before.get(path) != value]
    problem = ""
    if result.status is None:
        problem = "hang"
    elif crashed(result):
        problem = "crash"
    elif result.stdout != reference.stdout or result.status != reference.status:
        problem = "wrong"
    if problem or changed or result.orphans:
        campaign.note("cache", f"{problem or 'modified/orphan'} ({description}): status {result.status}: "
                               f"{result.stderr.decode('utf-8', 'replace')[-300:]!r}")
    campaign.count("cache", inputs=1, crashes=int(problem == "crash"), hangs=int(problem == "hang"),
                   wrong=int(problem == "wrong"), modified=len(changed), orphans=len(result.orphans))
    shutil.rmtree(folder, ignore_errors=True)


# ---------------------------------------------------------------- output paths

TARGETS = ["self", "second", "symlink-input", "hardlink-input", "dotdot-input", "config", "lexicon", "dev-null",
           "proc-mem", "folder", "fifo", "new-file", "existing-report", "symlink-new", "missing-folder", "html-over-docx",
           "baseline-same", "annotate-self", "annotate-null", "annotate-new", "write-baseline-input"]


def output_class(campaign: Campaign, count: int, pool: concurrent.futures.Executor) -> None:
    rng = random.Random(f"{campaign.seed}-output")
    work = campaign.out / "work" / "output"
    jobs = []
    for index in range(count):
        folder = work / f"case{index:05d}"
        folder.mkdir(parents=True)
        jobs.append(pool.submit(_output_case, campaign, folder, TARGETS[index % len(TARGETS)], rng.random()))
    for job in concurrent.futures.as_completed(jobs):
        job.result()
    shutil.rmtree(work, ignore_errors=True)


PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def _output_case(campaign: Campaign, folder: Path, target: str, roll: float) -> None:
    (folder / "draft.txt").write_text(DRAFT_TEXT + f"公司遥遥领先{PAYLOAD}。\n", encoding="utf-8")
    (folder / "second.md").write_text(DRAFT_TEXT, encoding="utf-8")
    (folder / "plan.docx").write_bytes(build_docx())
    (folder / "team.toml").write_text('[[term]]\nrule = "HY001"\nmatch = "工艺领跑"\nreason = "r"\nsource = "000"\n', encoding="utf-8")
    (folder / "disclint.toml").write_text('lexicons = ["team.toml"]\n', encoding="utf-8")
    (folder / "sub").mkdir()
    fmt = ["text", "json", "html", "sarif", "junit", "github"][int(roll * 6)]
    base = ["check", "draft.txt", "second.md", "--no-cache", "--format", fmt]
    refuse = True
    written: Path | None = None
    if target == "self":
        arguments = [*base, "-o", "draft.txt"]
    elif target == "second":
        arguments = [*base, "--output", "second.md"]
    elif target == "symlink-input":
        (folder / "link.txt").symlink_to(folder / "draft.txt")
        arguments = [*base, "-o", "link.txt"]
    elif target == "hardlink-input":
        os.link(folder / "draft.txt", folder / "hard.txt")
        arguments = [*base, "-o", "hard.txt"]
    elif target == "dotdot-input":
        arguments = [*base, "-o", "sub/../draft.txt"]
    elif target == "config":
        arguments = [*base, "-o", "disclint.toml"]
    elif target == "lexicon":
        arguments = [*base, "-o", "team.toml"]
    elif target == "dev-null":
        arguments = [*base, "-o", "/dev/null"]
    elif target == "proc-mem":
        arguments = [*base, "-o", "/proc/self/mem"]
    elif target == "folder":
        arguments = [*base, "-o", "sub"]
    elif target == "fifo":
        os.mkfifo(folder / "pipe")
        arguments = [*base, "-o", "pipe"]
    elif target == "html-over-docx":
        arguments = ["check", "plan.docx", "--no-cache", "--format", "html", "-o", "plan.docx"]
    elif target == "baseline-same":
        arguments = [*base, "-o", "same.json", "--write-baseline", "same.json"]
    elif target == "annotate-self":
        arguments = ["annotate", "plan.docx", "-o", "plan.docx"]
    elif target == "annotate-null":
        arguments = ["annotate", "draft.txt", "-o", rng_choice(roll, ["/dev/null", "/proc/self/mem", "sub"])]
    elif target == "write-baseline-input":
        arguments = [*base, "--write-baseline", "draft.txt"]
    else:
        refuse = False
        if target == "new-file":
            written = folder / "report.out"
        elif target == "existing-report":
            written = folder / "report.out"
            written.write_text("an old report\n", encoding="utf-8")
        elif target == "symlink-new":
            (folder / "alias.out").symlink_to(folder / "real.out")
            written = folder / "real.out"
        elif target == "missing-folder":
            refuse = True
            written = None
        elif target == "annotate-new":
            written = folder / "reviewed.docx"
        if target == "missing-folder":
            arguments = [*base, "-o", "no/such/dir/report.out"]
        elif target == "annotate-new":
            arguments = ["annotate", "plan.docx", "-o", "reviewed.docx"]
        else:
            arguments = [*base, "-o", "alias.out" if target == "symlink-new" else "report.out"]
    files = [folder / name for name in ("draft.txt", "second.md", "plan.docx", "team.toml", "disclint.toml")]
    before = digest(files)
    result = run_cli(campaign, arguments, folder)
    changed = [path for path, value in digest(files).items() if before.get(path) != value]
    problem = ""
    if result.status is None:
        problem = "hang"
    elif crashed(result):
        problem = "crash"
    elif (result.status != 2) if refuse else not _written_well(result, written, fmt):
        problem = "wrong"
    leftovers = [path.name for path in folder.rglob(".*.tmp")]
    if leftovers:
        problem = problem or "wrong"
    if problem or changed or result.orphans:
        campaign.note("output", f"{problem or 'modified/orphan'} ({target}, {fmt}): status {result.status}: "
                                f"{result.stderr.decode('utf-8', 'replace')[-300:]!r} {leftovers}")
    campaign.count("output", inputs=1, crashes=int(problem == "crash"), hangs=int(problem == "hang"),
                   wrong=int(problem == "wrong"), modified=len(changed), orphans=len(result.orphans))


def _written_well(result: Run, written: Path | None, fmt: str) -> bool:
    if result.status not in (0, 1) or written is None or not written.is_file() or written.stat().st_size == 0:
        return False
    if written.suffix == ".out" and fmt in ("json", "sarif") and not _valid_json(written):
        return False
    # HTML: the draft's markup shown as text, never as markup.
    return not (fmt == "html" and "<script>alert(" in written.read_text(encoding="utf-8", errors="replace"))


def rng_choice(roll: float, items: list[str]) -> str:
    return items[int(roll * len(items)) % len(items)]


def _valid_json(path: Path) -> bool:
    try:
        json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return True


# ---------------------------------------------------------------- signals


def signal_class(
    campaign: Campaign, count: int, pool: concurrent.futures.Executor, delays: tuple[float, float] = (0.1, 2.5)
) -> None:
    rng = random.Random(f"{campaign.seed}-signal")
    work = campaign.out / "work" / "signal"
    drafts = work / "drafts"
    drafts.mkdir(parents=True)
    paragraph = "公司力争到2027年末市值迈上三百亿元台阶，主营产品的工艺遥遥领先。公司将持续完善治理。\n"
    for index in range(24):
        (drafts / f"d{index:02d}.txt").write_text(paragraph * rng.randint(300, 3000), encoding="utf-8")
    (drafts / "plan.docx").write_bytes(build_docx())
    (drafts / "plan.pdf").write_bytes(seed_pdf())
    jobs = []
    for index in range(count):
        signum = [signal.SIGINT, signal.SIGTERM, signal.SIGKILL][index % 3]
        delay = rng.uniform(*delays)
        output = rng.random() < 0.5
        jobs.append(pool.submit(_signal_case, campaign, work, drafts, index, signum, delay, output))
    for job in concurrent.futures.as_completed(jobs):
        job.result()
    shutil.rmtree(work, ignore_errors=True)


def _signal_case(campaign: Campaign, work: Path, drafts: Path, index: int, signum: int, delay: float, output: bool) -> None:
    target = work / f"report{index}.json"
    arguments = ["check", "--jobs", "2", "--format", "json", "--cache-dir", str(work / f"cache{index % 4}"), str(drafts)]
    if output:
        arguments += ["-o", str(target)]
    files = sorted(drafts.iterdir())
    before = digest(files)
    sent: dict[str, float] = {}
    watchers: list[threading.Thread] = []

    def kill_later(process: subprocess.Popen[bytes]) -> None:
        end = time.monotonic() + delay
        while time.monotonic() < end and process.poll() is None:
            time.sleep(0.02)
        if process.poll() is None:
            sent["at"] = time.monotonic()
            sent["children"] = float(len(_children(process.pid)))
            with contextlib.suppress(ProcessLookupError):
                os.kill(process.pid, signum)
            watcher = threading.Thread(target=watch_end, args=(process,), daemon=True)
            watcher.start()
            watchers.append(watcher)

    def watch_end(process: subprocess.Popen[bytes]) -> None:
        # How long the run takes to end after the signal (Ctrl-C: "within a second"); polled in a
        # thread while the runner reads the output (a full pipe would otherwise stop the run).
        end = time.monotonic() + TIMEOUT
        while process.poll() is None and time.monotonic() < end:
            time.sleep(0.01)
        sent["ended"] = time.monotonic()

    result = run_cli(campaign, arguments, work, during=kill_later)
    for watcher in watchers:
        watcher.join(TIMEOUT)
    with campaign.lock:
        key = "with workers" if sent.get("children") else ("before workers" if "at" in sent else "after the end")
        campaign.signal_moments[key] = campaign.signal_moments.get(key, 0) + 1
        if sent.get("children") and "ended" in sent:
            name = signal.Signals(signum).name
            campaign.signal_latency.setdefault(name, []).append(sent["ended"] - sent["at"])
    changed = [path for path, value in digest(files).items() if before.get(path) != value]
    problem = ""
    expected = {signal.SIGINT: (130, b"disclint: interrupted"), signal.SIGTERM: (143, b"disclint: terminated"),
                signal.SIGKILL: (-signal.SIGKILL, b"")}[signum]
    if result.status is None:
        problem = "hang"
    elif "at" not in sent:  # the run finished before the signal: an ordinary run
        if crashed(result):
            problem = "crash"
    elif result.status == -signum and signum != signal.SIGKILL and not sent.get("children"):
        pass  # the signal came while Python was still starting, before any handler or worker: its default action
    elif result.status not in (0, 1, 2, expected[0]) or b"Traceback" in result.stderr:
        problem = "crash"
    elif result.status != expected[0] or expected[1] not in result.stderr:
        problem = "wrong"
    if output and target.exists() and not _valid_json(target):
        problem = problem or "wrong"  # a half-written report
    if problem or changed or result.orphans:
        campaign.note("signal", f"{problem or 'modified/orphan'} (signal {signum} after {delay:.2f} s, "
                                f"{sent.get('children', 0):.0f} children): status {result.status}, orphans {result.orphans}: "
                                f"{result.stderr.decode('utf-8', 'replace')[-300:]!r}")
    campaign.count("signal", inputs=1, crashes=int(problem == "crash"), hangs=int(problem == "hang"),
                   wrong=int(problem == "wrong"), modified=len(changed), orphans=len(result.orphans))
    with contextlib.suppress(OSError):
        target.unlink()


# ---------------------------------------------------------------- special files and odd names

# What a folder (or the command line) can hold besides drafts: entries disclint must refuse as
# that file's error ("bad"), read like any draft ("good"), read or refuse ("either"), or pass
# over ("none": a link to a folder, a folder link back up).
SPECIALS = ["fifo", "dev-zero", "dev-urandom", "dev-null", "socket", "broken-link", "self-link", "link-to-fifo",
            "proc-mem", "proc-status", "docx-link-to-txt", "empty", "bom-only", "link-to-folder", "folder-link-up",
            "folder-named-docx", "name-not-utf8", "name-newline", "name-cr", "name-escape", "name-dash",
            "name-long", "name-percent", "name-cjk", "deep", "hard-link", "link-to-draft"]
GOOD = "一、经营情况\n公司力争到2027年末市值迈上三百亿元台阶，产品工艺遥遥领先。\n"


def special_class(campaign: Campaign, count: int, pool: concurrent.futures.Executor) -> None:
    rng = random.Random(f"{campaign.seed}-special")
    work = campaign.out / "work" / "special"
    work.mkdir(parents=True, exist_ok=True)
    jobs = []
    for index in range(count):
        kinds = rng.sample(SPECIALS, rng.randint(1, 5))
        if "deep" in kinds and rng.random() < 0.7:  # deep trees are slow to build: fewer of them
            kinds.remove("deep")
        if not kinds:
            kinds = [rng.choice(SPECIALS[:-3])]
        jobs.append(pool.submit(_special_case, campaign, work / f"case{index:05d}", kinds, rng.random()))
    for job in concurrent.futures.as_completed(jobs):
        job.result()
    remove_tree(work)


def _shown(name: str) -> str:
    """How a report names a path (bytes that are not UTF-8 as \\xNN escapes)."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def _special_case(campaign: Campaign, case: Path, kinds: list[str], roll: float) -> None:
    drafts = case / "drafts"
    drafts.mkdir(parents=True)
    expect: dict[str, str] = {}  # entry (relative to drafts) → good / bad / either
    given_extra: list[str] = []  # paths given on the command line besides the entries
    good = [drafts / f"good{index}.txt" for index in range(1 + int(roll * 3))]
    for path in good:
        path.write_text(GOOD, encoding="utf-8")
        expect[path.name] = "good"
    walk = roll < 0.6
    for kind in kinds:
        try:
            _make_special(kind, case, drafts, good[0], expect, given_extra, walk)
        except OSError as exc:  # e.g. a socket path too long for AF_UNIX: the entry is left out
            campaign.note("special", f"setup: {kind}: {exc}")
    fmt = ["json", "json", "json", "text", "sarif", "junit", "github", "html"][int(roll * 1000) % 8]
    output = case / "report.out" if int(roll * 10_000) % 3 == 0 else None
    if walk:
        inputs = ["drafts", *given_extra]
    else:
        inputs = [os.fsdecode(b"drafts/" + os.fsencode(name)) for name in sorted(expect, key=os.fsencode)] + given_extra
    arguments = ["check", "--no-cache", "--format", fmt, "--timeout", str(FILE_BUDGET),
                 "--jobs", str(1 + int(roll * 100) % 2), *inputs]
    if output is not None:
        arguments += ["-o", str(output)]
    files = [path for path in good]
    before = digest(files)
    result = run_cli(campaign, arguments, case)
    changed = [path for path, value in digest(files).items() if before.get(path) != value]
    problem, why = _special_problem(result, fmt, output, expect, given_extra, walk)
    if problem or changed or result.orphans:
        campaign.note("special", f"{problem or 'modified/orphan'} ({', '.join(kinds)}; {fmt}; "
                                 f"{'walk' if walk else 'listed'}{'; -o' if output else ''}): {why} status {result.status}: "
                                 f"{result.stderr.decode('utf-8', 'replace')[-300:]!r}")
    campaign.count("special", inputs=1, crashes=int(problem == "crash"), hangs=int(problem == "hang"),
                   wrong=int(problem == "wrong"), modified=len(changed), orphans=len(result.orphans))
    remove_tree(case)


def _make_special(kind: str, case: Path, drafts: Path, draft: Path, expect: dict[str, str], given: list[str],
                  walk: bool) -> None:
    if kind == "fifo":
        os.mkfifo(drafts / "pipe.txt")
        expect["pipe.txt"] = "bad"
    elif kind in ("dev-zero", "dev-urandom", "dev-null"):
        device = "/dev/" + kind.removeprefix("dev-")
        (drafts / f"{kind}.md").symlink_to(device)
        expect[f"{kind}.md"] = "bad"
        given.append(device)  # and the device itself on the command line
    elif kind == "socket":
        import socket

        short = Path(tempfile.mkdtemp(prefix="s", dir="/tmp"))
        try:
            server = socket.socket(socket.AF_UNIX)
            server.bind(str(short / "s"))
            server.close()
            os.rename(short / "s", drafts / "sock.txt")
        finally:
            shutil.rmtree(short, ignore_errors=True)
        expect["sock.txt"] = "bad"
    elif kind == "broken-link":
        (drafts / "gone.txt").symlink_to(drafts / "missing.txt")
        expect["gone.txt"] = "bad"
    elif kind == "self-link":
        (drafts / "loop.txt").symlink_to("loop.txt")
        expect["loop.txt"] = "bad"
    elif kind == "link-to-fifo":
        os.mkfifo(case / "elsewhere")
        (drafts / "via.md").symlink_to(case / "elsewhere")
        expect["via.md"] = "bad"
    elif kind == "proc-mem":
        (drafts / "mem.txt").symlink_to("/proc/self/mem")
        expect["mem.txt"] = "bad"
    elif kind == "proc-status":
        (drafts / "status.txt").symlink_to("/proc/self/status")
        expect["status.txt"] = "either"
    elif kind == "docx-link-to-txt":
        (drafts / "fake.docx").symlink_to(draft)
        expect["fake.docx"] = "bad"
    elif kind == "empty":
        (drafts / "empty.txt").write_bytes(b"")
        expect["empty.txt"] = "bad"
    elif kind == "bom-only":
        (drafts / "bom.txt").write_bytes(b"\xef\xbb\xbf")
        expect["bom.txt"] = "either"
    elif kind == "link-to-folder":
        (case / "other").mkdir(exist_ok=True)
        (drafts / "folder.txt").symlink_to(case / "other")
        if not walk:
            given.append("drafts/folder.txt")  # given, a link to a folder is walked: nothing in it
    elif kind == "folder-link-up":
        (drafts / "sub").mkdir(exist_ok=True)
        (drafts / "sub" / "up").symlink_to(drafts)
    elif kind == "folder-named-docx":
        (drafts / "chapter.docx").mkdir()
        (drafts / "chapter.docx" / "inner.txt").write_text(GOOD, encoding="utf-8")
        expect["chapter.docx/inner.txt"] = "good"
    elif kind == "deep":
        folder = drafts / "deep"
        folder.mkdir()
        for _ in range(random.Random(str(case)).randint(1_000, 1_200)):
            folder = folder / "a"
            folder.mkdir()
        (folder / "bottom.txt").write_text(GOOD, encoding="utf-8")
        expect[str((folder / "bottom.txt").relative_to(drafts))] = "good"
    elif kind == "hard-link":
        os.link(draft, drafts / "hard.txt")
        expect["hard.txt"] = "good"
    elif kind == "link-to-draft":
        (drafts / "alias.md").symlink_to(draft)
        expect["alias.md"] = "good"
    else:  # odd names of good drafts
        name = {"name-not-utf8": os.fsdecode(b"plan\xff\xfe.txt"), "name-newline": "new\nline.txt",
                "name-cr": "carriage\rreturn.txt", "name-escape": "e\x1b[31m\x1b]0;title\x07.txt",
                "name-dash": "-rf.txt", "name-long": "长" * 80 + ".txt", "name-percent": "100%::warning.txt",
                "name-cjk": "关于 2025 年度（草案）.md"}[kind]
        (drafts / name).write_text(GOOD, encoding="utf-8")
        expect[name] = "good"


def _special_problem(result: Run, fmt: str, output: Path | None, expect: dict[str, str], given: list[str],
                     walk: bool) -> tuple[str, str]:
    if result.status is None:
        return "hang", ""
    if crashed(result):
        return "crash", ""
    try:
        data = output.read_bytes() if output is not None else result.stdout
        text = data.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return "wrong", f"no report or not UTF-8: {exc};"
    bad = any(value == "bad" for value in expect.values()) or any(item.startswith("/dev/") for item in given)
    if bad and result.status != 2:
        return "wrong", "a file that cannot be read, and not status 2;"
    if (fmt == "text" and output is None and "\x1b" in text) or b"\x1b" in result.stderr:
        return "wrong", "an escape character reached the terminal;"
    if fmt == "junit":
        import xml.dom.minidom

        try:
            xml.dom.minidom.parseString(data)
        except Exception as exc:  # any parse failure is a broken report
            return "wrong", f"JUnit not XML: {exc};"
    if fmt == "sarif":
        try:
            json.loads(text)
        except ValueError:
            return "wrong", "SARIF not JSON;"
    if fmt != "json":
        return "", ""
    try:
        reported = {item["path"]: item for item in json.loads(text)["files"]}
    except (ValueError, KeyError, TypeError):
        return "wrong", "no JSON report;"
    for name, what in expect.items():
        shown = _shown(os.fsdecode(b"drafts/" + os.fsencode(name)))
        item = reported.get(shown)
        if item is None:
            return "wrong", f"{shown!r} missing from the report;"
        if (what == "good" and item.get("error")) or (what == "bad" and not item.get("error")):
            return "wrong", f"{shown!r}: error {item.get('error')!r} where {what} was expected;"
    for device in (item for item in given if item.startswith("/dev/")):
        if not (reported.get(device) or {}).get("error"):
            return "wrong", f"{device} given and not refused;"
    if (result.status == 2) != any(item.get("error") for item in reported.values()):
        return "wrong", "status 2 without a file error, or a file error without status 2;"
    return "", ""


# ---------------------------------------------------------------- main


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every class's count (1.0: ~11,200 inputs)")
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--disclint", default="disclint", help="the command to run (split on spaces)")
    parser.add_argument("--only", default=",".join(CLASSES))
    parser.add_argument(
        "--signal-delay",
        default="0.1,2.5",
        help="seconds after the start when a signal is sent, drawn from MIN,MAX (a loaded machine starts slower: "
        "raise them until most signals arrive while the workers run)",
    )
    options = parser.parse_args()
    out = options.out or Path(tempfile.mkdtemp(prefix="disclint-fuzz-"))
    out.mkdir(parents=True, exist_ok=True)
    campaign = Campaign(options.disclint.split(), out, options.seed)
    only = set(options.only.split(","))
    low, high = (float(item) for item in options.signal_delay.split(","))
    delays = (low, high)

    def n(count: int) -> int:
        return max(1, round(count * options.scale))

    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(options.workers) as pool:
        steps: list[tuple[str, Callable[[], None]]] = [
            ("text", lambda: draft_class(campaign, "text", n(4000), 40, random_text, crafted_text, n(28), [".txt", ".md"], pool)),
            ("docx", lambda: draft_class(campaign, "docx", n(2400), 25, random_docx, crafted_docx, n(12), [".docx"], pool)),
            ("pdf", lambda: draft_class(campaign, "pdf", n(2000), 20, random_pdf, crafted_pdf, n(12), [".pdf"], pool)),
            ("config", lambda: config_class(campaign, "config", n(600), pool)),
            ("lexicon", lambda: config_class(campaign, "lexicon", n(600), pool)),
            ("cache", lambda: cache_class(campaign, n(450), pool)),
            ("output", lambda: output_class(campaign, n(336), pool)),
            ("signal", lambda: signal_class(campaign, n(90), pool, delays)),
            ("special", lambda: special_class(campaign, n(400), pool)),
        ]
        for name, step in steps:
            if name in only:
                began = time.monotonic()
                step()
                print(f"{name}: {campaign.tallies[name].inputs} inputs in {time.monotonic() - began:.0f} s", file=sys.stderr)
    table = render(campaign, time.monotonic() - started, options.seed)
    (out / "table.md").write_text(table, encoding="utf-8")
    print(table)
    print(f"reproducers and notes: {campaign.reproducers}", file=sys.stderr)
    return 0


def render(campaign: Campaign, seconds: float, seed: int) -> str:
    lines = [
        f"Seed {seed}, {seconds / 60:.1f} min.",
        "",
        "| class | inputs | crashes | hangs | wrong exits | inputs modified | orphans |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    total = Tally()
    for name in CLASSES:
        tally = campaign.tallies[name]
        if not tally.inputs:
            continue
        lines.append(f"| {name} | {tally.inputs} | {tally.crashes} | {tally.hangs} | {tally.wrong} | {tally.modified} | {tally.orphans} |")
        for key in ("inputs", "crashes", "hangs", "wrong", "modified", "orphans"):
            setattr(total, key, getattr(total, key) + getattr(tally, key))
    lines.append(f"| **total** | {total.inputs} | {total.crashes} | {total.hangs} | {total.wrong} | {total.modified} | {total.orphans} |")
    if campaign.signal_moments:
        lines += ["", "Signals arrived " + ", ".join(f"{key}: {value}" for key, value in sorted(campaign.signal_moments.items())) + "."]
    for name, seconds in sorted(campaign.signal_latency.items()):
        ordered = sorted(seconds)
        lines.append(
            f"{name} with the workers running: the run ended {ordered[len(ordered) // 2]:.2f} s after it (median), "
            f"{ordered[int(len(ordered) * 0.95)]:.2f} s (95th percentile), {ordered[-1]:.2f} s at most; "
            f"{sum(value > 1.0 for value in ordered)} of {len(ordered)} took over 1 s."
        )
    for name in CLASSES:
        notes = campaign.tallies[name].notes
        if notes:
            lines += ["", f"{name}:", *[f"- {note}" for note in notes[:15]]]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
