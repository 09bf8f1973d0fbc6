"""The bundled sample sites: one entry per portal, shared by the composer, renderers and server."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SampleSite:
    """A sample portal. `list_path` is the first list page; the family picks the renderer."""

    key: str
    city: str
    host: str
    family: str  # trs | hanweb | gkmlpt | generic
    list_path: str
    n_docs: int
    charset: str = "utf-8"
    declared_charset: str = "utf-8"
    per_page: int = 15
    column_id: str = ""
    extra: dict = field(default_factory=dict)
    default_scenario: str = "normal"

    @property
    def list_url(self) -> str:
        return f"http://{self.host}{self.list_path}"


SITES: tuple[SampleSite, ...] = (
    SampleSite(
        key="hangzhou", city="杭州", host="www.hangzhou.gov.cn", family="hanweb",
        list_path="/col/col1229063382/index.html", n_docs=72, column_id="1229063382",
        extra={"unitid": "5436589", "webid": "149", "webname": "杭州市人民政府门户网站",
               "province": "浙江", "index_prefix": "002489489"},
    ),
    SampleSite(
        key="ningbo", city="宁波", host="www.ningbo.gov.cn", family="hanweb",
        list_path="/col/col1229116730/index.html", n_docs=64, column_id="1229116730",
        extra={"unitid": "6917352", "webid": "239", "webname": "宁波市人民政府门户网站",
               "province": "浙江", "index_prefix": "002950451"},
    ),
    SampleSite(
        key="beijing", city="北京", host="www.beijing.gov.cn", family="trs",
        list_path="/zhengce/zfwj/index.html", n_docs=70,
        extra={"province": "北京", "index_prefix": "11110000000094372F", "big5": True},
    ),
    SampleSite(
        key="guiyang", city="贵阳", host="www.guiyang.gov.cn", family="trs",
        list_path="/zwgk/zcwj/index.html", n_docs=62, charset="gbk", declared_charset="gb2312",
        extra={"province": "贵州", "index_prefix": "000000007/2024", "gbk_names": True},
    ),
    SampleSite(
        key="guangzhou", city="广州", host="www.gz.gov.cn", family="gkmlpt",
        list_path="/gkmlpt/index", n_docs=70,
        extra={"province": "广东", "sid": "200001", "index_prefix": "11440100007482622X"},
    ),
    SampleSite(
        key="wuxi", city="无锡", host="www.wuxi.gov.cn", family="generic",
        list_path="/zfxxgk/zcwj/index.shtml", n_docs=62,
        extra={"province": "江苏", "index_prefix": "014006438"},
    ),
    SampleSite(
        key="chengdu", city="成都", host="www.chengdu.gov.cn", family="trs",
        list_path="/zwgk/zcwj/index.html", n_docs=20, default_scenario="blocked_412",
        extra={"province": "四川", "index_prefix": "008971523"},
    ),
)

MIRROR_HOST = "www.156152.com"


def site_by_key(key: str) -> SampleSite | None:
    return next((s for s in SITES if s.key == key), None)
