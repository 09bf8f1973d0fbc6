"""Every numeric form the rules rely on, with the arithmetic worked out by hand."""

import pytest

from extractors.quantities import chinese_to_number, find_quantities, parse_quantity


@pytest.mark.parametrize(
    ("text", "value", "unit", "approx"),
    [
        ("300P", 300, "PFLOPS", False),
        ("5.2 EFLOPS", 5200, "PFLOPS", False),  # 5.2 × 1000 PFLOPS per EFLOPS
        ("5.2EFlops", 5200, "PFLOPS", False),
        ("100TFLOPS", 0.1, "PFLOPS", False),  # 100 / 1000
        ("1.2万P", 12000, "PFLOPS", False),  # 1.2 × 10 000
        ("智能算力达２００Ｐ", 200, "PFLOPS", False),  # full-width digits and letter
        ("超过100 PFlops", 100, "PFLOPS", True),
        ("1186万个", 11_860_000, "个", False),  # 1186 × 10 000
        ("2.3亿条", 230_000_000, "条", False),  # 2.3 × 100 000 000
        ("二十八项", 28, "项", False),  # 2 × 10 + 8
        ("十三个", 13, "个", False),  # 10 + 3
        ("一千二百项", 1200, "项", False),  # 1 × 1000 + 2 × 100
        ("三万五千个", 35_000, "个", False),  # 3 × 10 000 + 5 × 1000
        ("两千家", 2000, "家", False),
        ("320 余家", 320, "家", True),
        ("1,200家", 1200, "家", False),
        ("１２个领域", 12, "个领域", False),
        ("近50项", 50, "项", True),
        ("300PF", 300, "PFLOPS", False),
        ("3000余P", 3000, "PFLOPS", True),
        ("逾百万个", 1_000_000, "个", True),  # 百 × 万 = 100 × 10 000
        ("一百二十万个", 1_200_000, "个", False),  # (100 + 20) × 10 000
        ("两百余家", 200, "家", True),
        ("1.05万个", 10_500, "个", False),  # 1.05 × 10 000
    ],
)
def test_parse_quantity_forms(text, value, unit, approx):
    q = parse_quantity(text)
    assert q is not None
    assert q.value == pytest.approx(value)
    assert q.unit == unit
    assert q.approximate is approx


@pytest.mark.parametrize("text", ["2024年", "一网统管", "85%", "十四五规划", "数据要素×",
                                  # 个 counting time or a share counts no items
                                  "压缩至1个工作日", "3个月内完成", "提高2个百分点",
                                  "缩短至24个小时", "五个自然日"])
def test_no_quantity(text):
    assert parse_quantity(text) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [("十", 10), ("一百零五", 105), ("十万", 100_000), ("一亿二千万", 120_000_000),
     ("二〇二四", 2024), ("零", 0)],
)
def test_chinese_numerals(text, value):
    assert chinese_to_number(text) == value


def test_chinese_numeral_rejects_other_characters():
    assert chinese_to_number("十三五规划") is None


def test_offsets_point_into_the_text():
    text = "全市累计接入感知设备1186万个，算力规模达300P。"
    found = find_quantities(text)
    assert [text[q.start:q.end] for q in found] == ["1186万个", "300P"]


def test_items_after_a_duration_are_still_counted():
    # "1个工作日" is a duration; the 26 services after it are the count.
    found = find_quantities("办理时限压缩至1个工作日，上线26个服务事项")
    assert [(q.value, q.unit) for q in found] == [(26, "个")]


@pytest.mark.parametrize(("text", "value"), [
    ("我市智算中心已建成投用，算力规模从100P扩容至400P。", 400),  # not 100, not 100 + 400
    ("我市智算中心二期已投运，算力由200P扩展到500P。", 500),  # not 200 + 500 = 700
    ("我市人工智能计算中心已建成，算力规模由300P提升至1000P。", 1000),
])
def test_the_figure_after_zhi_is_what_exists(text, value):
    from tests.extract_support import project_extractor

    rows = [r for r in project_extractor().extract(text, "杭州") if r.indicator == "算力基础设施"]
    assert [(r.status, r.quantity) for r in rows] == [("built", value)]


def test_domains_named_after_the_supporting_headline():
    from tests.extract_support import project_extractor

    # three "在X领域" in the lead paragraph: 普惠金融, 商业保险, 城市交通 = 3 domains
    text = ("我市政社数据融合应用取得阶段性成效\n"
            "今年以来，市数据局推动政务数据与社会数据融合应用。在普惠金融领域，平台为小微企业授信"
            "20亿元；在商业保险领域，理赔实现一站式办理；在城市交通领域，融合网约车数据优化信号配时。\n")
    rows = [r for r in project_extractor().extract(text, "杭州")
            if (r.indicator, r.status) == ("政社数据融合应用", "built")]
    assert [(r.level, r.quantity, r.unit) for r in rows] == [("applied", 3.0, "个领域")]
