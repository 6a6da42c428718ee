"""Token boundaries: both backends (rjieba, jieba) must agree, and decide real cases."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from disclint.text.segment import Segmenter

on_token_boundaries = Segmenter().on_token_boundaries

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
        "from disclint.text.segment import Segmenter\n"
        "tokens = Segmenter(['遥遥领先']).tokens\n"
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


def test_a_segmenter_sees_its_own_user_words_only() -> None:
    text = "本项目主要生产卫浴水龙头配件"
    with_word = Segmenter(["水龙头配件"])
    plain = Segmenter()
    assert "水龙头配件" in with_word.tokens(text)
    assert "水龙头配件" not in plain.tokens(text)  # built after the other one: its words do not leak
    assert "水龙头配件" in with_word.tokens(text)


def test_segmenters_for_the_same_words_are_one() -> None:
    assert Segmenter.for_words(["遥遥领先", "龙头"]) is Segmenter.for_words(["龙头", "遥遥领先"])
    assert Segmenter.for_words(["遥遥领先"]) is not Segmenter.for_words(["龙头"])
