"""URL canonicalisation and the host allow-list: one document stored once, clones never followed."""

import pytest

from citydx.registry import load_registry
from crawler.canonical import canonical_url, is_allowed

DOC = "http://www.beijing.gov.cn/zhengce/zfwj/202409/t20240912_4123.html"


@pytest.mark.parametrize("variant", [
    DOC,
    "http://m.beijing.gov.cn/zhengce/zfwj/202409/t20240912_4123.html",
    "http://beijing.gov.cn/zhengce/zfwj/202409/t20240912_4123.html",
    "http://www.beijing.gov.cn:8443/zhengce/zfwj/202409/t20240912_4123.html",
    "http://WWW.Beijing.gov.cn/zhengce/zfwj/202409/t20240912_4123.html#top",
    "http://www.beijing.gov.cn/gate/big5/www.beijing.gov.cn/zhengce/zfwj/202409/t20240912_4123.html",
    "http://www.beijing.gov.cn/zhengce/zfwj/202409/t20240912_4123.html?utm_source=wx&spm=1.2",
])
def test_variants_collapse_to_one_url(variant):
    assert canonical_url(variant) == DOC


def test_relative_links_resolve_against_the_page():
    base = "http://www.beijing.gov.cn/zhengce/zfwj/index.html"
    assert canonical_url("./202409/t20240912_4123.html", base) == DOC


def test_meaningful_query_parameters_are_kept_and_sorted():
    url = "http://www.gz.gov.cn/gkmlpt/api/all/0?sid=200001&page=2&_=123"
    assert canonical_url(url) == "http://www.gz.gov.cn/gkmlpt/api/all/0?page=2&sid=200001"


def test_department_subdomains_are_not_rewritten():
    url = "http://zfxx.ningbo.gov.cn/art/2024/1/2/art_1_2.html"
    assert canonical_url(url) == url


def test_allow_list_accepts_city_hosts_and_rejects_clones_and_other_cities():
    registry = load_registry()
    hangzhou = registry.get("杭州")
    assert is_allowed("http://www.hangzhou.gov.cn/art/2024/9/12/art_1_2.html", hangzhou)
    assert is_allowed("http://fgw.hangzhou.gov.cn/col/col1/index.html", hangzhou)
    assert not is_allowed("http://www.156152.com/art/2024/8/30/art_1229063382_58880.html", hangzhou)
    assert not is_allowed("http://www.ningbo.gov.cn/art/2024/1/1/art_1_1.html", hangzhou)
    assert not is_allowed("http://hangzhou.gov.cn.evil.com/x.html", hangzhou)
    assert not is_allowed("ftp://www.hangzhou.gov.cn/x.pdf", hangzhou)
