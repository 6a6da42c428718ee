"""The table check (CN007) reads rows and columns: a 小计 row stands for its group,
a 其中 row is part of the row above, 1.1 rows belong to row 1, a rate column is not
summed, a header printed again after a page break does not end the table, a row with
a blank cell or a second table beside it is not guessed at, and Word tables are read
row by row. Tables written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

from cli_runner import invoke


def _cn007(text: str) -> list[str]:
    result = invoke(["check", "-", "--stdin-filename", "t.txt", "--format", "json", "--select", "CN007"], input=text)
    return [item["message"] for item in json.loads(result.stdout)["files"][0]["findings"]]


def test_a_wrong_total_is_found() -> None:
    table = "项目 本期金额 上期金额\n甲产品 100.00 80.00\n乙产品 50.00 40.00\n合计 160.00 120.00\n"
    assert len(_cn007(table)) == 1


def test_a_subtotal_stands_for_its_group_and_the_rate_column_is_not_summed() -> None:
    table = (
        "账龄 期末余额 坏账准备 计提比例\n"
        "1年以内分项\n"
        "6个月以内 600.00 30.00 5.00\n"
        "7至12个月 400.00 20.00 5.00\n"
        "1年以内小计 1,000.00 50.00 5.00\n"
        "1至2年 200.00 20.00 10.00\n"
        "2至3年 100.00 30.00 30.00\n"
        "合计 1,300.00 100.00 7.69\n"
    )
    assert _cn007(table) == []


def test_children_of_a_numbered_row_are_not_added_twice() -> None:
    table = (
        "项目 期末余额\n"
        "1、工资 500.00\n"
        "2、社会保险费 90.00\n"
        "其中：医疗保险费 60.00\n"
        "工伤保险费 30.00\n"
        "3、住房公积金 10.00\n"
        "合计 600.00\n"
    )
    assert _cn007(table) == []
    outline = "序号 费用名称 金额（万元）\n1 工程费用 900\n1.1 建筑工程费 400\n1.2 设备购置费 500\n2 其他费用 100\n合计 1000\n"
    assert _cn007(outline) == []


def test_a_header_repeated_after_a_page_break_does_not_end_the_table() -> None:
    table = (
        "序号 股东名称 出资金额（万元） 出资比例\n"
        "1 甲 600.00 60.00%\n"
        "序号 股东名称 出资金额（万元） 出资比例\n"
        "2 乙 300.00 30.00%\n"
        "3 丙 100.00 10.00%\n"
        "合计 1,000.00 100.00%\n"
    )
    assert _cn007(table) == []


def test_rows_that_cannot_be_aligned_are_not_guessed_at() -> None:
    blank = "项目 本期金额 上期金额\n甲 100.00 80.00\n乙 40.00\n丙 50.00 40.00\n合计 190.00 120.00\n"
    assert _cn007(blank) == []
    side_by_side = "序号 股东 股数 序号 股东 股数\n1 甲 20 3 丙 8\n2 乙 10 4 丁 2\n合计 40\n"
    assert _cn007(side_by_side) == []


def test_a_word_table_is_read_row_by_row(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("本次授予的限制性股票分配情况如下：")
    rows = [("姓名", "获授数量（万股）"), ("张三", "30"), ("李四", "30"), ("核心人员", "30"), ("合计", "100")]
    table = document.add_table(rows=len(rows), cols=2)
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    path = tmp_path / "plan.docx"
    document.save(str(path))
    result = invoke(["check", str(path), "--format", "json", "--select", "CN007", "--no-config"])
    assert [item["code"] for item in json.loads(result.stdout)["files"][0]["findings"]] == ["CN007"]
