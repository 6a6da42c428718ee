"""Whose claim is it: wording rules fire on what the company says of itself, not on
the country, an industry, another company, a definitions entry, a risk factor or a
figure of another entity or moment. Sentences written for these tests."""

from __future__ import annotations

import json

from cli_runner import invoke


def _codes(text: str, doc_type: str = "generic") -> list[str]:
    result = invoke(["check", "-", "--stdin-filename", "t.txt", "--format", "json", "--type", doc_type], input=text)
    return [item["code"] for item in json.loads(result.stdout)["files"][0]["findings"]]


def test_a_claim_about_the_country_or_a_competitor_is_not_the_company_s() -> None:
    assert "HY001" not in _codes("我国已是全球最大的光伏组件生产国之一。\n")
    assert "HY001" not in _codes("国有控股的上市公司甲乙科技是国内最大的电容器制造商。\n")
    assert "HY001" in _codes("公司是国内最大的电容器制造商。\n")


def test_a_source_in_the_next_sentence_backs_a_ranking() -> None:
    text = "公司是国内电容器行业的龙头企业之一。根据某行业协会统计，2024年公司产量居全国第二。\n"
    assert "HY001" not in _codes(text)


def test_a_definitions_entry_defines_a_term() -> None:
    assert "HY001" not in _codes("甲公司 指 美国某上市公司，系全球领先的支付终端制造商\n")


def test_a_risk_factor_is_not_a_pledge_or_a_forecast() -> None:
    text = (
        "第四节 风险因素\n\n"
        "一、市场竞争风险\n\n"
        "公司将进一步加强市场开拓，努力提升竞争力，但仍可能面临毛利率下降的风险。\n"
    )
    assert "VP001" not in _codes(text)


def test_the_capital_of_a_subsidiary_or_of_an_earlier_date_is_not_the_company_s() -> None:
    text = (
        "公司总股本为20,000万股。\n\n"
        "全资子公司甲科技有限公司注册资本为5,000万元。\n\n"
        "2015年增资完成后，公司总股本变更为12,000万股。\n\n"
        "本次回购股份约占公司总股本20,000万股的1.5%。\n"
    )
    assert "CN008" not in _codes(text)
    assert "CN008" in _codes("公司总股本为20,000万股。\n\n本次回购股份约占公司总股本21,000万股的1.5%。\n")
