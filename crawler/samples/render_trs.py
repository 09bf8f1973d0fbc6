"""TRS WCM sites (北京, 贵阳, 成都): index_N.html lists paged by createPageHTML, t-date details."""

from __future__ import annotations

import math
import re

from crawler.samples.model import SampleDocument
from crawler.samples.render_base import AttachmentRef, SiteRenderer, esc

LIST_RE = re.compile(r"index(?:_(\d+))?\.html$")


class TrsRenderer(SiteRenderer):
    family = "trs"

    @property
    def base(self) -> str:
        return self.site.list_path.rsplit("/", 1)[0] + "/"

    def detail_path(self, doc: SampleDocument) -> str:
        d = doc.published
        return f"{self.base}{d:%Y%m}/t{d:%Y%m%d}_{doc.id}.html"

    def attachment_href(self, doc: SampleDocument, n: int) -> str:
        d = doc.published
        ext = doc.attachments[n].ext
        return f"./{d:%Y%m}/P0{d:%Y%m%d}{doc.id[-6:]}{n + 1:04d}.{ext}"

    def list_page_number(self, path: str, query: dict[str, str]) -> int | None:
        if not path.startswith(self.base) or "/" in path[len(self.base):]:
            return None
        match = LIST_RE.fullmatch(path[len(self.base):])
        return None if not match else int(match.group(1) or 0)

    def build(self) -> None:
        per = self.site.per_page
        total = max(1, math.ceil(len(self.docs) / per))
        for page in range(total):
            rows = self.docs[page * per:(page + 1) * per]
            name = "index.html" if page == 0 else f"index_{page}.html"
            self.pages[self.base + name] = self.html(self.list_html(rows, page, total))
        for doc in self.docs:
            path = self.detail_path(doc)
            self.pages[path] = self.html(self.detail_html(doc))
            folder = path.rsplit("/", 1)[0] + "/"
            for n, att in enumerate(doc.attachments):
                href = self.attachment_href(doc, n)
                target = folder + href.removeprefix("./")
                self.attachments[target] = AttachmentRef(doc, att, target.rsplit("/", 1)[1])

    def list_html(self, rows: list[SampleDocument], page: int, total: int) -> str:
        items = []
        for doc in rows:
            rel = "./" + self.detail_path(doc)[len(self.base):]
            top = '<span class="zd">[置顶]</span>' if doc.pinned else ""
            items.append(f'<li>{top}<a href="{rel}" target="_blank" title="{esc(doc.title)}">'
                         f'{esc(doc.title)}</a><span class="date">{doc.published_date}</span></li>')
        return (
            f"{self.head('政府文件', column='政府文件')}<body><div class=\"header\">"
            f"{self.site.city}市人民政府</div><div class=\"list\"><ul class=\"list-ul\">"
            f"{''.join(items)}</ul></div><div class=\"page\"><script type=\"text/javascript\">"
            f"createPageHTML({total}, {page}, \"index\", \"html\");</script></div></body></html>"
        )

    def metadata_html(self, doc: SampleDocument) -> str:
        rows = [("索引号", doc.index_number), ("主题分类", doc.category), ("发文机构", doc.issuer),
                ("成文日期", doc.written_date), ("标题", doc.title),
                ("发文字号", self.number_or(doc, "")), ("发布日期", doc.published_date),
                ("有效性", doc.validity if doc.kind == "policy" else "")]
        if self.site.charset == "gbk":  # Template A as a table, labels spaced with U+3000
            cells = "".join(f"<tr><th>{esc(_spaced(k))}：</th><td>{esc(v)}</td></tr>"
                            for k, v in rows)
            return f'<table class="xxgk_table">{cells}</table>'
        items = "".join(f"<li><span>{esc(k)}：</span>{esc(v)}</li>" for k, v in rows)
        return f'<div class="zcwjk-xxgk"><ul class="xxgk-info">{items}</ul></div>'

    def detail_html(self, doc: SampleDocument) -> str:
        links = "".join(
            f'<p><a href="{self.attachment_href(doc, n)}" OLDSRC="/protect/P0.{att.ext}">'
            f"{esc(att.name)}</a></p>" for n, att in enumerate(doc.attachments))
        return (
            f"{self.head(doc.title, doc)}<body><div class=\"header\">{self.site.city}市人民政府"
            f"</div><div class=\"container\">{self.metadata_html(doc)}"
            f"<div class=\"article\"><h1>{esc(doc.title)}</h1>"
            f"<div class=\"TRS_Editor\"><div class=\"view TRS_UEDITOR trs_paper_default\">"
            f"{self.body_html(doc)}</div></div><div class=\"fujian\">{links}</div>"
            f"</div></div></body></html>"
        )


def _spaced(label: str) -> str:
    """索引号 → 索　引　号, as Template A pages pad short labels with full-width spaces."""
    return "\u3000".join(label) if len(label) <= 3 else label
