"""Performance comparisons for disclint, printed as figures and ratios.

    python benchmarks/run.py [--shared ../shared] [--runs 5] [--skip-textlint]

Builds its inputs from the seed documents in ``../shared/seeds`` (outside the
repository), then times whole processes, side by side in one run:

1. a cold ``disclint check`` of one 20,000-character draft against a process
   that only loads jieba and segments the same file (``jieba.lcut``);
2. ``disclint check`` of a corpus (~1.3 MB in ~110 files) against jieba-only
   segmentation of the same files;
3. a 100-page CJK PDF (generated with reportlab, the test extra) against a
   process that only dumps its text with pypdfium2 — not cached (the parsed-
   document cache is emptied before each run), and, for reference, cached;
4. ``--jobs 2`` against ``--jobs 1`` on the corpus, and peak memory;
5. textlint with textlint-rule-prh, configured with disclint's literal lexicon
   terms, on the same draft and corpus (installed with npm into a temporary
   folder; skipped with a message when npm is missing).

It prints; it does not assert (the test suite guards behaviour, this guards
nothing). Each comparison runs its two commands in turn, A B A B …, ``--runs``
times after one warm-up each (which fills the lexicon
store, as any earlier run on the machine would), and reports the medians
and the median of the pairs' ratios; peak memory is the
largest resident set of the measured process and its children.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Runs a command and reports its peak RSS (KiB) and its CPU seconds (user + system, its own
# children included) from the kernel's accounting of finished children.
_RSS_WRAPPER = textwrap.dedent(
    """
    import resource, subprocess, sys
    completed = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(usage.ru_maxrss, usage.ru_utime + usage.ru_stime)
    sys.exit(0 if completed.returncode in (0, 1) else completed.returncode)
    """
)


@dataclass
class Timing:
    label: str
    wall: float
    rss_mib: float
    cpu: float = 0.0  # median CPU seconds (user + system)
    cpu_ratio: float = 0.0  # of the pair's first job: the median of the pairs' CPU ratios a/b


@dataclass
class Job:
    """A command to time; ``prepare`` runs (untimed) before each of its runs."""

    label: str
    command: list[str]
    env: dict[str, str] | None = None
    prepare: Callable[[], None] | None = None


def _run_once(job: Job) -> tuple[float, float, float]:
    """Wall seconds, peak RSS (MiB) and CPU seconds of one run of ``job``."""
    if job.prepare is not None:
        job.prepare()
    started = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, "-c", _RSS_WRAPPER, *job.command], capture_output=True, text=True, env=job.env
    )
    elapsed = time.perf_counter() - started
    if completed.returncode != 0:
        raise SystemExit(
            f"{job.label}: command failed ({completed.returncode}): {' '.join(job.command)}\n{completed.stderr}"
        )
    peak, cpu = completed.stdout.split()
    return elapsed, int(peak) / 1024, float(cpu)


def compare(a: Job, b: Job, runs: int) -> tuple[Timing, Timing, float]:
    """Run ``a`` and ``b`` in turn (A B A B …, after one warm-up each): medians, and the median of the pairs' a/b.

    Pairing keeps the ratio meaningful when the machine's speed drifts
    during the benchmark, which a shared virtual machine's does. The CPU
    seconds (``Timing.cpu``, and the pairs' CPU ratio in ``a``'s
    ``cpu_ratio``) move less than wall time when other processes share it.
    """
    _run_once(a)
    _run_once(b)
    walls: dict[str, list[float]] = {"a": [], "b": []}
    peaks: dict[str, list[float]] = {"a": [], "b": []}
    cpus: dict[str, list[float]] = {"a": [], "b": []}
    for _ in range(runs):
        for key, job in (("a", a), ("b", b)):
            wall, peak, cpu = _run_once(job)
            walls[key].append(wall)
            peaks[key].append(peak)
            cpus[key].append(cpu)
    ratios = [x / y for x, y in zip(walls["a"], walls["b"], strict=True)]
    cpu_ratio = statistics.median(x / y for x, y in zip(cpus["a"], cpus["b"], strict=True))
    return (
        Timing(a.label, statistics.median(walls["a"]), max(peaks["a"]), statistics.median(cpus["a"]), cpu_ratio),
        Timing(b.label, statistics.median(walls["b"]), max(peaks["b"]), statistics.median(cpus["b"])),
        statistics.median(ratios),
    )


# Run "COMMAND -- FOLDER FOLDER": the command once per folder, at the same time or in turn.
_TOGETHER = (
    "import subprocess, sys\n"
    "cut = sys.argv.index('--'); command, folders = sys.argv[1:cut], sys.argv[cut + 1:]\n"
    "runs = [subprocess.Popen([*command, f], stdout=subprocess.DEVNULL) for f in folders]\n"
    "sys.exit(max(run.wait() for run in runs))"
)
_APART = (
    "import subprocess, sys\n"
    "cut = sys.argv.index('--'); command, folders = sys.argv[1:cut], sys.argv[cut + 1:]\n"
    "sys.exit(max(subprocess.run([*command, f], stdout=subprocess.DEVNULL).returncode for f in folders))"
)


def split_in_halves(files: list[Path], work: Path) -> list[Path]:
    """Two folders holding the first and the second half of ``files``."""
    halves = [work / "half_1", work / "half_2"]
    middle = len(files) // 2
    for folder, part in zip(halves, (files[:middle], files[middle:]), strict=True):
        folder.mkdir()
        for path in part:
            shutil.copyfile(path, folder / path.name)
    return halves


def disclint_command() -> list[str]:
    found = shutil.which("disclint")
    return [found] if found else [sys.executable, "-m", "disclint"]


def build_inputs(shared: Path, work: Path) -> tuple[Path, Path]:
    seeds = sorted((shared / "seeds").glob("*.txt"))
    if not seeds:
        raise SystemExit(f"no seeds in {shared / 'seeds'}")
    texts = [path.read_text(encoding="utf-8") for path in seeds]
    joined = "\n\n".join(texts)
    draft = work / "draft.txt"
    draft.write_text(joined[:20000], encoding="utf-8")
    corpus = work / "corpus"
    corpus.mkdir()
    # ~110 files of ~4,000 characters (~12 KB) each, cut from the seeds in turn.
    chunks = [text[start : start + 4000] for text in texts for start in range(0, len(text), 4000)]
    size = 0
    index = 0
    while size < 1_300_000:
        chunk = chunks[index % len(chunks)]
        path = corpus / f"filing_{index:03d}.txt"
        path.write_text(chunk, encoding="utf-8")
        size += len(chunk.encode("utf-8"))
        index += 1
    return draft, corpus


def build_pdf(work: Path, pages: int = 100) -> Path | None:
    try:
        sys.path.insert(0, str(ROOT / "tests"))
        from fixtures_inputs import write_pages
    except ImportError as exc:
        print(f"[skip] 100-page PDF: {exc} (install the test extra: pip install '.[test]')")
        return None
    body = (ROOT / "examples" / "02_提质增效重回报行动方案_faulty.txt").read_text(encoding="utf-8").replace("\n", "")
    items = []
    cursor = 0
    for number in range(1, pages + 1):
        page = [(72.0, 50.0, "汀岚精密科技股份有限公司 2026年度“提质增效重回报”行动方案", 9.0)]
        for row in range(38):
            start = cursor % (len(body) - 40)
            page.append((72.0, 90.0 + 18.0 * row, body[start : start + 37], 12.0))
            cursor += 37
        page.append((290.0, 810.0, f"{number} / {pages}", 9.0))
        items.append(page)
    return Path(write_pages(work / "filing.pdf", items))


def textlint_setup(work: Path, draft_terms: list[str]) -> Path | None:
    npm = shutil.which("npm")
    if npm is None:
        print("[skip] textlint: npm not found")
        return None
    folder = work / "textlint"
    folder.mkdir()
    (folder / "package.json").write_text('{"name": "bench", "private": true}', encoding="utf-8")
    completed = subprocess.run(
        [npm, "install", "--silent", "--no-audit", "--no-fund", "textlint", "textlint-rule-prh"],
        cwd=folder,
        capture_output=True,
        text=True,
    )
    if completed.returncode != 0:
        print(f"[skip] textlint: npm install failed: {completed.stderr.strip()[:200]}")
        return None
    rules = "\n".join(
        f"  - expected: 〔{term}〕\n    pattern: {json.dumps(term, ensure_ascii=False)}" for term in draft_terms
    )
    (folder / "prh.yml").write_text(f"version: 1\nrules:\n{rules}\n", encoding="utf-8")
    (folder / ".textlintrc.json").write_text(
        json.dumps({"rules": {"prh": {"rulePaths": [str(folder / "prh.yml")]}}}), encoding="utf-8"
    )
    return folder


def literal_terms() -> list[str]:
    sys.path.insert(0, str(ROOT / "src"))
    from disclint.startup.lexicon import default_lexicon

    return sorted(default_lexicon().all_literals())


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip-textlint", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        draft, corpus = build_inputs(args.shared, work)
        files = sorted(corpus.glob("*.txt"))
        size = sum(path.stat().st_size for path in files)
        env = {**os.environ, "DISCLINT_CACHE_DIR": str(work / "cache")}
        disclint = disclint_command()
        jieba_one = [
            sys.executable,
            "-c",
            "import sys,jieba; jieba.setLogLevel(60); jieba.lcut(open(sys.argv[1], encoding='utf-8').read())",
            str(draft),
        ]
        jieba_many = [
            sys.executable,
            "-c",
            "import sys,glob,jieba; jieba.setLogLevel(60)\n"
            "for p in sorted(glob.glob(sys.argv[1] + '/*.txt')): jieba.lcut(open(p, encoding='utf-8').read())",
            str(corpus),
        ]
        rows: list[tuple[str, str, str, str]] = []
        lint_draft = Job("disclint, one draft", [*disclint, "check", str(draft), "--fail-on", "never"], env)
        lint_corpus = Job("disclint, corpus", [*disclint, "check", str(corpus), "--fail-on", "never"], env)

        one, jone, ratio = compare(lint_draft, Job("jieba.lcut, one draft", jieba_one), args.runs)
        rows.append(
            (
                "1. cold run, 20,000-char draft",
                f"{one.wall:.3f} s",
                f"jieba only {jone.wall:.3f} s",
                f"{ratio:.3f} (goal ≤ 0.5)",
            )
        )

        many, jmany, ratio = compare(lint_corpus, Job("jieba.lcut, corpus", jieba_many), args.runs)
        rows.append(
            (
                f"2. corpus, {len(files)} files, {size / 1e6:.2f} MB",
                f"{many.wall:.3f} s",
                f"jieba only {jmany.wall:.3f} s",
                f"{ratio:.3f} (goal ≤ 0.3)",
            )
        )

        pdf = build_pdf(work)
        if pdf is not None:
            # Not cached: the parsed-document cache is emptied before each run, as for a PDF
            # never linted before (the lexicon store stays, like .pyc files).
            def forget_documents() -> None:
                shutil.rmtree(work / "cache" / "documents", ignore_errors=True)

            lint_pdf = [*disclint, "check", str(pdf), "--fail-on", "never"]
            dump = Job(
                "pypdfium2 text dump",
                [
                    sys.executable,
                    "-c",
                    "import sys,pypdfium2 as p\nd=p.PdfDocument(sys.argv[1])\nfor pg in d: pg.get_textpage().get_text_range()",
                    str(pdf),
                ],
            )
            cold, dumped, ratio = compare(Job("disclint, PDF", lint_pdf, env, forget_documents), dump, args.runs)
            rows.append(
                (
                    "3. 100-page CJK PDF, not cached",
                    f"{cold.wall:.3f} s",
                    f"pypdfium2 dump {dumped.wall:.3f} s",
                    f"{ratio:.3f} (goal ≤ 3)",
                )
            )
            cached, dumped, ratio = compare(Job("disclint, PDF cached", lint_pdf, env), dump, args.runs)
            rows.append(
                (
                    "   the same PDF, parse cached",
                    f"{cached.wall:.3f} s",
                    f"pypdfium2 dump {dumped.wall:.3f} s",
                    f"{ratio:.3f}",
                )
            )

        corpus_jobs = [*disclint, "check", str(corpus), "--fail-on", "never", "--jobs"]
        job2, job1, ratio = compare(
            Job("--jobs 2", [*corpus_jobs, "2"], env), Job("--jobs 1", [*corpus_jobs, "1"], env), args.runs
        )
        rows.append(
            (
                "4. corpus --jobs 2 vs --jobs 1",
                f"{job2.wall:.3f} s",
                f"--jobs 1 {job1.wall:.3f} s",
                f"speed-up {1 / ratio:.3f}× (goal ≥ 1.6), peak {max(job1.rss_mib, job2.rss_mib):.0f} MiB (goal ≤ 250)",
            )
        )
        # What two processes can gain on this machine at all: two independent one-process
        # runs on the two halves of the corpus, at the same time against one after the other.
        halves = split_in_halves(files, work)
        one_run = [*disclint, "check", "--fail-on", "never", "--jobs", "1"]
        together, apart, ratio = compare(
            Job("halves together", [sys.executable, "-c", _TOGETHER, *one_run, "--", *map(str, halves)], env),
            Job("halves one after the other", [sys.executable, "-c", _APART, *one_run, "--", *map(str, halves)], env),
            args.runs,
        )
        rows.append(
            (
                "   ceiling: 2 independent runs on the halves",
                f"{together.wall:.3f} s",
                f"one after the other {apart.wall:.3f} s",
                f"speed-up {1 / ratio:.3f}× (what this machine gives two processes)",
            )
        )

        if not args.skip_textlint:
            terms = literal_terms()
            folder = textlint_setup(work, terms)
            if folder is not None:
                textlint = [
                    str(folder / "node_modules" / ".bin" / "textlint"),
                    "--config",
                    str(folder / ".textlintrc.json"),
                ]
                one, t_one, ratio = compare(
                    lint_draft, Job("textlint+prh, one draft", [*textlint, str(draft)]), args.runs
                )
                rows.append(
                    (
                        f"5a. vs textlint+prh ({len(terms)} terms), one draft",
                        f"{one.wall:.3f} s",
                        f"textlint {t_one.wall:.3f} s",
                        f"{ratio:.3f} (goal ≤ 0.8)",
                    )
                )
                many, t_many, ratio = compare(
                    lint_corpus, Job("textlint+prh, corpus", [*textlint, *map(str, files)]), args.runs
                )
                rows.append(
                    (
                        "5b. vs textlint+prh, corpus",
                        f"{many.wall:.3f} s",
                        f"textlint {t_many.wall:.3f} s",
                        f"textlint is {1 / ratio:.3f}× slower (goal ≥ 3)",
                    )
                )

        print(
            f"\nmachine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}; medians of {args.runs} paired runs (A B A B …) after a warm-up; ratios are medians of the pairs\n"
        )
        widths = [max(len(row[column]) for row in rows) for column in range(4)]
        for row in rows:
            print("  ".join(cell.ljust(widths[column]) for column, cell in enumerate(row)))
        print(f"\npeak memory: one draft {one.rss_mib:.0f} MiB, corpus {many.rss_mib:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
