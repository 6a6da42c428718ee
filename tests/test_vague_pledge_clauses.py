"""VP001 reads which figure belongs to which measure: a forecast's figure anchors the measures
right before it, not a measure set after it or apart from it; a slogan in its own ；-part is not
anchored by the figures of another; a market-value goal or a hot concept is the other rules' to
judge. All sentences are our own."""

from __future__ import annotations

import pytest

from helpers import lint_text


def _codes(text: str, doc_type: str) -> set[str]:
    return {item.finding.code for item in lint_text(text, doc_type).findings}


REPORTED = [
    # a measure before the run that the forecast follows, and one after the forecast
    ("action_plan", "公司将持续完善内控体系，加快推进数字化转型，预计2025年营业收入将达到20亿元，并将择机开展同行业并购。"),
    # a measure set after the quantified target
    ("valuation_plan", "公司力争2025年净利润增长不低于15%，并不断增强核心竞争力。"),
    # a slogan in a ；-part of its own
    ("dividend", "本次利润分配方案为每10股派发现金红利3元（含税）；此外，公司将千方百计提升股东回报，回馈投资者的长期支持。"),
]


@pytest.mark.parametrize(("doc_type", "text"), REPORTED, ids=[f"reported-{i}" for i in range(len(REPORTED))])
def test_measure_without_its_own_anchor_is_reported(doc_type: str, text: str) -> None:
    assert "VP001" in _codes(text, doc_type), text


CLEAN = [
    # the target after a run of measures anchors the run
    ("action_plan", "公司将深化精益管理，持续推进降本增效，2026年单位产品能耗较2025年下降不低于4%。"),
    ("action_plan", "公司将加快推进海外基地建设，预计2026年境外收入占营业收入的比例提升至35%。"),
    # a slogan that says what an anchored measure is for
    ("action_plan", "公司计划2025年至2027年每年现金分红不低于当年净利润的40%，与股东共享发展成果。"),
    # a market-value goal: price_target's finding, not a vague measure
    ("valuation_plan", "公司将以本次估值提升计划为抓手，力争三年内总市值达到200亿元。"),
    # a 互动易 reply about a hot concept: hot_topic's finding
    ("generic", "您好，公司的电机产品可用于人形机器人关节，公司将迎来新的发展机遇。"),
]


@pytest.mark.parametrize(("doc_type", "text"), CLEAN, ids=[f"clean-{i}" for i in range(len(CLEAN))])
def test_anchored_or_other_rules_sentence_is_not_a_vague_pledge(doc_type: str, text: str) -> None:
    assert "VP001" not in _codes(text, doc_type), text
