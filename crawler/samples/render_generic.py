"""A bespoke site (无锡): list_N.shtml pages, 下一页 links, /doc/ pages, comment-wrapped fields."""

from __future__ import annotations

import math
import re

from crawler.samples.model import SampleDocument
from crawler.samples.render_base import AttachmentRef, SiteRenderer, esc

LIST_RE = re.compile(r"(?:index|list_(\d+))\.shtml")
FIELD_CODES = {"信息索引号": "SYH", "生成日期": "SCRQ", "公开日期": "GKRQ", "文件编号": "WJBH",
               "发文日期": "FWRQ", "效力状况": "XLZK", "发布机构": "FBJG", "公开方式": "GKFS"}


class GenericRenderer(SiteRenderer):
    family = "generic"

    @property
    def base(self) -> str:
        return self.site.list_path.rsplit("/", 1)[0] + "/"

    def detail_path(self, doc: SampleDocument) -> str:
        d = doc.published
        return f"/doc/{d:%Y/%m/%d}/{doc.id}.shtml"

    def attachment_path(self, doc: SampleDocument, k: int) -> str:
        d = doc.published
        return f"/uploadfiles/{d:%Y%m}/{doc.id}_{k + 1}.{doc.attachments[k].ext}"

    def list_page_number(self, path: str, query: dict[str, str]) -> int | None:
        if not path.startswith(self.base):
            return None
        match = LIST_RE.fullmatch(path[len(self.base):])
        return None if not match else max(0, int(match.group(1) or 1) - 1)

    def build(self) -> None:
        per = self.site.per_page
        total = max(1, math.ceil(len(self.docs) / per))
        for page in range(total):
            name = "index.shtml" if page == 0 else f"list_{page + 1}.shtml"
            rows = self.docs[page * per:(page + 1) * per]
            self.pages[self.base + name] = self.html(self.list_html(rows, page, total))
        for doc in self.docs:
            self.pages[self.detail_path(doc)] = self.html(self.detail_html(doc))
            for k, att in enumerate(doc.attachments):
                path = self.attachment_path(doc, k)
                self.attachments[path] = AttachmentRef(doc, att, path.rsplit("/", 1)[1])

    def list_html(self, rows: list[SampleDocument], page: int, total: int) -> str:
        items = "".join(
            f'<li><a href="{self.detail_path(d)}" target="_blank">{esc(d.title)}</a>'
            f'<span class="time">{d.published_date}</span></li>' for d in rows)
        nav = [f"<span>第{page + 1}页/共{total}页</span>"]
        if page > 0:
            prev = "index.shtml" if page == 1 else f"list_{page}.shtml"
            nav.append(f'<a href="{prev}">上一页</a>')
        if page + 1 < total:
            nav.append(f'<a href="list_{page + 2}.shtml">下一页</a>')
            nav.append(f'<a href="list_{total}.shtml">尾页</a>')
        return (f"{self.head('政策文件', column='政策文件')}<body><div class=\"head\">"
                f"无锡市人民政府</div><div class=\"zfxxgk-list\"><ul>{items}</ul></div>"
                f"<div class=\"pagination\">{''.join(nav)}</div></body></html>")

    def metadata_html(self, doc: SampleDocument) -> str:
        generated = f"{doc.published_date} 16:{int(doc.id) % 60:02d}:00"
        values = {"信息索引号": doc.index_number, "生成日期": generated,
                  "公开日期": doc.published_date, "文件编号": doc.doc_number or "—  —",
                  "发文日期": doc.written_date,
                  "效力状况": doc.validity if doc.kind == "policy" else "",
                  "发布机构": doc.issuer, "公开方式": "主动公开"}
        cells = "".join(
            f"<tr><td><b>{esc(k)}：</b></td><td><!--<$[{FIELD_CODES[k]}]>-->{esc(v)}"
            f"<!--<$[{FIELD_CODES[k]}]>--></td></tr>" for k, v in values.items())
        files = "".join(f'<a href="{self.attachment_path(doc, k)}">{esc(a.name)}</a> '
                        for k, a in enumerate(doc.attachments))
        cells += f"<tr><td><b>文件下载：</b></td><td>{files}</td></tr>"
        return f'<table class="xxgk_table">{cells}</table>'

    def detail_html(self, doc: SampleDocument) -> str:
        return (f"{self.head(doc.title, doc)}<body><div class=\"head\">无锡市人民政府</div>"
                f"<div class=\"detail\">{self.metadata_html(doc)}<h1 class=\"tit\">"
                f"<!--<$[BT]>-->{esc(doc.title)}<!--<$[BT]>--></h1>"
                f"<div class=\"Zoom\" id=\"Zoom\">{self.body_html(doc)}</div></div></body></html>")
