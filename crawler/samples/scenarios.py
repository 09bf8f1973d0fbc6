"""Failure scenarios a test can switch on per host, each modelled on behaviour seen on portals."""

from __future__ import annotations

from urllib.parse import urlsplit

from crawler.samples.render_base import Resource, SiteRenderer

SCENARIOS = ("normal", "blocked_412", "waf_200", "js_cookie", "broken_layout", "unreachable",
             "server_error_once", "deep_page_broken")
CLEARANCE_COOKIE = "__jsl_clearance_s"
CLEARANCE_VALUE = "1732579200.128|0|sample"

CHALLENGE_412 = (
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta http-equiv=\"Content-Type\" "
    "content=\"text/html; charset=utf-8\"></head><body><script type=\"text/javascript\" "
    "r='m'>$_ts=window['$_ts'];if(!$_ts)$_ts={};$_ts.nsd=84823;$_ts.cd=\"qhbkrrAlqGqx"
    "rrWqxrAlqGqrcsArrGqxqqVlcGWkqGEqqGlqrnA3qGE\";if($_ts.lcd)$_ts.lcd();</script>"
    "<script type=\"text/javascript\" charset=\"utf-8\" src=\"/4QbVtADbnLVIc/c.FxJzG50F.dfe1675."
    "js\" r='m'></script><script type=\"text/javascript\" r='m'>"
    "eval(function(p,a,c,k,e,r){return p}('0 1=2;',3,3,'var|_ts|1'.split('|'),0,{}));"
    "</script></body></html>"
)
WAF_200 = (
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>访问验证</title></head><body>"
    "<div class=\"wzws\"><p>您的访问请求已被网站安全防护系统拦截。</p><p>Your request has been "
    "blocked by the website firewall. 请开启浏览器JavaScript后刷新页面。</p></div><script>"
    "var wzwschallenge=\"WZWS_CONFIRM_PREFIX_LABEL4\";var wzwschallengex=\"c2FtcGxl\";"
    "location.href=\"/WZWSREL3p3Z2svemN3ag==?wzwschallenge=\"+wzwschallenge;</script>"
    "</body></html>"
)
JS_COOKIE = (
    f"<html><head><meta charset=\"utf-8\"></head><body><script>document.cookie=("
    f"'{CLEARANCE_COOKIE}={CLEARANCE_VALUE};max-age=3600;path=/');"
    f"location.href=location.pathname+location.search</script></body></html>"
)


def scenario_answer(kind: str, url: str, page_no: int | None, cookies: str,
                    seen_once: set[str], renderer: SiteRenderer) -> Resource | None | bool:
    """The scenario's answer, or False when the request should be served normally."""
    if kind == "blocked_412":
        return Resource(status=412, body=CHALLENGE_412.encode("utf-8"),
                        headers={"Set-Cookie": "FSSBBIl1UgzbN7N80S=sample; Path=/; HttpOnly"})
    if kind == "waf_200":
        return Resource(status=200, body=WAF_200.encode("utf-8"))
    if kind == "js_cookie" and f"{CLEARANCE_COOKIE}=" not in cookies:
        cookie = f"{CLEARANCE_COOKIE}={CLEARANCE_VALUE}; Max-Age=3600; Path=/"
        return Resource(status=521, body=JS_COOKIE.encode("utf-8"),
                        headers={"Set-Cookie": cookie})
    if kind == "server_error_once" and url not in seen_once:
        seen_once.add(url)
        return Resource(status=500, body=b"<html><body><h1>500 Internal Server Error</h1>"
                                         b"</body></html>")
    if kind == "broken_layout" and page_no is not None:
        return renderer.redesign_shell()
    if kind == "deep_page_broken" and page_no is not None and page_no >= 1:
        return renderer.broken_stub(urlsplit(url).path)
    return False
