"""Detail-page parsing on saved pages: encodings, the metadata block, body text, attachments."""

from pathlib import Path

from crawler.blocking import block_reason
from crawler.detail import parse_detail
from crawler.encoding import decode_html
from crawler.metadata import parse_metadata

PAGES = Path(__file__).parent / "fixtures" / "pages"


def read(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


def test_gb2312_declared_gbk_page_decodes_without_mojibake():
    body = (PAGES / "guiyang_gbk.html").read_bytes()
    strict_gb2312 = body.decode("gb2312", "replace")
    assert "\ufffd" in strict_gb2312  # the declared charset really is wrong
    decoded = decode_html(body, "text/html; charset=gb2312")
    assert decoded.encoding == "gb18030"
    assert decoded.replaced == 0
    assert "朱镕基" in decoded.text and "王喆、李堃" in decoded.text


def test_utf8_page_declared_gbk_is_still_read_as_utf8():
    body = "<html><meta charset='gbk'><p>数字政府建设</p></html>".encode()
    decoded = decode_html(body)
    assert decoded.encoding == "utf-8"
    assert "<p>数字政府建设</p>" in decoded.text


def test_double_encoded_utf8_is_detected():
    body = ("<p>" + "数字化转型" * 20 + "</p>").encode()
    decoded = decode_html(body, "text/html; charset=iso-8859-1")
    assert decoded.encoding == "utf-8"
    assert "数字化转型" in decoded.text


def test_li_metadata_with_spaces_and_full_width_colons():
    meta = parse_metadata(read("trs_detail_li.html"))
    assert meta.fields == {
        "index_number": "11110000000094372F/2024-00123",
        "category": "城乡建设、环境保护/城市建设",
        "issuer": "北京市人民政府",
        "written_date": "2024-09-06",
        "doc_number": "京政发〔2024〕18号",  # 发文字号 wins over 文号
        "published_date": "2024-09-12",
        "validity": "有效",
    }
    assert meta.raw["文号"] == "京政〔2024〕99号"


def test_table_metadata_with_placeholders():
    meta = parse_metadata(read("hanweb_detail_table.html"))
    assert meta.get("index_number") == "002489489/2024-01234"
    assert meta.get("issuer") == "杭州市人民政府办公厅"
    assert meta.get("written_date") == "2024-09-06"
    assert meta.get("doc_number") is None  # 无号 and —— are placeholders
    assert meta.get("validity") == "废止"
    assert meta.raw["公开方式"] == "主动公开"


def test_comment_wrapped_values_and_generation_date_is_not_written_date():
    meta = parse_metadata(read("wuxi_detail.shtml"))
    assert meta.get("index_number") == "014006438/2024-03652"
    assert meta.get("doc_number") == "锡政规〔2024〕5号"
    assert meta.get("issuer") == "无锡市人民政府"
    assert meta.get("published_date") == "2024-09-10"
    assert meta.get("validity") == "有效"
    assert meta.get("written_date") is None
    assert meta.raw["生成日期"] == "2024-09-11"


def test_dl_form():
    page = ("<dl><dt>发文机关：</dt><dd>宁波市人民政府</dd><dt>发文日期</dt><dd>2024/3/5</dd>"
            "<dt>备注/文号</dt><dd>甬政发〔2024〕3号</dd></dl>")
    meta = parse_metadata(page)
    assert meta.fields == {"issuer": "宁波市人民政府", "written_date": "2024-03-05",
                           "doc_number": "甬政发〔2024〕3号"}


def test_detail_body_and_attachments():
    url = "http://www.beijing.gov.cn/zhengce/zfwj/202409/t20240912_4123.html"
    detail = parse_detail(read("trs_detail_li.html"), url)
    assert detail.title == "北京市人民政府关于推进城市运行“一网统管”的通知"
    assert detail.text.splitlines()[0] == "各区人民政府，市政府各委、办、局："
    assert "不要这段脚本" not in detail.text
    assert "京ICP备" not in detail.text and "首页" not in detail.text
    assert [a.url for a in detail.attachments] == [
        "http://www.beijing.gov.cn/zhengce/zfwj/202409/202409/P020240912385647123456.pdf",
        "http://www.beijing.gov.cn/zhengce/zfwj/202409/202409/P020240912385647123457.docx",
    ]
    assert detail.attachments[0].name == "城市运行管理平台建设指引.pdf"


def test_largest_block_fallback_skips_metadata_and_footer():
    detail = parse_detail(read("wuxi_detail.shtml"), "http://www.wuxi.gov.cn/doc/2024/09/10/1.shtml")
    assert detail.text.splitlines() == [
        "为促进数字经济发展，依据有关法规，结合本市实际，制定本办法。",
        "第一条 本市建设城市数据资源体系，推动公共数据共享开放。",
        "第二条 本办法自2024年10月1日起施行。",
    ]


def test_hanweb_download_links_are_attachments():
    url = "http://www.hangzhou.gov.cn/art/2024/9/12/art_1229063382_58900.html"
    detail = parse_detail(read("hanweb_detail_table.html"), url)
    assert [a.url for a in detail.attachments] == [
        "http://www.hangzhou.gov.cn/module/download/downfile.jsp?classid=0&"
        "filename=0a1b2c3d4e5f60718293a4b5c6d7e8f9.pdf"]


def test_challenge_pages_are_recognised():
    assert block_reason(412, "<html></html>") == "HTTP 412 拦截页 challenge"
    assert block_reason(200, read("waf_200.html")).startswith("拦截页 WAF/JS challenge")
    assert block_reason(200, read("trs_detail_li.html")) is None
