"""VP001: a plan's measure that moves a metric to a stated value is checkable."""

from __future__ import annotations

import pytest

from helpers import codes


@pytest.mark.parametrize(
    "text",
    [
        "公司将把存货周转情况纳入事业部考核，力争2026年末存货周转天数由2025年末的96天缩短至80天以内。",
        "公司将推进集中采购，2026年力争将采购成本占营业成本的比重由61%降至58%。",
        "公司计划2026年将单位产品能耗控制在0.42吨标准煤以内。",
    ],
)
def test_a_metric_moved_to_a_stated_value_is_not_vague(text: str) -> None:
    assert "VP001" not in codes(text, "action_plan")


@pytest.mark.parametrize(
    "text",
    [
        "2026年，公司将持续提升运营效率，不断优化成本结构。",
        "公司将于2026年内积极推进精益化管理，努力提升盈利水平。",
    ],
)
def test_a_year_alone_still_leaves_the_pledge_vague(text: str) -> None:
    assert "VP001" in codes(text, "action_plan")


@pytest.mark.parametrize(
    "text",
    [
        "2026年，公司力争完成新购置的两条全自动包装生产线的安装与调试。",
        "公司计划年内在华南新设三家区域仓储中心。",
    ],
)
def test_a_count_written_in_chinese_numerals_anchors_the_measure(text: str) -> None:
    assert "VP001" not in codes(text, "action_plan")


def test_a_chinese_ordinal_or_a_single_item_is_not_a_count() -> None:
    assert "VP001" in codes("公司将持续推进第三条产线的技术改造，不断提升生产效率。", "action_plan")
