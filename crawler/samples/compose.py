"""Deterministic composer of the sample documents: topics × varied sentences × seeded numbers.

Run `python -m crawler.samples.compose` to rewrite documents/*.yaml; the server also uses it to
make fresh documents when a test calls add_documents. Same seed, same documents, every time.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import yaml

from crawler.samples.model import Attachment, SampleDocument, save_documents
from crawler.samples.sites import SITES, SampleSite

PHRASES_PATH = Path(__file__).resolve().parent / "phrases.yaml"
NEWEST = date(2025, 6, 18)
ROTATING_KINDS = ("pdf", "docx", "xlsx", "ofd", "doc", "wps", "xls", "zip", "scanned", "corrupt")
ID_BASE = {"hangzhou": 6012000, "ningbo": 5310000, "beijing": 4061000, "guiyang": 81234000,
           "guangzhou": 9401000, "wuxi": 3612000, "chengdu": 2201000}
NUMBER_PREFIX = {"杭州": "杭政办函", "宁波": "甬政办发", "北京": "京政办发", "贵阳": "筑府办发",
                 "广州": "穗府办", "无锡": "锡政办发", "成都": "成办发"}
PROVINCE_ISSUER = {"浙江": ("浙江省人民政府办公厅", "浙政办发"),
                   "江苏": ("江苏省人民政府", "苏政发"),
                   "广东": ("广东省人民政府办公厅", "粤府办"), "贵州": ("贵州省人民政府", "黔府发"),
                   "四川": ("四川省人民政府办公厅", "川办发"), "北京": ("国务院", "国发")}
OTHER_CITY = {"杭州": "深圳", "宁波": "杭州", "北京": "上海", "贵阳": "成都", "广州": "杭州",
              "无锡": "苏州", "成都": "重庆"}
GBK_ONLY_NAMES = ("王喆", "李堃", "朱镕", "陈喆", "周堃")
DIGITS = "零一二三四五六七八九"


@lru_cache(maxsize=1)
def phrases() -> dict:
    with PHRASES_PATH.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def chinese_number(n: int) -> str:
    """1..99 in Chinese numerals, the way documents write counts (二十八项)."""
    tens, ones = divmod(n, 10)
    if tens == 0:
        return DIGITS[ones]
    head = "" if tens == 1 else DIGITS[tens]
    return head + "十" + (DIGITS[ones] if ones else "")


def _numbers(rng: random.Random) -> dict[str, str]:
    pflops = (f"{rng.randint(2, 24) * 50}P" if rng.random() < 0.6
              else f"{rng.randint(12, 58) / 10}EFLOPS")
    return {
        "pflops": pflops,
        "sensors": f"{rng.randint(120, 1600)}万个",
        "items": f"{chinese_number(rng.randint(13, 40))}项",
        "merchants": f"{rng.randint(8, 40) * 10}余家",
        "domains": f"{chinese_number(rng.randint(4, 12))}个领域",
        "standards": f"{rng.randint(20, 120)}项",
        "year": str(rng.choice([2022, 2023, 2024])),
    }


def _fill(text: str, site: SampleSite, rng: random.Random, **extra: str) -> str:
    values = {"c": f"{site.city}市", "other": OTHER_CITY[site.city], **_numbers(rng), **extra}
    return text.format(**values)


def _cn_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _issuer(site: SampleSite, topic: dict, rng: random.Random) -> str:
    city = f"{site.city}市"
    data_topics = ("数据", "算力", "授权", "感知", "数商")
    if any(word in topic["indicator"] for word in data_topics):
        return rng.choice([f"{city}人民政府办公厅", f"{city}数据资源管理局"])
    return rng.choice([f"{city}人民政府", f"{city}人民政府办公厅", f"{city}发展和改革委员会"])


def _policy_body(site: SampleSite, topic: dict, title_topic: str, rng: random.Random,
                 flags: set[str]) -> list[str]:
    p = phrases()
    bp = p["boilerplate"]
    evidence = [_fill(s, site, rng) for s in topic["built"]]
    if "planned" in flags or rng.random() < 0.3:
        evidence.append(_fill(rng.choice(topic["planned"]), site, rng))
    if "not_yet" in flags:
        evidence.append(_fill(rng.choice(p["negatives"]["not_yet"]), site, rng))
    if "other_city" in flags:
        evidence.append(_fill(rng.choice(p["negatives"]["other_city"]), site, rng))
    side = rng.choice(p["topics"])
    evidence.append(_fill(rng.choice(side["planned"] + side["built"]), site, rng))
    general = rng.sample(bp["general"], 4)
    forms = ("方案", "办法", "规划", "意见", "规则")
    form = title_topic[-2:] if title_topic[-2:] in forms else "文件"
    body = [rng.choice(bp["opening"]), _fill(bp["forward"], site, rng, topic=title_topic),
            f"{site.city}市{title_topic}", bp["sections"][0], general[0], general[1],
            bp["sections"][1], *evidence, bp["sections"][2], general[2], general[3],
            bp["closing"].format(form=form)]
    return body


def _contact(site: SampleSite, rng: random.Random) -> str:
    name = rng.choice(GBK_ONLY_NAMES) if site.extra.get("gbk_names") else "市政府办公厅"
    return f"（联系人：{name}，联系电话：{rng.randint(80000000, 89999999)}）"


def _make_policy(site: SampleSite, i: int, rng: random.Random, flags: set[str],
                 year: int) -> dict:
    topics = phrases()["topics"]
    topic = topics[(i * 7 + len(site.key)) % len(topics)]
    issuer = _issuer(site, topic, rng)
    title_topic = topic["title"]
    if i >= len(topics):
        title_topic = f"{year}年{topic['indicator']}工作要点"
    title = (f"{issuer}{title_topic}" if title_topic.startswith("关于")
             else f"{issuer}关于印发{site.city}市{title_topic}的通知")
    body = _policy_body(site, topic, title_topic, rng, flags)
    body.append(_contact(site, rng))
    return {"title": title, "issuer": issuer, "category": topic["indicator"], "body": body}


def _make_repost(site: SampleSite, rng: random.Random) -> dict:
    issuer, prefix = PROVINCE_ISSUER[site.extra["province"]]
    if rng.random() < 0.5:
        issuer, prefix = "国务院办公厅", "国办发"
    topic = rng.choice(phrases()["topics"])
    topic_name = topic["title"].removeprefix("关于")
    title = f"{issuer}关于{topic_name}的通知"
    body = ["各省、自治区、直辖市人民政府，各有关部门：" if issuer.startswith("国务院")
            else "各市、县（市、区）人民政府，省政府直属各单位：",
            f"现将{topic_name}有关事项通知如下。",
            "各地要加快建设城市运行管理平台，推进公共数据授权运营，探索建设可信数据空间。",
            "各地区各部门要结合实际抓好贯彻落实，重要情况及时报告。",
            f"（转载自{issuer}网站）"]
    return {"title": title, "issuer": issuer, "category": "转发上级文件", "body": body,
            "doc_number": f"{prefix}〔{{year}}〕{rng.randint(3, 60)}号", "kind": "repost"}


def _make_news(site: SampleSite, rng: random.Random) -> dict:
    news = phrases()["news"]
    topic = rng.choice(phrases()["topics"])
    short = topic["indicator"]
    title = _fill(rng.choice(news["titles"]), site, rng, topic_short=short)
    body = [_fill(line, site, rng, topic_short=short) for line in news["lines"]]
    return {"title": title, "issuer": f"{site.city}市人民政府办公厅", "category": "政务动态",
            "body": body, "kind": "news"}


def _flags(i: int) -> set[str]:
    flags = set()
    if i % 9 == 4:
        flags.add("not_yet")
    if i % 11 == 6:
        flags.add("other_city")
    if i % 5 == 2:
        flags.add("planned")
    return flags


def compose_document(site: SampleSite, seq: int, published: date, rng: random.Random,
                     attachment_kind: str | None = None) -> SampleDocument:
    """Document number `seq` of a site (seq also fixes its id, kind and negative flags)."""
    written = published - timedelta(days=rng.randint(1, 12))
    year = written.year
    if seq % 10 == 3:
        data = _make_repost(site, rng)
    elif seq % 10 == 7:
        data = _make_news(site, rng)
    else:
        data = _make_policy(site, seq, rng, _flags(seq), year)
    number = data.pop("doc_number", "")
    if data.get("kind", "policy") == "policy" and seq % 6 != 5:
        number = f"{NUMBER_PREFIX[site.city]}〔{year}〕{rng.randint(1, 120)}号"
    doc = SampleDocument(
        site=site.key, id=str(ID_BASE[site.key] + seq), written_date=written.isoformat(),
        published_date=published.isoformat(), doc_number=number.replace("{year}", str(year)),
        index_number=f"{site.extra['index_prefix']}/{year}-{seq * 37 % 100000:05d}", **data)
    if doc.kind == "news":
        doc.doc_number, doc.written_date = "", doc.published_date
    if doc.kind == "policy":
        doc.body.append(f"{doc.issuer}")
        doc.body.append(_cn_date(written))
        if seq % 13 == 8:
            doc.validity = "废止"
        elif seq % 17 == 12:
            doc.validity = "失效"
    if attachment_kind:
        doc.attachments.append(_attachment(site, doc, attachment_kind, rng))
    return doc


def _attachment(site: SampleSite, doc: SampleDocument, kind: str,
                rng: random.Random) -> Attachment:
    labels = {"xlsx": "重点任务清单", "xls": "项目汇总表", "zip": "配套文件汇编",
              "oversize": "规划图集（高清版）", "scanned": "签发件扫描件", "corrupt": "政策解读"}
    label = labels.get(kind, f"{doc.category or '工作'}实施细则")
    ext = Attachment(name="", kind=kind).ext
    topic = next((t for t in phrases()["topics"] if t["indicator"] == doc.category), None)
    topic = topic or rng.choice(phrases()["topics"])
    paragraphs = [f"{site.city}市{label}"] + [_fill(s, site, rng) for s in topic["built"][:2]]
    return Attachment(name=f"附件1：{label}.{ext}", kind=kind, paragraphs=paragraphs)


def compose_site(site: SampleSite) -> list[SampleDocument]:
    """All documents of one site: newest first, dates walking back from NEWEST."""
    rng = random.Random(f"citydx-samples-{site.key}")
    docs: list[SampleDocument] = []
    published = NEWEST - timedelta(days=rng.randint(0, 6))
    attach_slots = 0
    for k in range(site.n_docs):
        seq = site.n_docs - k  # the newest document has the highest id
        kind = None
        if k % 5 == 1:
            kind = ROTATING_KINDS[attach_slots % len(ROTATING_KINDS)]
            attach_slots += 1
        if k == 9 and site.key in ("hangzhou", "beijing", "guangzhou"):
            kind = "oversize"
        docs.append(compose_document(site, seq, published, rng, kind))
        published -= timedelta(days=rng.randint(8, 20))
    _decorate(site, docs)
    return docs


def _decorate(site: SampleSite, docs: list[SampleDocument]) -> None:
    """Site-specific traps: pinned old items, a clone-mirror link and URL-variant links."""
    if site.key in ("beijing", "guangzhou"):
        for doc in (docs[-12], docs[-25]):
            doc.pinned = True
    if site.key == "hangzhou":
        docs[4].links = [f"mirror:{docs[6].id}", f"variant-m:{docs[7].id}",
                         f"variant-8443:{docs[8].id}"]


def compose_more(site: SampleSite, existing: list[SampleDocument], n: int) -> list[SampleDocument]:
    """n new documents, published after every existing one, with fresh ids (for tests)."""
    top_id = max(int(d.id) for d in existing) if existing else ID_BASE[site.key]
    newest = max((d.published for d in existing), default=NEWEST)
    rng = random.Random(f"citydx-more-{site.key}-{top_id}")
    new = []
    for k in range(n):
        seq = top_id - ID_BASE[site.key] + k + 1
        new.append(compose_document(site, seq, newest + timedelta(days=k + 1), rng))
    return new


def main() -> None:
    for site in SITES:
        path = save_documents(site.key, site.city, compose_site(site))
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
