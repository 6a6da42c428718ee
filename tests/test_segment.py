"""Token boundaries: both backends (rjieba, jieba) must agree, and decide real cases."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from disclint.text.segment import on_token_boundaries

SAMPLES = [
    "公司核心技术遥遥领先同行",
    "本项目主要生产卫浴水龙头配件",
    "2024年第一季度公司实现营业收入8.62亿元",
    "践行可持续发展理念，持续提升信息披露质量",
    "公司第一大股东为某投资有限公司",
    "本次发行的保荐机构为首创证券股份有限公司",
]


def test_word_inside_a_longer_word_is_not_a_hit() -> None:
    text = "本项目主要生产卫浴水龙头配件"
    start = text.index("龙头")
    assert not on_token_boundaries(text, start, start + 2)
    text = "公司对标学习先进企业的经验"
    start = text.index("先进")
    assert on_token_boundaries(text, start, start + 2)
    text = "该指标体现公司的竞争力"
    start = text.index("争力")
    assert not on_token_boundaries(text, start, start + 2)


def test_word_standing_alone_is_a_hit() -> None:
    text = "公司核心技术遥遥领先同行"
    start = text.index("遥遥领先")
    assert on_token_boundaries(text, start, start + 4)


@pytest.mark.skipif(importlib.util.find_spec("rjieba") is None, reason="rjieba is not installed")
def test_backends_give_identical_tokens() -> None:
    program = (
        "import json,sys\n"
        "from disclint.text.segment import tokens\n"
        f"print(json.dumps([tokens(s) for s in {SAMPLES!r}], ensure_ascii=False))\n"
    )
    outputs = []
    for backend in ("rjieba", "jieba"):
        completed = subprocess.run(
            [sys.executable, "-c", program],
            capture_output=True,
            text=True,
            env={"DISCLINT_SEGMENTER": backend, "PYTHONPATH": ":".join(sys.path)},
            check=True,
        )
        outputs.append(completed.stdout)
    assert outputs[0] == outputs[1]


# ---------------------------------------------------------------- the helper process

_HELPER_SCRIPT = r"""
import json, os, sys
from disclint.text import segment

samples = json.loads(sys.argv[1])
mode = sys.argv[2]
segment.register_user_words(["遥遥领先"])
started = segment.start_helper()
late_word_first = segment.tokens(samples[0])
segment.register_user_words(["水龙头配件"])  # registered after the helper started
if mode == "kill":
    os.kill(segment._helper.pid, 9)
    os.waitpid(segment._helper.pid, 0)
through_helper = [segment.tokens(text) for text in samples]
loaded_here = segment.is_loaded()
pooled = None
if mode == "pool":
    import multiprocessing

    def work(text):
        return segment.tokens(text), segment.is_loaded()

    segment.share_helper()
    with multiprocessing.get_context("fork").Pool(2) as pool:
        pooled = pool.map(work, samples * 3, chunksize=1)
if mode == "fork":
    child = os.fork()
    if child == 0:
        os._exit(0 if segment._helper is None else 3)
    _, status = os.waitpid(child, 0)
    forked_child_forgot = os.waitstatus_to_exitcode(status) == 0
else:
    forked_child_forgot = None
segment.stop_helper()
in_process = [segment.tokens(text) for text in samples]
print(json.dumps({"started": started, "loaded_here": loaded_here, "helper": through_helper,
                  "in_process": in_process, "forked_child_forgot": forked_child_forgot,
                  "first": late_word_first, "pooled": pooled}, ensure_ascii=False))
"""


def _run_helper_script(mode: str) -> dict[str, object]:
    import json

    completed = subprocess.run(
        [sys.executable, "-c", _HELPER_SCRIPT, json.dumps(SAMPLES, ensure_ascii=False), mode],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    result: dict[str, object] = json.loads(completed.stdout)
    return result


@pytest.mark.skipif(sys.platform != "linux", reason="the helper is forked on Linux only")
def test_helper_segments_exactly_as_in_process() -> None:
    result = _run_helper_script("plain")
    assert result["started"] is True
    assert result["loaded_here"] is False  # the dictionary was loaded in the helper, not here
    assert result["helper"] == result["in_process"]
    # A user word registered after the helper started still segments as one unit.
    assert any("水龙头配件" in tokens for tokens in result["helper"])  # type: ignore[union-attr]
    assert "遥遥领先" in result["first"]  # type: ignore[operator]


@pytest.mark.skipif(sys.platform != "linux", reason="the helper is forked on Linux only")
def test_a_dead_helper_falls_back_to_loading_in_process() -> None:
    result = _run_helper_script("kill")
    assert result["loaded_here"] is True
    assert result["helper"] == result["in_process"]


@pytest.mark.skipif(sys.platform != "linux", reason="the helper is forked on Linux only")
def test_a_forked_worker_does_not_share_the_helper() -> None:
    result = _run_helper_script("fork")
    assert result["forked_child_forgot"] is True


def test_cli_output_is_the_same_with_and_without_the_helper(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "公司已成长为行业龙头，核心技术遥遥领先。本项目主要生产卫浴水龙头配件。公司将积极推进募投项目建设，持续提升经营质量。",
        encoding="utf-8",
    )
    outputs = []
    for setting in ("1", "0"):
        completed = subprocess.run(
            [sys.executable, "-m", "disclint", "check", str(draft), "--format", "json", "--fail-on", "warning"],
            capture_output=True,
            text=True,
            env={**os.environ, "DISCLINT_SEGMENTER_HELPER": setting},
            timeout=120,
        )
        assert completed.returncode == 1, completed.stderr
        outputs.append(completed.stdout)
    assert outputs[0] == outputs[1]
    assert "HY001" in outputs[0] and "VP001" in outputs[0]


@pytest.mark.skipif(sys.platform != "linux", reason="the helper is forked on Linux only")
def test_forked_workers_share_the_helper_when_it_is_shared() -> None:
    result = _run_helper_script("pool")
    pooled = result["pooled"]
    assert isinstance(pooled, list) and len(pooled) == 3 * len(SAMPLES)
    in_process = result["in_process"]
    assert isinstance(in_process, list)
    for position, (tokens, loaded_in_worker) in enumerate(pooled):
        assert tokens == in_process[position % len(SAMPLES)]
        assert loaded_in_worker is False  # the worker asked the helper, it loaded nothing itself
