"""The per-page fast paths of the crawler (challenge prefilter, metadata scan, text walk, shared
parser) give the answers the plain versions gave, on the cases each shortcut could get wrong."""

import threading

from lxml import html as lxml_html

from crawler.blocking import block_reason
from crawler.content import element_text, parse_tree
from crawler.detail import parse_detail
from crawler.metadata import clean_value, normalise_label, parse_metadata

PROSE = "为加快城市全域数字化转型推进城市运行管理平台建设"  # 24 Chinese characters


# challenge pages -----------------------------------------------------------------------------
def test_a_waf_page_served_with_200_is_still_blocked():
    page = "<html><title>安全验证</title><script>var wzws_cid='1';</script></html>"
    assert block_reason(200, page) == "拦截页 WAF/JS challenge (marker 'wzws', HTTP 200)"


def test_markers_are_found_in_any_case():
    page = "<html><body>Please ENABLE JavaScript</body></html>"
    assert block_reason(200, page) == (
        "拦截页 WAF/JS challenge (marker 'ENABLE JavaScript', HTTP 200)")


def test_a_marker_spelt_with_letters_that_fold_to_ascii_is_still_found():
    # re.I equates ſ with s and İ with i; the lower-cased prefilter must not lose them.
    assert block_reason(200, "<p>wzwſ</p>") == "拦截页 WAF/JS challenge (marker 'wzwſ', HTTP 200)"
    assert block_reason(200, "<p>请开启JavaScrİpt</p>") == (
        "拦截页 WAF/JS challenge (marker '请开启JavaScrİpt', HTTP 200)")


def test_a_large_page_is_blocked_only_without_prose():
    filler = "<div>" + "x" * 5000 + "</div>"  # over 4096 bytes: not a small page
    shell = "<script>document.cookie = 'a=1';</script>" + filler + "中" * 199
    assert block_reason(200, shell) == (
        "拦截页 WAF/JS challenge (marker 'document.cookie =', HTTP 200)")
    # 199 + 1 = 200 Chinese characters: a document that happens to mention a marker
    assert block_reason(200, shell + "文") is None


def test_a_marker_past_the_first_20000_characters_is_ignored():
    page = "x" * 20000 + "wzws"
    assert block_reason(200, page) is None
    assert block_reason(200, "x" * 19996 + "wzws") is not None  # ends at character 20000


def test_a_normal_page_is_not_blocked():
    assert block_reason(200, f"<html><body><p>{PROSE}</p></body></html>") is None


# metadata ------------------------------------------------------------------------------------
def test_a_label_split_by_a_comment_or_written_as_an_entity_is_still_found():
    # The label is not in the raw HTML as written, only in the text: a scan of the raw page
    # would miss both. A comment holding markup ('<') is not text; one holding words is.
    page = ("<table><tr><td>索<!-- <b> -->引号</td><td>000/2024-1</td></tr>"
            "<tr><td>&#21457;文字号：</td><td>市政发〔2024〕1号</td></tr>"
            "<tr><td>成<!-- 模板 -->文日期</td><td>2024-09-06</td></tr></table>")
    meta = parse_metadata(page)
    assert meta.fields == {"index_number": "000/2024-1", "doc_number": "市政发〔2024〕1号"}
    assert "成模板文日期" not in meta.raw and "成文日期" not in meta.raw


def test_values_hidden_in_comments_and_template_tokens_are_read():
    page = ("<table><tr><th>发布机构</th><td><!--<$[FBJG]>-->市人民政府<!--<$[FBJG]>--></td>"
            "<th>公开日期</th><td><!--2024-09-10--></td></tr></table>")
    meta = parse_metadata(page)
    assert meta.fields == {"issuer": "市人民政府", "published_date": "2024-09-10"}


def test_a_label_in_its_own_element_takes_the_rest_of_the_parent():
    page = ("<ul><li><span>发文字号：</span> 京政发〔2024〕18号</li>"
            "<li><b>有效性</b>：有效</li></ul>")
    meta = parse_metadata(page)
    assert meta.fields == {"doc_number": "京政发〔2024〕18号", "validity": "有效"}


def test_a_label_inside_a_long_paragraph_is_body_text_not_metadata():
    long_paragraph = "<p>发文字号：京政发〔2024〕18号" + PROSE * 13 + "</p>"  # 24 * 13 > 300
    assert parse_metadata(long_paragraph).fields == {}


def test_placeholders_and_every_kind_of_space_are_handled_as_before():
    # \x0b, \u2003 (em space), \u3000 and \xa0 are all whitespace to the old regex
    assert clean_value(" a\u2003\x0b b\xa0") == "a b"
    assert clean_value("—\u3000—") is None  # collapses to ——, a placeholder
    assert clean_value("<$[BT]>  ") is None
    assert normalise_label("【索\u2003引\x0c号】：") == "索引号"


# body text and the shared parser -----------------------------------------------------------
def test_element_text_drops_comments_and_scripts_but_keeps_their_tails():
    div = lxml_html.fromstring("<div>a<!-- c -->b<script>x</script>c<p>d</p>e</div>")
    # 'a', the comment's tail 'b' and the script's tail 'c' make one line; <p> is a block.
    assert element_text(div) == "abc\nd\ne"


def test_the_shared_parser_builds_the_usual_html_elements():
    root = parse_tree("<html><body><form><label>标题</label><input></form><!-- x --></body></html>")
    label = root.find(".//label")
    assert isinstance(label, lxml_html.HtmlElement) and label.text_content() == "标题"
    assert isinstance(root.find("body")[-1], lxml_html.HtmlComment)


def test_pages_parsed_in_several_threads_at_once_stay_apart():
    pages = {n: (f"<html><head><meta name='ArticleTitle' content='通知{n}'></head><body>"
                 f"<ul><li>索引号：{n:05d}</li></ul><div id='zoom'><p>{PROSE}{n}</p></div>"
                 f"</body></html>") for n in range(8)}
    results: dict[int, tuple] = {}

    def parse(n: int) -> None:
        for _ in range(50):
            detail = parse_detail(pages[n], f"http://www.beijing.gov.cn/t{n}.html")
        results[n] = (detail.title, detail.field("index_number"), detail.text)

    threads = [threading.Thread(target=parse, args=(n,)) for n in pages]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == {n: (f"通知{n}", f"{n:05d}", f"{PROSE}{n}") for n in pages}


def test_the_article_title_meta_is_the_first_one_with_content():
    # The first ArticleTitle meta has no content and is passed over; the next is blank, so the
    # page's own title finder takes over and joins the non-blank ones: 'B'.
    page = ("<html><head><meta name='ArticleTitle'><meta name='ArticleTitle' content=' '>"
            "<meta name='ArticleTitle' content='B'><title>T</title></head><body></body></html>")
    assert parse_detail(page, "http://www.beijing.gov.cn/t.html").title == "B"
    page = "<html><head><meta name='ArticleTitle' content=' A '><title>T</title></head></html>"
    assert parse_detail(page, "http://www.beijing.gov.cn/t.html").title == "A"
