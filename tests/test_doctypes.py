"""The document-type registry: every type is detected from its own titles, listed by
``disclint rules --format json``, and says which rules run on it."""

from __future__ import annotations

import json

import pytest

from cli_runner import invoke
from disclint.rules.registry import all_rules
from disclint.structure import doctypes
from disclint.structure.doctype import DOC_TYPES, type_from_title

ORIGINAL = (
    "action_plan",
    "valuation_plan",
    "evaluation_report",
    "incentive_plan",
    "esop",
    "dividend",
    "voluntary",
    "generic",
)
FILED = (
    "periodic_report",
    "buyback",
    "inquiry_reply",
    "ir_record",
    "earnings_forecast",
    "earnings_flash",
    "implementation_notice",
    "prospectus",
    "restructuring_plan",
)


def test_the_original_eight_come_first_and_the_filed_types_follow() -> None:
    assert DOC_TYPES[: len(ORIGINAL)] == ORIGINAL
    assert set(FILED) <= set(DOC_TYPES)
    assert all(name.isidentifier() and name == name.lower() for name in DOC_TYPES)


@pytest.mark.parametrize(
    ("name", "title"),
    [(name, title) for name, spec in doctypes.registry().items() for title in spec.examples],
)
def test_each_type_is_detected_from_its_example_titles(name: str, title: str) -> None:
    decision = type_from_title(title)
    assert decision is not None and decision.doc_type == name, title
    assert decision.reason.startswith("标题含")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # A buyback whose shares later fund an employee share plan is a buyback, not the plan.
        ("关于回购公司股份用于员工持股计划的方案", "buyback"),
        # A reply about the annual report is a reply; a notice about the report is neither.
        ("关于对2025年年度报告问询函的回复公告", "inquiry_reply"),
        ("2025年半年度报告摘要", "periodic_report"),
        ("2025年第一季度报告", "periodic_report"),
        # A distribution carried out is an implementation notice, a proposed one a dividend plan.
        ("2025年半年度权益分派实施公告", "implementation_notice"),
        ("关于2025年度利润分配预案的公告", "dividend"),
        ("关于回购注销部分限制性股票的公告", None),
        ("独立董事2025年度述职报告", None),
        ("关于召开2025年第二次临时股东大会的通知", None),
    ],
)
def test_precedence_between_types(title: str, expected: str | None) -> None:
    decision = type_from_title(title)
    assert (decision.doc_type if decision else None) == expected


def test_a_periodic_report_is_not_held_to_a_plan_pack_and_pledges_are_read_in_its_plan_only() -> None:
    report = doctypes.get("periodic_report")
    assert report.pack is None and report.pledge_sections == "plan_heading"
    codes = {spec.code for spec in all_rules() if spec.applies_to("periodic_report")}
    assert {"HY001", "PT001", "PT002"} <= codes  # what the company says of itself is still checked
    assert "VP001" not in {spec.code for spec in all_rules() if spec.applies_to("implementation_notice")}
    vague = "公司将持续提升经营质量，努力推动各项工作取得更好成效。\n"
    account = "2025年年度报告\n\n第三节 管理层讨论与分析\n\n一、报告期内公司所处行业情况\n\n" + vague
    plan = "2025年年度报告\n\n第三节 管理层讨论与分析\n\n三、公司未来发展的展望\n\n（一）经营计划\n\n" + vague
    for text, expected in ((account, []), (plan, ["VP001"])):
        result = invoke(["check", "-", "--stdin-filename", "r.txt", "--format", "json"], input=text)
        entry = json.loads(result.stdout)["files"][0]
        assert entry["doc_type"] == "periodic_report"
        assert [item["code"] for item in entry["findings"] if item["code"] == "VP001"] == expected


def test_rules_json_lists_every_type_with_its_rules() -> None:
    data = json.loads(invoke(["rules", "--format", "json"]).stdout)
    listed = {record["name"]: record for record in data["doc_types"]}
    assert tuple(listed) == DOC_TYPES
    assert listed["action_plan"]["pack"] == "action_plan"
    assert listed["periodic_report"]["pack"] is None
    assert "MS001" not in listed["buyback"]["rules"] and "VP001" in listed["buyback"]["skipped"]
    assert "VP001" in listed["periodic_report"]["rules"]
    assert listed["prospectus"]["label"] == "招股说明书"


def test_check_accepts_a_filed_type_and_explain_describes_it() -> None:
    text = "2025年年度报告\n\n公司将持续提升经营质量，努力推动各项工作。\n"
    result = invoke(["check", "-", "--stdin-filename", "r.txt", "--format", "json"], input=text)
    entry = json.loads(result.stdout)["files"][0]
    assert entry["doc_type"] == "periodic_report"
    assert entry["doc_type_reason"] == "标题含“年度报告”"
    assert not [item for item in entry["findings"] if item["code"] == "VP001"]
    forced = invoke(["check", "-", "--stdin-filename", "r.txt", "--format", "json", "--type", "buyback"], input=text)
    assert json.loads(forced.stdout)["files"][0]["doc_type"] == "buyback"
    explained = invoke(["explain", "buyback"]).stdout
    assert "股份回购" in explained and "VP001" in explained


def test_a_prospectus_without_a_title_line_names_itself_in_its_opening() -> None:
    text = (
        "发行人声明\n\n发行人及全体董事、监事、高级管理人员承诺本招股说明书不存在虚假记载、误导性陈述或重大遗漏，"
        "并对其真实性、准确性、完整性承担个别和连带的法律责任。\n"
    )
    result = invoke(["check", "-", "--stdin-filename", "p.txt", "--format", "json"], input=text)
    entry = json.loads(result.stdout)["files"][0]
    assert entry["doc_type"] == "prospectus"
    assert "招股说明书" in entry["doc_type_reason"]


def test_a_running_header_does_not_split_a_report_into_parts() -> None:
    page = "示例科技股份有限公司关于投资设立子公司的公告\n\n公司以自有资金出资人民币3,000万元设立全资子公司，持股比例为100%。\n\n"
    text = (
        "示例科技股份有限公司\n2025年年度报告\n\n" + "第一节 重要提示\n\n公司全体董事出席了董事会会议。\n\n" + page * 4
    )
    result = invoke(["check", "-", "--stdin-filename", "r.txt", "--format", "json"], input=text)
    entry = json.loads(result.stdout)["files"][0]
    assert entry["doc_type"] == "periodic_report"
    assert "parts" not in entry
