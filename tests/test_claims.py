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


def test_a_certainty_word_about_the_industry_is_not_a_promise_in_a_long_filing() -> None:
    # A prospectus reasons about its industry and about conditions; only a certainty about the
    # company or one of its results is a promise.
    industry = (
        "第六节 业务与技术\n\n"
        "二、行业基本情况\n\n"
        "光伏玻璃作为组件的主要辅材，必然会受到下游扩产的带动。\n\n"
        "若港口封航时间延长，势必造成原片运输的延误。\n"
    )
    assert "HY004" not in _codes(industry, "prospectus")
    assert "HY004" in _codes("二、发展目标\n\n公司新一代镀膜产品必将引领行业变革。\n", "prospectus")
    assert "HY004" in _codes("二、发展目标\n\n相关业务必将成为新的利润增长点。\n", "prospectus")
    # In a draft the rule still reads every certainty word.
    assert "HY004" in _codes("光伏玻璃需求必然会迎来爆发。\n", "ir_record")


def test_a_purpose_or_a_dividend_scheme_is_not_a_result_promise() -> None:
    text = (
        "公司将研发目标逐级分解到项目组，以确保组织业绩目标按期达成。\n\n"
        "为了巩固在细分行业的技术优势，保证公司营业收入稳定增长，公司须持续加大研发投入。\n\n"
        "募投项目的实施有助于扩大产能、保证公司未来利润增长。\n\n"
        "董事会制定方案时应兼顾股东回报，以保证利润分配政策的连续性。\n"
    )
    assert "HY004" not in _codes(text, "prospectus")
    assert "HY004" in _codes("公司将确保2026年营业收入增长不低于20%。\n", "prospectus")


def test_a_party_named_by_its_short_name_is_not_the_issuer() -> None:
    text = (
        "甲乙精密股份有限公司关于对外投资的公告\n\n"
        "公司以自有资金认购丙丁医疗器械有限公司（以下简称“丙丁医疗”）15%的股权。\n\n"
        "丙丁医疗的核心产品可吸收止血膜为国内首创。\n\n"
        "戊己生物是一家从事医用敷料研发的企业，其主打产品达到国际先进水平。\n"
    )
    assert "HY001" not in _codes(text)
    issuer = (
        "甲乙精密股份有限公司关于对外投资的公告\n\n"
        "甲乙精密股份有限公司（以下简称“甲乙精密”）于近日完成了新产线的调试。\n\n"
        "甲乙精密的核心产品精密轴套为国内首创。\n"
    )
    assert "HY001" in _codes(issuer)


def test_a_section_on_competitors_speaks_of_them() -> None:
    text = (
        "第六节 业务与技术\n\n"
        "（三）主要竞争对手简况\n\n"
        "1、某某电子\n\n"
        "该企业为全球领先的陶瓷电容器供应商，产能居行业前列。\n"
    )
    assert "HY001" not in _codes(text, "prospectus")
    compared = "第六节 业务与技术\n\n（三）与主要竞争对手的比较\n\n公司为全球领先的陶瓷电容器供应商。\n"
    assert "HY001" in _codes(compared, "prospectus")


def test_a_customer_s_rank_is_not_a_ranking_claim() -> None:
    assert "HY001" not in _codes("2023年该客户跃升为本公司第一大客户，销售额增至2,300万元。\n")


def test_shares_that_are_not_parts_of_one_whole_are_not_summed() -> None:
    # Overlapping groups in a long filing's ；-parts, a series per period, a nested share, a change.
    overlapping = "截至报告期末，公司有技术人员86人，占员工总数的61.43%；本科及以上学历员工占员工总数的70.71%。\n"
    series = "2021年末占流动资产的比例为52.10%，2022年末占比为48.33%，2023年末占比为45.90%。\n"
    per_period = "甲公司主营业务收入占当期营业收入的比例分别为88.10%、90.45%；前五名客户收入占当期营业收入的比例分别为79.60%、81.02%。\n"
    nested = (
        "华东地区占公司主营业务收入的42.5%，其中上海占公司主营业务收入的30.1%；华南地区占公司主营业务收入的35.0%。\n"
    )
    for text in (overlapping, series, per_period, nested):
        assert "CN005" not in _codes(text, "prospectus"), text
    assert "CN005" in _codes("公司总股本中，甲股东持股占总股本的55%，乙股东持股占总股本的50%。\n")
    assert "CN005" in _codes("华东地区占主营业务收入的62.5%，华南地区占主营业务收入的45.0%。\n", "prospectus")


def test_a_growth_rate_is_read_with_the_figures_of_its_own_periods() -> None:
    chain = (
        "报告期各期，公司管理费用分别为1,120.40万元、1,305.62万元和680.15万元，"
        "2022年管理费用较2021年增加185.22万元，增长16.53%。\n"
    )
    per_item = "甲产品和乙产品的收入分别为2,400.00万元和1,150.00万元，分别增长18.20%和9.60%。\n"
    other_part = "2023年产量为12,500吨；四季度各月产量分别为1,020吨、1,080吨和1,150吨，较去年同期增长6.10%。\n"
    from_to = "所得税费用由2022年度1.57亿元下降27.2%到2023年的1.15亿元。\n"
    for text in (chain, per_item, other_part, from_to):
        assert "CN002" not in _codes(text, "prospectus"), text
    # A base named as 较2021年 is read as the base, and a wrong rate is still found.
    assert "CN002" in _codes("2022年推广费为130.00万元，较2021年100.00万元增加30.00万元，增长25.00%。\n", "prospectus")


def test_cells_of_a_laid_out_table_are_not_one_sentence() -> None:
    # A PDF table row comes out as cells with tabs between them: a list in one cell written
    # with half-width semicolons and a full-width comma in the next cell are not mixed punctuation.
    row = "股份限售承诺\t甲某;乙某\t自股份上市之日起，36个月内不转让。\n"
    assert "ST001" not in _codes(row)
    assert "ST001" in _codes("公司营业收入为8.6亿元,同比增长6.2%；净利润为0.9亿元。\n")


def test_a_long_filing_s_goal_and_fixed_phrases_are_not_rankings() -> None:
    text = (
        "第六节 业务与技术\n\n"
        "（四）公司承担的科技项目\n\n"
        "公司以行业领先、国际先进为目标，开展引进消化吸收再创新。\n\n"
        "公司优先研发国内尚未上市的品种，以求填补国内市场的空白。\n\n"
        "采购部门比价后确定性价比最好的供应商，再报公司审批。\n\n"
        "市场部及时跟进最前沿的产品技术信息。\n\n"
        "对经营而言，市场唯一不变的就是变化本身。\n"
    )
    found = _codes(text, "prospectus")
    assert "HY001" not in found and "HY005" not in found
    assert "HY001" in _codes("第六节 业务与技术\n\n公司的镀膜技术处于行业领先水平。\n", "prospectus")


def test_a_long_filing_s_industry_chapter_speaks_of_the_industry() -> None:
    text = (
        "第六节 业务与技术\n\n"
        "二、行业基本情况\n\n"
        "（三）行业技术特点\n\n"
        "近年来新工艺不断涌现，例如国内第一台全自动化的压铸单元于2012年投入运行。\n\n"
        "行业内领军企业尚未形成绝对优势，市场较为分散。\n"
    )
    assert "HY001" not in _codes(text, "prospectus")
    own = text + "\n公司是国内第一家推出该压铸单元的企业。\n"
    assert _codes(own, "prospectus").count("HY001") == 1


def test_bought_equipment_a_foreign_company_and_a_named_survey_are_not_self_praise() -> None:
    text = (
        "第七节 募集资金运用\n\n"
        "本项目拟采用的设备均为具有国内先进水平的装备。\n\n"
        "Northwind plc是国际领先的工业品分销商，总部位于英国。\n\n"
        "某咨询机构2023年在全国进行的品牌知名度调查显示，公司品牌在参与调查的品牌中排名第一。\n\n"
        "公司的技术实力已可与国际一流厂商比肩。\n"
    )
    assert "HY001" not in _codes(text, "prospectus")


def test_parts_that_start_a_statement_of_their_own_are_not_summed() -> None:
    texts = (
        "截至报告期末，公司拥有专利46项，包括境内专利31项，其中发明专利20项、实用新型专利11项，以及境外专利15项。\n",
        "固定资产投资8,600.00万元，其中，土建工程1,200.00万元，设备投资6,900.00万元，二者合计占总投资的81.00%。\n",
        "公司拥有专利120项，其中发明专利9项、实用新型专利31项、外观设计专利80项，甲、乙等18项产品被认定为高新技术产品。\n",
        "公司在手合同总金额为5,200.00万元，其中尚未确认收入的金额为4,900.00万元，对应的预收账款金额为600.00万元。\n",
        "转移的债务为8,000万元，其中银行债务5,000万元，当年向某银行清偿100万元，剩余4,900万元。\n",
    )
    for text in texts:
        assert "CN001" not in _codes(text, "prospectus"), text
    assert "CN001" in _codes("公司总股本10,000万股，其中甲股东持有6,000万股，乙股东持有5,000万股。\n", "prospectus")


def test_accounting_estimates_and_sourced_market_forecasts_are_not_the_company_s_forecasts() -> None:
    texts = (
        "因该客户经营困难，对其应收账款86.20万元预计无法收回，已全额计提坏账准备。\n",
        "该技术开发项目采用完工百分比法预计的收入为合同金额980万元。\n",
        "由于本项会计估计变更，使公司2019年度报表增加本年利润120.50万元。\n",
        "根据某咨询机构预测数据，国内高端车市场将保持年均10%的增长。高端车在2030年销量有望达到300万辆。\n",
        "预计到2030年，全球疫苗市场规模将达到600亿美元。\n",
    )
    for text in texts:
        assert "FL001" not in _codes(text, "prospectus"), text
    assert "FL001" in _codes("公司预计2026年营业收入将达到50亿元。\n", "prospectus")


def test_a_long_filing_s_goals_equipment_and_idioms_are_not_rankings() -> None:
    text = (
        "第十二节 未来发展与规划\n\n"
        "公司将有计划、有步骤地成长为国内一流的环保材料企业。\n\n"
        "公司将凭借技术优势，使产品和服务达到国际领先地位。\n\n"
        "公司争做全球最优秀的精密零部件供应商。\n\n"
        "本项目将购置全自动贴片线、自动测试线等行业领先的生产及检测设备。\n\n"
        "本人将尽最大的努力减少与公司之间的关联交易。\n\n"
        "公司在科研背景方面与产能排名第一的甲乙胶囊有限公司仍有差距。\n"
    )
    assert "HY001" not in _codes(text, "prospectus")
    assert "HY001" in _codes(text + "\n公司规模居行业前列。\n", "prospectus")


def test_an_offering_to_investors_holding_shares_of_a_market_value_is_not_a_market_cap_forecast() -> None:
    text = "本次发行采用网下向询价对象配售和网上向持有深圳市场非限售A股股份市值的社会公众投资者定价发行相结合的方式。\n"
    assert "PT001" not in _codes(text, "prospectus")
    assert "PT001" in _codes("我们坚信，公司市值冲击千亿只是时间问题。\n")


def test_a_certain_adverse_effect_is_a_risk_not_a_promise() -> None:
    text = "目前公司研发骨干相对不足，这种状况势必会影响公司发展目标的实现。\n\n价格竞争日趋激烈，市场竞争必将是优胜劣汰。\n"
    assert "HY004" not in _codes(text, "prospectus")
    assert "HY004" in _codes("本次收购必将对公司业绩产生积极影响。\n", "prospectus")


def test_what_a_prospectus_says_of_its_customers_partners_and_rivals_is_not_its_own_claim() -> None:
    others = (
        "公司的客户多为各行业领军企业，公司与其保持了长期合作。\n\n"
        "公司主要客户均具有较长的经营历史和行业内领先的市场规模。\n\n"
        "目前全球最大的涂料生产企业之一某某集团正积极与本公司洽谈合作。\n\n"
        "在东南亚，公司成功与当地销量最大的公司建立了合作关系。\n\n"
        "这些外资厂商凭借长期积累，始终掌握着国际上最先进的晶圆制造技术。\n\n"
        "公司位于某市高新区，高新区拥有大量国内顶尖的高校与科研院所。\n\n"
        "合资公司将引进外方具有国际领先水平的民用爆破器材专有技术。\n\n"
        "项目将引进世界先进水平的卷绕机、空压机等进口设备。\n\n"
        "行业内领先企业通过推出多功能的终端产品维持较高的毛利率。\n"
    )
    assert "HY001" not in _codes(others, "prospectus")
    own = (
        "公司是国内领先的涂料生产企业。\n\n公司凭借行业领先的全塑型工艺，在换向器领域具备较强的竞争力。\n\n"
        "本公司相信，某东矿区是我国煤炭行业的标杆。\n"
    )
    assert _codes(own, "prospectus").count("HY001") == 3


def test_a_facility_to_be_built_or_a_strategy_s_name_is_a_goal_in_a_prospectus() -> None:
    goals = (
        "（4）新建国际先进水平的原料药车间，提高产品质量\n\n"
        "本项目的实施将为公司建立国内一流的服装设计研发基地。\n\n"
        "研发中心负责确保研发项目符合“填补国内空白”的研发战略。\n\n"
        "要巩固国内的优势地位，赶超世界的最先进水平，必须持续投入研发。\n\n"
        "公司在保持现有地位的前提下，要实现质的飞跃，必须加大投入。\n"
    )
    codes = _codes(goals, "prospectus")
    assert "HY001" not in codes and "HY005" not in codes
    assert "HY001" in _codes("公司已建立国内一流的服装设计研发基地。\n", "prospectus")


def test_a_prospectus_promises_results_where_it_sets_goals_not_where_it_explains_the_business() -> None:
    analysis = (
        "第十一节 管理层讨论与分析\n\n"
        "公司充分利用自身产能创造规模效益，保证销售回款及业绩的长期稳定。\n\n"
        "控制费用的增长是保证公司利润快速增长的重要方式之一。\n"
    )
    assert "HY004" not in _codes(analysis, "prospectus")
    goals = "第十二节 业务发展目标\n\n公司将完善营销体系，确保公司经营规模较高幅度的持续增长。\n"
    assert "HY004" in _codes(goals, "prospectus")
    # A plan's draft is read everywhere.
    assert "HY004" in _codes("公司充分利用产能优势，确保销售收入的长期稳定增长。\n", "action_plan")


def test_a_breakdown_is_checked_against_the_figure_it_breaks_down() -> None:
    for text in (
        # another whole follows the parts
        "截至2019年9月30日，本公司资产总额为3,210.50万元，其中流动资产2,100.20万元、固定资产310.30万元、"
        "无形资产800.00万元，负债总额为420.10万元，净资产总额为2,790.40万元。\n",
        # a nested breakdown of the first part
        "本项目投资总额为5,600.00万元，其中建设投资3,200.00万元，包含设备购置费2,800.00万元，"
        "安装工程费250.00万元，预备费150.00万元；研发费用2,400.00万元。\n",
        # the parts of a number stated before
        "本公司监事会由五名监事组成，设监事会主席一名，其中三名股东代表监事，两名职工代表监事。\n",
        # a partial list, and a 合计 of something else
        "报告期末存货账面余额为2,500.00万元，其中1-2年存货余额120.00万元、2年以上存货余额300.00万元，"
        "对应合计计提跌价准备200.00万元。\n",
        # a net flow and its gross payments
        "2019年投资活动产生的现金流量净额为-2,150.00万元，其中购建长期资产支付的现金2,600.00万元，"
        "主要系新厂房投入1,900.00万元所致。\n",
        # a change made of changes the other way
        "2018年与2017年相比，设计业务收入增长120.00万元，其中住宅类收入减少300.00万元、公建类收入减少280.00万元。\n",
    ):
        assert "CN001" not in _codes(text, "prospectus"), text
    assert "CN001" in _codes("2019年营业收入增加1,000万元，其中甲产品增加700万元、乙产品增加500万元。\n", "prospectus")
    assert "CN001" in _codes("本次募集资金总额为10,000万元，其中6,000万元用于甲项目，5,000万元用于乙项目。\n", "prospectus")


def test_an_opportunity_of_the_industry_and_a_conclusion_from_a_sourced_table_are_not_hype() -> None:
    assert "HY005" not in _codes("公司将积极寻求在新兴领域的进口替代以及行业爆发式增长机遇。\n", "prospectus")
    assert "HY005" in _codes("公司业绩有望迎来爆发式增长。\n", "prospectus")
    table = (
        "报告期内，公司主要财务指标在期货公司中的排名如下表所示。\n\n"
        "注：数据来源为某监管系统中各公司报送的经审计年报。\n\n"
        "由此可见，公司一直处于行业领先地位，经营稳定。\n"
    )
    assert "HY001" not in _codes(table, "prospectus")
    assert "HY001" in _codes("由此可见，公司一直处于行业领先地位，经营稳定。\n", "prospectus")


def test_an_approval_backs_the_product_passing_not_a_claim_to_be_first() -> None:
    first = "因此公司某某缓释片首家通过仿制药一致性评价，有利于扩大产品的市场销售。\n"
    assert "HY001" in _codes(first, "voluntary")
    assert "HY001" not in _codes("根据国家药监局公布的名单，公司某某片首家通过该品种的一致性评价。\n", "voluntary")
    assert "HY001" not in _codes("该项目通过了省科技厅组织的成果鉴定，达到国际先进水平。\n", "voluntary")
    assert "HY001" not in _codes("公司在杭州开设的首家直营门店于2024年3月开业。\n", "voluntary")


def test_a_unique_advantage_is_a_claim_unless_it_is_spelled_out() -> None:
    praise = "公司主导产品疗效确切、耐受性好，在产品品质和技术含量等方面均具有独特的优势。\n"
    assert "HY001" in _codes(praise, "periodic_report")
    explained = "公司在方案服务上有着独特的优势，即同时掌握多家原厂的资源与下游客户的需求。\n"
    assert "HY001" not in _codes(explained, "periodic_report")


def test_listed_customers_bought_instruments_and_a_named_body_s_finding_are_not_the_company_s_claims() -> None:
    others = (
        "公司与多家优质客户保持了长期合作，包括甲汽车、乙汽车、丙汽车及丁汽车等国内领先的汽车制造商。\n\n"
        "公司具备持续盈利能力，主要体现在：1）发行人与第一大客户甲重工集团的合作具备稳定性；"
        "2）甲重工集团作为行业龙头企业，经营稳健且具备可持续性。\n\n"
        "公司从日本和美国引进了一批液相色谱仪、紫外分光光度计、薄层扫描仪、气相色谱仪等具有国际先进水平的化验仪器。\n\n"
        "控制系统采用世界最先进的多轴运动控制器实现逻辑控制。\n\n"
        "经中国某产业协会水处理委员会认定，本公司2009年度业务规模在该领域位居第一位。\n\n"
        "根据《某某日报》报道，公司成为率先量产该器件的本土企业，打破了国外企业对这一产品的垄断。\n\n"
        "电网改造的蓬勃发展为变压器专用设备提供了前所未有的机遇。\n"
    )
    codes = _codes(others, "prospectus")
    assert "HY001" not in codes and "HY005" not in codes, codes
    own = "公司已跻身行业前列。\n\n公司产品已达到国际领先水平。\n\n公司取得了前所未有的成绩。\n"
    assert _codes(own, "prospectus").count("HY001") == 2
    assert "HY005" in _codes(own, "prospectus")


def test_levels_to_be_reached_are_goals_in_a_prospectus() -> None:
    goals = (
        "建设高水平的研发平台，在技术方面跻身于国际领先行列。\n\n"
        "本次募投项目改善了产品的冲调性，产品品质将达到国际领先水平。\n\n"
        "通过合作，尽快打破国外品牌的市场垄断。\n"
    )
    codes = _codes(goals, "prospectus")
    assert "HY001" not in codes and "HY005" not in codes, codes


def test_a_capital_increase_and_a_lower_bound_are_not_totals_their_parts_exceed() -> None:
    increase = (
        "2011年7月，甲公司注册资本由300万元增资至1,000万元，其中张某增资525万元至750万元、占比75%；"
        "李某增资175万元至250万元、占比25%。\n"
    )
    assert "CN001" not in _codes(increase, "prospectus")
    bound = "据某协会统计，改性塑料2008年在家电行业的需求量超过260万吨，其中空调150.20万吨、冰箱115.62万吨。\n"
    assert "CN001" not in _codes(bound, "prospectus")
    assert "CN001" in _codes("2008年需求量为260万吨，其中空调150.20万吨、冰箱115.62万吨。\n", "prospectus")


def test_what_the_company_expected_in_a_year_now_past_is_history() -> None:
    signed = "\n\n某某股份有限公司\n\n2019年6月20日\n"
    past = (
        "2016年公司预计军方客户订单将会大幅增加，提前备货增加采购力度，其中板卡类金额达859.29万元，"
        "但由于采购进度未达预期，大部分储备并未在当年形成销售。"
    )
    assert "FL001" not in _codes(past + signed, "prospectus")
    assert "FL001" in _codes("2020年，公司预计营业收入将增长20%，达到5.2亿元。" + signed, "prospectus")


def test_a_certain_risk_is_a_risk_not_a_promise() -> None:
    risk = "第十一节 管理层讨论与分析\n\n单纯依靠租赁厂房的方式必然会给公司未来经营的稳定性带来一定风险。\n"
    assert "HY004" not in _codes(risk, "prospectus")
    assert "HY004" in _codes("第十二节 业务发展目标\n\n本次收购必然会大幅提升公司的盈利能力。\n", "prospectus")
