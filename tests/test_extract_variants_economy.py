"""Digital-economy, merchant, regional and reform indicators in other words than their rules'
first wording, and the look-alikes that must not count.

Each expected finding was read off by hand against the labelling conventions of
extractors/corpus/README.md; the comment says why.
"""

import pytest

from tests.test_extract_variants import _findings

CITY = "福州"


def _one(text: str, indicator: str, city: str = CITY) -> set[tuple]:
    return _findings(text, city, indicator)


@pytest.mark.parametrize(("text", "indicator", "expected"), [
    # 顶层设计: the plan is the topic followed by its document word, whatever the genre
    ("福州市印发《福州市数字经济核心产业倍增计划（2024—2026年）》。", "顶层设计",
     ("plan_issued", "issued")),
    ("市人大常委会审议通过《福州市数字经济促进条例》。", "顶层设计", ("plan_issued", "issued")),
    ("市工信局制定出台《福州市推进数字产业化和产业数字化工作方案》。", "顶层设计",
     ("plan_issued", "issued")),
    # 做大做强 is a stated aim, like 大力发展
    ("坚定不移做大做强数字经济，推动数字技术与实体经济深度融合。", "顶层设计",
     ("mentioned", "mentioned")),
    # 数字化转型协同发展: the centre named by its parts
    ("福州市智能化改造和数字化转型公共服务中心揭牌运营。", "数字化转型协同发展",
     ("built", "built")),
    ("福州市制造业数字化转型推进中心日前正式投入运营。", "数字化转型协同发展", ("built", "built")),
    ("目前我市尚未建立面向中小企业的数字化转型服务机构。", "数字化转型协同发展",
     ("built", "negated")),
    # 数字化监管体系: what the platform does to the figures, and a system word
    ("福州市建成数字经济运行调度系统，按月采集分析核心产业指标。", "数字化监管体系",
     ("built", "built")),
    ("谋划建设全市数字经济运行分析平台。", "数字化监管体系", ("planned", "planned")),
    # 奖励政策: data firms by their parts, and money named as 资金支持
    ("对新认定的数据要素服务商，给予一次性奖励20万元。", "奖励政策", ("policy_issued", "issued")),
    ("对数商按交易额的3%给予最高80万元资金支持。", "奖励政策", ("policy_issued", "issued")),
    ("针对数据要素企业的专项奖补政策尚属空白。", "奖励政策", ("policy_issued", "negated")),
    # 数商发展: an association by its parts
    ("福州市数据要素行业协会召开成立大会。", "数商发展", ("ecosystem", "built")),
    # 跨区域协同创新平台: other names, and a park two places build together
    ("福州市与厦门市共同建设的榕厦科技成果转化联合中心揭牌运行。", "跨区域协同创新平台",
     ("one_platform", "built")),
    ("由深圳市与福州市共同建设的深榕东西部协作产业园已建成标准厂房12万平方米。",
     "跨区域协同创新平台", ("one_platform", "built")),
    ("我市与周边城市尚未建立实体化运行的跨区域创新合作平台。", "跨区域协同创新平台",
     ("one_platform", "negated")),
    # 城乡数字化协同建设: other names for rural digitalisation; villages counted one by one
    ("市委办公室印发《福州市智慧乡村建设实施方案》。", "城乡数字化协同建设",
     ("policy_issued", "issued")),
    ("全市1622个村（社区）便民服务站均已开通网上办事终端。", "城乡数字化协同建设",
     ("services_reach_rural", "built")),
    ("全市仍有部分偏远行政村的网上政务服务尚未打通。", "城乡数字化协同建设",
     ("services_reach_rural", "negated")),
    # 推进机制: chief data officers, assessment, bodies for digital work, standards by code
    ("在全市42个市直部门设立首席数据官，统筹推进数据共享。", "推进机制", ("mechanism", "issued")),
    ("数字政府建设成效已纳入市直部门综合绩效考核。", "推进机制", ("mechanism", "issued")),
    ("组建数字榕城建设工作专班，实行挂图作战。", "推进机制", ("mechanism", "issued")),
    ("批准发布《政务数据目录编制规范》（DB3501/T 0102—2024），自发布之日起实施。", "推进机制",
     ("standards_issued", "issued")),
    # 公共数据授权运营: measures and platform by their parts
    ("市政府办公室印发《福州市公共数据资源授权运营管理实施办法（试行）》。", "公共数据授权运营",
     ("measures_issued", "issued")),
    ("公共数据授权运营配套管理制度仍未出台。", "公共数据授权运营", ("measures_issued", "negated")),
    ("福州市公共数据授权运营一体化平台正式上线运行。", "公共数据授权运营",
     ("platform_built", "built")),
    # 基层创新: other win verbs
    ("“数智城管”应用获评福建省数字化改革“最佳应用”，成功上榜。", "基层创新",
     ("provincial_award", "built")),
    ("“榕城智管”项目摘得世界智慧城市大奖。", "基层创新", ("international_award", "built")),
])
def test_other_wordings(text, indicator, expected):
    assert _one(text, indicator) == {(indicator, *expected, None)}


@pytest.mark.parametrize(("text", "indicator"), [
    # a plan whose implementation is being evaluated is cited, neither issued nor planned
    ("市数字经济发展局拟对《福州市数字经济发展规划》实施情况开展中期评估。", "顶层设计"),
    # a park named after the digital economy is not its plan (规划 is a verb here)
    ("双方将共同规划建设闽侯数字经济产业协作园。", "顶层设计"),
    # a subsidy for firms in general, not for data merchants
    ("对首次认定为国家高新技术企业的，给予一次性奖励10万元。", "奖励政策"),
    # a leading group or joint meeting for other work
    ("市委决定成立创建全国文明城市工作领导小组，实行周调度、月通报工作机制。", "推进机制"),
    ("建立燃气安全整治联席会议制度，推动隐患排查整治。", "推进机制"),
    # the province's body publishing an award list is not the city's mechanism
    ("省数字化改革领导小组办公室公布年度“最佳应用”名单。", "推进机制"),
    # a centre built with a company is a business partnership
    ("福州高新区与华为技术有限公司共建的人工智能联合创新中心揭牌运营。", "跨区域协同创新平台"),
    # water and a network reaching every village are not digital services
    ("全市城乡一体化供水已覆盖全部行政村。", "城乡数字化协同建设"),
    ("全市5G网络已覆盖所有行政村。", "城乡数字化协同建设"),
    # a case still being judged, a call for cases, a list published: no win
    ("我市报送的应用入围全国智慧城市优秀案例终评，最终结果将于年底公布。", "基层创新"),
    ("市工信局组织企业申报2024年度全国数字化转型优秀案例。", "基层创新"),
    ("省数据局公布了全省数字化改革优秀案例名单。", "基层创新"),
    # a centre put on a list is a designation, not an award
    ("两家中心此前已入选江苏省首批数字化转型促进中心。", "基层创新"),
    # a training course on building centres plans nothing
    ("市工信局举办数字化转型促进中心建设培训班。", "数字化转型协同发展"),
])
def test_look_alikes_credit_nothing(text, indicator):
    assert _one(text, indicator) == set()


def test_a_system_to_improve_is_a_task_not_a_measure():
    # 完善 / 建立健全 a 制度 is work to do; no measure has been issued
    expected = {("公共数据授权运营", "mentioned", "mentioned", None)}
    for text in ("完善公共数据授权运营管理制度。", "建立健全公共数据授权运营制度。"):
        assert _one(text, "公共数据授权运营") == expected


def test_a_report_title_is_no_reform_task():
    # the title names the report's subject; the body denies the mechanism
    text = ("太原市数字化改革工作情况调研报告（摘要）\n\n"
            "目前，我市尚未建立统筹推进数字化改革的专门工作机制。")
    assert _one(text, "推进机制", "太原") == {("推进机制", "mechanism", "negated", None)}
