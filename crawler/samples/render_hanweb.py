"""Hanweb JCMS sites (杭州, 宁波): /col/ pages with CDATA records, dataproxy.jsp, downfile.jsp."""

from __future__ import annotations

import math

from crawler.samples.model import SampleDocument
from crawler.samples.render_base import AttachmentRef, Resource, SiteRenderer, esc

DATAPROXY = "/module/web/jpage/dataproxy.jsp"
DOWNFILE = "/module/download/downfile.jsp"
EMPTY_DATASTORE = "<datastore><recordset></recordset></datastore>"


class HanwebRenderer(SiteRenderer):
    family = "hanweb"

    def detail_path(self, doc: SampleDocument) -> str:
        d = doc.published
        return f"/art/{d.year}/{d.month}/{d.day}/art_{self.site.column_id}_{doc.id}.html"

    def attachment_name(self, doc: SampleDocument, n: int) -> str:
        return f"{doc.hex_key(str(n))}.{doc.attachments[n].ext}"

    def list_page_number(self, path: str, query: dict[str, str]) -> int | None:
        if path == self.site.list_path:
            return 0
        if path == DATAPROXY:
            start = _int(query.get("startrecord"), 1)
            return (start - 1) // self.site.per_page
        return None

    def build(self) -> None:
        self.pages[self.site.list_path] = self.html(self.column_html())
        for doc in self.docs:
            self.pages[self.detail_path(doc)] = self.html(self.detail_html(doc))
            for n, att in enumerate(doc.attachments):
                name = self.attachment_name(doc, n)
                self.attachments[f"/attach/0/{name}"] = AttachmentRef(doc, att, name)

    def record(self, doc: SampleDocument) -> str:
        return (f'<record><![CDATA[<li class="clearfix"><a href="{self.detail_path(doc)}" '
                f'title="{esc(doc.title)}" target="_blank">{esc(doc.title)}</a>'
                f"<span>{doc.published_date}</span></li>]]></record>")

    def params(self) -> str:
        x = self.site.extra
        return f"columnid={self.site.column_id}&unitid={x['unitid']}&webid={x['webid']}"

    def column_html(self) -> str:
        x, per = self.site.extra, self.site.per_page
        records = "".join(self.record(d) for d in self.docs[:per])
        total = len(self.docs)
        nextgroup = (f'<![CDATA[<a href="{DATAPROXY}?page=1&appid=1&{self.params()}'
                     f'&path=/&permissiontype=0"></a>]]>')
        config = (f"{{col:1,appid:1,webid:{x['webid']},path:'/',columnid:{self.site.column_id},"
                  f"sourceContentType:1,unitid:'{x['unitid']}',webname:'{x['webname']}',"
                  f"permissiontype:0}}")
        return (
            f"{self.head('政策文件', column='政策文件')}<body><div class=\"top\">"
            f"{esc(x['webname'])}</div><div class=\"main\"><div id=\"{x['unitid']}\">"
            f"<script type=\"text/xml\"><datastore><nextgroup>{nextgroup}</nextgroup>"
            f"<recordset>{records}</recordset></datastore></script>"
            f"<script language=\"javascript\" src=\"/module/web/jpage/jpage.js\"></script>"
            f"<script>var totalRecord={total};var perpage={per};"
            f"var totalPage={math.ceil(total / per)};var cfg={config};"
            f"jpageinit('{DATAPROXY}?{self.params()}', perpage, cfg);</script>"
            f"</div></div></body></html>"
        )

    def metadata_html(self, doc: SampleDocument) -> str:
        pairs = [("索引号", doc.index_number), ("公开方式", "主动公开"), ("发布机构", doc.issuer),
                 ("成文日期", doc.written_date), ("主题分类", doc.category),
                 ("发文字号", self.number_or(doc, "无")),
                 ("有效性", doc.validity if doc.kind == "policy" else "—")]
        cells = [f'<td class="t">{esc(k)}</td><td>{esc(v)}</td>' for k, v in pairs]
        rows = "".join(f"<tr>{''.join(cells[i:i + 2])}</tr>" for i in range(0, len(cells), 2))
        return f'<table class="art_xxgktab">{rows}</table>'

    def detail_html(self, doc: SampleDocument) -> str:
        links = "".join(
            f'<p><a href="{DOWNFILE}?classid=0&amp;filename={self.attachment_name(doc, n)}" '
            f'target="_blank">{esc(att.name)}</a></p>' for n, att in enumerate(doc.attachments))
        return (
            f"{self.head(doc.title, doc)}<body><div class=\"top\">"
            f"{esc(self.site.extra['webname'])}</div><div class=\"main\">"
            f"{self.metadata_html(doc)}<div class=\"article\"><h1 class=\"title\">"
            f"{esc(doc.title)}</h1><div class=\"info\">发布日期：{doc.published_date}</div>"
            f"<div id=\"zoom\">{self.body_html(doc)}{links}</div></div></div></body></html>"
        )

    def dynamic(self, path: str, query: dict[str, str]) -> Resource | None:
        if path == DATAPROXY:
            return self.dataproxy(query)
        if path == DOWNFILE:
            name = query.get("filename", "")
            if f"/attach/0/{name}" not in self.attachments:
                return None
            return Resource(status=302, content_type="text/html; charset=utf-8",
                            headers={"Location": f"/attach/0/{name}"}, body=b"")
        return None

    def dataproxy(self, query: dict[str, str]) -> Resource:
        x = self.site.extra
        if query.get("columnid") != self.site.column_id or query.get("webid") != x["webid"]:
            return _xml(EMPTY_DATASTORE)
        start = max(1, _int(query.get("startrecord"), 1))
        end = _int(query.get("endrecord"), start + self.site.per_page - 1)
        per = max(1, _int(query.get("perpage"), self.site.per_page))
        rows = self.docs[start - 1:end]
        total = len(self.docs)
        return _xml(
            f'<?xml version="1.0" encoding="UTF-8"?><datastore><totalrecord>{total}</totalrecord>'
            f"<totalpage>{math.ceil(total / per)}</totalpage><recordset>"
            f"{''.join(self.record(d) for d in rows)}</recordset></datastore>"
        )

    def broken_stub(self, path: str) -> Resource:
        if path == DATAPROXY:
            return _xml(EMPTY_DATASTORE)
        return super().broken_stub(path)


def _xml(text: str) -> Resource:
    return Resource(body=text.encode("utf-8"), content_type="text/xml; charset=UTF-8")


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
