"""Batch runs: --jobs over processes with output identical to --jobs 1, the default
number of jobs, the progress bar, lazy imports for one file, and the parsed-document cache."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from cli_runner import invoke
from disclint.run import batch
from disclint.run.batch import InputSpec, effective_jobs, wants_progress
from disclint.run.cache import CACHE_SCHEMA, DocumentCache, decode_document, encode_document
from disclint.run.engine import Linter
from disclint.startup.config import Config
from fixtures_inputs import write_pdf

SENTENCES = [
    "公司核心技术遥遥领先，产品质量稳居行业第一。",
    "公司力争到{year}年末公司市值迈上{n}00亿元台阶。",
    "公司将积极推进精益化管理，持续提升运营效率。",
    "{year}年公司营业收入为{n}.5亿元，同比增长{n}.3%,归属于上市公司股东的净利润为1.2亿元，同比增长6.1%。",
    "公司将紧抓人工智能大模型产业浪潮，全面布局AI赛道。",
    "公司将于{year}年8月28日召开{year}年半年度业绩说明会。",
    "预计{year}年公司营业收入将达到{n}5亿元，同比增长超过50%。",
    "公司2024年度现金分红总额为{n}.2亿元，占归属于上市公司股东净利润的35%。",
    "本激励计划拟授予的股票期权数量为1,000万份，其中首次授予850万份，预留{n}00万份。",
]
TITLES = [
    "关于{year}年度“提质增效重回报”行动方案的公告",
    "{year}年估值提升计划",
    "关于召开{year}年半年度业绩说明会的公告",
    "",
]


def generate_drafts(folder: Path, count: int = 200) -> list[Path]:
    """``count`` different drafts: a title, numbered sections, a mix of faulty and clean sentences."""
    paths = []
    for index in range(count):
        year, n = 2024 + index % 4, 1 + index % 9
        lines = []
        title = TITLES[index % len(TITLES)].format(year=year)
        if title:
            lines.append(title)
        for section in range(1 + index % 4):
            lines.append(f"{'一二三四'[section]}、第{section + 1}部分")
            for offset in range(2 + (index + section) % 3):
                sentence = SENTENCES[(index * 7 + section * 3 + offset) % len(SENTENCES)]
                lines.append(sentence.format(year=year, n=n))
        suffix = ".md" if index % 5 == 0 else ".txt"
        path = folder / f"sub{index % 3}" / f"draft_{index:03d}{suffix}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def run(*args: str) -> tuple[int, str, str]:
    result = invoke(list(args))
    return result.exit_code, result.stdout, result.stderr


# ---------------------------------------------------------------- jobs


def test_200_drafts_jobs_2_is_byte_identical_to_jobs_1(tmp_path: Path) -> None:
    generate_drafts(tmp_path / "drafts")
    code1, serial, err1 = run("check", str(tmp_path / "drafts"), "--format", "json", "--jobs", "1", "--no-config")
    code2, parallel, err2 = run("check", str(tmp_path / "drafts"), "--format", "json", "--jobs", "2", "--no-config")
    data = json.loads(serial)
    assert data["summary"]["files"] == 200 and data["summary"]["errors"] > 0 and data["summary"]["warnings"] > 0
    assert code1 == code2 == 1 and err1 == err2 == ""
    assert parallel == serial
    _, default, _ = run("check", str(tmp_path / "drafts"), "--format", "json", "--no-config")
    assert default == serial
    paths = [entry["path"] for entry in data["files"]]
    assert paths == sorted(paths)


def test_every_format_is_identical_in_parallel(tmp_path: Path) -> None:
    generate_drafts(tmp_path / "d", 24)
    for fmt in ("text", "github", "sarif", "junit"):
        serial = run("check", str(tmp_path / "d"), "--format", fmt, "--jobs", "1", "--no-config")[1]
        assert run("check", str(tmp_path / "d"), "--format", fmt, "--jobs", "2", "--no-config")[1] == serial


def test_spawned_workers_give_the_same_result(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = generate_drafts(tmp_path / "d", 6)
    linter = Linter.create(Config(select=["HY", "PT", "VP"]))
    specs = [InputSpec(shown=str(path), path=path) for path in paths]
    serial = [outcome.result for outcome in batch.run(linter, specs, jobs=1)]
    monkeypatch.setattr(batch, "start_method", lambda: "spawn")
    spawned = [outcome.result for outcome in batch.run(linter, specs, jobs=2)]
    assert spawned == serial


def test_default_jobs() -> None:
    cpus = batch.cpu_count()
    assert effective_jobs(None, 1) == 1
    assert effective_jobs(None, batch.MANY_FILES - 1) == 1
    assert effective_jobs(None, 200) == min(cpus, 200)
    assert effective_jobs(0, 200) == min(cpus, 200)
    assert effective_jobs(8, 3) == 3
    assert effective_jobs(4, 1) == 1


def test_one_file_never_starts_a_pool(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("a process pool was started for one file")

    monkeypatch.setattr(multiprocessing, "get_context", refuse)
    path = tmp_path / "one.txt"
    path.write_text(SENTENCES[0] + "\n", encoding="utf-8")
    code, out, _ = run("check", str(path), "--jobs", "4", "--format", "json")
    assert code == 0 and json.loads(out)["summary"]["warnings"] >= 1


def test_one_txt_file_imports_nothing_heavy(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text(SENTENCES[5].format(year=2025) + "\n", encoding="utf-8")
    script = (
        "import sys\n"
        "from disclint.cli import app\n"
        "try:\n"
        f"    app(['check', {str(path)!r}, '--format', 'json'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = ['multiprocessing.pool', 'rich.progress', 'docx', 'pypdfium2', 'jsonschema', 'xml.etree.ElementTree',\n"
        "         'disclint.report.sarif', 'disclint.report.junit', 'disclint.run.cache', 'disclint.run.suppress']\n"
        "print(sorted(name for name in heavy if name in sys.modules), file=sys.stderr)\n"
    )
    completed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert completed.stderr.strip().splitlines()[-1] == "[]", completed.stderr


# ---------------------------------------------------------------- progress


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_tty_with_many_files() -> None:
    assert wants_progress(_Tty(), batch.PROGRESS_FILES)
    assert not wants_progress(_Tty(), batch.PROGRESS_FILES - 1)
    assert not wants_progress(io.StringIO(), 500)


def test_progress_bar_draws_on_stderr_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = generate_drafts(tmp_path / "d", batch.PROGRESS_FILES)
    linter = Linter.create(Config(select=["HY"]))
    outcomes = batch.run(linter, [InputSpec(shown=str(p), path=p) for p in paths], jobs=2, progress=True)
    captured = capsys.readouterr()
    assert len(outcomes) == batch.PROGRESS_FILES and captured.out == ""


def test_no_progress_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    generate_drafts(tmp_path / "d", batch.PROGRESS_FILES + 5)
    _, _, err = run("check", str(tmp_path / "d"), "--format", "json", "--no-config")
    assert err == ""


# ---------------------------------------------------------------- cache


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "plan.pdf"
    write_pdf(path)
    return path


class ParseCounter:
    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import disclint.run.engine

        self.calls = 0
        original_bytes = disclint.run.engine.parse_bytes
        original_path = disclint.run.engine.parse_path

        def counting_bytes(data: bytes, path: str, **options: Any) -> Any:
            self.calls += 1
            return original_bytes(data, path, **options)

        def counting_path(path: Path, **options: Any) -> Any:
            self.calls += 1
            return original_path(path, **options)

        monkeypatch.setattr(disclint.run.engine, "parse_bytes", counting_bytes)
        monkeypatch.setattr(disclint.run.engine, "parse_path", counting_path)


def test_cache_hit_gives_the_same_output(tmp_path: Path, pdf: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plan.pdf").write_bytes(pdf.read_bytes())
    counter = ParseCounter(monkeypatch)
    cache = tmp_path / "cache"
    _, first, _ = run("check", "plan.pdf", "--format", "json", "--cache-dir", str(cache))
    assert counter.calls == 1
    entries = list((cache / "documents").glob("*/*.json"))
    assert len(entries) == 1 and (cache / "CACHEDIR.TAG").is_file()
    _, second, _ = run("check", "plan.pdf", "--format", "json", "--cache-dir", str(cache))
    assert counter.calls == 1 and second == first  # served from the cache
    (tmp_path / "renamed.pdf").write_bytes(pdf.read_bytes())
    run("check", "renamed.pdf", "--cache-dir", str(cache))
    assert counter.calls == 1  # keyed by content, not name
    _, uncached, _ = run("check", "plan.pdf", "--format", "json", "--no-cache", "--cache-dir", str(cache))
    assert counter.calls == 2 and uncached == first


def test_changed_content_misses(tmp_path: Path, pdf: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    counter = ParseCounter(monkeypatch)
    (tmp_path / "plan.pdf").write_bytes(pdf.read_bytes())
    run("check", "plan.pdf", "--cache-dir", "c")
    (tmp_path / "plan.pdf").write_bytes(pdf.read_bytes() + b"\n% trailing comment\n")
    run("check", "plan.pdf", "--cache-dir", "c")
    assert counter.calls == 2 and len(list((tmp_path / "c" / "documents").glob("*/*.json"))) == 2


def test_cache_dir_from_env_and_config(tmp_path: Path, pdf: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plan.pdf").write_bytes(pdf.read_bytes())
    monkeypatch.setenv("DISCLINT_CACHE_DIR", str(tmp_path / "from-env"))
    run("check", "plan.pdf")
    assert list((tmp_path / "from-env" / "documents").glob("*/*.json"))
    monkeypatch.delenv("DISCLINT_CACHE_DIR")
    (tmp_path / "disclint.toml").write_text('cache-dir = "from-config"\n', encoding="utf-8")
    run("check", "plan.pdf")
    assert list((tmp_path / "from-config" / "documents").glob("*/*.json"))
    import os

    assert "DISCLINT_CACHE_DIR" not in os.environ  # the run's setting does not leak


def test_no_cache_writes_nothing_and_txt_is_not_cached(
    tmp_path: Path, pdf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plan.pdf").write_bytes(pdf.read_bytes())
    (tmp_path / "a.txt").write_text(SENTENCES[0], encoding="utf-8")
    run("check", "plan.pdf", "--no-cache", "--cache-dir", "c")
    assert not (tmp_path / "c").exists()
    run("check", "a.txt", "--cache-dir", "c")
    assert not (tmp_path / "c" / "documents").exists()


def test_corrupt_or_unwritable_cache_is_a_miss_not_an_error(
    tmp_path: Path, pdf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plan.pdf").write_bytes(pdf.read_bytes())
    _, expected, _ = run("check", "plan.pdf", "--format", "json", "--cache-dir", "c")
    for entry in (tmp_path / "c" / "documents").glob("*/*.json"):
        entry.write_text('{"schema": "disclint-documents-1", "text": 3', encoding="utf-8")
    code, out, err = run("check", "plan.pdf", "--format", "json", "--cache-dir", "c")
    assert out == expected and err == "" and code == 1
    entry = next((tmp_path / "c" / "documents").glob("*/*.json"))
    header = entry.read_text(encoding="utf-8").splitlines()[0]
    assert json.loads(header)["schema"] == CACHE_SCHEMA  # rewritten
    (tmp_path / "blocker").write_text("a file where the cache folder should be", encoding="utf-8")
    code, out, err = run("check", "plan.pdf", "--format", "json", "--cache-dir", "blocker/c")
    assert out == expected and err == ""


def test_parallel_jobs_share_the_cache(tmp_path: Path, pdf: Path) -> None:
    folder = tmp_path / "pdfs"
    folder.mkdir()
    for index in range(10):
        (folder / f"p{index}.pdf").write_bytes(pdf.read_bytes() + f"\n% copy {index % 3}\n".encode())
    cache = tmp_path / "cache"
    first = run("check", str(folder), "--format", "json", "--jobs", "2", "--cache-dir", str(cache))[1]
    assert len(list((cache / "documents").glob("*/*.json"))) == 3
    assert not list((cache / "documents").glob("*/*.tmp"))
    assert run("check", str(folder), "--format", "json", "--jobs", "2", "--cache-dir", str(cache))[1] == first
    assert run("check", str(folder), "--format", "json", "--jobs", "1", "--no-cache")[1] == first


def test_document_roundtrip(pdf: Path) -> None:
    from disclint.parse import parse_path

    document = parse_path(pdf)
    back = decode_document(json.loads(json.dumps(encode_document(document))), document.path)
    assert back == document
    cache = DocumentCache(Path("unused"))
    assert cache.key(b"x", "a.pdf") != cache.key(b"x", "a.docx") != cache.key(b"y", "a.docx")


def test_tasks_cover_every_input_once_biggest_first_and_shrink() -> None:
    from disclint.run.batch import plan_tasks

    sizes = [(index * 7919) % 15000 + 500 for index in range(124)]
    tasks = plan_tasks(sizes, 2)
    assert sorted(index for task in tasks for index in task) == list(range(124))
    flat = [index for task in tasks for index in task]
    assert [sizes[index] for index in flat] == sorted(sizes, reverse=True)
    assert len(tasks[0]) > 1 and len(tasks[-1]) == 1  # big tasks first, single files last
    assert plan_tasks([], 2) == [] and plan_tasks([0, 0], 2) == [[0], [1]]
