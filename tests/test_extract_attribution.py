"""Whose evidence: issuer attribution, sentence attribution, and the metadata it relies on."""

import pytest

from extractors.metadata import iso_date, parse_metadata
from tests.extract_support import project_extractor


@pytest.mark.parametrize(("issuer", "expected"), [
    ("杭州市人民政府办公厅", "city"),
    ("杭州市数据资源管理局", "city"),
    ("市数据资源管理局", "city"),
    ("杭州市余杭区人民政府办公室", "city"),
    ("西湖区数据资源管理局", "city"),  # a district in rules/extraction/_common.yaml
    ("萧山区人民政府", "city"),
    ("浙江省人民政府办公厅", "province"),
    ("江苏省数据局", "other_city"),  # another province
    ("国务院办公厅", "national"),
    ("国家数据局", "national"),
    ("宁波市人民政府", "other_city"),
    ("", None),
])
def test_issuer_attribution_for_hangzhou(issuer, expected):
    assert project_extractor().attributor("杭州").of_issuer(issuer) == expected


@pytest.mark.parametrize(("text", "attribution"), [
    ("我市城市大脑已建成运行。", "city"),
    ("杭州城市大脑已建成运行。", "other_city"),  # read on 温州's portal
    ("学习借鉴杭州经验，我市城市大脑已建成运行。", "city"),
    ("温州与杭州共建的长三角协同创新中心已建成运行。", "city"),  # a partner
    ("全省城市大脑已建成运行。", "province"),
    ("“一网统管”平台在上海率先建成。", "other_city"),
    # cities counted or classed, not named, are other cities; "在…城市中" is a scope
    ("全国已有20多个城市建成城市大脑。", "other_city"),
    ("部分兄弟城市城市大脑已建成运行。", "other_city"),
    ("学习借鉴先进城市经验，我市城市大脑已建成运行。", "city"),
    ("我市在全国30多个城市中率先建成城市大脑。", "city"),
])
def test_sentence_attribution_on_wenzhou_portal(text, attribution):
    rows = project_extractor().extract(text, "温州")
    assert rows
    assert {r.attribution for r in rows} == {attribution}


def test_metadata_block():
    meta = parse_metadata("发文机关：杭州市人民政府\n成文日期：2023年11月30日\n"
                          "发文字号：杭政令〔2023〕342号\n有效性：有效\n\n杭州市公共数据管理办法\n")
    assert (meta.issuer, meta.written_date, meta.doc_number, meta.repealed) == (
        "杭州市人民政府", "2023-11-30", "杭政令〔2023〕342号", False)
    assert meta.body_start == len("发文机关：杭州市人民政府\n成文日期：2023年11月30日\n"
                                  "发文字号：杭政令〔2023〕342号\n有效性：有效\n")


@pytest.mark.parametrize("validity", ["失效", "废止", "已废止"])
def test_repealed(validity):
    assert parse_metadata(f"有效性：{validity}\n正文。").repealed


def test_repealed_marked_in_title():
    assert parse_metadata("宿迁市政务信息资源共享管理暂行办法（已废止）\n第一条").repealed


def test_sign_off_gives_issuer_and_date():
    meta = parse_metadata("关于印发某方案的通知\n正文内容。\n\n温州市大数据发展管理局\n"
                          "2024年3月5日\n")
    assert (meta.issuer, meta.written_date) == ("温州市大数据发展管理局", "2024-03-05")


@pytest.mark.parametrize(("text", "iso"), [
    ("2024年3月5日", "2024-03-05"), ("2024-03-05", "2024-03-05"), ("2024/3/5", "2024-03-05"),
    ("二〇二四年三月五日", "2024-03-05"), ("二〇二四年十二月三十一日", "2024-12-31"),
    ("2024年13月5日", ""), ("无日期", ""),
])
def test_dates(text, iso):
    assert iso_date(text) == iso


@pytest.mark.parametrize(("text", "attribution"), [
    # another city's name at the head of the thing's name: the thing is that city's
    ("我市与上海数据交易所签署战略合作协议。", "other_city"),
    ("我市已有12家企业的数据产品在北京国际大数据交易所挂牌。", "other_city"),
    ("温州数据交易所已揭牌运营。", "city"),
    ("温州与杭州共建数据交易所。", "city"),  # a partner with a verb between, not a name
])
def test_a_city_name_inside_the_things_name(text, attribution):
    rows = [r for r in project_extractor().extract(text, "温州") if r.indicator == "数商发展"]
    assert rows
    assert {r.attribution for r in rows} == {attribution}


def test_a_partner_before_a_joint_verb_is_not_the_actor():
    # "将与广州共建": 广州 is the partner the joint verb names, the city builds it
    rows = project_extractor().extract("我市将与广州共建协同创新中心。", "温州")
    assert {(r.indicator, r.status, r.attribution) for r in rows} == {
        ("跨区域协同创新平台", "planned", "city")}


@pytest.mark.parametrize(("text", "city", "attribution"), [
    # where it stands (位于…的) and a place in parentheses inside its name are not its owner
    ("位于上海杨浦的南通（上海）科创飞地已投入运营。", "南通", "city"),
    ("嘉兴（上海）科创飞地已建成运营。", "嘉兴", "city"),
    ("嘉兴（上海）科创飞地已建成运营。", "南通", "other_city"),
    ("上海科创飞地已建成运营。", "南通", "other_city"),
])
def test_a_location_is_not_the_owner(text, city, attribution):
    rows = project_extractor().extract(text, city)
    assert rows
    assert {r.attribution for r in rows} == {attribution}
