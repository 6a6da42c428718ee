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


def test_terms_of_art_are_not_certainty_promises() -> None:
    text = (
        "公司使用闲置资金购买保本型理财产品，其余为非保本浮动收益产品。\n\n"
        "公司将采取催款措施，以确保本公司信用风险可控。\n\n"
        "客户保证金利息收入为1,200万元。\n"
    )
    assert "HY004" not in _codes(text)
    assert "HY004" in _codes("本产品保本，投资者可以放心购买。\n")


def test_the_offering_s_effect_on_capital_is_not_a_forecast() -> None:
    text = "本次发行完成后，公司净资产和股本规模将大幅增加，预计每年新增折旧1,200万元。\n"
    assert "FL001" not in _codes(text, "prospectus")


def test_parts_stop_where_the_list_ends() -> None:
    assert "CN001" not in _codes("公司拥有专利22项，其中发明专利19项，正在申请的专利有12项。\n")
    series = "各期末货币资金分别为900万元、300万元和920万元，其中银行存款890万元、290万元和919万元。\n"
    assert "CN001" not in _codes(series)
    assert "CN001" in _codes("公司拥有有效专利144项，其中发明专利5项、实用新型专利41项、外观设计专利108项。\n")


def test_a_change_after_zeng_jia_is_not_the_base() -> None:
    assert "CN002" not in _codes("营业收入2,232.40万元，比去年同期增加686.44万元，增长44.40%。\n")
    assert "CN002" in _codes("营业收入120.00万元，比去年同期增加20.00万元，增长25.00%。\n")
