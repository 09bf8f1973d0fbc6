"""Guangdong gkmlpt (广州): window._CONFIG index, JSON lists under /gkmlpt/api/all/, post_ pages."""

from __future__ import annotations

import json
import math
import re
from datetime import datetime, timedelta, timezone

from crawler.samples.model import SampleDocument
from crawler.samples.render_base import AttachmentRef, Resource, SiteRenderer, esc

API_RE = re.compile(r"/gkmlpt/api/all/(\d+)")
CST = timezone(timedelta(hours=8))
TREE = [
    {"id": 1001, "name": "政策文件", "parent": 0, "children": [
        {"id": 1002, "name": "市政府文件", "parent": 1001, "children": []},
        {"id": 1003, "name": "市政府办公厅文件", "parent": 1001, "children": []}]},
    {"id": 1010, "name": "政务动态", "parent": 0, "children": []},
    {"id": 1011, "name": "转发上级文件", "parent": 0, "children": []},
]


def _epoch(day: str, hour: int = 9) -> int:
    d = datetime.fromisoformat(day).replace(hour=hour, tzinfo=CST)
    return int(d.timestamp())


class GkmlptRenderer(SiteRenderer):
    family = "gkmlpt"

    @property
    def sid(self) -> str:
        return self.site.extra["sid"]

    def detail_path(self, doc: SampleDocument) -> str:
        n = int(doc.id)
        return f"/gkmlpt/content/{n // 1_000_000}/{n // 1000}/post_{doc.id}.html"

    def attachment_path(self, doc: SampleDocument, k: int) -> str:
        n = int(doc.id)
        return f"/attachment/0/{n // 1000}/{doc.id}/{n * 10 + k + 1}.{doc.attachments[k].ext}"

    def category(self, doc: SampleDocument) -> int:
        if doc.kind == "news":
            return 1010
        if doc.kind == "repost":
            return 1011
        return 1003 if "办公厅" in doc.issuer else 1002

    def list_page_number(self, path: str, query: dict[str, str]) -> int | None:
        if path == self.site.list_path:
            return 0
        if API_RE.fullmatch(path):
            return max(1, _int(query.get("page"), 1)) - 1
        return None

    def build(self) -> None:
        tree = json.dumps(TREE, ensure_ascii=False)
        script = (f"window._CONFIG = {{SID:'{self.sid}', TREE: {tree}, "
                  f"SITE_NAME:'广州市人民政府', API_BASE:'/gkmlpt/api'}};")
        self.pages[self.site.list_path] = self.html(
            f"{self.head('政府信息公开目录', column='政府信息公开')}<body><div id=\"gkmlpt-app\">"
            f"</div><script>{script}</script>"
            f"<script src=\"/gkmlpt/static/js/gkmlpt.min.js\"></script></body></html>")
        for doc in self.docs:
            self.pages[self.detail_path(doc)] = self.html(self.detail_html(doc))
            for k, att in enumerate(doc.attachments):
                path = self.attachment_path(doc, k)
                self.attachments[path] = AttachmentRef(doc, att, path.rsplit("/", 1)[1])

    def article(self, doc: SampleDocument) -> dict:
        url = self.detail_url(doc)
        return {
            "id": int(doc.id), "title": doc.title, "document_number": doc.doc_number,
            "identifier": doc.index_number, "publisher": doc.issuer,
            "keywords": doc.category, "abstract": doc.body[1][:60] if len(doc.body) > 1 else "",
            "date": _epoch(doc.written_date, 0), "created_at": f"{doc.published_date} 09:30:00",
            "display_publish_time": _epoch(doc.published_date),
            "classify_main_name": next(c["name"] for c in _flat() if c["id"] == self.category(doc)),
            "classify_genre_name": "通知" if doc.kind != "news" else "动态",
            "classify_theme_name": doc.category, "url": url, "post_url": url,
            "is_expired": doc.validity == "失效", "is_abolished": doc.validity == "废止",
            "is_top": 1 if doc.pinned else 0,
            "attachment": [{"name": a.name, "url": f"http://{self.site.host}"
                            f"{self.attachment_path(doc, k)}", "ext": a.ext}
                           for k, a in enumerate(doc.attachments)],
            "relation": [],
        }

    def dynamic(self, path: str, query: dict[str, str]) -> Resource | None:
        match = API_RE.fullmatch(path)
        if not match:
            return None
        if query.get("sid") != self.sid:
            return _json({"code": 404, "msg": "站点不存在", "total": 0, "articles": []})
        cat = int(match.group(1))
        wanted = {c["id"] for c in _flat() if c["id"] == cat or c["parent"] == cat}
        docs = [d for d in self.docs if cat == 0 or self.category(d) in wanted]
        per, page = self.site.per_page, max(1, _int(query.get("page"), 1))
        rows = docs[(page - 1) * per:page * per]
        return _json({
            "total": len(docs), "page": page, "page_size": per,
            "page_count": math.ceil(len(docs) / per),
            "classify": {"id": cat, "post_count": len(docs)},
            "articles": [self.article(d) for d in rows],
        })

    def metadata_html(self, doc: SampleDocument) -> str:
        pairs = [("索引号", doc.index_number), ("分类", doc.category), ("发布机构", doc.issuer),
                 ("成文日期", doc.written_date), ("名称", doc.title), ("文号", doc.doc_number),
                 ("发布日期", doc.published_date), ("主题词", "")]
        cells = "".join(f'<tr><td class="first">{esc(k)}：</td><td>{esc(v)}</td></tr>'
                        for k, v in pairs)
        return f'<table class="xxgk_table classify">{cells}</table>'

    def detail_html(self, doc: SampleDocument) -> str:
        links = "".join(f'<p><a class="nfw-cms-attachment" href="{self.attachment_path(doc, k)}">'
                        f"{esc(a.name)}</a></p>" for k, a in enumerate(doc.attachments))
        return (
            f"{self.head(doc.title, doc)}<body><div class=\"content-box\">"
            f"{self.metadata_html(doc)}<div class=\"content\"><h1 class=\"content-title\">"
            f"{esc(doc.title)}</h1><div class=\"article-content\">{self.body_html(doc)}"
            f"{links}</div></div></div></body></html>"
        )


def _flat() -> list[dict]:
    out = []
    for node in TREE:
        out.append(node)
        out.extend(node["children"])
    return out


def _json(data: dict) -> Resource:
    body = json.dumps(data, ensure_ascii=False).encode("utf-8")
    return Resource(body=body, content_type="application/json; charset=utf-8")


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
