"""The alternate hosts gov_portals.md §5 lists for whitelisting belong to their cities, so the
crawler's allow-list keeps documents served from them (and clone hosts stay out)."""

import pytest

from citydx.registry import load_registry

ALTERNATES = [
    ("保定", "www.bd.gov.cn"), ("保定", "www.baoding.gov.cn"),
    ("乌鲁木齐", "urumqi.gov.cn"), ("乌鲁木齐", "wlmq.gov.cn"),
    ("周口", "zhoukou.gov.cn"), ("周口", "hazhoukou.gov.cn"),
    ("泉州", "quanzhou.gov.cn"), ("泉州", "fjqz.gov.cn"),
    ("宜宾", "yb.gov.cn"), ("宜宾", "fg.yibin.gov.cn"),
    ("上饶", "zgsr.gov.cn"), ("台州", "zjtz.gov.cn"), ("昆明", "km.gov.cn"),
    ("南昌", "nc.gov.cn"), ("洛阳", "ly.gov.cn"), ("绵阳", "my.gov.cn"), ("榆林", "yl.gov.cn"),
    ("曲靖", "qj.gov.cn"), ("徐州", "xz.gov.cn"), ("徐州", "www.xxgk.xz.gov.cn"),
    ("连云港", "lyg.gov.cn"), ("深圳", "sz.gov.cn"),
]


@pytest.mark.parametrize(("city", "host"), ALTERNATES)
def test_alternate_host_is_whitelisted(city, host):
    assert load_registry().get(city).owns_host(host)


def test_clone_hosts_are_not():
    registry = load_registry()
    assert not registry.get("台州").owns_host("www.taizhou.gov.cn")  # 江苏's 泰州
    assert not registry.get("连云港").owns_host("dsgcjc.com")
